// node:test reporter that ends a run with one line, `unit: N passed, N failed, N skipped`, counting
// leaf tests only (not suites, not tests that only group subtests), so a run that executed nothing
// shows as `0 passed`. The label comes from TEST_SUMMARY_LABEL (default `unit`). The line is also
// written to out/test-results/<label>.txt so that `npm test` can repeat it in its closing summary.
import fs from 'node:fs';
import path from 'node:path';

export default async function* summaryReporter(source) {
  const label = process.env.TEST_SUMMARY_LABEL || 'unit';
  const counts = { passed: 0, failed: 0, skipped: 0 };
  // Events arrive children first; per file, remember which nesting levels have seen a child.
  const hadChild = new Map();
  const countedInFile = new Set();

  for await (const { type, data } of source) {
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    // A whole-file entry: counts only when the file failed before any of its tests ran (e.g. a syntax error).
    if (data.file && data.name === data.file) {
      if (type === 'test:fail' && !countedInFile.has(data.file)) counts.failed++;
      continue;
    }
    const levels = hadChild.get(data.file) ?? [];
    hadChild.set(data.file, levels);
    const isLeaf = data.details?.type !== 'suite' && !levels[data.nesting + 1];
    levels[data.nesting + 1] = false;
    levels[data.nesting] = true;
    if (!isLeaf) continue;
    countedInFile.add(data.file);
    if (data.skip || data.todo) counts.skipped++;
    else if (type === 'test:pass') counts.passed++;
    else counts.failed++;
  }

  const line = `${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
  const dir = path.resolve('out/test-results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${label}.txt`), line + '\n');
  yield `\n${line}\n`;
}
