import { cleanCredential } from '../clean-credential.ts';
import type { AuthMethod, Credential } from '../contracts.ts';
import { apiKeyCredential } from '../credential.ts';

export interface APIKeyAuthOptions {
  /** The API key (trimmed; control or non-ASCII characters are rejected). */
  readonly apiKey: string;
  /** Where it came from, for people: `env YC_API_KEY`, `--auth argument`. Default `API key`. */
  readonly source?: string;
}

/** The SDK's APIKeyAuth: `Authorization: Api-Key <key>`, nothing to refresh. */
export class APIKeyAuth implements AuthMethod {
  readonly name = 'APIKeyAuth';
  readonly source: string;
  private readonly credential: Credential;

  constructor(options: APIKeyAuthOptions) {
    this.source = options.source ?? 'API key';
    this.credential = apiKeyCredential(cleanCredential(options.apiKey, this.source), new Date());
  }

  async getCredential(): Promise<Credential> {
    return this.credential;
  }
}
