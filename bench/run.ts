// `npm run bench`: one run, medians and ratios for the three targets of issue 2.
//   1. in-process resolution with an env credential (target: median < 0.1 ms)
//   2. 10,000 concurrent token requests on a cold OAuth credential (target: exactly 1 IAM request)
//   3. `ycml-auth resolve --json` with YC_API_KEY vs `node -e 0`, interleaved (target: <= 1.5x)
// Everything stays on loopback: metadata points at a closed port, IAM at a local fake.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { OAuthTokenAuth } from '../src/core/methods/oauth-token.ts';
import { resolveAuth } from '../src/core/resolver.ts';
import { startFakeIamServer } from '../test/fakes/fake-iam-server.ts';
import { closedLoopbackPort } from '../test/fakes/listen.ts';

const CLI = path.join(import.meta.dirname, '../dist/cli.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function inProcessResolution(metadataAddr: string): Promise<void> {
  const env = { YC_API_KEY: 'AQVN-bench-api-key', YC_METADATA_ADDR: metadataAddr };
  const once = async () => (await resolveAuth({ env, interactive: false })).auth.getCredential();
  for (let i = 0; i < 2000; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const start = performance.now();
    await once();
    samples.push(performance.now() - start);
  }
  const ms = median(samples);
  console.log(`1. in-process resolveAuth + getCredential (YC_API_KEY), 10,000 runs: median ${(ms * 1000).toFixed(1)} µs (${ms.toFixed(4)} ms) — target < 0.1 ms: ${ms < 0.1 ? 'met' : 'MISSED'}`);
}

async function concurrentColdOAuth(): Promise<void> {
  const iam = await startFakeIamServer();
  // The answer is held back a little so that all callers really wait on the one fetch.
  iam.setBehaviour((_r, n) => ({ status: 200, body: JSON.stringify({ iamToken: `iam-token-${n}`, expiresAt: '2099-01-01T00:00:00.123456789Z' }), delayMs: 20 }));
  try {
    const auth = new OAuthTokenAuth({ token: 'y0_bench-oauth-token', env: {}, iamEndpoint: iam.url });
    const start = performance.now();
    const credentials = await Promise.all(Array.from({ length: 10_000 }, () => auth.getCredential()));
    const ms = performance.now() - start;
    const served = credentials.filter((c) => c.secret === 'iam-token-0').length;
    const ok = iam.requests.length === 1 && served === 10_000;
    console.log(`2. 10,000 concurrent getCredential on a cold OAuth credential: ${iam.requests.length} IAM request(s), ${served} callers served, ${ms.toFixed(1)} ms in all — target exactly 1 request, all served: ${ok ? 'met' : 'MISSED'}`);
  } finally {
    await iam.close();
  }
}

async function cliStartup(metadataAddr: string): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const { execa } = await import('execa');
  const env = { PATH: process.env.PATH, YC_API_KEY: 'AQVN-bench-api-key', YC_METADATA_ADDR: metadataAddr };
  const time = async (args: string[]) => {
    const start = performance.now();
    const result = await execa(process.execPath, args, { env, extendEnv: false, stdin: 'ignore' });
    const ms = performance.now() - start;
    if (args[0] === CLI && JSON.parse(String(result.stdout)).method !== 'APIKeyAuth') throw new Error('unexpected CLI output');
    return ms;
  };
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 3; i++) await Promise.all([time([CLI, 'resolve', '--json']), time(['-e', '0'])]); // warm the file cache
  for (let i = 0; i < 30; i++) {
    cli.push(await time([CLI, 'resolve', '--json']));
    bare.push(await time(['-e', '0']));
  }
  const ratio = median(cli) / median(bare);
  const kb = (statSync(CLI).size / 1024).toFixed(0);
  console.log(`3. ycml-auth resolve --json (YC_API_KEY, dist/cli.js ${kb} KiB) vs node -e 0, 30 interleaved runs each:`);
  console.log(`   median ${median(cli).toFixed(1)} ms vs ${median(bare).toFixed(1)} ms — ratio ${ratio.toFixed(2)}x — target <= 1.5x: ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
}

async function main(): Promise<void> {
  const metadataAddr = `127.0.0.1:${await closedLoopbackPort()}`;
  await inProcessResolution(metadataAddr);
  await concurrentColdOAuth();
  await cliStartup(metadataAddr);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
