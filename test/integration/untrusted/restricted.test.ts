// Restricted Mode: the extension still shows what it would use, but exports nothing anywhere.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { screenshot } from '../helpers';
import { PRINT_YC_ENV, run, runNodeInTerminal, signIn, ycml, ycVariables } from '../ycml';

describe('Restricted Mode', () => {
  after(() => run('ycml.signOut'));

  it('signs in, but exports nothing to terminals, and says so', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const state = await signIn({ credential: 'AQVNrestrictedkey0001' });
    assert.equal(state.phase, 'signedIn');
    const api = await ycml();
    assert.deepEqual(api.exported(), {});
    assert.ok(api.statusBar()?.text.startsWith('$(workspace-untrusted) $(key) YC: API key'), api.statusBar()?.text);
    assert.match(api.statusBar()?.tooltip ?? '', /Restricted Mode/);
    const vars = ycVariables(await runNodeInTerminal('restricted', PRINT_YC_ENV));
    assert.equal(vars.YC_API_KEY, undefined);
    await screenshot('status-restricted');
  });
});
