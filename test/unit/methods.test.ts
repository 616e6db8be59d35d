import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CredentialFormatError } from '../../src/core/errors.ts';
import { APIKeyAuth } from '../../src/core/methods/api-key.ts';
import { EnvIAMTokenAuth } from '../../src/core/methods/env-iam-token.ts';
import { IAMTokenAuth } from '../../src/core/methods/iam-token.ts';
import { NoAuth } from '../../src/core/methods/no-auth.ts';
import { OAuthTokenAuth } from '../../src/core/methods/oauth-token.ts';
import { OAUTH_WARNING } from '../../src/core/warnings.ts';
import { startFakeIamServer, type FakeIamServer } from '../fakes/fake-iam-server.ts';

let iam: FakeIamServer;
before(async () => {
  iam = await startFakeIamServer();
});
after(() => iam.close());

test('APIKeyAuth: Api-Key header, trimmed, no expiry', async () => {
  const credential = await new APIKeyAuth({ apiKey: ' foo\n', source: 'env YC_API_KEY' }).getCredential();
  assert.deepEqual({ ...credential, obtainedAt: undefined }, { kind: 'api-key', secret: 'foo', authorization: 'Api-Key foo', expiresAt: undefined, obtainedAt: undefined });
});

test('IAMTokenAuth: Bearer header, trimmed', async () => {
  const credential = await new IAMTokenAuth({ token: '<iam_token>\n' }).getCredential();
  assert.equal(credential.authorization, 'Bearer <iam_token>');
  assert.equal(credential.kind, 'iam-token');
});

test('every fixed-credential method validates on construction, naming the source', () => {
  assert.throws(() => new APIKeyAuth({ apiKey: 'a\u0000b', source: 'env YC_API_KEY' }), { name: 'CredentialFormatError', message: 'env YC_API_KEY contains a control character at position 2' });
  assert.throws(() => new IAMTokenAuth({ token: 't1.é', source: 'env YC_IAM_TOKEN' }), { message: 'env YC_IAM_TOKEN contains a non-ASCII character at position 4' });
  assert.throws(() => new OAuthTokenAuth({ token: '   ', source: 'env YC_OAUTH_TOKEN', env: {} }), { message: 'env YC_OAUTH_TOKEN is empty' });
});

test('EnvIAMTokenAuth re-reads YC_TOKEN from the env object on every call (the SDK test)', async () => {
  const env: Record<string, string | undefined> = { YC_TOKEN: '<iam_token>' };
  const auth = new EnvIAMTokenAuth({ env });
  assert.equal(auth.source, 'env YC_TOKEN');
  assert.equal((await auth.getCredential()).authorization, 'Bearer <iam_token>');
  env.YC_TOKEN = ' foo\n';
  assert.equal((await auth.getCredential()).authorization, 'Bearer foo');
  env.YC_TOKEN = undefined;
  await assert.rejects(auth.getCredential(), { name: 'CredentialFormatError', message: 'env YC_TOKEN is not set' });
  env.YC_TOKEN = 'a\tb';
  await assert.rejects(auth.getCredential(), CredentialFormatError);
});

test('EnvIAMTokenAuth takes another variable name', async () => {
  const auth = new EnvIAMTokenAuth({ env: { MY_TOKEN: 'x' }, varName: 'MY_TOKEN' });
  assert.equal((await auth.getCredential()).secret, 'x');
});

test('NoAuth gives no header', async () => {
  const credential = await new NoAuth().getCredential();
  assert.equal(credential.kind, 'none');
  assert.equal(credential.authorization, '');
});

test('OAuthTokenAuth warns like the SDK and exchanges the token at IAM, then serves the cached IAM token', async () => {
  const warnings: string[] = [];
  const auth = new OAuthTokenAuth({ token: '<oauth_token>', env: {}, iamEndpoint: iam.url, onWarning: (w) => warnings.push(w) });
  assert.deepEqual(warnings, [OAUTH_WARNING]);
  const first = await auth.getCredential();
  assert.match(first.authorization, /^Bearer iam-token-\d+$/);
  assert.deepEqual(JSON.parse(iam.requests.at(-1)!.body), { yandexPassportOauthToken: '<oauth_token>' });
  const count = iam.requests.length;
  assert.equal((await auth.getCredential()).secret, first.secret);
  assert.equal(iam.requests.length, count);
  assert.notEqual((await auth.getCredential({ forceRefresh: true })).secret, first.secret);
});

test('OAuthTokenAuth reissues after the hour (the SDK reissue test)', async () => {
  let now = 0;
  const auth = new OAuthTokenAuth({ token: '<oauth_token>', env: {}, iamEndpoint: iam.url, now: () => now });
  const first = (await auth.getCredential()).secret;
  now += 1000;
  assert.equal((await auth.getCredential()).secret, first);
  now += 3600_000;
  assert.notEqual((await auth.getCredential()).secret, first);
});
