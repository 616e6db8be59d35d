// `ycml.selectProfile`: pick a yc CLI profile to take tokens from.
import * as vscode from 'vscode';
import { listYcProfiles } from '../../core/yc-config.ts';
import type { CredentialSession } from '../session.ts';
import { errorText } from '../error-text.ts';
import type { SessionState } from '../session-state.ts';
import type { Env } from '../../core/env.ts';
import type { Settings } from '../settings.ts';

/** The chosen profile name, '' for the CLI's current profile, undefined when cancelled. */
export async function pickYcProfile(settings: Settings, env: Env): Promise<string | undefined> {
  let profiles: { name: string; active: boolean }[];
  try {
    profiles = await listYcProfiles({ ycPath: settings.ycPath, env });
  } catch (error) {
    void vscode.window.showErrorMessage(`Yandex Cloud ML: cannot list yc profiles: ${errorText(error)}`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(star) Current profile', description: profiles.find((p) => p.active)?.name ?? '', name: '' },
      ...profiles.map((p) => ({ label: p.name, description: p.active ? 'active' : '', name: p.name })),
    ],
    { title: 'yc CLI profile', placeHolder: 'Which profile should VS Code take tokens from?' },
  );
  return picked?.name;
}

export async function selectProfile(session: CredentialSession, settings: Settings, env: Env, argument?: unknown): Promise<SessionState | undefined> {
  const given = (argument as { profile?: unknown } | undefined)?.profile;
  const profile = typeof given === 'string' ? given : await pickYcProfile(settings, env);
  if (profile === undefined) return undefined;
  return session.signIn(profile ? { method: 'yc', profile } : { method: 'yc' });
}
