// Composes the window's parts. activate() only wires things up; resolution, which may touch the
// network or run yc, starts after it returns.
import * as vscode from 'vscode';
import { maskCredentials } from './core/export-plan.ts';
import type { SessionState } from './vscode/session-state.ts';
import type { StatusView } from './vscode/status-view.ts';
import { registerCommands } from './vscode/commands/register.ts';
import { CredentialExport } from './vscode/credential-export.ts';
import { registerDebugEnvProvider } from './vscode/debug-env-provider.ts';
import { Keychain } from './vscode/keychain.ts';
import { RedactingLog } from './vscode/log.ts';
import { CredentialSession } from './vscode/session.ts';
import { readSettings, settingsChange } from './vscode/settings.ts';
import { StatusBar } from './vscode/status-bar.ts';
import { TerminalExport } from './vscode/terminal-export.ts';

/** What the extension offers other extensions and its integration tests. Holds no secret. */
export interface YcmlApi {
  readonly activationMs: number;
  state(): SessionState;
  statusBar(): StatusView | undefined;
  /** The variables terminals and debug sessions get now, credential values masked. */
  exported(): Readonly<Record<string, string>>;
  /** Settles once the current resolution and export update are done. */
  settled(): Promise<SessionState>;
}

export function activate(context: vscode.ExtensionContext): YcmlApi {
  const started = performance.now();
  const env = () => process.env;
  const log = new RedactingLog();
  const onWarning = (message: string) => log.warn(message);
  const keychain = new Keychain(context.secrets);
  const session = new CredentialSession({ keychain, settings: readSettings, env, log });
  const exports = new CredentialExport(session, new TerminalExport(context.environmentVariableCollection), readSettings, env, log);
  const statusBar = new StatusBar();
  const render = () =>
    statusBar.update(session.current, {
      now: new Date(),
      trusted: vscode.workspace.isTrusted,
      exported: exports.summary(),
      exportMode: readSettings().exportMode,
    });
  let pending: Promise<unknown> = Promise.resolve();
  const track = (work: Promise<unknown>) => (pending = Promise.all([pending, work]).catch(() => undefined));
  const refreshExports = () => track(exports.update().then(render));

  // Expiry countdowns in the status bar move with the clock.
  const clock = setInterval(() => session.current.expiresAt && render(), 30_000);
  render();
  context.subscriptions.push(
    log,
    statusBar,
    session,
    exports,
    session.onDidChange(() => {
      render();
      refreshExports();
    }),
    new vscode.Disposable(() => clearInterval(clock)),
    vscode.workspace.onDidGrantWorkspaceTrust(refreshExports),
    vscode.workspace.onDidChangeConfiguration((event) => {
      const change = settingsChange(event);
      if (change === 'credentials') track(session.resolve('settings changed'));
      else if (change === 'folder') track(session.updateFolder());
      else if (change === 'export') refreshExports();
    }),
    keychain.onDidChange(() => track(session.storedSignInChanged())),
    registerDebugEnvProvider(() => exports.current()),
    ...registerCommands({ session, log, settings: readSettings, env, onWarning }),
  );
  setTimeout(() => track(session.resolve('startup')), 0);
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    state: () => session.current,
    statusBar: () => statusBar.current(),
    exported: () => maskCredentials(exports.current()),
    settled: async () => {
      for (let seen; seen !== pending; ) {
        seen = pending;
        await seen;
      }
      return session.current;
    },
  };
}

export function deactivate(): void {}
