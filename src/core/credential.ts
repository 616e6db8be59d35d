import type { Credential } from './contracts.ts';

/** An IAM token as the `Bearer` credential every IAM-based method hands out. */
export function bearerCredential(token: string, obtainedAt: Date, expiresAt?: Date): Credential {
  return { kind: 'iam-token', secret: token, authorization: `Bearer ${token}`, expiresAt, obtainedAt };
}

/** An API key as the `Api-Key` credential; API keys carry no expiry the client can see. */
export function apiKeyCredential(key: string, obtainedAt: Date): Credential {
  return { kind: 'api-key', secret: key, authorization: `Api-Key ${key}`, expiresAt: undefined, obtainedAt };
}
