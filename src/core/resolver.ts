import { authStringMethod, classifyAuthString } from './classify.ts';
import type { AuthMethod, MethodName, Resolution, ResolveOptions, TraceStep } from './contracts.ts';
import { readEnv } from './env.ts';
import { CredentialFormatError, NotSignedInError, YcExitError, YcmlAuthError } from './errors.ts';
import { findExecutable } from './find-executable.ts';
import type { IamExchangeOptions } from './iam-client.ts';
import { APIKeyAuth } from './methods/api-key.ts';
import { EnvIAMTokenAuth } from './methods/env-iam-token.ts';
import { IAMTokenAuth } from './methods/iam-token.ts';
import { probeMetadata } from './methods/metadata.ts';
import { OAuthTokenAuth } from './methods/oauth-token.ts';
import { ServiceAccountKeyAuth } from './methods/service-account-key.ts';
import { YandexCloudCLIAuth } from './methods/yc-cli.ts';
import { getYcConfigValue } from './yc-config.ts';
import { createYcToken } from './yc-token.ts';

/** Timeouts and clock for the calls a resolution makes; the defaults are the SDK's. Tests shorten them. */
export interface ResolveTuning {
  /** Metadata probe; default 1 s with YC_METADATA_ADDR, else 0.1 s. */
  readonly metadataTimeoutMs?: number;
  /** `yc iam create-token`; default 10 s. */
  readonly ycTokenTimeoutMs?: number;
  /** `yc config get endpoint`; default 3 s. */
  readonly ycConfigTimeoutMs?: number;
  readonly iam?: Omit<IamExchangeOptions, 'env' | 'iamEndpoint'>;
  readonly now?: () => number;
}

/** The automatic chain, in the SDK's order. */
const CHAIN: readonly MethodName[] = ['APIKeyAuth', 'IAMTokenAuth', 'OAuthTokenAuth', 'MetadataAuth', 'EnvIAMTokenAuth', 'YandexCloudCLIAuth'];

/** A step's result: a method, or why the step did not apply. */
type StepResult = AuthMethod | { readonly skipped: string };

/**
 * Finds the credentials the SDK would use: an explicit auth, else an explicit key file, else the
 * first of the SDK's chain that applies. The trace says what happened to each method; on failure
 * the thrown YcmlAuthError carries it (`error.trace`), NotSignedInError when nothing applied.
 */
export async function resolveAuth(options: ResolveOptions & ResolveTuning): Promise<Resolution> {
  const trace: TraceStep[] = [];
  const folderId = readEnv(options.env, 'YC_FOLDER_ID')?.trim();
  try {
    const auth = await pick(options, trace);
    return { auth, trace, folderId };
  } catch (error) {
    if (error instanceof YcmlAuthError) error.trace = trace;
    throw error;
  }
}

async function pick(options: ResolveOptions & ResolveTuning, trace: TraceStep[]): Promise<AuthMethod> {
  const { auth, keyFile } = options;
  if (auth != null && typeof auth !== 'string' && typeof (auth as Partial<AuthMethod>).getCredential !== 'function') {
    // Reachable from plain JavaScript callers only; the SDK rejects such a value too.
    throw new CredentialFormatError('auth argument must be a string (an API key, IAM or OAuth token) or an auth method');
  }
  if (auth != null && typeof auth !== 'string') {
    trace.push({ method: auth.name, outcome: 'applied', reason: 'passed explicitly' });
    return auth;
  }
  if (auth != null) {
    return explicit(trace, authStringMethod(auth), 'classified from the auth argument', async () =>
      classifyAuthString(auth, { ...options, source: 'auth argument' }),
    );
  }
  if (keyFile !== undefined) {
    return explicit(trace, 'ServiceAccountKeyAuth', `key file ${keyFile}`, () => ServiceAccountKeyAuth.fromFile(keyFile, options));
  }
  return chain(options, trace);
}

/** Runs one chain step: records applied / skipped / failed, rethrowing a failure. */
async function step(trace: TraceStep[], method: MethodName, appliedReason: string, attempt: () => Promise<StepResult>): Promise<AuthMethod | undefined> {
  const result = await recordFailure(trace, method, attempt);
  if ('skipped' in result) {
    trace.push({ method, outcome: 'skipped', reason: result.skipped });
    return undefined;
  }
  trace.push({ method, outcome: 'applied', reason: appliedReason });
  return result;
}

/** An explicit choice: it applies or fails, it is never skipped. */
async function explicit(trace: TraceStep[], method: MethodName, appliedReason: string, make: () => Promise<AuthMethod>): Promise<AuthMethod> {
  const auth = await recordFailure(trace, method, make);
  trace.push({ method, outcome: 'applied', reason: appliedReason });
  return auth;
}

async function recordFailure<T>(trace: TraceStep[], method: MethodName, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof YcmlAuthError) trace.push({ method, outcome: 'failed', reason: error.message });
    throw error;
  }
}

/** An env-var step: unset or blank skips; a set value applies (and fails if malformed). */
function fromEnvVar(options: ResolveOptions, name: string, make: (value: string, source: string) => AuthMethod): () => Promise<StepResult> {
  return async () => {
    const raw = options.env[name];
    const value = readEnv(options.env, name);
    if (value === undefined) return { skipped: raw === undefined ? `${name} is not set` : `${name} is empty` };
    return make(value, `env ${name}`);
  };
}

async function chain(options: ResolveOptions & ResolveTuning, trace: TraceStep[]): Promise<AuthMethod> {
  const { env } = options;
  const found = (auth: AuthMethod | undefined) => {
    if (!auth) return undefined;
    for (const rest of CHAIN.slice(trace.length)) trace.push({ method: rest, outcome: 'skipped', reason: `not checked: ${auth.name} applied first` });
    return auth;
  };

  const envSteps: readonly [MethodName, string, (value: string, source: string) => AuthMethod][] = [
    ['APIKeyAuth', 'YC_API_KEY', (apiKey, source) => new APIKeyAuth({ apiKey, source })],
    ['IAMTokenAuth', 'YC_IAM_TOKEN', (token, source) => new IAMTokenAuth({ token, source })],
    ['OAuthTokenAuth', 'YC_OAUTH_TOKEN', (token, source) => new OAuthTokenAuth({ ...options, token, source })],
  ];
  for (const [method, name, make] of envSteps) {
    const auth = found(await step(trace, method, `${name} is set`, fromEnvVar(options, name, make)));
    if (auth) return auth;
  }

  // Side-effect-free probes overlap: the metadata GET and the search for yc.
  const metadata = settle(probeMetadata({ env, timeoutMs: options.metadataTimeoutMs, now: options.now }));
  const ycPath = options.ycPath ?? 'yc';
  const ycFound = options.interactive ? findExecutable(ycPath, env) : Promise.resolve(undefined);

  const metadataAuth = found(
    await step(trace, 'MetadataAuth', 'the metadata service answered with a token', async () => {
      const probe = await metadata;
      if ('error' in probe) return { skipped: probe.error.message };
      return probe.value;
    }),
  );
  if (metadataAuth) return metadataAuth;

  const envToken = found(
    await step(trace, 'EnvIAMTokenAuth', 'YC_TOKEN is set (read again on every request)', async () => {
      const result = await fromEnvVar(options, 'YC_TOKEN', () => new EnvIAMTokenAuth({ env }))();
      if (!('skipped' in result)) await result.getCredential(); // a malformed value fails now, not later
      return result;
    }),
  );
  if (envToken) return envToken;

  const profile = options.profile ?? readEnv(env, 'YC_PROFILE')?.trim();
  const ycAuth = await step(trace, 'YandexCloudCLIAuth', `yc iam create-token succeeded${profile ? ` for profile "${profile}"` : ''}`, async () => {
    if (!options.interactive) return { skipped: 'not interactive (stdin is not a terminal)' };
    const path = await ycFound;
    if (!path) return { skipped: ycPath.includes('/') || ycPath.includes('\\') ? `yc not found at ${ycPath}` : 'yc not found on PATH' };
    const { endpoint } = options;
    if (endpoint) {
      const configured = await getYcConfigValue('endpoint', { profile, ycPath: path, env, timeoutMs: options.ycConfigTimeoutMs });
      if (configured !== endpoint) {
        return { skipped: `yc endpoint is ${configured === undefined ? 'not set' : `"${configured}"`}, not "${endpoint}"` };
      }
    }
    const yc = { env, ycPath: path, profile, endpoint, timeoutMs: options.ycTokenTimeoutMs, now: options.now };
    try {
      return new YandexCloudCLIAuth({ ...yc, initial: await createYcToken(yc) });
    } catch (error) {
      if (error instanceof YcExitError) return { skipped: error.message };
      throw error;
    }
  });
  if (ycAuth) return ycAuth;

  throw new NotSignedInError();
}

/** A promise's outcome as a value, so a probe started early never rejects unobserved. */
function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: Error }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => {
      if (error instanceof YcmlAuthError) return { error };
      throw error;
    },
  );
}
