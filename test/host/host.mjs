// The offline VS Code host shared by the test shim and `npm start`: code-server's VS Code server on
// 127.0.0.1, in a run folder of its own, its web workbench opened in Debian's headless Chromium.
// Everything here keeps a run on loopback: the extension never reaches a real IAM or metadata
// service, and the workbench never reaches a marketplace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CS_VERSION = '4.96.4';
export const CLOSED_PORT = '127.0.0.1:9'; // the discard port: nothing listens, connections are refused
export const HOST_DIR = process.env.YCML_VSCODE_HOST_DIR
  || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ycml-vscode-host', CS_VERSION);
const ENTRY = path.join(HOST_DIR, 'node_modules/code-server/out/node/entry.js');

/** Installs the host unless it is there already (test/host/install.sh is idempotent). */
export function installHost() {
  const r = spawnSync('sh', [path.join(ROOT, 'test/host/install.sh')], { stdio: 'inherit', env: { ...process.env, YCML_VSCODE_HOST_DIR: HOST_DIR } });
  if (r.status !== 0) throw new Error(`installing the VS Code host failed (exit ${r.status ?? r.signal})`);
}

/** A run folder (a fresh one unless `run` is given): HOME, XDG folders, user data, extensions, logs, a workspace. */
export function makeRunDir(prefix, run = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))) {
  const dirs = {
    run, home: `${run}/home`, userData: `${run}/user-data`, extensions: `${run}/extensions`, logs: `${run}/logs`,
    workspace: `${run}/workspace`, xdgConfig: `${run}/xdg-config`, xdgData: `${run}/xdg-data`, xdgCache: `${run}/xdg-cache`,
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  return dirs;
}

/** The environment of everything a run starts: its own HOME and XDG folders, loopback only, no proxy. */
export function hostEnv(dirs, base = process.env) {
  const env = { ...base };
  // code-server takes its port from $PORT over --bind-addr; proxies would route loopback traffic away.
  for (const k of ['PORT', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) delete env[k];
  Object.assign(env, {
    HOME: dirs.home, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, XDG_CACHE_HOME: dirs.xdgCache,
    VSCODE_AGENT_FOLDER: `${dirs.run}/agent`, SHELL: base.SHELL || '/bin/bash', NO_PROXY: '*',
    // the yc SDKs' metadata lookup (169.254.169.254 by default) goes to a closed loopback port instead
    YC_METADATA_ADDR: base.YC_METADATA_ADDR || CLOSED_PORT,
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: `http://${CLOSED_PORT}/gallery`, itemUrl: `http://${CLOSED_PORT}/item`,
      resourceUrlTemplate: `http://${CLOSED_PORT}/{publisher}/{name}/{version}/{path}`,
    }),
  });
  return env;
}

/**
 * User settings of a run. code-server reads user settings from <user-data-dir>/User and the remote
 * (machine-scoped) ones from <user-data-dir>/Machine; ycml.iamEndpoint is machine-scoped, so both get it.
 */
export function writeSettings(userDataDir) {
  const settings = {
    'ycml.iamEndpoint': `http://${CLOSED_PORT}`,
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'npm.fetchOnlinePackageInfo': false,
    'git.enabled': false,
    'security.workspace.trust.startupPrompt': 'never',
  };
  for (const scope of ['User', 'Machine']) {
    fs.mkdirSync(path.join(userDataDir, scope), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, scope, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  }
}

/** A free port on 127.0.0.1: `preferred` if it is free, else one the kernel picks. */
export async function freePort(preferred = 0) {
  const tryListen = (port) => new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(undefined));
    s.listen(port, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  return (preferred && await tryListen(preferred)) || await tryListen(0);
}

/**
 * Starts the VS Code server on 127.0.0.1:port and resolves once it listens. It runs in its own process
 * group so that stop() ends it with everything it started (extension host, terminals' shells).
 */
export async function startServer({ dirs, port, env, untrusted = false, timeoutMs = 60_000 }) {
  if (!fs.existsSync(ENTRY)) throw new Error(`the VS Code host is not installed in ${HOST_DIR} (run sh test/host/install.sh)`);
  const config = `${dirs.run}/code-server.yaml`;
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const args = [ENTRY, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-telemetry',
    '--disable-update-check', '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened'];
  if (!untrusted) args.push('--disable-workspace-trust');
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logFile = `${dirs.logs}/server.log`;
  const log = fs.createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  const stop = async () => {
    const kill = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
    kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    kill('SIGKILL');
  };
  const listening = new Promise((resolve) => {
    let seen = '';
    const onData = (d) => { seen = (seen + d).slice(-4096); if (seen.includes('HTTP server listening on')) resolve(); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  let timer;
  const failed = await Promise.race([
    listening.then(() => undefined),
    exited.then((c) => `the VS Code server exited (${c}) before listening; see ${logFile}`),
    new Promise((r) => { timer = setTimeout(() => r(`the VS Code server did not listen within ${timeoutMs / 1000}s; see ${logFile}`), timeoutMs); }),
  ]);
  clearTimeout(timer);
  if (failed) { await stop(); throw new Error(failed); }
  return { port, url: `http://127.0.0.1:${port}/`, exited, stop, logFile };
}

/**
 * Headless Chromium with its network limited to the workbench on loopback: no Google services,
 * and no name lookups at all (even with background networking off it still asks DNS for its
 * sign-in and update hosts), as every name but 127.0.0.1 resolves to nothing.
 */
export function launchBrowser(env) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1', '--dns-prefetch-disable'],
  });
}

/**
 * The workbench address that opens `folder` with the extension under development loaded and,
 * optionally, its tests: code-server takes both only through the URL payload, as vscode-remote
 * URIs whose authority must be exactly the page's host and port.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)], ['skipWelcome', 'true']];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
