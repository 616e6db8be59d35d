import { constants, sign } from 'node:crypto';
import type { AuthorizedKey } from './authorized-key.ts';

/** JWT lifetime: IAM accepts at most one hour. */
const JWT_LIFETIME_S = 3600;

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** A PS256 JWT (RSA-PSS, SHA-256, salt 32) for exchanging at IAM, signed with Node's crypto. */
export function signServiceAccountJwt(key: AuthorizedKey, audience: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'PS256', kid: key.keyId }));
  const claims = base64url(JSON.stringify({ iss: key.serviceAccountId, aud: audience, iat, exp: iat + JWT_LIFETIME_S }));
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), {
    key: key.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  });
  return `${header}.${claims}.${base64url(signature)}`;
}
