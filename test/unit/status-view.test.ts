import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionState } from '../../src/vscode/session-state.ts';
import { relativeTime, renderStatus, shortFolder, type StatusContext } from '../../src/vscode/status-view.ts';

const now = new Date('2026-12-04T12:00:00Z');
const ctx: StatusContext = { now, trusted: true, exported: 'YC_METADATA_ADDR, YC_FOLDER_ID', exportMode: 'pointer' };
const signedIn: SessionState = {
  phase: 'signedIn', choice: 'credential', method: 'APIKeyAuth', source: 'pasted at sign-in', credentialKind: 'api-key',
  folderId: 'b1gabcdefghijklmnopq', folderSource: 'YC_FOLDER_ID', trace: [], refreshable: false,
};

describe('renderStatus', () => {
  it('resolving spins and has no severity', () => {
    const view = renderStatus({ phase: 'resolving', choice: 'auto', trace: [] }, ctx);
    assert.equal(view.text, '$(sync~spin) YC: resolving…');
    assert.equal(view.severity, 'none');
  });

  it('signed in shows the method and the folder, with the whole story in the tooltip', () => {
    const view = renderStatus(signedIn, ctx);
    assert.equal(view.text, '$(key) YC: API key · b1gab…');
    assert.equal(view.severity, 'none');
    assert.match(view.tooltip, /`b1gabcdefghijklmnopq` \(YC\\_FOLDER\\_ID\)/);
    assert.match(view.tooltip, /Terminals get \| YC\\_METADATA\\_ADDR, YC\\_FOLDER\\_ID \(`pointer` mode\)/);
    assert.match(view.tooltip, /\(command:ycml\.refresh\)/);
  });

  it('an IAM token about to expire that cannot refresh itself is a warning with a countdown', () => {
    const view = renderStatus({ ...signedIn, method: 'IAMTokenAuth', folderId: undefined, expiresAt: new Date(now.getTime() + 4 * 60000) }, ctx);
    assert.equal(view.text, '$(warning) YC: IAM token · expires in 4 min');
    assert.equal(view.severity, 'warning');
  });

  it('a refreshable token close to expiry is fine; a failing refresh is a warning', () => {
    const soon = { ...signedIn, method: 'OAuthTokenAuth' as const, refreshable: true, expiresAt: new Date(now.getTime() + 60000) };
    assert.equal(renderStatus(soon, ctx).severity, 'none');
    const failing = renderStatus({ ...soon, refreshError: 'IAM answered 500' }, ctx);
    assert.equal(failing.severity, 'warning');
    assert.match(failing.tooltip, /Refresh failed: IAM answered 500/);
  });

  it('signed out asks to sign in with a warning; failed with an error and the reason', () => {
    const out = renderStatus({ phase: 'signedOut', choice: 'signedOut', trace: [] }, ctx);
    assert.equal(out.text, '$(sign-in) YC: Sign in');
    assert.equal(out.severity, 'warning');
    const failed = renderStatus({ phase: 'failed', choice: 'credential', trace: [], error: 'IAM answered 401' }, ctx);
    assert.equal(failed.text, '$(error) YC: Sign in');
    assert.equal(failed.severity, 'error');
    assert.match(failed.tooltip, /IAM answered 401/);
  });

  it('Restricted Mode is visible in the text and the tooltip', () => {
    const view = renderStatus(signedIn, { ...ctx, trusted: false });
    assert.ok(view.text.startsWith('$(workspace-untrusted) '));
    assert.match(view.tooltip, /nothing: Restricted Mode/);
  });

  it('a secret storage failure shows as a warning', () => {
    const view = renderStatus({ ...signedIn, keychainError: 'no keyring' }, ctx);
    assert.equal(view.severity, 'warning');
    assert.match(view.tooltip, /no keyring/);
  });
});

describe('status helpers', () => {
  it('shortFolder keeps short IDs and trims long ones', () => {
    assert.equal(shortFolder('b1gabcdefghijklmnopq'), 'b1gab…');
    assert.equal(shortFolder('short'), 'short');
  });

  it('relativeTime speaks minutes and hours, both ways', () => {
    assert.equal(relativeTime(new Date(now.getTime() + 42 * 60000), now), 'in 42 min');
    assert.equal(relativeTime(new Date(now.getTime() + 185 * 60000), now), 'in 3 h 5 min');
    assert.equal(relativeTime(new Date(now.getTime() + 120 * 60000), now), 'in 2 h');
    assert.equal(relativeTime(new Date(now.getTime() - 2 * 60000), now), '2 min ago');
  });
});
