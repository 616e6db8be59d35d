// Bundles the extension (CommonJS, `vscode` external) and the ycml-auth CLI with esbuild.
// execa and undici are ESM packages: esbuild bundles them, and the code imports them lazily so
// that neither is evaluated until a method needs the network or a process.
import * as esbuild from 'esbuild';

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

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching src/');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
