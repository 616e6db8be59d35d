import type { AuthMethod, MethodName, WarningSink } from './contracts.ts';
import type { Env } from './env.ts';
import type { IamExchangeOptions } from './iam-client.ts';
import { APIKeyAuth } from './methods/api-key.ts';
import { IAMTokenAuth } from './methods/iam-token.ts';
import { OAuthTokenAuth } from './methods/oauth-token.ts';
import { ServiceAccountKeyAuth } from './methods/service-account-key.ts';
import { IAM_FORMAT_WARNING } from './warnings.ts';

export interface ClassifyOptions {
  /** IAM API base URL for an OAuth token's or a key's exchange. */
  readonly iamEndpoint?: string;
  /** Receives the SDK's warnings (IAM token format, OAuth sharing). */
  readonly onWarning?: WarningSink;
  /** Where the string came from, for people and errors. Default `auth argument`. */
  readonly source?: string;
  /** The environment the IAM exchange takes its proxy settings from; default `process.env`. */
  readonly env?: Env;
  /** IAM call tuning (timeout, attempts, backoff); tests shorten it. */
  readonly iam?: Omit<IamExchangeOptions, 'env' | 'iamEndpoint'>;
}

// Python's re.match anchors at the start only; so do these. Python's \d and \w are Unicode-aware.
const SIMPLE_IAM = /^t\p{Nd}\./u;
const IAM_FORMAT = /^t1\.[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]{86}={0,2}/;
const SIMPLE_OAUTH = /^y[0123]_[-\p{L}\p{N}_]/u;

/** Which SDK class an auth string becomes (the SDK tests the untrimmed string). */
export function authStringMethod(value: string): MethodName {
  if (SIMPLE_IAM.test(value)) return 'IAMTokenAuth';
  if (SIMPLE_OAUTH.test(value)) return 'OAuthTokenAuth';
  return 'APIKeyAuth';
}

/** An auth string as the SDK's `auth=` string: IAM token (with its format warning), OAuth token, else API key. */
export function classifyAuthString(value: string, options: ClassifyOptions = {}): AuthMethod {
  const source = options.source ?? 'auth argument';
  switch (authStringMethod(value)) {
    case 'IAMTokenAuth': {
      const auth = new IAMTokenAuth({ token: value, source });
      if (!IAM_FORMAT.test(value)) options.onWarning?.(IAM_FORMAT_WARNING);
      return auth;
    }
    case 'OAuthTokenAuth':
      return new OAuthTokenAuth({ token: value, source, env: options.env ?? process.env, iamEndpoint: options.iamEndpoint, onWarning: options.onWarning, iam: options.iam });
    default:
      return new APIKeyAuth({ apiKey: value, source });
  }
}

/** Like classifyAuthString, and a service-account authorized key JSON becomes ServiceAccountKeyAuth. */
export function classifyCredentialText(text: string, options: ClassifyOptions = {}): AuthMethod {
  if (text.trim().startsWith('{')) {
    return ServiceAccountKeyAuth.fromJson(text, { env: options.env ?? process.env, iamEndpoint: options.iamEndpoint, source: options.source, iam: options.iam });
  }
  return classifyAuthString(text, options);
}
