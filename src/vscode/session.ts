// The window's credential session: turns the stored sign-in into an auth method through the core,
// keeps its token fresh ahead of expiry, and tells listeners (status bar, exports) what changed.
import * as vscode from 'vscode';
import type { AuthMethod, Credential, TraceStep } from '../core/contracts.ts';
import { NotSignedInError, YcmlAuthError } from '../core/errors.ts';
import { markFailed } from '../core/resolve-credential.ts';
import { refreshTime } from '../core/token-cache.ts';
import { buildAuth, chosenAtSignIn, resolveFolder, type BuiltAuth } from './credential-source.ts';
import { errorText } from './error-text.ts';
import { KeychainError, type Keychain } from './keychain.ts';
import type { RedactingLog } from './log.ts';
import { INITIAL_STATE, type SessionState } from './session-state.ts';
import { serializeSignInRecord, type SignInRecord } from './sign-in-record.ts';
import type { Settings } from './settings.ts';
import type { ValidatedSignIn } from './sign-in-validation.ts';

const REFRESHABLE = new Set(['OAuthTokenAuth', 'MetadataAuth', 'YandexCloudCLIAuth', 'ServiceAccountKeyAuth']);
const RETRY_AFTER_FAILED_REFRESH_MS = 60_000;
const MIN_TIMER_MS = 1_000;
const STILL_VALID_MARGIN_MS = 60_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SessionDeps {
  readonly keychain: Keychain;
  readonly settings: () => Settings;
  /** The extension host's environment: VS Code's snapshot from its start. */
  readonly env: () => Readonly<Record<string, string | undefined>>;
  readonly log: RedactingLog;
}

export class CredentialSession implements vscode.Disposable {
  private state: SessionState = INITIAL_STATE;
  private auth: AuthMethod | undefined;
  /** The yc profile of the current method, when it is yc (its folder-id is the default folder). */
  private profile: string | undefined;
  private credential: Credential | undefined;
  private storedRecord: string | undefined;
  private generation = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<SessionState>();
  /** Fires with every new state, and when a refresh brings a new token. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: SessionDeps) {}

  get current(): SessionState {
    return this.state;
  }

  /** The last credential obtained; holds a secret, so it stays inside the extension. */
  get latestCredential(): Credential | undefined {
    return this.credential;
  }

  /** Reads the stored sign-in and resolves it anew; the newest call wins. */
  async resolve(why: string, validated?: ValidatedSignIn): Promise<SessionState> {
    const generation = ++this.generation;
    this.clearTimer();
    const { log } = this.deps;
    log.info(`Resolving credentials (${why})`);
    this.set(INITIAL_STATE);

    let record: SignInRecord | undefined;
    let keychainError: string | undefined;
    try {
      record = await this.deps.keychain.read();
    } catch (error) {
      keychainError = errorText(error);
      log.error(keychainError);
    }
    this.storedRecord = record && serializeSignInRecord(record);
    const choice = record?.method ?? 'auto';
    if (record?.method === 'signedOut') {
      this.auth = this.credential = undefined;
      if (generation === this.generation) this.set({ phase: 'signedOut', choice, trace: [], keychainError });
      log.info('Signed out: nothing is resolved or exported');
      return this.state;
    }

    const settings = this.deps.settings();
    const env = this.deps.env();
    let next: SessionState;
    let builtTrace: readonly TraceStep[] | undefined;
    try {
      const built: BuiltAuth =
        validated && this.storedRecord === serializeSignInRecord(validated.record)
          ? chosenAtSignIn(validated.auth)
          : await buildAuth(record ?? { method: 'auto' }, { settings, env, onWarning: (m) => log.warn(m) });
      builtTrace = built.trace;
      const credential = await built.auth.getCredential();
      const folder = await resolveFolder(built.auth, { settings, env, profile: built.profile });
      if (generation !== this.generation) return this.state;
      this.auth = built.auth;
      this.profile = built.profile;
      this.remember(credential);
      next = {
        phase: 'signedIn',
        choice,
        method: built.auth.name,
        source: built.auth.source,
        credentialKind: credential.kind,
        expiresAt: credential.expiresAt,
        refreshable: REFRESHABLE.has(built.auth.name),
        folderId: folder?.id,
        folderSource: folder?.source,
        trace: built.trace,
        keychainError,
      };
      log.info(`Signed in with ${built.auth.name} from ${built.auth.source}${describeExpiry(credential)}${folder ? `; folder ${folder.id} from ${folder.source}` : ''}`);
    } catch (error) {
      if (generation !== this.generation) return this.state;
      this.auth = this.credential = undefined;
      const reason = errorText(error);
      // Built, then failed to deliver: its applied step failed. Not built: the resolver's own trace.
      const trace = builtTrace ? markFailed(builtTrace, reason) : error instanceof YcmlAuthError ? error.trace : [];
      if (error instanceof NotSignedInError) {
        next = { phase: 'signedOut', choice, trace, error: reason, keychainError };
        log.warn(`No credentials: ${reason}`);
      } else {
        next = { phase: 'failed', choice, trace, error: reason, keychainError };
        log.error(`No credentials: ${reason}`);
      }
    }
    for (const step of next.trace) log.info(`  ${step.method}: ${step.outcome} (${step.reason})`);
    this.set(next);
    this.schedule();
    return this.state;
  }

  /**
   * A current credential, refreshed when due (or now, with `force`); fails when signed out, or when
   * a refresh fails and the previous token is about to expire.
   */
  async getCredential(force = false): Promise<Credential> {
    const auth = this.auth;
    if (!auth) throw new NotSignedInError();
    try {
      const credential = await auth.getCredential({ forceRefresh: force });
      if (auth === this.auth && credential !== this.credential) {
        this.remember(credential);
        this.set({ ...this.state, expiresAt: credential.expiresAt, refreshError: undefined });
        this.deps.log.info(`Got a new token from ${auth.name}${describeExpiry(credential)}`);
        this.schedule();
      }
      return credential;
    } catch (error) {
      if (auth !== this.auth) throw error;
      this.set({ ...this.state, refreshError: errorText(error) });
      this.deps.log.error(`Refresh failed: ${errorText(error)}`);
      this.schedule();
      // IAM tokens live up to 12 h and are refreshed after 1 h: while IAM is down, the token in
      // hand keeps terminals working, and the status bar warns.
      const previous = this.credential;
      if (!force && previous?.expiresAt && previous.expiresAt.getTime() - Date.now() > STILL_VALID_MARGIN_MS) return previous;
      throw error;
    }
  }

  /** The folder setting changed: the credential stays, only the folder is looked up again. */
  async updateFolder(): Promise<void> {
    const auth = this.auth;
    if (!auth || this.state.phase !== 'signedIn') return;
    const folder = await resolveFolder(auth, { settings: this.deps.settings(), env: this.deps.env(), profile: this.profile });
    if (auth !== this.auth) return;
    this.set({ ...this.state, folderId: folder?.id, folderSource: folder?.source });
    this.deps.log.info(folder ? `Folder ${folder.id} from ${folder.source}` : 'No folder set');
  }

  /** Keeps a new sign-in and resolves it; a validated one brings the method that passed. */
  async signIn(signIn: SignInRecord | ValidatedSignIn): Promise<SessionState> {
    const validated = 'record' in signIn ? signIn : undefined;
    const record = validated?.record ?? (signIn as SignInRecord);
    // Known before the write, so this window's own change event does not resolve a second time.
    this.storedRecord = serializeSignInRecord(record);
    await this.deps.keychain.write(record);
    return this.resolve(`signed in: ${record.method}`, validated);
  }

  /** Forgets every secret; other windows follow through SecretStorage. */
  async signOut(): Promise<void> {
    this.storedRecord = serializeSignInRecord({ method: 'signedOut' });
    await this.deps.keychain.write({ method: 'signedOut' });
    await this.resolve('signed out');
  }

  /** Another window changed the stored sign-in. */
  async storedSignInChanged(): Promise<void> {
    let text: string | undefined;
    try {
      const record = await this.deps.keychain.read();
      text = record && serializeSignInRecord(record);
    } catch (error) {
      if (!(error instanceof KeychainError)) throw error;
    }
    if (text !== this.storedRecord) await this.resolve('sign-in changed in another window');
  }

  dispose(): void {
    this.generation++;
    this.clearTimer();
    this.changed.dispose();
  }

  private remember(credential: Credential): void {
    this.credential = credential;
    this.deps.log.addSecret(credential.secret);
  }

  private set(state: SessionState): void {
    this.state = state;
    this.changed.fire(state);
  }

  /** Refreshes ahead of expiry, so terminals in `token` mode and the status bar stay current. */
  private schedule(): void {
    this.clearTimer();
    const credential = this.credential;
    if (!credential || !this.state.refreshable) return;
    const due = this.state.refreshError
      ? Date.now() + RETRY_AFTER_FAILED_REFRESH_MS
      : refreshTime(credential.obtainedAt.getTime(), credential.expiresAt?.getTime());
    const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, due - Date.now()));
    // Whatever the refresh brings, the next one is planned from the state it leaves.
    this.refreshTimer = setTimeout(() => void this.getCredential().catch(() => undefined).finally(() => this.schedule()), delay);
  }

  private clearTimer(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }
}

function describeExpiry(credential: Credential): string {
  return credential.expiresAt ? `, valid until ${credential.expiresAt.toISOString()}` : '';
}
