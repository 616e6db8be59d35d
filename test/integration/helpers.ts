// Helpers for tests that run inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'ycml-tools.ycml-credentials';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 10_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** The extension under test, once VS Code has activated it by itself (onStartupFinished). */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in this host`);
  await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, 20_000);
  return ext;
}

/**
 * Saves a picture of the workbench as `<YCML_TEST_SCREENSHOTS>/<name>.png` (offline host only; a
 * no-op unless that variable is set). The launcher takes the picture when it sees the marker line,
 * so this waits until the file appears.
 */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.YCML_TEST_SCREENSHOTS;
  if (!dir) return;
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name ${name} must match [\\w.-]+`);
  const file = path.join(dir, `${name}.png`);
  fs.rmSync(file, { force: true });
  await sleep(500); // let the workbench render what the test just did
  console.log(`[vscode-host:screenshot] ${name}`);
  await waitFor(`screenshot ${file}`, () => fs.existsSync(file), 15_000);
}
