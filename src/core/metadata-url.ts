import { readEnv, type Env } from './env.ts';

export const DEFAULT_METADATA_ADDR = '169.254.169.254';
const TOKEN_PATH = '/computeMetadata/v1/instance/service-accounts/default/token';

/**
 * The token URL as the SDK builds it: `http://{YC_METADATA_ADDR}/computeMetadata/…`. The address
 * may carry a path prefix (`127.0.0.1:PORT/PREFIX`), which is kept, as the SDK's f-string does.
 */
export function metadataTokenUrl(env: Env): string {
  const addr = readEnv(env, 'YC_METADATA_ADDR')?.trim() ?? DEFAULT_METADATA_ADDR;
  return `http://${addr.replace(/\/+$/, '')}${TOKEN_PATH}`;
}

/**
 * The metadata address for people: host and port only. A path prefix may be the capability a
 * local token server checks, so it is never shown.
 */
export function describeMetadataAddr(env: Env): string {
  const addr = readEnv(env, 'YC_METADATA_ADDR')?.trim();
  return addr === undefined ? `${DEFAULT_METADATA_ADDR} (default)` : `${addr.split('/')[0]} (YC_METADATA_ADDR)`;
}

/** The SDK's timeout: 1 s when YC_METADATA_ADDR is set (it is then almost surely right), else 0.1 s. */
export function metadataTimeoutMs(env: Env): number {
  return readEnv(env, 'YC_METADATA_ADDR') === undefined ? 100 : 1000;
}
