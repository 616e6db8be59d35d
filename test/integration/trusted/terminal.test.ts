// Credentials in new integrated terminals and debug sessions, in each export mode.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { FAKE_EXPIRES_AT, startFakeIamServer, type FakeIamServer } from '../../fakes/fake-iam-server';
import { waitFor } from '../helpers';
import { PRINT_YC_ENV, run, runNodeInTerminal, setSetting, signIn, tempDir, ycml, ycVariables } from '../ycml';

const FOLDER = 'b1gterminalfolder001';

/** What the SDK's MetadataAuth does with YC_METADATA_ADDR, once with the header and once without. */
const FETCH_LIKE_THE_SDK = `const url = 'http://' + process.env.YC_METADATA_ADDR + '/computeMetadata/v1/instance/service-accounts/default/token';
(async () => {
  const withHeader = await fetch(url, { headers: { 'Metadata-Flavor': 'Google' } });
  const body = await withHeader.json();
  const without = await fetch(url);
  console.log(JSON.stringify({ status: withHeader.status, token: body.access_token, expiresIn: body.expires_in,
    refused: without.status, apiKey: process.env.YC_API_KEY ?? null, iamToken: process.env.YC_IAM_TOKEN ?? null,
    folder: process.env.YC_FOLDER_ID ?? null }));
})().catch((e) => console.log(JSON.stringify({ error: String(e) })));`;

describe('terminals and debug sessions', () => {
  let iam: FakeIamServer;

  before(async () => {
    iam = await startFakeIamServer();
    await setSetting('iamEndpoint', iam.url);
    await setSetting('folderId', FOLDER);
    await signIn({ credential: 'y0_terminaltesttoken' });
  });

  after(async () => {
    await setSetting('terminal.export', undefined);
    await run('ycml.signOut');
    await setSetting('iamEndpoint', undefined);
    await setSetting('folderId', undefined);
    await iam.close();
  });

  it('pointer mode: a new terminal fetches a fresh token through YC_METADATA_ADDR, as the SDK does', async () => {
    const exported = (await ycml()).exported();
    assert.match(exported.YC_METADATA_ADDR ?? '', /^127\.0\.0\.1:\d+\/[\w-]+$/);
    assert.equal(exported.YC_IAM_TOKEN, undefined, 'no token in the environment');
    const before = iam.requests.length;
    const result = JSON.parse((await runNodeInTerminal('pointer', FETCH_LIKE_THE_SDK)).trim().split('\n').pop()!);
    assert.equal(result.status, 200, JSON.stringify(result));
    assert.match(result.token, /^iam-token-\d+$/);
    const secondsLeft = (new Date(FAKE_EXPIRES_AT).getTime() - Date.now()) / 1000;
    assert.ok(Math.abs(result.expiresIn - secondsLeft) < 60, `expires_in ${result.expiresIn} is the IAM token's remaining life`);
    assert.equal(result.refused, 403, 'refused without Metadata-Flavor: Google');
    assert.equal(result.iamToken, null);
    assert.equal(result.folder, FOLDER);
    assert.equal(iam.requests.length, before, 'served from the cached IAM token');
  });

  it('the pointer address survives a new resolution, so terminals opened earlier keep working', async () => {
    const api = await ycml();
    const address = api.exported().YC_METADATA_ADDR;
    await setSetting('profile', 'some-other-profile');
    try {
      assert.equal(api.state().phase, 'signedIn');
      assert.equal(api.exported().YC_METADATA_ADDR, address);
    } finally {
      await setSetting('profile', undefined);
    }
  });

  it('changing the folder updates YC_FOLDER_ID without a new token exchange', async () => {
    const api = await ycml();
    const before = iam.requests.length;
    await setSetting('folderId', 'b1gotherfolder000001');
    try {
      await waitFor('the new folder', () => api.exported().YC_FOLDER_ID === 'b1gotherfolder000001');
      assert.equal(api.state().folderId, 'b1gotherfolder000001');
      assert.equal(iam.requests.length, before);
    } finally {
      await setSetting('folderId', FOLDER);
      await waitFor('the folder back', () => api.exported().YC_FOLDER_ID === FOLDER);
    }
  });

  it('while IAM is down, terminals keep getting the still-valid token, the status bar warns, and a background retry recovers', async function () {
    this.timeout(120_000); // the background retry comes a minute after the failure
    // A token due for refresh in 2 s (expiry − 5 min) that stays valid for 5 min more.
    iam.setBehaviour((_request, n) => ({ status: 200, body: JSON.stringify({ iamToken: `short-lived-${n}`, expiresAt: new Date(Date.now() + 302_000).toISOString() }) }));
    await run('ycml.refresh');
    const api = await ycml();
    const held = api.state().expiresAt;
    iam.setBehaviour(() => ({ status: 503, body: 'unavailable' }));
    try {
      await waitFor('the refresh to fail', () => api.state().refreshError, 20_000);
      const url = `http://${api.exported().YC_METADATA_ADDR}/computeMetadata/v1/instance/service-accounts/default/token`;
      const answer = await fetch(url, { headers: { 'Metadata-Flavor': 'Google' } });
      assert.equal(answer.status, 200);
      assert.match(((await answer.json()) as { access_token: string }).access_token, /^short-lived-\d+$/);
      assert.equal(api.state().expiresAt?.getTime(), held?.getTime());
      assert.equal(api.statusBar()?.severity, 'warning');
    } finally {
      iam.setBehaviour((_request, n) => ({ status: 200, body: JSON.stringify({ iamToken: `iam-token-${n}`, expiresAt: FAKE_EXPIRES_AT }) }));
    }
    // No command: the session's own timer must try again after the failed refresh.
    await waitFor('the background retry to get a new token', () => api.state().refreshError === undefined, 90_000);
    assert.equal(api.state().expiresAt?.toISOString(), new Date(FAKE_EXPIRES_AT).toISOString());
    assert.equal(api.statusBar()?.severity, 'none');
  });

  it('token mode: the terminal gets YC_IAM_TOKEN itself', async () => {
    await setSetting('terminal.export', 'token');
    const api = await ycml();
    await waitFor('token export', () => api.exported().YC_IAM_TOKEN);
    const vars = ycVariables(await runNodeInTerminal('token', PRINT_YC_ENV));
    assert.match(vars.YC_IAM_TOKEN ?? '', /^iam-token-\d+$/);
    assert.equal(vars.YC_FOLDER_ID, FOLDER);
    assert.equal(vars.YC_METADATA_ADDR, process.env.YC_METADATA_ADDR, 'the pointer is gone; the inherited value is back');
  });

  it('off mode: the terminal gets nothing from the extension', async () => {
    await setSetting('terminal.export', 'off');
    assert.deepEqual((await ycml()).exported(), {});
    const vars = ycVariables(await runNodeInTerminal('off', PRINT_YC_ENV));
    assert.equal(vars.YC_IAM_TOKEN, undefined);
    assert.equal(vars.YC_FOLDER_ID, undefined);
  });

  it('an API key reaches the terminal as YC_API_KEY, even in pointer mode', async () => {
    await setSetting('terminal.export', 'pointer');
    await signIn({ credential: 'AQVNterminalapikey0001' });
    const vars = ycVariables(await runNodeInTerminal('api-key', PRINT_YC_ENV));
    assert.equal(vars.YC_API_KEY, 'AQVNterminalapikey0001');
    assert.equal(vars.YC_FOLDER_ID, FOLDER);
  });

  it('a node debug session gets the variables, without overriding one set in the launch configuration', async () => {
    await signIn({ credential: 'y0_terminaltesttoken' });
    const dir = tempDir('ycml-debug-');
    const program = path.join(dir, 'program.js');
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(program, `${PRINT_YC_ENV.replace('console.log(', `require('fs').writeFileSync(${JSON.stringify(out)}, `)}\n`);
    try {
      const started = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], {
        type: 'node', request: 'launch', name: 'ycml-debug-test', program, console: 'internalConsole',
        env: { YC_FOLDER_ID: 'b1guserchosenfolder1' },
      });
      assert.equal(started, true);
      const vars = JSON.parse(await waitFor('the debuggee to write its environment', () => fs.existsSync(out) && fs.readFileSync(out, 'utf8'), 30_000));
      assert.match(vars.YC_METADATA_ADDR ?? '', /^127\.0\.0\.1:\d+\/[\w-]+$/);
      assert.equal(vars.YC_METADATA_ADDR, (await ycml()).exported().YC_METADATA_ADDR);
      assert.equal(vars.YC_FOLDER_ID, 'b1guserchosenfolder1', "the user's own value wins");
    } finally {
      await vscode.debug.stopDebugging();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sign-out removes every export', async () => {
    await run('ycml.signOut');
    assert.deepEqual((await ycml()).exported(), {});
    const vars = ycVariables(await runNodeInTerminal('signed-out', PRINT_YC_ENV));
    assert.equal(vars.YC_FOLDER_ID, undefined);
    assert.equal(vars.YC_METADATA_ADDR, process.env.YC_METADATA_ADDR);
  });
});
