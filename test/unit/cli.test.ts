import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { makeTestKey } from '../fakes/authorized-key.ts';
import { buildCli } from '../fakes/build-cli.ts';
import { startFakeIamServer, type FakeIamServer } from '../fakes/fake-iam-server.ts';
import { startFakeMetadataServer, type FakeMetadataServer } from '../fakes/fake-metadata-server.ts';
import { testEnv } from '../fakes/test-env.ts';

const API_KEY = 'AQVN-cli-api-key-secret';
const OAUTH = 'y0_cli-oauth-token-secret';
const NOT_SIGNED_IN = 'no explicit authorization data was passed and no authorization data was found at environment';

let cli: string;
let iam: FakeIamServer;
let metadata: FakeMetadataServer;
let dir: string;

before(async () => {
  cli = await buildCli();
  iam = await startFakeIamServer();
  metadata = await startFakeMetadataServer({ prefix: 'p' });
  dir = await mkdtemp(path.join(tmpdir(), 'cli-'));
});
after(async () => {
  await iam.close();
  await metadata.close();
  await rm(dir, { recursive: true, force: true });
  await rm(path.dirname(cli), { recursive: true, force: true });
});

/** Runs the built CLI with an explicit env (stdin a pipe: not a terminal, as under the SDK rule). */
async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const { execa } = await import('execa');
  const result = await execa(process.execPath, [cli, ...args], { env: await testEnv(env), extendEnv: false, reject: false, stdin: 'pipe', stripFinalNewline: false });
  const stdout = String(result.stdout);
  const stderr = String(result.stderr);
  for (const secret of [API_KEY, OAUTH]) {
    if (!args.some((a) => ['token', 'header', 'env'].includes(a))) assert.ok(!stdout.includes(secret), `stdout leaked ${secret}`);
    assert.ok(!stderr.includes(secret), `stderr leaked ${secret}`);
  }
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  return { code: result.exitCode, stdout, stderr };
}

test('resolve --json prints exactly one JSON object: method, source, expiresAt, folderId, trace', async () => {
  const { code, stdout, stderr } = await run(['resolve', '--json'], { YC_API_KEY: API_KEY, YC_FOLDER_ID: 'b1gfolder' });
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.equal(stdout.trim().split('\n').length, 1);
  const report = JSON.parse(stdout);
  assert.deepEqual(Object.keys(report), ['method', 'source', 'expiresAt', 'folderId', 'trace']);
  assert.equal(report.method, 'APIKeyAuth');
  assert.equal(report.source, 'env YC_API_KEY');
  assert.equal(report.expiresAt, null);
  assert.equal(report.folderId, 'b1gfolder');
  assert.deepEqual(report.trace[0], { method: 'APIKeyAuth', outcome: 'applied', reason: 'YC_API_KEY is set' });
  assert.equal(report.trace.length, 6);
});

test('token, header and env print the credential for use', async () => {
  assert.equal((await run(['token'], { YC_API_KEY: API_KEY })).stdout, `${API_KEY}\n`);
  assert.equal((await run(['header'], { YC_API_KEY: API_KEY })).stdout, `Api-Key ${API_KEY}\n`);
  assert.equal((await run(['env'], { YC_API_KEY: API_KEY })).stdout, `export YC_API_KEY=${API_KEY}\n`);
  assert.equal((await run(['header'], { YC_IAM_TOKEN: 't1.abc' })).stdout, 'Bearer t1.abc\n');
  assert.equal((await run(['env'], { YC_IAM_TOKEN: 't1.abc', YC_FOLDER_ID: 'b1g' })).stdout, 'export YC_IAM_TOKEN=t1.abc\nexport YC_FOLDER_ID=b1g\n');
});

test('env output is safe to eval: a value with shell metacharacters comes back unchanged', async () => {
  const { execa } = await import('execa');
  const nasty = "k'ey $(touch /tmp/pwned) `id` \"q\"";
  const { stdout } = await run(['env', '--auth', nasty]);
  const evaluated = await execa('/bin/sh', ['-c', `${stdout}\nprintf '%s' "$YC_API_KEY"`], { env: { PATH: '/usr/bin:/bin' }, extendEnv: false });
  assert.equal(evaluated.stdout, nasty);
});

test('--auth with an OAuth token: exchanged at --iam-endpoint, the SDK warning on stderr, expiry in resolve', async () => {
  const token = await run(['token', '--auth', OAUTH, '--iam-endpoint', iam.url]);
  assert.equal(token.code, 0);
  assert.match(token.stdout, /^iam-token-\d+\n$/);
  assert.match(token.stderr, /^ycml-auth: warning: Sharing your personal OAuth token is not safe,/);
  const resolved = JSON.parse((await run(['resolve', '--json', '--auth', OAUTH, '--iam-endpoint', iam.url])).stdout);
  assert.equal(resolved.method, 'OAuthTokenAuth');
  assert.equal(resolved.source, 'auth argument');
  assert.equal(resolved.expiresAt, '2099-01-02T03:04:05.123Z');
});

test('--auth t2.foo warns about the IAM token format on stderr', async () => {
  const { code, stderr } = await run(['header', '--auth', 't2.foo']);
  assert.equal(code, 0);
  assert.equal(stderr, "ycml-auth: warning: auth argument was classified as IAM token but it doesn't match IAM token format; in case of any troubles you could create Auth object directly.\n");
});

test('nothing applies: exit 1 with the SDK\'s message as one stderr line; yc skipped since stdin is not a terminal', async () => {
  const { code, stdout, stderr } = await run(['resolve', '--json']);
  assert.equal(code, 1);
  assert.equal(stderr, `ycml-auth: ${NOT_SIGNED_IN}\n`);
  const report = JSON.parse(stdout);
  assert.equal(report.method, null);
  assert.equal(report.error, NOT_SIGNED_IN);
  assert.deepEqual(report.trace.at(-1), { method: 'YandexCloudCLIAuth', outcome: 'skipped', reason: 'not interactive (stdin is not a terminal)' });
  assert.equal((await run(['token'])).stdout, '');
});

test('metadata through a prefixed YC_METADATA_ADDR; its garbage answer is a skip reason', async () => {
  const ok = JSON.parse((await run(['resolve', '--json'], { YC_METADATA_ADDR: metadata.addr })).stdout);
  assert.equal(ok.method, 'MetadataAuth');
  assert.match(ok.expiresAt, /^\d{4}-\d\d-\d\dT/);
  metadata.setBehaviour(() => ({ status: 200, body: 'garbage' }));
  const skipped = JSON.parse((await run(['resolve', '--json'], { YC_METADATA_ADDR: metadata.addr, YC_TOKEN: 'dsphere' })).stdout);
  assert.equal(skipped.method, 'EnvIAMTokenAuth');
  assert.match(skipped.trace[3].reason, /answered with something that is not JSON$/);
});

test('bad input is one clear line on stderr and exit 1: control character, key file problems, IAM 401', async () => {
  const control = await run(['token', '--auth', `${API_KEY}\u0007`]);
  assert.equal(control.code, 1);
  assert.equal(control.stderr, 'ycml-auth: auth argument contains a control character at position 24\n');

  const key = makeTestKey();
  const file = path.join(dir, 'bad.json');
  await writeFile(file, JSON.stringify({ ...JSON.parse(key.json), private_key: 'PLEASE DO NOT REMOVE THIS LINE! x\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' }));
  const pem = await run(['token', '--key-file', file, '--iam-endpoint', iam.url]);
  assert.equal(pem.code, 1);
  assert.equal(pem.stderr, `ycml-auth: key file ${file}: "private_key" is not a valid PEM private key\n`);

  iam.setBehaviour(() => ({ status: 401, body: JSON.stringify({ message: `The token ${OAUTH} is invalid` }) }));
  const rejected = await run(['resolve', '--json', '--auth', OAUTH, '--iam-endpoint', iam.url]);
  assert.equal(rejected.code, 1);
  assert.match(rejected.stderr, /HTTP 401 \(the credential was rejected/);
  assert.equal(JSON.parse(rejected.stdout).trace[0].outcome, 'failed');
  iam.setBehaviour((_r, n) => ({ status: 200, body: JSON.stringify({ iamToken: `iam-token-${n}` }) }));
});

test('--key-file with a valid key prints an IAM token', async () => {
  const key = makeTestKey('kid-cli', 'sa-cli');
  iam.addServiceAccountKey(key.keyId, key.serviceAccountId, key.publicKey);
  const file = path.join(dir, 'key.json');
  await writeFile(file, key.json);
  const { code, stdout } = await run(['token', '--key-file', file, '--iam-endpoint', iam.url]);
  assert.equal(code, 0);
  assert.match(stdout, /^iam-token-\d+\n$/);
});

test('with YC_API_KEY the CLI loads neither undici nor execa: it runs without their files', async () => {
  const { execa } = await import('execa');
  const alone = path.join(dir, 'cli-alone.js');
  await copyFile(cli, alone);
  const result = await execa(process.execPath, [alone, 'resolve', '--json'], { env: await testEnv({ YC_API_KEY: API_KEY }), extendEnv: false, reject: false });
  assert.equal(result.exitCode, 0, String(result.stderr));
  assert.equal(JSON.parse(String(result.stdout)).method, 'APIKeyAuth');
});

test('bad usage exits 2; --help exits 0', async () => {
  const bad = await run(['resolve', '--frob']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'ycml-auth: unknown option --frob\nRun "ycml-auth --help" for usage.\n');
  assert.equal((await run([])).code, 2);
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: ycml-auth <command> \[options\]/);
});
