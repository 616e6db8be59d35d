// Builds the ycml-auth CLI as scripts/build.mjs does (undici and execa in files of their own), into a temp dir, so CLI tests run the
// real bundle without depending on (or racing) anyone's `npm run build`.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function buildCli(): Promise<string> {
  const esbuild = await import('esbuild');
  const outdir = await mkdtemp(path.join(tmpdir(), 'ycml-cli-'));
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none' } as const;
  const lazyDeps = {
    name: 'cli-lazy-deps',
    setup(build: import('esbuild').PluginBuild) {
      build.onResolve({ filter: /^(undici|execa)$/ }, (args) => ({ path: `./cli-${args.path}.js`, external: true }));
    },
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(import.meta.dirname, '../../src/cli/main.ts')],
      outfile: path.join(outdir, 'cli.js'),
      banner: { js: '#!/usr/bin/env node' },
      plugins: [lazyDeps],
    }),
    esbuild.build({ ...common, entryPoints: { 'cli-undici': 'undici', 'cli-execa': 'execa' }, outdir }),
  ]);
  return path.join(outdir, 'cli.js');
}
