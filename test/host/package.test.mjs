// `vsce package`, run as `npm run package` runs it, must put into the .vsix only dist/ without source
// maps, media/, package.json, README.md, CHANGELOG.md and LICENSE: no sources, tests or node_modules.
// Packs the current build (npm test builds first, with source maps, so their absence is tested too).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Names in a zip file's central directory (a .vsix is a zip). */
function zipEntries(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'corrupt central directory');
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

test('the .vsix holds only dist/ (no maps), media/, package.json, README, CHANGELOG and LICENSE', (t) => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ycml-vsix-'));
  t.after(() => fs.rmSync(out, { recursive: true, force: true }));
  const vsix = path.join(out, 'ycml.vsix');
  // the flags of `npm run package`, with the .vsix written here instead
  const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.package;
  const args = script.slice(script.indexOf('vsce package') + 'vsce '.length).trim().split(/\s+/);
  args[args.indexOf('--out') + 1] = vsix;
  execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), args, { cwd: ROOT, stdio: 'pipe' });
  const entries = zipEntries(fs.readFileSync(vsix)).filter((e) => !e.endsWith('/'));

  // vsce adds its manifest and content types, and stores README, CHANGELOG and LICENSE under these names
  const fixed = ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/package.json', 'extension/readme.md',
    'extension/changelog.md', 'extension/LICENSE.txt'];
  const unexpected = entries.filter((e) => !fixed.includes(e) && !/^extension\/(dist|media)\/.+/.test(e));
  assert.deepEqual(unexpected, [], 'files outside the allowed set');
  assert.deepEqual(entries.filter((e) => e.endsWith('.map')), [], 'source maps in the .vsix');
  for (const e of [...fixed, 'extension/dist/extension.js', 'extension/dist/cli.js', 'extension/media/icon.png']) {
    assert.ok(entries.includes(e), `${e} missing from the .vsix`);
  }
});
