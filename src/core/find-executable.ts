import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from './env.ts';

/**
 * The file `command` runs: a path with a directory part is taken as is, a bare name is looked up
 * on `env`'s PATH (with PATHEXT on Windows), like the SDK's `shutil.which`. Side-effect free.
 */
export async function findExecutable(command: string, env: Env): Promise<string | undefined> {
  if (command.includes('/') || command.includes('\\')) return (await isExecutable(command)) ? command : undefined;
  const pathValue = env.PATH ?? env.Path ?? '';
  const extensions = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of pathValue.split(path.delimiter)) {
    if (dir === '') continue;
    for (const ext of extensions) {
      const candidate = path.join(dir, command + ext);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
