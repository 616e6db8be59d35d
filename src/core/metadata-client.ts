import type { Env } from './env.ts';
import { MetadataError } from './errors.ts';
import { describeMetadataAddr, metadataTimeoutMs, metadataTokenUrl } from './metadata-url.ts';
import type { FetchedToken } from './token-cache.ts';

export interface MetadataRequestOptions {
  /** Where YC_METADATA_ADDR is read from. */
  readonly env: Env;
  /** Default: the SDK's (1 s with YC_METADATA_ADDR, else 0.1 s). */
  readonly timeoutMs?: number;
  /** The clock for `expires_in`; tests pass their own. */
  readonly now?: () => number;
}

/**
 * Fetches a token from the metadata service (`Metadata-Flavor: Google`), reading `access_token`
 * and `expires_in`. Never goes through a proxy: the service is link-local or a loopback server.
 */
export async function fetchMetadataToken(options: MetadataRequestOptions): Promise<FetchedToken> {
  const { Agent, request } = await import('undici');
  const where = `metadata service at ${describeMetadataAddr(options.env)}`;
  const timeoutMs = options.timeoutMs ?? metadataTimeoutMs(options.env);
  const agent = new Agent();
  let status: number;
  let text: string;
  try {
    const response = await request(metadataTokenUrl(options.env), {
      dispatcher: agent,
      headers: { 'Metadata-Flavor': 'Google' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const code = (error as { code?: unknown })?.code;
    throw new MetadataError(`${where}: ${timedOut ? `no answer within ${timeoutMs} ms` : `not reachable${typeof code === 'string' ? ` (${code})` : ''}`}`);
  } finally {
    await agent.close();
  }
  if (status !== 200) throw new MetadataError(`${where} answered HTTP ${status}`);
  return parseMetadataAnswer(text, where, (options.now ?? Date.now)());
}

function parseMetadataAnswer(text: string, where: string, now: number): FetchedToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MetadataError(`${where} answered with something that is not JSON`);
  }
  const { access_token: token, expires_in: expiresIn } = (parsed ?? {}) as { access_token?: unknown; expires_in?: unknown };
  if (typeof token !== 'string' || token.trim() === '') throw new MetadataError(`${where} answered without an "access_token"`);
  const expiresAt = typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(now + expiresIn * 1000) : undefined;
  return { token: token.trim(), expiresAt };
}

