// Driving the extension under test the way a user or another extension would: its commands, its
// API, its settings, and real terminals and debug sessions.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { YcmlApi } from '../../src/extension';
import type { SessionState } from '../../src/vscode/session-state';
import { activeExtension, waitFor } from './helpers';

export async function ycml(): Promise<YcmlApi> {
  const ext = await activeExtension();
  return ext.exports as YcmlApi;
}

/** Runs a command and waits until the session and the exports have caught up. */
export async function run<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
  const result = await vscode.commands.executeCommand<T>(command, ...args);
  await (await ycml()).settled();
  return result;
}

export async function signIn(argument: object): Promise<SessionState> {
  return run<SessionState>('ycml.signIn', argument);
}

/** Updates a setting for the whole user (machine-scoped ones included) and waits for the re-resolution. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('ycml').update(key, value, vscode.ConfigurationTarget.Global);
  const api = await ycml();
  await waitFor(`setting ycml.${key}`, () => JSON.stringify(vscode.workspace.getConfiguration('ycml').get(key)) === JSON.stringify(value ?? vscode.workspace.getConfiguration('ycml').inspect(key)?.defaultValue));
  await api.settled();
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Opens a new integrated terminal, runs `node script` in it, and returns what the script wrote
 * to its output file: the terminal's real environment, as a user's script would see it.
 */
export async function runNodeInTerminal(name: string, script: string): Promise<string> {
  const dir = tempDir('ycml-term-');
  const scriptFile = path.join(dir, 'script.js');
  const outFile = path.join(dir, 'out.txt');
  fs.writeFileSync(scriptFile, script);
  const terminal = vscode.window.createTerminal({ name, shellPath: '/bin/bash', shellArgs: ['--norc', '--noprofile'] });
  try {
    terminal.sendText(`node ${JSON.stringify(scriptFile)} > ${JSON.stringify(outFile + '.tmp')} 2>&1; mv ${JSON.stringify(outFile + '.tmp')} ${JSON.stringify(outFile)}`);
    return await waitFor(`terminal ${name} to finish`, () => fs.existsSync(outFile) && fs.readFileSync(outFile, 'utf8'), 30_000);
  } finally {
    terminal.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A script printing the Yandex Cloud variables the process got, as JSON. */
export const PRINT_YC_ENV = `const out = {};
for (const [k, v] of Object.entries(process.env)) if (k.startsWith('YC_')) out[k] = v;
console.log(JSON.stringify(out));`;

export function ycVariables(output: string): Record<string, string> {
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Record<string, string>;
}
