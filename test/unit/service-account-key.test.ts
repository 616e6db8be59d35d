import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parseAuthorizedKey } from '../../src/core/authorized-key.ts';
import { KeyFileError } from '../../src/core/errors.ts';
import { ServiceAccountKeyAuth } from '../../src/core/methods/service-account-key.ts';
import { makeTestKey, type TestKey } from '../fakes/authorized-key.ts';
import { startFakeIamServer, type FakeIamServer } from '../fakes/fake-iam-server.ts';

let iam: FakeIamServer;
let key: TestKey;
let dir: string;

before(async () => {
  iam = await startFakeIamServer();
  key = makeTestKey();
  iam.addServiceAccountKey(key.keyId, key.serviceAccountId, key.publicKey);
  dir = await mkdtemp(path.join(tmpdir(), 'sa-key-'));
});
after(async () => {
  await iam.close();
  await rm(dir, { recursive: true, force: true });
});

const options = () => ({ env: {}, iamEndpoint: iam.url, iam: { backoffBaseMs: 1 } });
const PEM_BODY = /MII[A-Za-z0-9+/]{20}/;

test('a yc key file becomes an IAM token: the fake IAM verifies the PS256 signature, kid, iss, aud, iat/exp', async () => {
  const file = path.join(dir, 'key.json');
  await writeFile(file, key.json);
  const auth = await ServiceAccountKeyAuth.fromFile(file, options());
  assert.equal(auth.name, 'ServiceAccountKeyAuth');
  assert.equal(auth.source, `key file ${file}`);
  const credential = await auth.getCredential();
  assert.match(credential.authorization, /^Bearer iam-token-\d+$/);
  assert.ok(credential.expiresAt);
  const jwt = JSON.parse(iam.requests.at(-1)!.body).jwt as string;
  const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString());
  assert.deepEqual(header, { typ: 'JWT', alg: 'PS256', kid: key.keyId });
});

test('a JWT signed by another key is rejected by IAM: a clear 401, no key material in the message', async () => {
  const other = makeTestKey(key.keyId, key.serviceAccountId);
  const auth = ServiceAccountKeyAuth.fromJson(other.json, options());
  await assert.rejects(auth.getCredential(), (e: unknown) => {
    assert.ok(e instanceof Error && e.name === 'IamExchangeError');
    assert.match(e.message, /HTTP 401.*bad signature/);
    assert.doesNotMatch(e.message, PEM_BODY);
    return true;
  });
});

test('camelCase fields (the REST API spelling) and a PEM without the banner line are accepted', async () => {
  const camel = JSON.stringify({ id: key.keyId, serviceAccountId: key.serviceAccountId, privateKey: key.privateKeyField.split('\n').slice(1).join('\n') });
  const credential = await ServiceAccountKeyAuth.fromJson(camel, options()).getCredential();
  assert.match(credential.secret, /^iam-token-/);
});

test('a key with a missing field names the field and the file, not the content', () => {
  const parsed = JSON.parse(key.json);
  for (const field of ['id', 'service_account_id', 'private_key']) {
    const broken = JSON.stringify({ ...parsed, [field]: undefined });
    assert.throws(() => parseAuthorizedKey(broken, 'key file k.json'), (e: unknown) => {
      assert.ok(e instanceof KeyFileError);
      assert.equal(e.message, `key file k.json has no "${field}" field`);
      return true;
    });
  }
});

test('a bad PEM, a non-RSA key, non-JSON and non-object JSON are KeyFileErrors without content', () => {
  const parsed = JSON.parse(key.json);
  const badPem = JSON.stringify({ ...parsed, private_key: key.privateKeyField.replace(/MII/, 'XXX') });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cases: [string, RegExp][] = [
    [badPem, /: "private_key" is not a valid PEM private key$/],
    [JSON.stringify({ ...parsed, private_key: 'not a pem' }), /is not a valid PEM private key/],
    [JSON.stringify({ ...parsed, private_key: ec }), /is not an RSA key/],
    [key.json.slice(0, -5), /is not JSON$/],
    ['[1,2]', /is not a JSON object/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => ServiceAccountKeyAuth.fromJson(text, { env: {}, source: 'key file k.json' }), (e: unknown) => {
      assert.ok(e instanceof KeyFileError, String(e));
      assert.match(e.message, message);
      assert.doesNotMatch(e.message, PEM_BODY);
      return true;
    });
  }
});

test('a missing key file is a KeyFileError naming the path', async () => {
  await assert.rejects(ServiceAccountKeyAuth.fromFile(path.join(dir, 'nope.json'), options()), { name: 'KeyFileError', message: `key file ${path.join(dir, 'nope.json')} cannot be read (ENOENT)` });
});
