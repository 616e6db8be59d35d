import type { Env } from './env.ts';
import { YcCliError } from './errors.ts';
import { redact } from './redact.ts';

/** What a finished yc run printed; a non-zero `exitCode` is for the caller to judge. */
export interface YcRun {
  readonly exitCode: number;
  readonly stdout: string;
  /** The first line of stderr, redacted, for messages. */
  readonly stderrLine: string;
}

export interface RunYcOptions {
  /** The environment yc runs with (its PATH, HOME, YC_* variables); nothing else is inherited. */
  readonly env: Env;
  readonly timeoutMs: number;
}

/** Grace between SIGTERM and SIGKILL for a yc that outlives its timeout. */
const KILL_GRACE_MS = 1000;

/**
 * Runs yc with an argv array (never a shell) and stdin closed, so it can never wait for input;
 * a run that outlives `timeoutMs` is killed and reported as a YcCliError, as is a yc that
 * cannot be started.
 */
export async function runYc(ycPath: string, args: readonly string[], options: RunYcOptions): Promise<YcRun> {
  const { execa } = await import('execa');
  const what = `yc ${args.slice(0, 3).filter((a) => !a.startsWith('-')).join(' ')}`;
  const result = await execa(ycPath, args, {
    env: options.env,
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    timeout: options.timeoutMs,
    forceKillAfterDelay: KILL_GRACE_MS,
    windowsHide: true,
  });
  if (result.timedOut) throw new YcCliError(`${what} did not finish within ${options.timeoutMs} ms and was stopped`);
  if (result.signal) throw new YcCliError(`${what} was stopped by ${result.signal}`);
  if (result.exitCode === undefined) {
    const code = (result as { code?: string }).code;
    throw new YcCliError(`${what} could not be run (${code ?? 'spawn failed'}) from "${ycPath}"`);
  }
  const stdout = typeof result.stdout === 'string' ? result.stdout : '';
  const stderr = typeof result.stderr === 'string' ? result.stderr : '';
  const stderrLine = redact(stderr.split('\n').find((line) => line.trim() !== '')?.trim() ?? '', []).slice(0, 200);
  return { exitCode: result.exitCode, stdout, stderrLine };
}
