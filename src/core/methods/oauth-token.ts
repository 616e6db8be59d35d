import { cleanCredential } from '../clean-credential.ts';
import type { AuthMethod, Credential, GetCredentialOptions, WarningSink } from '../contracts.ts';
import { exchangeForIamToken, type IamExchangeMethodOptions, type IamExchangeOptions } from '../iam-client.ts';
import { TokenCache } from '../token-cache.ts';
import { OAUTH_WARNING } from '../warnings.ts';

export interface OAuthTokenAuthOptions extends IamExchangeMethodOptions {
  /** The Yandex OAuth token (trimmed; control or non-ASCII characters are rejected). Default source `OAuth token`. */
  readonly token: string;
  /** Receives the SDK's warning that sharing an OAuth token is unsafe (given on construction). */
  readonly onWarning?: WarningSink;
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
