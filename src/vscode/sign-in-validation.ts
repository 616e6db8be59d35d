// A sign-in is kept only once it is known to work: an OAuth token must exchange, a key file must
// parse and sign. An API key cannot be checked without calling a paid API, so only its form is.
import type { AuthMethod, WarningSink } from '../core/contracts.ts';
import { classifyCredentialText } from '../core/classify.ts';
import { iamTokensUrl } from '../core/iam-client.ts';
import { signServiceAccountJwt } from '../core/jwt.ts';
import { parseAuthorizedKey } from '../core/authorized-key.ts';
import { ServiceAccountKeyAuth } from '../core/methods/service-account-key.ts';
import type { Env } from '../core/env.ts';
import { STORED_SOURCE, storedKeySource } from './credential-source.ts';
import type { Settings } from './settings.ts';
import type { SignInRecord } from './sign-in-record.ts';

export interface ValidatedSignIn {
  readonly record: SignInRecord;
  /** The method that passed validation, kept so its token is not fetched twice. */
  readonly auth: AuthMethod;
}

export interface ValidationContext {
  readonly settings: Settings;
  readonly env: Env;
  readonly onWarning?: WarningSink;
}

export async function validateCredential(text: string, ctx: ValidationContext): Promise<ValidatedSignIn> {
  const credential = text.trim();
  if (credential.startsWith('{')) return validateKeyFile(credential, 'pasted key', ctx);
  const auth = classifyCredentialText(credential, { iamEndpoint: ctx.settings.iamEndpoint, env: ctx.env, onWarning: ctx.onWarning, source: STORED_SOURCE });
  await auth.getCredential();
  return { record: { method: 'credential', credential }, auth };
}

export function validateKeyFile(keyJson: string, path: string, ctx: ValidationContext): ValidatedSignIn {
  const key = parseAuthorizedKey(keyJson, `key file ${path}`);
  signServiceAccountJwt(key, iamTokensUrl(ctx.settings.iamEndpoint), Date.now());
  const auth = new ServiceAccountKeyAuth(key, { env: ctx.env, iamEndpoint: ctx.settings.iamEndpoint, source: storedKeySource(path) });
  return { record: { method: 'keyFile', keyJson, path }, auth };
}
