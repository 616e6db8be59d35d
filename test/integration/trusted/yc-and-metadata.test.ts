// The yc CLI and the VM metadata service as sources, and automatic resolution on VS Code's
// environment, against a fake yc and a fake metadata server on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { createFakeYc, type FakeYc } from '../../fakes/fake-yc';
import { startFakeMetadataServer, type FakeMetadataServer } from '../../fakes/fake-metadata-server';
import { run, setSetting, signIn, ycml } from '../ycml';

describe('yc CLI, metadata service and automatic resolution', () => {
  let yc: FakeYc;
  let metadata: FakeMetadataServer;
  const inheritedMetadataAddr = process.env.YC_METADATA_ADDR;

  before(async () => {
    yc = await createFakeYc({
      'create-token': { stdout: JSON.stringify({ iam_token: 't1.fromfakeyc', expires_at: '2099-01-01T00:00:00Z' }) },
      'profile-list': { stdout: 'default\nprod ACTIVE\n' },
      'config-get-folder-id': { stdout: 'b1gfromycprofile0001\n' },
    });
    metadata = await startFakeMetadataServer({ prefix: 'meta' });
    await setSetting('ycPath', yc.path);
  });

  after(async () => {
    process.env.YC_METADATA_ADDR = inheritedMetadataAddr;
    delete process.env.YC_API_KEY;
    await run('ycml.signOut');
    await setSetting('ycPath', undefined);
    await metadata.close();
    await yc.remove();
  });

  it('selects a yc profile: tokens and the folder come from yc, with --format json and --no-user-output', async () => {
    const state = await run<{ method: string; source: string; folderId: string; folderSource: string }>('ycml.selectProfile', { profile: 'prod' });
    assert.equal(state.method, 'YandexCloudCLIAuth');
    assert.equal(state.source, 'yc profile "prod"');
    assert.equal(state.folderId, 'b1gfromycprofile0001');
    const calls = await yc.calls();
    const create = calls.find((argv) => argv[0] === 'iam' && argv[1] === 'create-token');
    assert.ok(create, JSON.stringify(calls));
    for (const flag of ['--format', 'json', '--no-user-output', '--profile', 'prod']) assert.ok(create.includes(flag), `${flag} in ${create.join(' ')}`);
    assert.equal((await ycml()).statusBar()?.text, '$(key) YC: yc CLI · b1gfr…');
  });

  it('a yc that fails is reported, not hidden', async () => {
    await yc.answer('create-token', { stderr: 'ERROR: session expired\n', exitCode: 1 });
    const state = await run<{ phase: string; error: string }>('ycml.selectProfile', { profile: 'prod' });
    assert.equal(state.phase, 'failed');
    assert.match(state.error, /yc/);
  });

  it('signs in with the metadata service (YC_METADATA_ADDR with a path prefix)', async () => {
    process.env.YC_METADATA_ADDR = metadata.addr;
    const state = await signIn({ method: 'metadata' });
    assert.equal(state.phase, 'signedIn', (state as { error?: string }).error);
    assert.equal(state.method, 'MetadataAuth');
    assert.ok(metadata.requests.some((r) => r.headers['metadata-flavor'] === 'Google'));
  });

  it('automatic resolution that lands on a method which then fails keeps the whole trace', async () => {
    process.env.YC_OAUTH_TOKEN = 'y0_automaticoauthtoken';
    try {
      // The harness points ycml.iamEndpoint at a closed loopback port: the exchange cannot succeed.
      const state = await signIn({ method: 'auto' });
      assert.equal(state.phase, 'failed');
      assert.deepEqual(state.trace.map((s) => [s.method, s.outcome]).slice(0, 4), [
        ['APIKeyAuth', 'skipped'], ['IAMTokenAuth', 'skipped'], ['OAuthTokenAuth', 'failed'], ['MetadataAuth', 'skipped'],
      ]);
      assert.match(state.trace[2]?.reason ?? '', /IAM token exchange/);
    } finally {
      delete process.env.YC_OAUTH_TOKEN;
    }
  });

  it("automatic resolution follows the SDK's order on VS Code's environment", async () => {
    process.env.YC_API_KEY = 'AQVNautomaticapikey01';
    const state = await signIn({ method: 'auto' });
    assert.equal(state.method, 'APIKeyAuth');
    assert.deepEqual(state.trace.map((s) => [s.method, s.outcome]).slice(0, 1), [['APIKeyAuth', 'applied']]);
    delete process.env.YC_API_KEY;
    const next = await run<{ method: string; trace: { method: string; outcome: string }[] }>('ycml.refresh');
    assert.equal(next.method, 'MetadataAuth');
    assert.deepEqual(next.trace.map((s) => s.outcome).slice(0, 4), ['skipped', 'skipped', 'skipped', 'applied']);
  });
});
