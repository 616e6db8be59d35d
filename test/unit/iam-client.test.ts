import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { IamExchangeError } from '../../src/core/errors.ts';
import { exchangeForIamToken, iamTokensUrl, parseIamAnswer } from '../../src/core/iam-client.ts';
import { startConnectProxy, type ConnectProxy } from '../fakes/connect-proxy.ts';
import { startFakeIamServer, type FakeIamServer } from '../fakes/fake-iam-server.ts';
import { closedLoopbackPort } from '../fakes/listen.ts';

const OAUTH = 'y0_AgAAAAB-secret-oauth-token-value';
const FAST = { backoffBaseMs: 1, timeoutMs: 2000 };
let iam: FakeIamServer;
let proxy: ConnectProxy;

before(async () => {
  iam = await startFakeIamServer();
  proxy = await startConnectProxy();
});
after(async () => {
  await iam.close();
  await proxy.close();
});
beforeEach(() => {
  iam.requests.length = 0;
  proxy.tunnels.length = 0;
  iam.setBehaviour((_r, n) => ({ status: 200, body: JSON.stringify({ iamToken: `iam-token-${n}`, expiresAt: '2030-01-01T00:00:00.123456789Z' }) }));
});

const exchange = (env: Record<string, string> = {}, extra = {}) =>
  exchangeForIamToken({ yandexPassportOauthToken: OAUTH }, { iamEndpoint: iam.url, env, ...FAST, ...extra });

/** Asserts an IAM failure says `message` and holds no secret. */
function rejectsWith(message: RegExp, status?: number) {
  return (error: unknown) => {
    assert.ok(error instanceof IamExchangeError, String(error));
    assert.match(error.message, message);
    assert.equal(error.status, status);
    assert.ok(!error.message.includes(OAUTH) && !error.message.includes('secret'), error.message);
    return true;
  };
}

test('POSTs {yandexPassportOauthToken} as JSON to {iam}/iam/v1/tokens and reads iamToken + nanosecond expiresAt', async () => {
  const token = await exchange();
  assert.equal(token.token, 'iam-token-0');
  assert.equal(token.expiresAt?.toISOString(), '2030-01-01T00:00:00.123Z');
  assert.equal(iam.requests[0].method, 'POST');
  assert.equal(iam.requests[0].path, '/iam/v1/tokens');
  assert.match(String(iam.requests[0].headers['content-type']), /application\/json/);
  assert.deepEqual(JSON.parse(iam.requests[0].body), { yandexPassportOauthToken: OAUTH });
});

test('retries 5xx and 429 with backoff, then succeeds', async () => {
  iam.setBehaviour((_r, n) => (n === 0 ? { status: 503, body: '' } : n === 1 ? { status: 429, body: '' } : { status: 200, body: '{"iamToken":"third"}' }));
  assert.equal((await exchange()).token, 'third');
  assert.equal(iam.requests.length, 3);
});

test('gives up after the bounded number of attempts', async () => {
  iam.setBehaviour(() => ({ status: 500, body: '' }));
  await assert.rejects(exchange({}, { maxAttempts: 3 }), rejectsWith(/HTTP 500 \(after 3 attempts\)/, 500));
  assert.equal(iam.requests.length, 3);
});

test('never retries another 4xx; a 401 says the credential was rejected, with the server message redacted', async () => {
  iam.setBehaviour(() => ({ status: 401, body: JSON.stringify({ message: `Invalid OAuth token ${OAUTH}` }) }));
  await assert.rejects(exchange(), rejectsWith(/HTTP 401 \(the credential was rejected.*\): Invalid OAuth token y0_…\[redacted\]/, 401));
  assert.equal(iam.requests.length, 1);
  iam.requests.length = 0;
  iam.setBehaviour(() => ({ status: 400, body: 'not json' }));
  await assert.rejects(exchange(), rejectsWith(/HTTP 400$/, 400));
  assert.equal(iam.requests.length, 1);
});

test('an answer that is not the expected JSON is a clear error', async () => {
  const cases: [string, RegExp][] = [
    ['<html>oops</html>', /not JSON/],
    ['[1]', /without an "iamToken"/],
    ['"x"', /not an object/],
    ['{"iamToken":""}', /without an "iamToken"/],
    ['{"iamToken":"t","expiresAt":"soon"}', /"expiresAt" that is not an RFC 3339 time/],
  ];
  for (const [body, message] of cases) {
    iam.setBehaviour(() => ({ status: 200, body }));
    await assert.rejects(exchange(), rejectsWith(message), body);
  }
});

test('retries network errors and names them', async () => {
  const port = await closedLoopbackPort();
  await assert.rejects(
    exchangeForIamToken({ jwt: 'x' }, { iamEndpoint: `http://127.0.0.1:${port}`, env: {}, ...FAST, maxAttempts: 2 }),
    rejectsWith(/network error \(ECONNREFUSED\) \(after 2 attempts\)/),
  );
});

test('a slow IAM times out per attempt', async () => {
  iam.setBehaviour(() => ({ status: 200, body: '{"iamToken":"late"}', delayMs: 1000 }));
  await assert.rejects(exchange({}, { timeoutMs: 50, maxAttempts: 1 }), rejectsWith(/no answer within 50 ms/));
});

test('goes through HTTP_PROXY from the env object given (a CONNECT tunnel to the IAM host)', async () => {
  const token = await exchange({ HTTP_PROXY: proxy.url });
  assert.equal(token.token, 'iam-token-0');
  assert.deepEqual(proxy.tunnels, [new URL(iam.url).host]);
});

test('an https IAM endpoint goes through HTTPS_PROXY', async () => {
  // The fake speaks plain HTTP, so TLS fails after the tunnel: the CONNECT is the proof.
  const https = `https://${new URL(iam.url).host}`;
  await assert.rejects(exchangeForIamToken({ jwt: 'x' }, { iamEndpoint: https, env: { HTTPS_PROXY: proxy.url }, ...FAST, maxAttempts: 1 }), IamExchangeError);
  assert.deepEqual(proxy.tunnels, [new URL(iam.url).host]);
});

test('honours lower-case http_proxy too', async () => {
  await exchange({ http_proxy: proxy.url });
  assert.equal(proxy.tunnels.length, 1);
});

test('NO_PROXY=127.0.0.1 bypasses the proxy', async () => {
  await exchange({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
  assert.deepEqual(proxy.tunnels, []);
  assert.equal(iam.requests.length, 1);
});

test('a proxy only in process.env is not used: the env object is the only source', async () => {
  const saved = process.env.HTTP_PROXY;
  process.env.HTTP_PROXY = proxy.url;
  try {
    await exchange({});
  } finally {
    if (saved === undefined) delete process.env.HTTP_PROXY;
    else process.env.HTTP_PROXY = saved;
  }
  assert.deepEqual(proxy.tunnels, []);
});

test('iamTokensUrl appends the path and rejects a non-http endpoint', () => {
  assert.equal(iamTokensUrl(), 'https://iam.api.cloud.yandex.net/iam/v1/tokens');
  assert.equal(iamTokensUrl('https://iam.api.yandexcloud.kz/'), 'https://iam.api.yandexcloud.kz/iam/v1/tokens');
  assert.throws(() => iamTokensUrl('ftp://x'), /not an http\(s\) URL/);
  assert.throws(() => iamTokensUrl('iam.example'), /is not a URL/);
});

test('parseIamAnswer accepts an answer without expiresAt', () => {
  assert.deepEqual(parseIamAnswer('{"iamToken":" t1.x "}', 'u'), { token: 't1.x', expiresAt: undefined });
});
