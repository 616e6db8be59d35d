import type { AuthMethod, Credential, GetCredentialOptions } from '../contracts.ts';
import type { Env } from '../env.ts';
import { TokenCache, type FetchedToken } from '../token-cache.ts';
import { createYcToken } from '../yc-token.ts';

export interface YandexCloudCLIAuthOptions {
  /** The environment yc runs with (PATH, HOME, YC_*). */
  readonly env: Env;
  /** yc executable, default `yc` on PATH. */
  readonly ycPath?: string;
  /** yc profile; default yc's current one. */
  readonly profile?: string;
  /** API endpoint passed to yc as `--endpoint`. */
  readonly endpoint?: string;
  /** `yc iam create-token` timeout, default 10 s; a yc still running then is killed. */
  readonly timeoutMs?: number;
  /** A token the resolver already obtained, served until its refresh time. */
  readonly initial?: FetchedToken;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

/** The SDK's YandexCloudCLIAuth: IAM tokens from `yc iam create-token`, re-run on schedule. */
export class YandexCloudCLIAuth implements AuthMethod {
  readonly name = 'YandexCloudCLIAuth';
  readonly source: string;
  private readonly cache: TokenCache;

  constructor(options: YandexCloudCLIAuthOptions) {
    const ycOptions = { ...options, ycPath: options.ycPath ?? 'yc' };
    this.source = options.profile ? `yc profile "${options.profile}"` : 'yc current profile';
    this.cache = new TokenCache(() => createYcToken(ycOptions), { now: options.now, initial: options.initial });
  }

  getCredential(options?: GetCredentialOptions): Promise<Credential> {
    return this.cache.get(options);
  }
}
