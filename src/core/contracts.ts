// The shapes shared by the resolver, the CLI and the VS Code layer. Nothing here holds behaviour.

/** The SDK's auth class names, plus the service-account key method the SDK lacks. */
export type MethodName =
  | 'APIKeyAuth'
  | 'IAMTokenAuth'
  | 'EnvIAMTokenAuth'
  | 'OAuthTokenAuth'
  | 'MetadataAuth'
  | 'YandexCloudCLIAuth'
  | 'ServiceAccountKeyAuth'
  | 'NoAuth';

/** What a method hands out at one moment. `secret` is the bare credential; never log it. */
export interface Credential {
  /** `api-key` goes out as `Api-Key <secret>`, `iam-token` as `Bearer <secret>`. */
  readonly kind: 'api-key' | 'iam-token' | 'none';
  readonly secret: string;
  /** The whole Authorization header value, or '' for NoAuth. */
  readonly authorization: string;
  /** When the credential stops working, where known. */
  readonly expiresAt: Date | undefined;
  /** When this value was obtained (for the refresh schedule). */
  readonly obtainedAt: Date;
}

export interface GetCredentialOptions {
  /** Drop any cached value and fetch anew (after a 401, or the user's "Refresh"). */
  readonly forceRefresh?: boolean;
}

/** One way of obtaining credentials. Implementations cache and refresh on their own. */
export interface AuthMethod {
  readonly name: MethodName;
  /** Where the credential comes from, for people: `env YC_API_KEY`, `yc profile "prod"`, a key file path. Never a secret. */
  readonly source: string;
  getCredential(options?: GetCredentialOptions): Promise<Credential>;
}

export type TraceOutcome = 'applied' | 'skipped' | 'failed';

/** One step of a resolution, as `ycml-auth resolve --json` prints it. `reason` never holds a secret. */
export interface TraceStep {
  readonly method: MethodName;
  readonly outcome: TraceOutcome;
  readonly reason: string;
}

/** Receives the SDK's warnings (IAM token format, OAuth sharing). */
export type WarningSink = (message: string) => void;

/** Where the network and processes are; every field has the SDK's default. */
export interface Endpoints {
  /** IAM API base URL, default `https://iam.api.cloud.yandex.net`. */
  readonly iamEndpoint?: string;
  /** `yc` executable, default `yc` on PATH. */
  readonly ycPath?: string;
}

export interface ResolveOptions extends Endpoints {
  /** The environment to read (`process.env` in the CLI, VS Code's snapshot in the extension). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The SDK tries yc only when stdin is a terminal; the extension passes true. */
  readonly interactive: boolean;
  /** An explicit auth string (classified like the SDK's `auth=` string) or method: beats everything. */
  readonly auth?: string | AuthMethod;
  /** An explicit service-account authorized key file: beats the automatic chain. */
  readonly keyFile?: string;
  /** yc profile; default `YC_PROFILE`. */
  readonly profile?: string;
  /** yc endpoint that the profile must be configured for (the SDK's `endpoint`). */
  readonly endpoint?: string;
  readonly onWarning?: WarningSink;
}

/** The result of resolving: which method won, and why the others did not. */
export interface Resolution {
  readonly auth: AuthMethod;
  readonly trace: readonly TraceStep[];
  /** `YC_FOLDER_ID` when set. */
  readonly folderId: string | undefined;
}
