// `ycml.signIn`: choose where credentials come from. With an argument it shows no UI, for
// automation and tests: `{credential: string}`, `{keyFile: string}`, or `{method: 'auto' | 'metadata'}`.
import * as vscode from 'vscode';
import { readKeyFile } from '../../core/authorized-key.ts';
import type { CredentialSession } from '../session.ts';
import { errorText } from '../error-text.ts';
import type { SessionState } from '../session-state.ts';
import { validateCredential, validateKeyFile } from '../sign-in-validation.ts';
import type { WarningSink } from '../../core/contracts.ts';
import type { Env } from '../../core/env.ts';
import type { Settings } from '../settings.ts';
import { pickYcProfile } from './select-profile.ts';

export type SignInArgument = { credential: string } | { keyFile: string } | { method: 'auto' | 'metadata' };

interface SignInDeps {
  readonly session: CredentialSession;
  readonly settings: () => Settings;
  readonly env: () => Env;
  readonly onWarning: WarningSink;
}

export async function signIn(deps: SignInDeps, argument?: unknown): Promise<SessionState | undefined> {
  if (argument !== undefined) return signInWith(deps, parseArgument(argument));
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(key) Paste a credential…', detail: 'An API key, an IAM token (t1.…) or an OAuth token (y0_…), recognised as the SDK does', id: 'paste' },
      { label: '$(file) Service-account key file…', detail: 'An authorized key JSON from `yc iam key create`', id: 'keyFile' },
      { label: '$(terminal) yc CLI profile…', detail: 'Tokens from `yc iam create-token`', id: 'yc' },
      { label: '$(server) VM metadata service', detail: "The VM's service account (on a Yandex Cloud VM)", id: 'metadata' },
      { label: '$(search) Automatic', detail: "The SDK's own chain on VS Code's environment", id: 'auto' },
    ],
    { title: 'Sign in to Yandex Cloud ML', placeHolder: 'Where should credentials come from?', ignoreFocusOut: true },
  );
  switch (choice?.id) {
    case 'paste': {
      const credential = await vscode.window.showInputBox({
        title: 'Paste a Yandex Cloud credential',
        prompt: 'API key, IAM token or OAuth token. It is kept only in VS Code secret storage.',
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? undefined : 'Paste a credential'),
      });
      return credential === undefined ? undefined : signInWith(deps, { credential });
    }
    case 'keyFile': {
      const files = await vscode.window.showOpenDialog({ title: 'Service-account authorized key', filters: { 'Key file': ['json'] }, canSelectMany: false });
      return files?.[0] ? signInWith(deps, { keyFile: files[0].fsPath }) : undefined;
    }
    case 'yc': {
      const profile = await pickYcProfile(deps.settings(), deps.env());
      return profile === undefined ? undefined : deps.session.signIn(profile ? { method: 'yc', profile } : { method: 'yc' });
    }
    case 'metadata':
    case 'auto':
      return signInWith(deps, { method: choice.id });
    default:
      return undefined;
  }
}

function parseArgument(argument: unknown): SignInArgument {
  const arg = argument as Record<string, unknown> | null;
  if (typeof arg?.credential === 'string') return { credential: arg.credential };
  if (typeof arg?.keyFile === 'string') return { keyFile: arg.keyFile };
  if (arg?.method === 'auto' || arg?.method === 'metadata') return { method: arg.method };
  throw new Error("ycml.signIn takes {credential: string}, {keyFile: string} or {method: 'auto' | 'metadata'}");
}

/** Validates before anything is kept: a credential that does not work is never stored. */
async function signInWith(deps: SignInDeps, argument: SignInArgument): Promise<SessionState> {
  if ('method' in argument) return deps.session.signIn({ method: argument.method });
  const ctx = { settings: deps.settings(), env: deps.env(), onWarning: deps.onWarning };
  try {
    if ('credential' in argument) return await deps.session.signIn(await validateCredential(argument.credential, ctx));
    return await deps.session.signIn(validateKeyFile(await readKeyFile(argument.keyFile), argument.keyFile, ctx));
  } catch (error) {
    void vscode.window.showErrorMessage(`Yandex Cloud ML: sign-in failed: ${errorText(error)}`);
    throw error;
  }
}
