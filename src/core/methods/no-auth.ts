import type { AuthMethod, Credential } from '../contracts.ts';

/** The SDK's NoAuth: requests go out without an Authorization header. */
export class NoAuth implements AuthMethod {
  readonly name = 'NoAuth';
  readonly source = 'no authorization';

  async getCredential(): Promise<Credential> {
    return { kind: 'none', secret: '', authorization: '', expiresAt: undefined, obtainedAt: new Date() };
  }
}
