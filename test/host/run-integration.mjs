#!/usr/bin/env node
// `npm run test:host`: the package and harness checks, then each integration-test session in a real
// VS Code extension host through @vscode/test-electron's runTests(). Ends with one line per suite,
// `<suite>: N passed, N failed, N skipped`, and exits non-zero if anything failed or a host did not run.
//
//   node test/host/run-integration.mjs [--keep] [--session NAME]...
//
// Backend: desktop VS Code at $VSCODE_EXECUTABLE if given; VS Code 1.96.4 downloaded by test-electron
// if YCML_TEST_HOST=desktop; otherwise (here) the offline host, installed on first use, through
// test/host/code-shim.mjs. --keep (or YCML_TEST_KEEP=1) keeps each session's run folder and prints
// its path; a failed session's folder is always kept. YCML_TEST_SCREENSHOTS=DIR saves the pictures
// tests ask for (helpers.ts screenshot()). See README.md, "Testing".
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { filesContaining } from './canary.mjs';
import { HOST_DIR, ROOT, hostEnv, installHost, makeRunDir, writeSettings } from './host.mjs';

const DESKTOP_VERSION = '1.96.4'; // the VS Code inside code-server 4.96.4: both backends test the same API
const SESSIONS = [
  { name: 'trusted', launchArgs: [] },
  { name: 'untrusted', launchArgs: ['--ycml-untrusted'] }, // code-shim: open the folder in Restricted Mode
];
const CHECKS = [
  { name: 'package', files: ['test/host/package.test.mjs'] },
  { name: 'harness', files: ['test/host/canary.test.mjs'] },
];
const RESULTS = path.join(ROOT, 'out/test-results');
const BUNDLES = path.join(ROOT, 'out/test/integration');
const EXIT_MEANING = { 1: 'tests failed', 2: 'timed out', 3: 'the VS Code server failed', 4: 'the workbench did not open',
  5: 'the canary secret appeared in the test output' };

const argv = process.argv.slice(2);
const keepAll = argv.includes('--keep') || process.env.YCML_TEST_KEEP === '1';
const only = argv.flatMap((a, i) => (argv[i - 1] === '--session' ? [a] : []));
const summary = [];
let failed = false;

function report(line, ok) {
  summary.push(line);
  if (!ok) failed = true;
}

// node:test checks that need no host; the summary reporter writes their line to out/test-results.
function runCheck({ name, files }) {
  fs.rmSync(path.join(RESULTS, `${name}.txt`), { force: true });
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./test/summary-reporter.mjs', '--test-reporter-destination=stdout', ...files],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TEST_SUMMARY_LABEL: name } });
  const line = readResult(name);
  report(line ?? `${name}: 0 passed, 1 failed (node --test exited ${r.status ?? r.signal})`, r.status === 0 && line !== undefined);
}

function readResult(name) {
  const file = path.join(RESULTS, `${name}.txt`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

async function backend() {
  if (process.env.VSCODE_EXECUTABLE) return { desktop: true, executable: process.env.VSCODE_EXECUTABLE };
  if (process.env.YCML_TEST_HOST === 'desktop') {
    return { desktop: true, executable: await downloadAndUnzipVSCode({ version: DESKTOP_VERSION }) };
  }
  installHost();
  return { desktop: false, executable: path.join(ROOT, 'test/host/code-shim.mjs') };
}

async function runSession(session, host) {
  const { name } = session;
  if (host.desktop && session.launchArgs.includes('--ycml-untrusted')) {
    console.log(`${name}: not run on desktop VS Code: runTests always passes --disable-workspace-trust`);
    return;
  }
  const dirs = makeRunDir(`ycml-test-${name}`);
  writeSettings(dirs.userData);
  const canary = process.env.YCML_TEST_CANARY || `ycml-canary-${randomBytes(16).toString('hex')}`;
  const summaryFile = path.join(RESULTS, `${name}.txt`);
  fs.rmSync(summaryFile, { force: true });

  const env = hostEnv(dirs);
  for (const k of Object.keys(process.env)) if (!(k in env)) env[k] = undefined; // runTests merges over process.env
  // the shim finds the host by this, as the session's XDG_CACHE_HOME is its own
  Object.assign(env, { YCML_VSCODE_HOST_DIR: HOST_DIR, YCML_HOST_RUN_DIR: dirs.run, YCML_TEST_CANARY: canary, YCML_TEST_SUMMARY_FILE: summaryFile });
  if (process.env.YCML_TEST_SCREENSHOTS) {
    if (host.desktop) console.log('screenshots are taken only in the offline host');
    else env.YCML_TEST_SCREENSHOTS = path.resolve(process.env.YCML_TEST_SCREENSHOTS);
  }

  console.log(`\n=== session ${name} (${host.desktop ? `desktop VS Code ${host.executable}` : 'offline host'}) ===`);
  const t0 = Date.now();
  let code = 0;
  try {
    await runTests({
      vscodeExecutablePath: host.executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(BUNDLES, name, 'index.js'),
      launchArgs: [dirs.workspace, `--user-data-dir=${dirs.userData}`, `--extensions-dir=${dirs.extensions}`, ...session.launchArgs],
      extensionTestsEnv: env,
    });
  } catch (e) {
    code = e.code ?? 1;
    if (!e.code) console.error(`session ${name}: ${e.message}`);
  }
  console.log(`session ${name}: ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  const leaks = filesContaining(dirs.run, canary);
  for (const f of leaks) console.error(`session ${name}: the canary secret was written to ${path.join(dirs.run, f)}`);
  let line = readResult(name);
  if (line === undefined) line = `${name}: 0 passed, 1 failed (the host did not report: exit ${code}, ${EXIT_MEANING[code] ?? 'unexpected'})`;
  else if (code !== 0 && / 0 failed/.test(line)) line += ` (host exit ${code}: ${EXIT_MEANING[code] ?? 'unexpected'})`;
  if (leaks.length) line += ` (+ canary found in ${leaks.length} file(s) of the run folder)`;
  const ok = code === 0 && leaks.length === 0;
  report(line, ok);

  if (keepAll || !ok) console.log(`session ${name}: run folder kept: ${dirs.run}`);
  else fs.rmSync(dirs.run, { recursive: true, force: true });
}

for (const check of CHECKS) runCheck(check);

const built = fs.existsSync(BUNDLES) ? fs.readdirSync(BUNDLES) : [];
const unknown = built.filter((d) => !SESSIONS.some((s) => s.name === d));
if (unknown.length) report(`sessions: test folders without a session in run-integration.mjs: ${unknown.join(', ')}`, false);
const sessions = SESSIONS.filter((s) => !only.length || only.includes(s.name));

let host;
try {
  host = await backend();
} catch (e) {
  console.error(`the VS Code host is not available: ${e.message}`);
  for (const s of sessions) report(`${s.name}: 0 passed, 1 failed (no host)`, false);
}
if (host) {
  for (const s of sessions) {
    if (!built.includes(s.name)) report(`${s.name}: 0 passed, 1 failed (no bundle in out/; run npm run build)`, false);
    else await runSession(s, host);
  }
}

// `npm test` ran the unit tests just before: repeat their line if it belongs to the current build.
const unit = path.join(RESULTS, 'unit.txt');
const dist = path.join(ROOT, 'dist/extension.js');
if (fs.existsSync(unit) && fs.existsSync(dist) && fs.statSync(unit).mtimeMs >= fs.statSync(dist).mtimeMs) summary.unshift(readResult('unit'));
console.log(`\n${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
