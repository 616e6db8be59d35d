// What the extension knows about the active credentials at one moment. Holds no secret, so it can
// be rendered, logged and handed to tests freely.
import type { MethodName, TraceStep } from '../core/contracts.ts';
import type { SignInChoice } from './sign-in-record.ts';

export type SessionPhase = 'resolving' | 'signedIn' | 'signedOut' | 'failed';

export interface SessionState {
  readonly phase: SessionPhase;
  /** What the user chose at sign-in; `auto` when nothing was chosen. */
  readonly choice: SignInChoice;
  readonly method?: MethodName;
  /** Where the credential comes from, for people; never a secret. */
  readonly source?: string;
  readonly credentialKind?: 'api-key' | 'iam-token' | 'none';
  readonly expiresAt?: Date;
  /** Whether the method can get a new token by itself (OAuth, metadata, yc, key file). */
  readonly refreshable?: boolean;
  readonly folderId?: string;
  readonly folderSource?: string;
  readonly trace: readonly TraceStep[];
  /** Why resolution failed (phase `failed`). */
  readonly error?: string;
  /** The last background refresh failed; the credential may stop working soon. */
  readonly refreshError?: string;
  /** SecretStorage failed: nothing can be kept. */
  readonly keychainError?: string;
}

export const INITIAL_STATE: SessionState = { phase: 'resolving', choice: 'auto', trace: [] };
