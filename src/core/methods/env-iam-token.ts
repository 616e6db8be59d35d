import { cleanCredential } from '../clean-credential.ts';
import type { AuthMethod, Credential } from '../contracts.ts';
import { bearerCredential } from '../credential.ts';
import type { Env } from '../env.ts';
import { CredentialFormatError } from '../errors.ts';

export interface EnvIAMTokenAuthOptions {
  /** The environment object read on every call (whoever owns it keeps the token fresh). */
  readonly env: Env;
  /** The variable, default `YC_TOKEN` (DataSphere's). */
  readonly varName?: string;
}

/** The SDK's EnvIAMTokenAuth: the IAM token is re-read from the variable on every request. */
export class EnvIAMTokenAuth implements AuthMethod {
  readonly name = 'EnvIAMTokenAuth';
  readonly source: string;
  private readonly env: Env;
  private readonly varName: string;

  constructor(options: EnvIAMTokenAuthOptions) {
    this.env = options.env;
    this.varName = options.varName ?? 'YC_TOKEN';
    this.source = `env ${this.varName}`;
  }

  async getCredential(): Promise<Credential> {
    const value = this.env[this.varName];
    if (value === undefined) throw new CredentialFormatError(`${this.source} is not set`);
    return bearerCredential(cleanCredential(value, this.source), new Date());
  }
}
