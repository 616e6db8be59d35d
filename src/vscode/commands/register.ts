// Every `ycml.*` command, registered against the window's session.
import * as vscode from 'vscode';
import type { WarningSink } from '../../core/contracts.ts';
import type { Env } from '../../core/env.ts';
import type { RedactingLog } from '../log.ts';
import type { CredentialSession } from '../session.ts';
import { errorText } from '../error-text.ts';
import type { Settings } from '../settings.ts';
import { copyToken } from './copy-token.ts';
import { explain } from './explain.ts';
import { selectProfile } from './select-profile.ts';
import { setFolder } from './set-folder.ts';
import { showActions } from './show-actions.ts';
import { signIn } from './sign-in.ts';

export interface CommandDeps {
  readonly session: CredentialSession;
  readonly log: RedactingLog;
  readonly settings: () => Settings;
  readonly env: () => Env;
  readonly onWarning: WarningSink;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { session, log } = deps;
  const command = (id: string, run: (...args: unknown[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        log.error(`${id} failed: ${errorText(error)}`);
        throw error;
      }
    });
  return [
    command('ycml.signIn', (argument) => signIn(deps, argument)),
    command('ycml.signOut', async () => {
      await session.signOut();
      void vscode.window.showInformationMessage('Yandex Cloud ML: signed out. Secrets and terminal exports are cleared.');
      return session.current;
    }),
    command('ycml.refresh', async () => {
      // Automatic resolution may land elsewhere now (the environment or yc changed): run it again.
      if (session.current.phase !== 'signedIn' || session.current.choice === 'auto') return session.resolve('refresh requested');
      await session.getCredential(true);
      return session.current;
    }),
    command('ycml.copyToken', () => copyToken(session)),
    command('ycml.explain', () => explain(session.current)),
    command('ycml.selectProfile', (argument) => selectProfile(session, deps.settings(), deps.env(), argument)),
    command('ycml.setFolder', (argument) => setFolder(session.current.folderId, argument)),
    command('ycml.showLog', () => log.show()),
    command('ycml.showActions', () => showActions(session.current)),
  ];
}
