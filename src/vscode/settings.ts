// Typed access to the extension's settings. Endpoints and executables are machine-scoped in
// package.json, so a cloned repository's .vscode/settings.json cannot redirect credentials.
import * as vscode from 'vscode';
import { EXPORT_MODES, type ExportMode } from '../core/export-plan.ts';

export const SECTION = 'ycml';

export interface Settings {
  readonly iamEndpoint: string;
  readonly ycPath: string;
  readonly profile: string | undefined;
  readonly folderId: string | undefined;
  readonly exportMode: ExportMode;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, vscode.workspace.workspaceFolders?.[0]);
  const text = (key: string) => config.get<string>(key)?.trim() || undefined;
  const mode = config.get<string>('terminal.export');
  return {
    iamEndpoint: text('iamEndpoint') ?? 'https://iam.api.cloud.yandex.net',
    ycPath: text('ycPath') ?? 'yc',
    profile: text('profile'),
    folderId: text('folderId'),
    exportMode: EXPORT_MODES.includes(mode as ExportMode) ? (mode as ExportMode) : 'pointer',
  };
}

/** What a settings change calls for: a new resolution, a new folder, new exports, or nothing. */
export function settingsChange(event: vscode.ConfigurationChangeEvent): 'credentials' | 'folder' | 'export' | undefined {
  const affects = (key: string) => event.affectsConfiguration(`${SECTION}.${key}`);
  if (affects('iamEndpoint') || affects('ycPath') || affects('profile')) return 'credentials';
  if (affects('folderId')) return 'folder';
  if (affects('terminal.export')) return 'export';
  return undefined;
}
