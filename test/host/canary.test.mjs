// The launcher's canary scan: it must find the secret in any file of a run folder, and only there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { filesContaining } from './canary.mjs';

test('finds the canary in nested files and names them, nothing else', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ycml-canary-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const canary = 'canary-5f0c2d9e41b7a3';
  fs.mkdirSync(path.join(dir, 'home/.config/ycml'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'user-data/logs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user-data/logs/exthost.log'), 'token=[redacted]\n');
  fs.writeFileSync(path.join(dir, 'home/clean.json'), '{"a":1}');
  assert.deepEqual(filesContaining(dir, canary), []);

  fs.writeFileSync(path.join(dir, 'home/.config/ycml/state.json'), `{"token":"${canary}"}`);
  fs.writeFileSync(path.join(dir, 'user-data/logs/exthost.log'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(canary)]));
  assert.deepEqual(filesContaining(dir, canary), ['home/.config/ycml/state.json', 'user-data/logs/exthost.log']);
});
