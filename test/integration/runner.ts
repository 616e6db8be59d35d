// Runs one host session's mocha suite inside the extension host. Each session's index.ts exports
// run() = runSuite(name, __dirname); the launcher (test/host/run-integration.mjs) passes that file
// as extensionTestsPath. Output reaches the launcher only through console.log, so the reporter is
// mocha's spec reporter without colours, and the last line is `<name>: N passed, N failed, N skipped`
// (also written to YCML_TEST_SUMMARY_FILE for the launcher's closing summary).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runSuite(name: string, dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  return new Promise((resolve, reject) => {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const runner = mocha.run(() => {
      const line = `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
      if (process.env.YCML_TEST_SUMMARY_FILE) fs.writeFileSync(process.env.YCML_TEST_SUMMARY_FILE, line + '\n');
      console.log(line);
      if (counts.failed > 0) reject(new Error(`${counts.failed} test(s) failed in ${name}`));
      else resolve();
    });
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++); // a failing hook counts as a failure too
    runner.on('pending', () => counts.skipped++);
  });
}
