import type { Env } from './env.ts';
import { YcCliError } from './errors.ts';
import { runYc } from './run-yc.ts';

export interface YcConfigOptions {
  /** yc executable, default `yc` on PATH. */
  readonly ycPath?: string;
  /** The environment yc runs with; default `process.env`. */
  readonly env?: Env;
  /** Default 3 s, as for every yc call but `create-token`. */
  readonly timeoutMs?: number;
}

export interface YcProfile {
  readonly name: string;
  readonly active: boolean;
}

const CONFIG_TIMEOUT_MS = 3000;

/** The yc profiles (`yc config profile list`: one a line, `NAME ACTIVE` for the current one). */
export async function listYcProfiles(options: YcConfigOptions = {}): Promise<YcProfile[]> {
  const run = await runYc(options.ycPath ?? 'yc', ['config', 'profile', 'list'], {
    env: options.env ?? process.env,
    timeoutMs: options.timeoutMs ?? CONFIG_TIMEOUT_MS,
  });
  if (run.exitCode !== 0) throw new YcCliError(`yc config profile list exited with code ${run.exitCode}${run.stderrLine ? `: ${run.stderrLine}` : ''}`);
  return parseProfileList(run.stdout);
}

/** Profiles from `yc config profile list` output. */
export function parseProfileList(stdout: string): YcProfile[] {
  return stdout
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter(([name]) => name !== '')
    .map(([name, marker]) => ({ name, active: marker === 'ACTIVE' }));
}

/**
 * `yc config get KEY [--profile P]`: the value, or undefined when the key is not set (yc then
 * exits non-zero or prints nothing). yc may print notices first, so the last line is the value.
 */
export async function getYcConfigValue(key: string, options: YcConfigOptions & { readonly profile?: string } = {}): Promise<string | undefined> {
  const args = ['config', 'get', key, ...(options.profile ? ['--profile', options.profile] : [])];
  const run = await runYc(options.ycPath ?? 'yc', args, {
    env: options.env ?? process.env,
    timeoutMs: options.timeoutMs ?? CONFIG_TIMEOUT_MS,
  });
  if (run.exitCode !== 0) return undefined;
  return lastLine(run.stdout);
}

/** The last non-blank line, trimmed, or undefined. */
export function lastLine(text: string): string | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.at(-1);
}
