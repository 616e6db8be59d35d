import type { AuthMethod, Credential, GetCredentialOptions } from '../contracts.ts';
import type { Env } from '../env.ts';
import { fetchMetadataToken } from '../metadata-client.ts';
import { describeMetadataAddr } from '../metadata-url.ts';
import { TokenCache, type FetchedToken } from '../token-cache.ts';

export interface MetadataAuthOptions {
  /** Where YC_METADATA_ADDR is read from (default address 169.254.169.254). */
  readonly env: Env;
  /** Per request; default the SDK's (1 s with YC_METADATA_ADDR, else 0.1 s). */
  readonly timeoutMs?: number;
  /** A token the resolver's probe already fetched, served until its refresh time. */
  readonly initial?: FetchedToken;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

/** The SDK's MetadataAuth: IAM tokens from the VM metadata service (or a local server speaking its protocol). */
export class MetadataAuth implements AuthMethod {
  readonly name = 'MetadataAuth';
  readonly source: string;
  private readonly cache: TokenCache;

  constructor(options: MetadataAuthOptions) {
    this.source = `metadata service at ${describeMetadataAddr(options.env)}`;
    const request = { env: options.env, timeoutMs: options.timeoutMs, now: options.now };
    this.cache = new TokenCache(() => fetchMetadataToken(request), { now: options.now, initial: options.initial });
  }

  getCredential(options?: GetCredentialOptions): Promise<Credential> {
    return this.cache.get(options);
  }
}

/**
 * The resolver's probe: one GET with the SDK's timeout. A MetadataAuth already holding the token
 * when the service answers; a MetadataError saying why not otherwise.
 */
export async function probeMetadata(options: Omit<MetadataAuthOptions, 'initial'>): Promise<MetadataAuth> {
  const initial = await fetchMetadataToken(options);
  return new MetadataAuth({ ...options, initial });
}
