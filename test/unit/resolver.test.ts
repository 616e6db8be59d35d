import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import type { ResolveOptions } from '../../src/core/contracts.ts';
import { CredentialFormatError, NotSignedInError, YcCliError, YcmlAuthError } from '../../src/core/errors.ts';
import { NoAuth } from '../../src/core/methods/no-auth.ts';
import { resolveCredential } from '../../src/core/resolve-credential.ts';
import { resolveAuth, type ResolveTuning } from '../../src/core/resolver.ts';
import { IAM_FORMAT_WARNING, OAUTH_WARNING } from '../../src/core/warnings.ts';
import { makeTestKey } from '../fakes/authorized-key.ts';
import { startFakeIamServer, type FakeIamServer } from '../fakes/fake-iam-server.ts';
import { startFakeMetadataServer, type FakeMetadataServer } from '../fakes/fake-metadata-server.ts';
import { createFakeYc, type FakeYc } from '../fakes/fake-yc.ts';
import { testEnv } from '../fakes/test-env.ts';

const NOT_SIGNED_IN = 'no explicit authorization data was passed and no authorization data was found at environment';
const YC_TOKEN_JSON = JSON.stringify({ iam_token: '<iam_token>', expires_at: '2030-01-01T00:00:00Z' });
const SECRETS = ['AQVN-api-key-secret', 't1.iam-token-secret', 'y0_oauth-token-secret', 'dsphere-token-secret'];

let iam: FakeIamServer;
let metadata: FakeMetadataServer;
let yc: FakeYc;
let dir: string;

before(async () => {
  iam = await startFakeIamServer();
  metadata = await startFakeMetadataServer({ prefix: 'ycml-prefix' });
  yc = await createFakeYc({ 'create-token': { stdout: YC_TOKEN_JSON }, 'config-get-endpoint': { stdout: 'Hello\n<test-endpoint>\n' } });
  dir = await mkdtemp(path.join(tmpdir(), 'resolver-'));
});
after(async () => {
  await iam.close();
  await metadata.close();
  await yc.remove();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  metadata.setBehaviour((_r, n) => ({ status: 200, body: JSON.stringify({ access_token: `meta-token-${n}`, expires_in: 42055, token_type: 'Bearer' }) }));
  await yc.answer('create-token', { stdout: YC_TOKEN_JSON });
});

/** Options for a resolution: explicit loopback env, fast timeouts, IAM at the fake. */
async function options(env: Record<string, string | undefined>, extra: Partial<ResolveOptions & ResolveTuning> = {}): Promise<ResolveOptions & ResolveTuning> {
  return { env: await testEnv({ PATH: yc.pathEnv, ...env }), interactive: false, iamEndpoint: iam.url, iam: { backoffBaseMs: 1, maxAttempts: 2 }, ycTokenTimeoutMs: 2000, ycConfigTimeoutMs: 2000, ...extra };
}


async function createTokenCalls(): Promise<number> {
  return (await yc.calls()).filter((c) => c[1] === 'create-token').length;
}

function assertNoSecrets(text: string) {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `leaked ${secret}`);
}

test('nothing applies: NotSignedInError with the SDK text, and a trace saying why for every method (the SDK test_clear_env)', async () => {
  await assert.rejects(resolveAuth(await options({})), (error: unknown) => {
    assert.ok(error instanceof NotSignedInError);
    assert.equal(error.message, NOT_SIGNED_IN);
    assert.deepEqual(error.trace.map((s) => [s.method, s.outcome]), [
      ['APIKeyAuth', 'skipped'], ['IAMTokenAuth', 'skipped'], ['OAuthTokenAuth', 'skipped'],
      ['MetadataAuth', 'skipped'], ['EnvIAMTokenAuth', 'skipped'], ['YandexCloudCLIAuth', 'skipped'],
    ]);
    assert.equal(error.trace[0].reason, 'YC_API_KEY is not set');
    assert.match(error.trace[3].reason, /^metadata service at 127\.0\.0\.1:\d+ \(YC_METADATA_ADDR\): not reachable/);
    assert.equal(error.trace[5].reason, 'not interactive (stdin is not a terminal)');
    return true;
  });
});

test('the SDK\'s order: each earlier method beats every later one (the SDK test_order)', async () => {
  const env: Record<string, string | undefined> = { YC_METADATA_ADDR: undefined };
  const resolve = async () => (await resolveAuth(await options(env, { interactive: true }))).auth.name;
  env.YC_METADATA_ADDR = (await testEnv()).YC_METADATA_ADDR; // closed: metadata skipped
  assert.equal(await resolve(), 'YandexCloudCLIAuth');
  env.YC_TOKEN = '<iam_token>';
  assert.equal(await resolve(), 'EnvIAMTokenAuth');
  env.YC_METADATA_ADDR = metadata.addr;
  assert.equal(await resolve(), 'MetadataAuth');
  env.YC_OAUTH_TOKEN = 'foo';
  assert.equal(await resolve(), 'OAuthTokenAuth');
  env.YC_IAM_TOKEN = '<iam_token>';
  assert.equal(await resolve(), 'IAMTokenAuth');
  env.YC_API_KEY = 'foo';
  assert.equal(await resolve(), 'APIKeyAuth');
  assert.equal((await resolveAuth(await options(env, { auth: new NoAuth() }))).auth.name, 'NoAuth');
});

test('after the winner, later methods are listed as not checked, and nothing after it runs', async () => {
  const before = (await yc.calls()).length;
  const requests = metadata.requests.length;
  const { auth, trace } = await resolveAuth(await options({ YC_API_KEY: 'k', YC_METADATA_ADDR: metadata.addr }, { interactive: true }));
  assert.equal(auth.name, 'APIKeyAuth');
  assert.deepEqual(trace[0], { method: 'APIKeyAuth', outcome: 'applied', reason: 'YC_API_KEY is set' });
  assert.ok(trace.slice(1).every((s) => s.outcome === 'skipped' && s.reason === 'not checked: APIKeyAuth applied first'));
  assert.equal(metadata.requests.length, requests, 'no metadata probe');
  assert.equal((await yc.calls()).length, before, 'no yc run');
});

test('empty variables count as unset; values are trimmed', async () => {
  const { auth, trace } = await resolveAuth(await options({ YC_API_KEY: '', YC_IAM_TOKEN: '  \n', YC_OAUTH_TOKEN: undefined, YC_TOKEN: ' <iam_token>\n' }));
  assert.equal(auth.name, 'EnvIAMTokenAuth');
  assert.deepEqual(trace.slice(0, 2).map((s) => s.reason), ['YC_API_KEY is empty', 'YC_IAM_TOKEN is empty']);
  assert.equal((await auth.getCredential()).authorization, 'Bearer <iam_token>');
  const apiKey = await resolveAuth(await options({ YC_API_KEY: '\tfoo \r\n' }));
  assert.equal((await apiKey.auth.getCredential()).authorization, 'Api-Key foo');
});

test('YC_TOKEN is re-read from the env object on every use', async () => {
  const o = await options({ YC_TOKEN: 'first' });
  const { auth } = await resolveAuth(o);
  (o.env as Record<string, string>).YC_TOKEN = 'second';
  assert.equal((await auth.getCredential()).secret, 'second');
});

test('a malformed credential in the environment fails with a CredentialFormatError and the trace, never the value', async () => {
  for (const [name, method] of [['YC_API_KEY', 'APIKeyAuth'], ['YC_IAM_TOKEN', 'IAMTokenAuth'], ['YC_OAUTH_TOKEN', 'OAuthTokenAuth'], ['YC_TOKEN', 'EnvIAMTokenAuth']]) {
    await assert.rejects(resolveAuth(await options({ [name]: 'AQVN-api-key-secret\u0001x' })), (error: unknown) => {
      assert.ok(error instanceof CredentialFormatError);
      assert.equal(error.message, `env ${name} contains a control character at position 20`);
      assert.deepEqual(error.trace.at(-1), { method, outcome: 'failed', reason: error.message });
      assertNoSecrets(JSON.stringify(error.trace) + error.message);
      return true;
    });
  }
});

test('the SDK warns when YC_OAUTH_TOKEN is used', async () => {
  const warnings: string[] = [];
  await resolveAuth(await options({ YC_OAUTH_TOKEN: 'y0_oauth-token-secret' }, { onWarning: (w) => warnings.push(w) }));
  assert.deepEqual(warnings, [OAUTH_WARNING]);
});

test('metadata applies through a prefixed YC_METADATA_ADDR; its token is the probed one; the prefix is not shown', async () => {
  const requests = metadata.requests.length;
  const { auth, trace } = await resolveAuth(await options({ YC_METADATA_ADDR: metadata.addr }));
  assert.equal(auth.name, 'MetadataAuth');
  assert.equal(trace[3].outcome, 'applied');
  assert.match((await auth.getCredential()).secret, /^meta-token-\d+$/);
  assert.equal(metadata.requests.length, requests + 1);
  assert.ok(!auth.source.includes('ycml-prefix') && !JSON.stringify(trace).includes('ycml-prefix'));
});

test('any metadata error means skip, with the reason in the trace', async () => {
  metadata.setBehaviour(() => ({ status: 200, body: '<html>' }));
  const { auth, trace } = await resolveAuth(await options({ YC_METADATA_ADDR: metadata.addr, YC_TOKEN: 'dsphere-token-secret' }));
  assert.equal(auth.name, 'EnvIAMTokenAuth');
  assert.deepEqual(trace[3], { method: 'MetadataAuth', outcome: 'skipped', reason: 'metadata service at 127.0.0.1:' + metadata.addr.split(':')[1].split('/')[0] + ' (YC_METADATA_ADDR) answered with something that is not JSON' });
});

test('yc: applies only when interactive and found; create-token gets --format json --no-user-output', async () => {
  await assert.rejects(resolveAuth(await options({})), NotSignedInError);
  const before = (await yc.calls()).length;
  const { auth, trace } = await resolveAuth(await options({}, { interactive: true }));
  assert.equal(auth.name, 'YandexCloudCLIAuth');
  assert.equal(auth.source, 'yc current profile');
  assert.deepEqual(trace.at(-1), { method: 'YandexCloudCLIAuth', outcome: 'applied', reason: 'yc iam create-token succeeded' });
  assert.deepEqual((await yc.calls()).slice(before), [['iam', 'create-token', '--format', 'json', '--no-user-output']]);
  const credential = await auth.getCredential();
  assert.equal(credential.secret, '<iam_token>');
  assert.equal(credential.expiresAt?.toISOString(), '2030-01-01T00:00:00.000Z');
  assert.equal((await yc.calls()).length, before + 1, 'the token from resolution is reused');
});

test('yc not on PATH, or not at --yc, is skipped', async () => {
  await assert.rejects(resolveAuth(await options({ PATH: '/usr/bin:/bin' }, { interactive: true })), (e: YcmlAuthError) => e.trace.at(-1)?.reason === 'yc not found on PATH');
  await assert.rejects(resolveAuth(await options({}, { interactive: true, ycPath: `${yc.dir}/nope` })), (e: YcmlAuthError) => e.trace.at(-1)?.reason === `yc not found at ${yc.dir}/nope`);
});

test('yc with an endpoint: `config get endpoint` must print exactly it, then create-token --endpoint (the SDK test_applicable_from_env)', async () => {
  let before = (await yc.calls()).length;
  const { auth } = await resolveAuth(await options({}, { interactive: true, endpoint: '<test-endpoint>' }));
  assert.equal(auth.name, 'YandexCloudCLIAuth');
  assert.deepEqual((await yc.calls()).slice(before), [
    ['config', 'get', 'endpoint'],
    ['iam', 'create-token', '--format', 'json', '--no-user-output', '--endpoint', '<test-endpoint>'],
  ]);
  before = (await yc.calls()).length;
  await resolveAuth(await options({}, { interactive: true, endpoint: '<test-endpoint>', profile: '<test-yc-profile>' }));
  assert.deepEqual((await yc.calls()).slice(before), [
    ['config', 'get', 'endpoint', '--profile', '<test-yc-profile>'],
    ['iam', 'create-token', '--format', 'json', '--no-user-output', '--endpoint', '<test-endpoint>', '--profile', '<test-yc-profile>'],
  ]);
});

test('yc with an endpoint that the profile does not have is skipped without create-token', async () => {
  const before = await createTokenCalls();
  await assert.rejects(resolveAuth(await options({}, { interactive: true, endpoint: 'other:443' })), (e: YcmlAuthError) => {
    assert.equal(e.trace.at(-1)?.reason, 'yc endpoint is "<test-endpoint>", not "other:443"');
    return true;
  });
  assert.equal(await createTokenCalls(), before);
});

test('YC_PROFILE is the profile when none is given; the option beats it', async () => {
  let before = (await yc.calls()).length;
  const { auth } = await resolveAuth(await options({ YC_PROFILE: 'from-env' }, { interactive: true }));
  assert.equal(auth.source, 'yc profile "from-env"');
  assert.deepEqual((await yc.calls()).slice(before)[0].slice(-2), ['--profile', 'from-env']);
  before = (await yc.calls()).length;
  await resolveAuth(await options({ YC_PROFILE: 'from-env' }, { interactive: true, profile: 'explicit' }));
  assert.deepEqual((await yc.calls()).slice(before)[0].slice(-2), ['--profile', 'explicit']);
});

test('yc create-token exiting non-zero is skipped, as in the SDK', async () => {
  await yc.answer('create-token', { stderr: 'ERROR: not logged in\n', exitCode: 1 });
  await assert.rejects(resolveAuth(await options({}, { interactive: true })), (e: unknown) => {
    assert.ok(e instanceof NotSignedInError);
    assert.deepEqual(e.trace.at(-1), { method: 'YandexCloudCLIAuth', outcome: 'skipped', reason: 'yc iam create-token exited with code 1: ERROR: not logged in' });
    return true;
  });
});

test('yc create-token printing garbage, or hanging, is a failure with the trace', async () => {
  await yc.answer('create-token', { stdout: 'garbage t1.iam-token-secret' });
  await assert.rejects(resolveAuth(await options({}, { interactive: true })), (e: unknown) => {
    assert.ok(e instanceof YcCliError);
    assert.deepEqual(e.trace.at(-1), { method: 'YandexCloudCLIAuth', outcome: 'failed', reason: 'yc iam create-token printed something that is not JSON' });
    assertNoSecrets(e.message);
    return true;
  });
  await yc.answer('create-token', { hang: true });
  await assert.rejects(resolveAuth(await options({}, { interactive: true, ycTokenTimeoutMs: 300 })), /did not finish within 300 ms and was stopped/);
});

test('yc create-token runs only after metadata is ruled out, even when metadata is slow', async () => {
  let createTokenSeenWhileMetadataPending: boolean | undefined;
  metadata.setBehaviour(() => ({
    status: 503,
    body: '',
    delayMs: 150,
    beforeSend: () => {
      createTokenSeenWhileMetadataPending = readFileSync(path.join(yc.dir, 'argv.log'), 'utf8').split('\n').filter((l) => l.includes('create-token')).length !== before;
    },
  }));
  const before = readFileSync(path.join(yc.dir, 'argv.log'), 'utf8').split('\n').filter((l) => l.includes('create-token')).length;
  const { auth, trace } = await resolveAuth(await options({ YC_METADATA_ADDR: metadata.addr }, { interactive: true }));
  assert.equal(auth.name, 'YandexCloudCLIAuth');
  assert.equal(createTokenSeenWhileMetadataPending, false);
  assert.match(trace[3].reason, /answered HTTP 503/);
});

test('yc does not run when metadata or YC_TOKEN applies', async () => {
  const before = await createTokenCalls();
  assert.equal((await resolveAuth(await options({ YC_METADATA_ADDR: metadata.addr }, { interactive: true }))).auth.name, 'MetadataAuth');
  assert.equal((await resolveAuth(await options({ YC_TOKEN: 'x' }, { interactive: true }))).auth.name, 'EnvIAMTokenAuth');
  assert.equal(await createTokenCalls(), before);
});

test('an explicit auth string beats the environment and is classified like the SDK\'s (the SDK test_input_data)', async () => {
  const warnings: string[] = [];
  const o = (auth: string) => options({ YC_API_KEY: 'foo' }, { auth, onWarning: (w) => warnings.push(w) });
  assert.equal((await resolveAuth(await o('str'))).auth.name, 'APIKeyAuth');
  const iamResolution = await resolveAuth(await o('t2.foo'));
  assert.equal(iamResolution.auth.name, 'IAMTokenAuth');
  assert.deepEqual(warnings, [IAM_FORMAT_WARNING]);
  assert.deepEqual(iamResolution.trace, [{ method: 'IAMTokenAuth', outcome: 'applied', reason: 'classified from the auth argument' }]);
  assert.equal(iamResolution.auth.source, 'auth argument');
  await assert.rejects(resolveAuth(await o('t1.iam-token-secret\n\u0000')), (e: YcmlAuthError) => e.trace[0].outcome === 'failed' && e.name === 'CredentialFormatError');
});

test('an auth value that is neither a string nor a method is an error (the SDK test: auth=1)', async () => {
  await assert.rejects(resolveAuth(await options({ YC_API_KEY: 'foo' }, { auth: 1 as unknown as string })), {
    name: 'CredentialFormatError',
    message: 'auth argument must be a string (an API key, IAM or OAuth token) or an auth method',
  });
});

test('an explicit key file beats the chain; a broken one fails with the trace', async () => {
  const key = makeTestKey();
  iam.addServiceAccountKey(key.keyId, key.serviceAccountId, key.publicKey);
  const file = path.join(dir, 'key.json');
  await writeFile(file, key.json);
  const { auth, trace } = await resolveAuth(await options({ YC_API_KEY: 'foo' }, { keyFile: file }));
  assert.equal(auth.name, 'ServiceAccountKeyAuth');
  assert.deepEqual(trace, [{ method: 'ServiceAccountKeyAuth', outcome: 'applied', reason: `key file ${file}` }]);
  assert.match((await auth.getCredential()).secret, /^iam-token-/);
  await writeFile(file, JSON.stringify({ ...JSON.parse(key.json), service_account_id: undefined }));
  await assert.rejects(resolveAuth(await options({}, { keyFile: file })), (e: YcmlAuthError) => {
    assert.deepEqual(e.trace, [{ method: 'ServiceAccountKeyAuth', outcome: 'failed', reason: `key file ${file} has no "service_account_id" field` }]);
    return true;
  });
});

test('the folder id comes from YC_FOLDER_ID', async () => {
  assert.equal((await resolveAuth(await options({ YC_API_KEY: 'k', YC_FOLDER_ID: ' b1gfolder ' }))).folderId, 'b1gfolder');
  assert.equal((await resolveAuth(await options({ YC_API_KEY: 'k', YC_FOLDER_ID: '' }))).folderId, undefined);
});

test('resolveCredential: an OAuth token IAM rejects turns the applied step into a failure, without the token', async () => {
  iam.setBehaviour(() => ({ status: 401, body: JSON.stringify({ message: 'bad token y0_oauth-token-secret' }) }));
  try {
    await assert.rejects(resolveCredential(await options({ YC_OAUTH_TOKEN: 'y0_oauth-token-secret' })), (e: unknown) => {
      assert.ok(e instanceof YcmlAuthError && e.name === 'IamExchangeError');
      assert.match(e.message, /HTTP 401/);
      assert.equal(e.trace[2].outcome, 'failed');
      assert.equal(e.trace[2].reason, e.message);
      assertNoSecrets(JSON.stringify(e.trace) + e.message);
      return true;
    });
  } finally {
    iam.setBehaviour((_r, n) => ({ status: 200, body: JSON.stringify({ iamToken: `iam-token-${n}` }) }));
  }
});

test('no trace reason ever holds a secret, whichever method wins', async () => {
  const envs = [
    { YC_API_KEY: SECRETS[0] },
    { YC_IAM_TOKEN: SECRETS[1] },
    { YC_OAUTH_TOKEN: SECRETS[2] },
    { YC_TOKEN: SECRETS[3] },
  ];
  for (const env of envs) {
    const { auth, trace } = await resolveCredential(await options(env)).then((r) => r.resolution);
    assertNoSecrets(JSON.stringify(trace) + auth.source);
  }
});
