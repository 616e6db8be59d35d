// Fake `yc` executables: a POSIX sh script in a temp dir that records its argv and answers each
// subcommand from files the test wrote: print given stdout/stderr, exit with a code, or hang.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** How the fake answers one subcommand. */
export interface FakeYcAnswer {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode?: number;
  /** Sleep (as the recorded pid) instead of answering, until killed. */
  readonly hang?: boolean;
}

/** Subcommands the fake tells apart. */
export type FakeYcCommand = 'create-token' | 'config-get-endpoint' | 'config-get-folder-id' | 'profile-list';

export interface FakeYc {
  /** Directory holding `yc`: put it first on PATH. */
  readonly dir: string;
  /** Full path of the fake `yc`. */
  readonly path: string;
  /** PATH with the fake first, then the system's sh, cat and sleep. */
  readonly pathEnv: string;
  /** argv of every call, in order (without the program name). */
  calls(): Promise<string[][]>;
  /** pid of the last hanging call. */
  hungPid(): Promise<number>;
  answer(command: FakeYcCommand, answer: FakeYcAnswer): Promise<void>;
  remove(): Promise<void>;
}

const SCRIPT = `#!/bin/sh
d="$(dirname "$0")"
{ printf 'CALL'; for a in "$@"; do printf '\\t%s' "$a"; done; printf '\\n'; } >> "$d/argv.log"
case "$1 $2" in
  "iam create-token") key=create-token ;;
  "config get") key="config-get-$3" ;;
  "config profile") key=profile-list ;;
  *) key=unknown ;;
esac
if [ -f "$d/$key.hang" ]; then echo $$ > "$d/hung.pid"; exec sleep 30; fi
[ -f "$d/$key.stdout" ] && cat "$d/$key.stdout"
[ -f "$d/$key.stderr" ] && cat "$d/$key.stderr" >&2
if [ -f "$d/$key.exit" ]; then exit "$(cat "$d/$key.exit")"; fi
[ -f "$d/$key.stdout" ] && exit 0
echo "ERROR: fake yc has no answer for $key" >&2
exit 1
`;

export async function createFakeYc(answers: Partial<Record<FakeYcCommand, FakeYcAnswer>> = {}): Promise<FakeYc> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fake-yc-'));
  const ycPath = path.join(dir, 'yc');
  await writeFile(ycPath, SCRIPT);
  await chmod(ycPath, 0o755);
  const answer = async (command: FakeYcCommand, a: FakeYcAnswer) => {
    for (const ext of ['stdout', 'stderr', 'exit', 'hang']) await rm(path.join(dir, `${command}.${ext}`), { force: true });
    if (a.stdout !== undefined) await writeFile(path.join(dir, `${command}.stdout`), a.stdout);
    if (a.stderr !== undefined) await writeFile(path.join(dir, `${command}.stderr`), a.stderr);
    if (a.exitCode !== undefined) await writeFile(path.join(dir, `${command}.exit`), String(a.exitCode));
    if (a.hang) await writeFile(path.join(dir, `${command}.hang`), '');
  };
  for (const [command, a] of Object.entries(answers)) await answer(command as FakeYcCommand, a);
  return {
    dir,
    path: ycPath,
    pathEnv: [dir, '/usr/bin', '/bin'].join(path.delimiter),
    async calls() {
      const log = await readFile(path.join(dir, 'argv.log'), 'utf8').catch(() => '');
      return log.split('\n').filter((l) => l.startsWith('CALL')).map((l) => l.split('\t').slice(1));
    },
    async hungPid() {
      return Number((await readFile(path.join(dir, 'hung.pid'), 'utf8')).trim());
    },
    answer,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Whether a process is still running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
