// Debug sessions with an internal console do not get the terminal collection, so every launch
// configuration, of any debug type, gets the same variables in its `env`.
import * as vscode from 'vscode';

export class DebugEnvProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly variables: () => Readonly<Record<string, string>>) {}

  resolveDebugConfigurationWithSubstitutedVariables(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration {
    const exported = this.variables();
    if (config.request !== 'launch' || Object.keys(exported).length === 0) return config;
    const env: Record<string, string | null> = { ...(config.env ?? {}) };
    for (const [name, value] of Object.entries(exported)) {
      // A variable the user set in launch.json (even to null, to unset it) is theirs.
      if (!(name in env)) env[name] = value;
    }
    return { ...config, env };
  }
}

export function registerDebugEnvProvider(variables: () => Readonly<Record<string, string>>): vscode.Disposable {
  return vscode.debug.registerDebugConfigurationProvider('*', new DebugEnvProvider(variables));
}
