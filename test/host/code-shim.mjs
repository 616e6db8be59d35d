#!/usr/bin/env node
// Stands in for the VS Code desktop executable that @vscode/test-electron's runTests() spawns: takes
// the same flags and runs the tests in the offline host instead (code-server's Node extension host,
// workbench in headless Chromium). Exit code: the tests' own (0 pass, 1 fail), 2 on timeout, 3 if the
// server failed or died, 4 if the workbench could not be opened, 5 if the tests passed but the canary
// secret appeared in their output.
//
// Understood: --extensionDevelopmentPath=DIR --extensionTestsPath=FILE --user-data-dir=DIR
// --extensions-dir=DIR, a folder to open as positional, and our own --ycml-untrusted (open the folder
// in Restricted Mode; runTests always adds --disable-workspace-trust). Other desktop flags are ignored.
// Environment: YCML_HOST_RUN_DIR (the run folder, made by the launcher), YCML_TEST_TIMEOUT (seconds,
// default 300), YCML_TEST_SCREENSHOTS (folder for screenshots tests ask for), YCML_TEST_CANARY
// (redacted from the relayed output; its appearance fails the run).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { freePort, hostEnv, launchBrowser, makeRunDir, startServer, workbenchUrl } from './host.mjs';

const flags = {};
const positional = [];
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  if (m) flags[m[1]] = m[2] ?? true; else positional.push(a);
}
if (!flags.extensionDevelopmentPath || !flags.extensionTestsPath) {
  console.error('code-shim: needs --extensionDevelopmentPath=DIR and --extensionTestsPath=FILE');
  process.exit(64);
}

const dirs = makeRunDir('ycml-host-run', process.env.YCML_HOST_RUN_DIR || undefined);
if (typeof flags['user-data-dir'] === 'string') dirs.userData = path.resolve(flags['user-data-dir']);
if (typeof flags['extensions-dir'] === 'string') dirs.extensions = path.resolve(flags['extensions-dir']);
const folder = path.resolve(positional[0] ?? dirs.workspace);
const env = hostEnv(dirs);
const canary = process.env.YCML_TEST_CANARY;
const shotsDir = process.env.YCML_TEST_SCREENSHOTS && path.resolve(process.env.YCML_TEST_SCREENSHOTS);
const timeoutS = Number(process.env.YCML_TEST_TIMEOUT || 300);
const t0 = Date.now();

let server, browser, page, canaryLeaked = false, finishing;
function finish(code, why) {
  finishing ??= (async () => {
    if (canaryLeaked) {
      why += '; the canary secret appeared in the test output (redacted above)';
      if (code === 0) code = 5;
    }
    console.log(`[vscode-host] ${why}: exit ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    await browser?.close().catch(() => {});
    await server?.stop();
    process.exit(code);
  })();
  return finishing;
}
process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
setTimeout(() => finish(2, `timed out after ${timeoutS}s`), timeoutS * 1000).unref();

try {
  server = await startServer({ dirs, port: await freePort(), env, untrusted: Boolean(flags['ycml-untrusted']) });
} catch (e) {
  await finish(3, e.message);
}
server.exited.then((c) => finish(3, `the VS Code server exited early (${c}); see ${server.logFile}`));

// The workbench's own start-up chatter and its refused marketplace queries (the gallery is a closed
// loopback port): kept in logs/workbench-console.log instead of the test output.
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\] registered|\[network\] #\d+: http:\/\/127\.0\.0\.1:9\/gallery\/|connect ECONNREFUSED 127\.0\.0\.1:9: Failed)/;
const quiet = fs.createWriteStream(`${dirs.logs}/workbench-console.log`);

// The extension host's console (and the workbench's) reaches us only through this page function.
async function relay(_type, args) {
  let line = Array.isArray(args) ? format(...args) : String(args);
  if (canary && line.includes(canary)) { canaryLeaked = true; line = line.split(canary).join('<canary>'); }
  if (NOISE.test(line) && !process.env.YCML_TEST_VERBOSE) { quiet.write(line + '\n'); return; }
  console.log(line);
  const shot = /^\[vscode-host:screenshot\] ([\w.-]+)$/.exec(line.trim());
  if (shot && shotsDir) await screenshot(shot[1]);
}

// Written under a temporary name and renamed, so a test waiting for the file sees it whole.
async function screenshot(name) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  try {
    await page.screenshot({ path: `${file}.part.png` });
    fs.renameSync(`${file}.part.png`, file);
  } catch (e) {
    console.error(`[vscode-host] no screenshot ${name}: ${e.message}`);
  }
}

try {
  browser = await launchBrowser(env);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  if (process.env.YCML_TEST_VERBOSE) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  // both must exist before the workbench loads
  await page.exposeFunction('codeAutomationLog', relay);
  await page.exposeFunction('codeAutomationExit', (code) => finish(code, 'tests finished'));
  await page.goto(workbenchUrl({ port: server.port, folder, extensionDevelopmentPath: flags.extensionDevelopmentPath, extensionTestsPath: flags.extensionTestsPath }));
} catch (e) {
  await finish(4, `could not open the workbench: ${e.message}`);
}
