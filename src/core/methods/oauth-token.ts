import { cleanCredential } from '../clean-credential.ts';
import type { AuthMethod, Credential, GetCredentialOptions, WarningSink } from '../contracts.ts';
import type { Env } from '../env.ts';
import { exchangeForIamToken, type IamExchangeOptions } from '../iam-client.ts';
import { TokenCache } from '../token-cache.ts';
import { OAUTH_WARNING } from '../warnings.ts';

export interface OAuthTokenAuthOptions {
  /** The Yandex OAuth token (trimmed; control or non-ASCII characters are rejected). */
  readonly token: string;
  /** Where it came from, for people. Default `OAuth token`. */
  readonly source?: string;
  /** The environment the IAM call takes its proxy settings from. */
  readonly env: Env;
  /** IAM API base URL, default `https://iam.api.cloud.yandex.net`. */
  readonly iamEndpoint?: string;
  /** Receives the SDK's warning that sharing an OAuth token is unsafe (given on construction). */
  readonly onWarning?: WarningSink;
  /** IAM call tuning (timeout, attempts, backoff); tests shorten it. */
  readonly iam?: Omit<IamExchangeOptions, 'env' | 'iamEndpoint'>;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

/** The SDK's OAuthTokenAuth: the OAuth token is exchanged at IAM for an IAM token, refreshed on schedule. */
export class OAuthTokenAuth implements AuthMethod {
  readonly name = 'OAuthTokenAuth';
  readonly source: string;
  private readonly cache: TokenCache;

  constructor(options: OAuthTokenAuthOptions) {
    this.source = options.source ?? 'OAuth token';
    const oauthToken = cleanCredential(options.token, this.source);
    options.onWarning?.(OAUTH_WARNING);
    const iam: IamExchangeOptions = { ...options.iam, env: options.env, iamEndpoint: options.iamEndpoint };
    this.cache = new TokenCache(() => exchangeForIamToken({ yandexPassportOauthToken: oauthToken }, iam), { now: options.now });
  }

  getCredential(options?: GetCredentialOptions): Promise<Credential> {
    return this.cache.get(options);
  }
}
