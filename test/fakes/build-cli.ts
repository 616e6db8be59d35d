// Builds the ycml-auth CLI exactly as scripts/build.mjs does, into a temp dir, so CLI tests run the
// real bundle without depending on (or racing) anyone's `npm run build`.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function buildCli(): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = path.join(await mkdtemp(path.join(tmpdir(), 'ycml-cli-')), 'cli.js');
  await esbuild.build({
    entryPoints: [path.join(import.meta.dirname, '../../src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
  });
  return outfile;
}
