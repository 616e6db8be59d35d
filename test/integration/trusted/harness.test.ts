// Proves the harness itself: the extension is loaded and activated by VS Code in a real extension
// host, and the session is sealed to loopback. YCML_TEST_FORCE_FAIL=1 adds a failing test, to
// show that a failure inside the host fails `npm test`.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activeExtension, screenshot } from '../helpers';

describe('harness (trusted workspace)', () => {
  it('activates the extension on startup and registers its command', async () => {
    await activeExtension();
    assert.ok((await vscode.commands.getCommands(true)).includes('ycml.showLog'));
    await vscode.commands.executeCommand('ycml.showLog');
    await screenshot('trusted-status-bar');
  });

  it('opens the folder trusted', () => {
    assert.equal(vscode.workspace.isTrusted, true);
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });

  it('keeps the session on loopback, in its own HOME, with a canary secret', () => {
    assert.equal(vscode.workspace.getConfiguration('ycml').get('iamEndpoint'), 'http://127.0.0.1:9');
    assert.match(process.env.YC_METADATA_ADDR ?? '', /^127\.0\.0\.1:/);
    assert.ok(process.env.YCML_HOST_RUN_DIR && os.homedir().startsWith(process.env.YCML_HOST_RUN_DIR));
    assert.ok((process.env.YCML_TEST_CANARY ?? '').length >= 16);
  });

  if (process.env.YCML_TEST_FORCE_FAIL) {
    it('fails on request (YCML_TEST_FORCE_FAIL=1)', () => {
      assert.fail('deliberate failure: YCML_TEST_FORCE_FAIL is set');
    });
  }
});
