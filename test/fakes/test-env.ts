import { closedLoopbackPort } from './listen.ts';

/**
 * An explicit environment for a test: nothing inherited (no proxy, no YC_* of the developer's),
 * metadata pointed at a closed loopback port unless the test points it elsewhere.
 */
export async function testEnv(extra: Record<string, string | undefined> = {}): Promise<Record<string, string | undefined>> {
  return { PATH: '/usr/bin:/bin', YC_METADATA_ADDR: `127.0.0.1:${await closedLoopbackPort()}`, ...extra };
}
