import { parseAuthorizedKey, readKeyFile, type AuthorizedKey } from '../authorized-key.ts';
import type { AuthMethod, Credential, GetCredentialOptions } from '../contracts.ts';
import { exchangeForIamToken, iamTokensUrl, type IamExchangeMethodOptions, type IamExchangeOptions } from '../iam-client.ts';
import { signServiceAccountJwt } from '../jwt.ts';
import { TokenCache } from '../token-cache.ts';

/** Default source: `service account <id> key`, or the key file's path. */
export type ServiceAccountKeyAuthOptions = IamExchangeMethodOptions;

/** A service-account authorized key: a PS256 JWT exchanged at IAM for an IAM token, refreshed on schedule. */
export class ServiceAccountKeyAuth implements AuthMethod {
  readonly name = 'ServiceAccountKeyAuth';
  readonly source: string;
  private readonly cache: TokenCache;

  constructor(key: AuthorizedKey, options: ServiceAccountKeyAuthOptions) {
    this.source = options.source ?? `service account ${key.serviceAccountId} key`;
    const now = options.now ?? Date.now;
    const audience = iamTokensUrl(options.iamEndpoint);
    const iam: IamExchangeOptions = { ...options.iam, env: options.env, iamEndpoint: options.iamEndpoint };
    this.cache = new TokenCache(() => exchangeForIamToken({ jwt: signServiceAccountJwt(key, audience, now()) }, iam), { now });
  }

  /** From the key JSON text; a KeyFileError names a missing field or a bad PEM. */
  static fromJson(text: string, options: ServiceAccountKeyAuthOptions): ServiceAccountKeyAuth {
    const source = options.source ?? 'service account key';
    return new ServiceAccountKeyAuth(parseAuthorizedKey(text, source), { ...options, source });
  }

  /** From a key file; a KeyFileError when it cannot be read or is not a valid key. */
  static async fromFile(path: string, options: ServiceAccountKeyAuthOptions): Promise<ServiceAccountKeyAuth> {
    const text = await readKeyFile(path);
    return ServiceAccountKeyAuth.fromJson(text, { ...options, source: options.source ?? `key file ${path}` });
  }

  getCredential(options?: GetCredentialOptions): Promise<Credential> {
    return this.cache.get(options);
  }
}
