// Puts the export plan into every new integrated terminal. The collection is not persistent: a
// secret must never be cached on disk across reloads, and a stale pointer would be useless.
import * as vscode from 'vscode';
import { describeExport } from '../core/export-plan.ts';

export class TerminalExport {
  private applied: Readonly<Record<string, string>> = {};

  constructor(private readonly collection: vscode.GlobalEnvironmentVariableCollection) {
    collection.persistent = false;
  }

  /** Replaces what terminals get; returns true when anything changed. */
  apply(vars: Readonly<Record<string, string>>, summary: string): boolean {
    if (sameVariables(vars, this.applied)) return false;
    this.collection.clear();
    for (const [name, value] of Object.entries(vars)) this.collection.replace(name, value);
    this.collection.description = new vscode.MarkdownString(
      Object.keys(vars).length ? `Yandex Cloud ML: ${describeExport(vars)} (${summary})` : 'Yandex Cloud ML: nothing exported',
    );
    this.applied = { ...vars };
    return true;
  }

  /** The variables terminals and debug sessions get now. */
  current(): Readonly<Record<string, string>> {
    return this.applied;
  }
}

function sameVariables(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}
