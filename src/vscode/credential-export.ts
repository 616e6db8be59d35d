// Keeps what terminals and debug sessions get in line with the session, the export mode and
// workspace trust. The pointer token server, once started, lives as long as the window: terminals
// opened earlier hold its address, and it answers 503 while there is no IAM token to serve.
import * as vscode from 'vscode';
import { describeExport, planExport } from '../core/export-plan.ts';
import { startTokenServer, type TokenServer } from '../core/token-server.ts';
import { errorText } from './error-text.ts';
import type { RedactingLog } from './log.ts';
import type { CredentialSession } from './session.ts';
import type { Settings } from './settings.ts';
import type { TerminalExport } from './terminal-export.ts';

/** What the pointer endpoint reports when the token's expiry is not known: the SDK's refresh period. */
const UNKNOWN_EXPIRY_S = 3600;

export class CredentialExport implements vscode.Disposable {
  private server: Promise<TokenServer> | undefined;
  private updating: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: CredentialSession,
    private readonly terminals: TerminalExport,
    private readonly settings: () => Settings,
    private readonly inheritedEnv: () => Readonly<Record<string, string | undefined>>,
    private readonly log: RedactingLog,
  ) {}

  /** Recomputes the exports; calls are serialised so the last state always wins. */
  update(): Promise<void> {
    this.updating = this.updating.then(() => this.apply()).catch((error: unknown) => {
      this.log.error(`Could not update terminal exports: ${errorText(error)}`);
    });
    return this.updating;
  }

  /** The variables terminals and debug sessions get now. */
  current(): Readonly<Record<string, string>> {
    return this.terminals.current();
  }

  summary(): string {
    return describeExport(this.current());
  }

  dispose(): void {
    void this.server?.then((server) => server.close());
    this.server = undefined;
  }

  private async apply(): Promise<void> {
    const { exportMode } = this.settings();
    const state = this.session.current;
    // While resolving, terminals keep what they had: a new terminal must not miss credentials.
    if (state.phase === 'resolving') return;
    const credential = state.phase === 'signedIn' ? this.session.latestCredential : undefined;
    const trusted = vscode.workspace.isTrusted;
    const wantsPointer = trusted && exportMode === 'pointer' && credential?.kind === 'iam-token';
    const pointerAddress = wantsPointer ? (await this.startServer()).address : undefined;
    const vars = planExport({ mode: exportMode, trusted, credential, folderId: state.folderId, pointerAddress, inheritedEnv: this.inheritedEnv() });
    const why = trusted ? `${exportMode} mode` : 'Restricted Mode';
    if (this.terminals.apply(vars, why)) this.log.info(`Terminals and debug sessions now get: ${describeExport(vars)} (${why})`);
  }

  private startServer(): Promise<TokenServer> {
    this.server ??= startTokenServer({
      getToken: async () => {
        const credential = await this.session.getCredential();
        if (credential.kind !== 'iam-token') throw new Error('the active credential is not an IAM token');
        const left = credential.expiresAt ? (credential.expiresAt.getTime() - Date.now()) / 1000 : UNKNOWN_EXPIRY_S;
        return { token: credential.secret, expiresInSeconds: left };
      },
      onRequest: ({ status, reason }) => {
        if (status === 200) this.log.info(`Token endpoint: ${status} ${reason}`);
        else this.log.warn(`Token endpoint: ${status} ${reason}`);
      },
    }).then((server) => {
      this.log.info(`Token endpoint for terminals listening on 127.0.0.1:${server.port}`);
      return server;
    });
    return this.server;
  }
}
