// Proves the Restricted Mode session: the folder is untrusted and the extension, which declares
// limited support for untrusted workspaces, still activates.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activeExtension, screenshot } from '../helpers';

describe('harness (Restricted Mode)', () => {
  it('opens the folder untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still activates the extension and registers its command', async () => {
    await activeExtension();
    assert.ok((await vscode.commands.getCommands(true)).includes('ycml.showLog'));
    await screenshot('untrusted-status-bar');
  });
});
