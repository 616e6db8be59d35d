// `ycml.setFolder`: the folder ID AI Studio requests go to, exported as YC_FOLDER_ID.
import * as vscode from 'vscode';
import { SECTION } from '../settings.ts';

const FOLDER_ID = /^[a-z][a-z0-9]{19}$/;

/** Folder IDs are 20 lowercase letters and digits, starting with a letter (e.g. b1g…). */
export function checkFolderId(value: string): string | undefined {
  const id = value.trim();
  if (id === '') return undefined;
  return FOLDER_ID.test(id) ? undefined : 'A folder ID is 20 lowercase letters and digits, like b1gxxxxxxxxxxxxxxxxx';
}

export async function setFolder(currentFolder: string | undefined, argument?: unknown): Promise<string | undefined> {
  const value =
    typeof argument === 'string'
      ? argument
      : await vscode.window.showInputBox({
          title: 'Yandex Cloud folder ID',
          prompt: 'Exported as YC_FOLDER_ID; leave empty to take it from the environment or the yc profile',
          value: currentFolder ?? '',
          validateInput: checkFolderId,
        });
  if (value === undefined) return undefined;
  const problem = checkFolderId(value);
  if (problem) throw new Error(problem);
  const folders = vscode.workspace.workspaceFolders;
  const target = folders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('folderId', value.trim() || undefined, target);
  return value.trim();
}
