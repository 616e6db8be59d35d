import type { Env } from './env.ts';
import { YcCliError, YcExitError } from './errors.ts';
import { parseRfc3339 } from './rfc3339.ts';
import { runYc } from './run-yc.ts';
import type { FetchedToken } from './token-cache.ts';

export interface YcTokenOptions {
  readonly ycPath: string;
  readonly env: Env;
  readonly profile?: string;
  readonly endpoint?: string;
  /** Default 10 s. */
  readonly timeoutMs?: number;
}

/** `iam create-token --format json --no-user-output [--endpoint E] [--profile P]` (JSON is immune to a profile's `format`). */
export function createTokenArgs(profile?: string, endpoint?: string): string[] {
  return [
    'iam', 'create-token', '--format', 'json', '--no-user-output',
    ...(endpoint ? ['--endpoint', endpoint] : []),
    ...(profile ? ['--profile', profile] : []),
  ];
}

/** Runs `yc iam create-token` and reads `iam_token` / `expires_at`; never returns an empty token. */
export async function createYcToken(options: YcTokenOptions): Promise<FetchedToken> {
  const run = await runYc(options.ycPath, createTokenArgs(options.profile, options.endpoint), {
    env: options.env,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  if (run.exitCode !== 0) {
    throw new YcExitError(`yc iam create-token exited with code ${run.exitCode}${run.stderrLine ? `: ${run.stderrLine}` : ''}`);
  }
  return parseCreateTokenOutput(run.stdout);
}

/** The token from `yc iam create-token --format json` output; the output itself never goes into a message. */
export function parseCreateTokenOutput(stdout: string): FetchedToken {
  if (stdout.trim() === '') throw new YcCliError('yc iam create-token printed nothing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new YcCliError('yc iam create-token printed something that is not JSON');
  }
  const { iam_token: token, expires_at: expiresAt } = (parsed ?? {}) as { iam_token?: unknown; expires_at?: unknown };
  if (typeof token !== 'string' || token.trim() === '') throw new YcCliError('yc iam create-token printed JSON without an "iam_token"');
  const expiry = typeof expiresAt === 'string' ? parseRfc3339(expiresAt) : undefined;
  return { token: token.trim(), expiresAt: expiry };
}
