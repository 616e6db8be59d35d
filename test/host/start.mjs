#!/usr/bin/env node
// `npm start`: serves VS Code on 127.0.0.1 with the extension under development loaded, checks in
// headless Chromium that it activated (its status bar item shows), prints the address and serves
// until Ctrl-C. Port: $PORT, else 8080 if free, else any free one.
//
//   npm start [-- --keep] [-- --screenshot FILE.png]
//
// A dev run talks to 127.0.0.1 only: YC_METADATA_ADDR defaults to a closed loopback port and the
// run's settings point ycml.iamEndpoint at one. It has its own HOME, user data and extensions folder,
// removed on exit unless --keep.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, freePort, hostEnv, installHost, launchBrowser, makeRunDir, startServer, workbenchUrl, writeSettings } from './host.mjs';

const argv = process.argv.slice(2);
const keep = argv.includes('--keep');
const shotIndex = argv.indexOf('--screenshot');
const shotFile = shotIndex >= 0 ? path.resolve(argv[shotIndex + 1]) : undefined;

installHost();
const dirs = makeRunDir('ycml-start');
writeSettings(dirs.userData);
const env = hostEnv(dirs);
const server = await startServer({ dirs, port: await freePort(Number(process.env.PORT) || 8080), env });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  if (keep) console.log(`run folder kept: ${dirs.run}`);
  else fs.rmSync(dirs.run, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.exited.then((c) => { if (!stopping) { console.error(`the VS Code server exited (${c}); see ${server.logFile}`); stop(1); } });

const url = workbenchUrl({ port: server.port, folder: dirs.workspace, extensionDevelopmentPath: ROOT });
console.log(`checking that the extension activates…`);
await checkActive(url);
console.log(`\nVS Code with the extension under development: ${url}\n(server log: ${server.logFile}; Ctrl-C stops it)`);

// Opens the workbench once and waits for the extension's status bar item; a failure is reported, and
// the server keeps running so that the developer can look.
async function checkActive(address) {
  const browser = await launchBrowser(env);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(address);
    const item = page.locator('.statusbar-item', { hasText: /YC:/ }).first();
    await item.waitFor({ timeout: 60_000 });
    console.log(`extension active: the status bar shows "${(await item.innerText()).trim()}"`);
    if (shotFile) {
      await page.waitForTimeout(1000); // let the rest of the workbench finish rendering
      await page.screenshot({ path: shotFile });
      console.log(`screenshot: ${shotFile}`);
    }
  } catch (e) {
    console.error(`the extension's status bar item did not appear: ${e.message}`);
  } finally {
    await browser.close();
  }
}
