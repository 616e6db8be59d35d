// `ycml.copyToken`: the current credential to the clipboard, saying what it is and how long it lasts.
import * as vscode from 'vscode';
import type { CredentialSession } from '../session.ts';
import { relativeTime } from '../status-view.ts';

export interface CopiedToken {
  readonly kind: 'api-key' | 'iam-token';
  readonly expiresAt: string | null;
  readonly message: string;
}

export async function copyToken(session: CredentialSession): Promise<CopiedToken | undefined> {
  const credential = await session.getCredential();
  if (credential.kind === 'none') return undefined;
  await vscode.env.clipboard.writeText(credential.secret);
  const what = credential.kind === 'api-key' ? 'API key' : 'IAM token';
  const validity = credential.expiresAt
    ? `valid until ${credential.expiresAt.toLocaleTimeString()} (${relativeTime(credential.expiresAt, new Date())})`
    : credential.kind === 'api-key'
      ? 'valid until the key is revoked or reaches its own expiry'
      : 'expiry not known (IAM tokens live at most 12 hours)';
  const header = credential.kind === 'api-key' ? 'Authorization: Api-Key …' : 'Authorization: Bearer …';
  const message = `Copied the ${what} (${session.current.source ?? 'current session'}); ${validity}. Send it as "${header}".`;
  void vscode.window.showInformationMessage(message);
  return { kind: credential.kind, expiresAt: credential.expiresAt?.toISOString() ?? null, message };
}
