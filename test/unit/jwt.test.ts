import assert from 'node:assert/strict';
import { constants, verify } from 'node:crypto';
import { test } from 'node:test';
import { parseAuthorizedKey } from '../../src/core/authorized-key.ts';
import { iamTokensUrl } from '../../src/core/iam-client.ts';
import { signServiceAccountJwt } from '../../src/core/jwt.ts';
import { makeTestKey } from '../fakes/authorized-key.ts';

test('signServiceAccountJwt: PS256 header with kid, iss/aud/iat/exp claims, one hour, a real RSA-PSS (salt 32) signature', () => {
  const key = makeTestKey('kid-1', 'sa-1');
  const nowMs = Date.UTC(2030, 0, 1, 12, 0, 0, 999);
  const jwt = signServiceAccountJwt(parseAuthorizedKey(key.json, 'k'), iamTokensUrl(), nowMs);
  const [header, claims, signature] = jwt.split('.');
  assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString()), { typ: 'JWT', alg: 'PS256', kid: 'kid-1' });
  const iat = Math.floor(nowMs / 1000);
  assert.deepEqual(JSON.parse(Buffer.from(claims, 'base64url').toString()), {
    iss: 'sa-1',
    aud: 'https://iam.api.cloud.yandex.net/iam/v1/tokens',
    iat,
    exp: iat + 3600,
  });
  const ok = verify('sha256', Buffer.from(`${header}.${claims}`), { key: key.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, Buffer.from(signature, 'base64url'));
  assert.equal(ok, true);
  assert.doesNotMatch(jwt, /[+/=]/, 'base64url without padding');
});
