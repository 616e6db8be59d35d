// Sign-in by argument for every credential kind, what the status bar shows in each state, and
// sign-out, in the real extension host against loopback fakes.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { FAKE_EXPIRES_AT, startFakeIamServer, type FakeIamServer } from '../../fakes/fake-iam-server';
import { screenshot } from '../helpers';
import { run, setSetting, signIn, tempDir, ycml } from '../ycml';

const CANARY = process.env.YCML_TEST_CANARY ?? '';
const FOLDER = 'b1gcanaryfolder00001';

describe('sign-in and the status bar', () => {
  let iam: FakeIamServer;
  let keys: string;

  before(async () => {
    assert.ok(CANARY.length >= 16, 'the launcher provides a canary secret');
    iam = await startFakeIamServer();
    keys = tempDir('ycml-keys-');
    await setSetting('iamEndpoint', iam.url);
    await setSetting('folderId', FOLDER);
  });

  after(async () => {
    await run('ycml.signOut');
    await setSetting('iamEndpoint', undefined);
    await setSetting('folderId', undefined);
    await iam.close();
    fs.rmSync(keys, { recursive: true, force: true });
  });

  it('shows a status bar item at once and logs the activation time', async () => {
    const api = await ycml();
    console.log(`      activation took ${api.activationMs.toFixed(2)} ms`);
    assert.ok(api.statusBar()?.text.includes('YC:'));
  });

  it('signs in with an API key: status shows the method and folder', async () => {
    const state = await signIn({ credential: `AQVN${CANARY}` });
    assert.equal(state.phase, 'signedIn');
    assert.equal(state.method, 'APIKeyAuth');
    const api = await ycml();
    assert.equal(api.statusBar()?.text, '$(key) YC: API key · b1gca…');
    assert.equal(api.statusBar()?.severity, 'none');
    assert.match(api.statusBar()?.tooltip ?? '', /b1gcanaryfolder00001/);
    assert.ok(!(api.statusBar()?.tooltip ?? '').includes(CANARY), 'the tooltip holds no secret');
    await screenshot('status-signed-in');
  });

  it('copies the token and says what it is', async () => {
    const copied = await run<{ kind: string; message: string }>('ycml.copyToken');
    assert.equal(copied.kind, 'api-key');
    assert.equal(await vscode.env.clipboard.readText(), `AQVN${CANARY}`);
    assert.match(copied.message, /API key/);
    assert.ok(!copied.message.includes(CANARY));
    await vscode.env.clipboard.writeText('');
  });

  it('signs in with an OAuth token: exchanged at IAM for an IAM token with an expiry', async () => {
    const before = iam.requests.length;
    const state = await signIn({ credential: `y0_${CANARY}` });
    assert.equal(state.method, 'OAuthTokenAuth');
    assert.equal(state.expiresAt?.toISOString(), new Date(FAKE_EXPIRES_AT).toISOString());
    const exchanges = iam.requests.slice(before);
    assert.equal(exchanges.length, 1, 'validation and use share one exchange');
    assert.deepEqual(JSON.parse(exchanges[0]!.body), { yandexPassportOauthToken: `y0_${CANARY}` });
    assert.equal((await ycml()).statusBar()?.text, '$(key) YC: OAuth · b1gca…');
  });

  it('refresh forces a new exchange', async () => {
    const before = iam.requests.length;
    const state = await run<{ phase: string }>('ycml.refresh');
    assert.equal(state.phase, 'signedIn');
    assert.equal(iam.requests.length, before + 1);
  });

  it('a failing refresh turns the status bar into a warning and says why', async () => {
    iam.setBehaviour(() => ({ status: 500, body: 'oops' }));
    try {
      await assert.rejects(run('ycml.refresh'));
      const api = await ycml();
      assert.match(api.state().refreshError ?? '', /500/);
      assert.equal(api.statusBar()?.severity, 'warning');
      assert.equal(api.statusBar()?.text, '$(warning) YC: OAuth · b1gca…');
      await screenshot('status-refresh-failing');
    } finally {
      iam.setBehaviour((_request, n) => ({ status: 200, body: JSON.stringify({ iamToken: `iam-token-${n}`, expiresAt: FAKE_EXPIRES_AT }) }));
    }
  });

  it('rejects an OAuth token IAM refuses, and keeps the previous sign-in', async () => {
    // IAM echoing the token back must not carry it into the error, the log or the notification.
    const revoked = `y0_${CANARY}revoked`;
    iam.setBehaviour(() => ({ status: 401, body: JSON.stringify({ message: `token ${revoked} is revoked` }) }));
    try {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ycml.signIn', { credential: revoked })), (error: Error) => {
        assert.ok(!error.message.includes(CANARY), error.message);
        return /401/.test(error.message);
      });
      const api = await ycml();
      await api.settled();
      assert.equal(api.state().method, 'OAuthTokenAuth');
      assert.equal(api.state().phase, 'signedIn');
    } finally {
      iam.setBehaviour((_request, n) => ({ status: 200, body: JSON.stringify({ iamToken: `iam-token-${n}`, expiresAt: FAKE_EXPIRES_AT }) }));
    }
  });

  it('signs in with an IAM token', async () => {
    const state = await signIn({ credential: `t1.${CANARY}` });
    assert.equal(state.method, 'IAMTokenAuth');
    assert.equal((await ycml()).statusBar()?.text, '$(key) YC: IAM token · b1gca…');
  });

  it('rejects a credential with a newline inside, naming the problem, not the value', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ycml.signIn', { credential: `AQVN${CANARY}\nX-Evil: 1` })), (error: Error) => {
      assert.ok(!error.message.includes(CANARY), 'the error holds no secret');
      return /control character|line break|newline/i.test(error.message);
    });
    assert.equal((await ycml()).state().method, 'IAMTokenAuth');
  });

  it('signs in with a service-account key file: a PS256 JWT the fake IAM verifies', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    iam.addServiceAccountKey('ajekeyid', 'ajesaid', publicKey);
    const keyFile = path.join(keys, 'key.json');
    fs.writeFileSync(keyFile, JSON.stringify({
      id: 'ajekeyid', service_account_id: 'ajesaid', created_at: '2026-01-01T00:00:00Z', key_algorithm: 'RSA_2048',
      public_key: publicKey.export({ type: 'spki', format: 'pem' }),
      private_key: `PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <ajekeyid>\n${privateKey.export({ type: 'pkcs8', format: 'pem' })}`,
    }));
    const before = iam.requests.length;
    const state = await signIn({ keyFile });
    assert.equal(state.phase, 'signedIn', state.error);
    assert.equal(state.method, 'ServiceAccountKeyAuth');
    assert.ok(JSON.parse(iam.requests[before]!.body).jwt, 'exchanged a JWT');
    assert.match(state.source ?? '', /key\.json/);
  });

  it('rejects a malformed key file and keeps the previous sign-in', async () => {
    const broken = path.join(keys, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ id: 'x', service_account_id: 'y', private_key: 'not a pem' }));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ycml.signIn', { keyFile: broken })), /private_key|PEM/);
    assert.equal((await ycml()).state().method, 'ServiceAccountKeyAuth');
  });

  it('explains the resolution step by step', async () => {
    const trace = await run<{ method: string; outcome: string; reason: string }[]>('ycml.explain');
    assert.equal(trace[0]?.method, 'ServiceAccountKeyAuth');
    assert.equal(trace[0]?.outcome, 'applied');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('signs out: no secret kept, nothing exported, the status bar asks to sign in', async () => {
    await signIn({ credential: `AQVN${CANARY}` });
    assert.ok(Object.keys((await ycml()).exported()).length > 0);
    await run('ycml.signOut');
    const api = await ycml();
    assert.equal(api.state().phase, 'signedOut');
    assert.deepEqual(api.exported(), {});
    assert.equal(api.statusBar()?.text, '$(sign-in) YC: Sign in');
    assert.equal(api.statusBar()?.severity, 'warning');
    await assert.rejects(run('ycml.copyToken'), /no explicit authorization data/);
    await screenshot('status-signed-out');
  });

  it('a sign-in that cannot work shows as failed, with an error background', async () => {
    const state = await signIn({ method: 'metadata' });
    assert.equal(state.phase, 'failed');
    assert.deepEqual(state.trace.map((s) => [s.method, s.outcome]), [['MetadataAuth', 'failed']]);
    assert.match(state.trace[0]?.reason ?? '', /127\.0\.0\.1/);
    const api = await ycml();
    assert.equal(api.statusBar()?.text, '$(error) YC: Sign in');
    assert.equal(api.statusBar()?.severity, 'error');
    await screenshot('status-failed');
  });
});
