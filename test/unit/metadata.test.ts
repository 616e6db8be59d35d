import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { MetadataError } from '../../src/core/errors.ts';
import { describeMetadataAddr, metadataTimeoutMs, metadataTokenUrl } from '../../src/core/metadata-url.ts';
import { MetadataAuth, probeMetadata } from '../../src/core/methods/metadata.ts';
import { startFakeMetadataServer, TOKEN_PATH, type FakeMetadataServer } from '../fakes/fake-metadata-server.ts';
import { closedLoopbackPort } from '../fakes/listen.ts';

let metadata: FakeMetadataServer;
let prefixed: FakeMetadataServer;

before(async () => {
  metadata = await startFakeMetadataServer();
  prefixed = await startFakeMetadataServer({ prefix: 'ycml-3f9a' });
});
after(async () => {
  await metadata.close();
  await prefixed.close();
});
beforeEach(() => {
  metadata.requests.length = 0;
  metadata.setBehaviour((_r, n) => ({ status: 200, body: JSON.stringify({ access_token: `meta-token-${n}`, expires_in: 42055, token_type: 'Bearer' }) }));
});

test('metadataTokenUrl is the SDK\'s URL, at 169.254.169.254 by default and YC_METADATA_ADDR when set', () => {
  assert.equal(metadataTokenUrl({}), `http://169.254.169.254${TOKEN_PATH}`);
  assert.equal(metadataTokenUrl({ YC_METADATA_ADDR: '' }), `http://169.254.169.254${TOKEN_PATH}`);
  assert.equal(metadataTokenUrl({ YC_METADATA_ADDR: 'my-unique-addr' }), `http://my-unique-addr${TOKEN_PATH}`);
});

test('metadataTokenUrl keeps a path prefix in YC_METADATA_ADDR, as the SDK\'s f-string does', () => {
  assert.equal(metadataTokenUrl({ YC_METADATA_ADDR: '127.0.0.1:8080/PREFIX' }), `http://127.0.0.1:8080/PREFIX${TOKEN_PATH}`);
});

test('describeMetadataAddr never shows the path prefix (it may be a capability)', () => {
  assert.equal(describeMetadataAddr({ YC_METADATA_ADDR: '127.0.0.1:8080/s3cret-prefix' }), '127.0.0.1:8080 (YC_METADATA_ADDR)');
  assert.equal(describeMetadataAddr({}), '169.254.169.254 (default)');
});

test('the SDK\'s timeout: 1 s with YC_METADATA_ADDR, else 0.1 s', () => {
  assert.equal(metadataTimeoutMs({ YC_METADATA_ADDR: '127.0.0.1:1' }), 1000);
  assert.equal(metadataTimeoutMs({}), 100);
});

test('probeMetadata GETs the token with Metadata-Flavor: Google and reads access_token and expires_in', async () => {
  const now = Date.UTC(2030, 0, 1);
  const auth = await probeMetadata({ env: { YC_METADATA_ADDR: metadata.addr }, now: () => now });
  const credential = await auth.getCredential();
  assert.equal(credential.authorization, 'Bearer meta-token-0');
  assert.equal(credential.expiresAt?.getTime(), now + 42055_000);
  assert.equal(metadata.requests.length, 1, 'the probed token is reused, not fetched again');
  assert.equal(metadata.requests[0].method, 'GET');
  assert.equal(metadata.requests[0].headers['metadata-flavor'], 'Google');
});

test('probeMetadata works under a path prefix', async () => {
  const auth = await probeMetadata({ env: { YC_METADATA_ADDR: prefixed.addr } });
  assert.equal((await auth.getCredential()).secret, 'meta-token-0');
  assert.equal(prefixed.requests[0].path, `/ycml-3f9a${TOKEN_PATH}`);
  assert.ok(!auth.source.includes('ycml-3f9a'));
});

test('MetadataAuth refetches after the SDK\'s hour (the SDK reissue test)', async () => {
  let now = 0;
  metadata.setBehaviour((_r, n) => ({ status: 200, body: `{"access_token":"<iam-token-${n}>"}` }));
  const auth = new MetadataAuth({ env: { YC_METADATA_ADDR: metadata.addr }, now: () => now });
  assert.equal((await auth.getCredential()).secret, '<iam-token-0>');
  now += 1000;
  assert.equal((await auth.getCredential()).secret, '<iam-token-0>');
  now += 3600_000;
  assert.equal((await auth.getCredential()).secret, '<iam-token-1>');
});

test('metadata failures are MetadataErrors that say what went wrong', async () => {
  const cases: [{ status: number; body: string; delayMs?: number }, RegExp][] = [
    [{ status: 400, body: '' }, /answered HTTP 400/],
    [{ status: 200, body: 'garbage' }, /not JSON/],
    [{ status: 200, body: '{"token":"x"}' }, /without an "access_token"/],
    [{ status: 200, body: 'null' }, /without an "access_token"/],
    [{ status: 200, body: '{"access_token":"late"}', delayMs: 500 }, /no answer within 50 ms/],
  ];
  for (const [answer, message] of cases) {
    metadata.setBehaviour(() => answer);
    await assert.rejects(probeMetadata({ env: { YC_METADATA_ADDR: metadata.addr }, timeoutMs: 50 }), (e: unknown) => e instanceof MetadataError && message.test(e.message), String(message));
  }
  const port = await closedLoopbackPort();
  await assert.rejects(probeMetadata({ env: { YC_METADATA_ADDR: `127.0.0.1:${port}` } }), /metadata service at 127\.0\.0\.1:\d+ \(YC_METADATA_ADDR\): not reachable \(ECONNREFUSED\)/);
});

test('as a method chosen explicitly, a metadata failure is a failure of getCredential', async () => {
  metadata.setBehaviour(() => ({ status: 500, body: '' }));
  const auth = new MetadataAuth({ env: { YC_METADATA_ADDR: metadata.addr } });
  await assert.rejects(auth.getCredential(), MetadataError);
});
