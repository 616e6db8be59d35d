import { cleanCredential } from '../clean-credential.ts';
import type { AuthMethod, Credential } from '../contracts.ts';
import { bearerCredential } from '../credential.ts';

export interface IAMTokenAuthOptions {
  /** The IAM token (trimmed; control or non-ASCII characters are rejected). */
  readonly token: string;
  /** Where it came from, for people: `env YC_IAM_TOKEN`, `--auth argument`. Default `IAM token`. */
  readonly source?: string;
}

/** The SDK's IAMTokenAuth: a fixed `Bearer` token; its expiry is not known to the client. */
export class IAMTokenAuth implements AuthMethod {
  readonly name = 'IAMTokenAuth';
  readonly source: string;
  private readonly credential: Credential;

  constructor(options: IAMTokenAuthOptions) {
    this.source = options.source ?? 'IAM token';
    this.credential = bearerCredential(cleanCredential(options.token, this.source), new Date());
  }

  async getCredential(): Promise<Credential> {
    return this.credential;
  }
}
