// Finds where a canary secret was written to disk during a host session: every regular file under
// the run folder (user data, HOME, XDG folders, logs) is searched for its bytes. Returns the files'
// paths relative to the folder, never the canary itself.
import fs from 'node:fs';
import path from 'node:path';

export function filesContaining(dir, canary) {
  const needle = Buffer.from(canary);
  const found = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && fs.readFileSync(p).includes(needle)) found.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return found.sort();
}
