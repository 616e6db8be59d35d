// Bundles the extension (CommonJS, `vscode` external) and the ycml-auth CLI with esbuild.
// execa and undici are ESM packages: esbuild bundles them, and the code imports them lazily so
// that neither is evaluated until a method needs the network or a process.
// The integration tests are bundled too (not for --production): one folder per host session under
// test/integration/, each with an index.ts entry and *.test.ts files that mocha loads one by one.
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// The CLI loads undici and execa from files of their own, only when a method needs them: compiled
// into dist/cli.js they doubled its start-up time (most of it V8 compiling code it never ran).
const cliLazyDeps = {
  name: 'cli-lazy-deps',
  setup(build) {
    build.onResolve({ filter: /^(undici|execa)$/ }, (args) => ({ path: `./cli-${args.path}.js`, external: true }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [cliLazyDeps] },
  { ...common, entryPoints: { 'cli-undici': 'undici', 'cli-execa': 'execa' }, outdir: 'dist' },
];

if (!production) {
  const suites = fs.readdirSync('test/integration', { withFileTypes: true }).filter((d) => d.isDirectory());
  const entryPoints = suites.flatMap((d) => fs.readdirSync(`test/integration/${d.name}`)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => `test/integration/${d.name}/${f}`));
  fs.rmSync('out/test/integration', { recursive: true, force: true }); // no stale test files of deleted sources
  // mocha stays external: the suite entry and the test files must share one instance of it.
  builds.push({ ...common, entryPoints, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching src/');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
