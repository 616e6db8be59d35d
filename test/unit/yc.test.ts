import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { YcCliError } from '../../src/core/errors.ts';
import { YandexCloudCLIAuth } from '../../src/core/methods/yc-cli.ts';
import { runYc } from '../../src/core/run-yc.ts';
import { getYcConfigValue, listYcProfiles, parseProfileList } from '../../src/core/yc-config.ts';
import { createTokenArgs, parseCreateTokenOutput } from '../../src/core/yc-token.ts';
import { createFakeYc, isAlive, type FakeYc } from '../fakes/fake-yc.ts';

const TOKEN_JSON = JSON.stringify({ iam_token: 't1.yc-token', expires_at: '2030-01-01T00:00:00.999999999Z' });
let yc: FakeYc;

before(async () => {
  yc = await createFakeYc();
});
after(() => yc.remove());

const env = () => ({ PATH: yc.pathEnv, HOME: yc.dir });

test('createTokenArgs: --format json --no-user-output, then --endpoint and --profile as given', () => {
  assert.deepEqual(createTokenArgs(), ['iam', 'create-token', '--format', 'json', '--no-user-output']);
  assert.deepEqual(createTokenArgs('<p>', '<e>'), ['iam', 'create-token', '--format', 'json', '--no-user-output', '--endpoint', '<e>', '--profile', '<p>']);
});

test('YandexCloudCLIAuth runs yc with an argv array and reads iam_token and expires_at', async () => {
  await yc.answer('create-token', { stdout: `${TOKEN_JSON}\n` });
  const before = (await yc.calls()).length;
  const auth = new YandexCloudCLIAuth({ env: env(), ycPath: yc.path, profile: 'my profile; rm -rf /' });
  const credential = await auth.getCredential();
  assert.equal(credential.authorization, 'Bearer t1.yc-token');
  assert.equal(credential.expiresAt?.toISOString(), '2030-01-01T00:00:00.999Z');
  assert.equal(auth.source, 'yc profile "my profile; rm -rf /"');
  const calls = (await yc.calls()).slice(before);
  assert.deepEqual(calls, [['iam', 'create-token', '--format', 'json', '--no-user-output', '--profile', 'my profile; rm -rf /']]);
});

test('YandexCloudCLIAuth reissues after the refresh time, not before (the SDK reissue test)', async () => {
  let now = 0;
  await yc.answer('create-token', { stdout: JSON.stringify({ iam_token: '<iam-token-0>' }) });
  const auth = new YandexCloudCLIAuth({ env: env(), ycPath: yc.path, now: () => now });
  assert.equal((await auth.getCredential()).secret, '<iam-token-0>');
  await yc.answer('create-token', { stdout: JSON.stringify({ iam_token: '<iam-token-1>' }) });
  now += 1000;
  assert.equal((await auth.getCredential()).secret, '<iam-token-0>');
  now += 3600_000;
  assert.equal((await auth.getCredential()).secret, '<iam-token-1>');
});

test('empty or unparseable create-token output is a YcCliError, never an empty token, and never quoted', async () => {
  const cases: [string, RegExp][] = [
    ['', /printed nothing/],
    ['\n  \n', /printed nothing/],
    ['t1.secret-bare-token-output\n', /not JSON/],
    ['{"iam_token": ""}', /without an "iam_token"/],
    ['{"token": "t1.secret-x"}', /without an "iam_token"/],
  ];
  for (const [stdout, message] of cases) {
    await yc.answer('create-token', { stdout });
    await assert.rejects(new YandexCloudCLIAuth({ env: env(), ycPath: yc.path }).getCredential(), (e: unknown) => {
      assert.ok(e instanceof YcCliError);
      assert.match(e.message, message);
      assert.ok(!e.message.includes('secret'));
      return true;
    });
  }
});

test('a non-zero exit is a YcCliError with the exit code and yc\'s first stderr line', async () => {
  await yc.answer('create-token', { stderr: 'ERROR: federation session expired\nmore\n', exitCode: 3 });
  await assert.rejects(new YandexCloudCLIAuth({ env: env(), ycPath: yc.path }).getCredential(), {
    message: 'yc iam create-token exited with code 3: ERROR: federation session expired',
  });
});

test('a hung yc is killed after the timeout', async () => {
  await yc.answer('create-token', { hang: true });
  await assert.rejects(new YandexCloudCLIAuth({ env: env(), ycPath: yc.path, timeoutMs: 300 }).getCredential(), {
    name: 'YcCliError',
    message: 'yc iam create-token did not finish within 300 ms and was stopped',
  });
  assert.equal(isAlive(await yc.hungPid()), false);
});

test('a yc that cannot be started is a YcCliError', async () => {
  await assert.rejects(runYc(`${yc.dir}/missing-yc`, ['version'], { env: env(), timeoutMs: 1000 }), (e: unknown) => e instanceof YcCliError && /could not be run \(ENOENT\)/.test(e.message));
});

test('runYc passes only the env given, not process.env', async () => {
  const script = `${yc.dir}/print-env`;
  const { writeFile, chmod } = await import('node:fs/promises');
  await writeFile(script, '#!/bin/sh\nenv\n');
  await chmod(script, 0o755);
  process.env.YCML_TEST_LEAK = 'leak';
  try {
    const run = await runYc(script, [], { env: { PATH: '/usr/bin:/bin', ONLY: 'this' }, timeoutMs: 2000 });
    assert.match(run.stdout, /ONLY=this/);
    assert.doesNotMatch(run.stdout, /YCML_TEST_LEAK/);
  } finally {
    delete process.env.YCML_TEST_LEAK;
  }
});

test('listYcProfiles parses `yc config profile list` and marks the active one', async () => {
  await yc.answer('profile-list', { stdout: 'default\nprod ACTIVE\nsandbox\n' });
  assert.deepEqual(await listYcProfiles({ ycPath: yc.path, env: env() }), [
    { name: 'default', active: false },
    { name: 'prod', active: true },
    { name: 'sandbox', active: false },
  ]);
  assert.deepEqual((await yc.calls()).at(-1), ['config', 'profile', 'list']);
  assert.deepEqual(parseProfileList(''), []);
});

test('listYcProfiles fails clearly when yc does, and kills a hung yc (3 s default, shortened here)', async () => {
  await yc.answer('profile-list', { stderr: 'ERROR: no config\n', exitCode: 1 });
  await assert.rejects(listYcProfiles({ ycPath: yc.path, env: env() }), { message: 'yc config profile list exited with code 1: ERROR: no config' });
  await yc.answer('profile-list', { hang: true });
  await assert.rejects(listYcProfiles({ ycPath: yc.path, env: env(), timeoutMs: 200 }), /did not finish within 200 ms/);
  assert.equal(isAlive(await yc.hungPid()), false);
});

test('getYcConfigValue reads folder-id for a profile, the last line of output, undefined when unset', async () => {
  await yc.answer('config-get-folder-id', { stdout: 'notice\nb1gfolder\n' });
  assert.equal(await getYcConfigValue('folder-id', { profile: 'prod', ycPath: yc.path, env: env() }), 'b1gfolder');
  assert.deepEqual((await yc.calls()).at(-1), ['config', 'get', 'folder-id', '--profile', 'prod']);
  await yc.answer('config-get-folder-id', { stderr: 'ERROR: folder-id is not set\n', exitCode: 1 });
  assert.equal(await getYcConfigValue('folder-id', { ycPath: yc.path, env: env() }), undefined);
  await yc.answer('config-get-folder-id', { stdout: '' });
  assert.equal(await getYcConfigValue('folder-id', { ycPath: yc.path, env: env() }), undefined);
});

test('parseCreateTokenOutput accepts pretty-printed JSON and a missing expires_at', () => {
  assert.deepEqual(parseCreateTokenOutput('{\n  "iam_token": "t1.a"\n}\n'), { token: 't1.a', expiresAt: undefined });
});
