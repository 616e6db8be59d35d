// The status bar's click: the actions that fit the current state.
import * as vscode from 'vscode';
import type { SessionState } from '../session-state.ts';

export async function showActions(state: SessionState): Promise<void> {
  const signedIn = state.phase === 'signedIn';
  const actions = [
    { label: signedIn ? '$(account) Sign in differently…' : '$(sign-in) Sign in…', command: 'ycml.signIn' },
    ...(signedIn
      ? [
          { label: '$(refresh) Refresh credentials', command: 'ycml.refresh' },
          { label: '$(copy) Copy token', command: 'ycml.copyToken' },
        ]
      : [{ label: '$(refresh) Resolve again', command: 'ycml.refresh' }]),
    { label: '$(list-ordered) Explain credential resolution', command: 'ycml.explain' },
    { label: '$(terminal) Select yc CLI profile…', command: 'ycml.selectProfile' },
    { label: '$(folder) Set folder ID…', command: 'ycml.setFolder' },
    { label: '$(output) Show log', command: 'ycml.showLog' },
    ...(state.phase === 'signedOut' ? [] : [{ label: '$(sign-out) Sign out', command: 'ycml.signOut' }]),
  ];
  const picked = await vscode.window.showQuickPick(actions, { title: 'Yandex Cloud ML credentials' });
  if (picked) await vscode.commands.executeCommand(picked.command);
}
