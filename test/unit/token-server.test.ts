import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { METADATA_TOKEN_PATH, startTokenServer, type TokenServer } from '../../src/core/token-server.ts';

describe('token server (metadata-compatible pointer)', () => {
  let server: TokenServer;
  let served = 0;
  let failNext = false;
  const outcomes: number[] = [];

  before(async () => {
    server = await startTokenServer({
      getToken: async () => {
        if (failNext) throw new Error('t1.secret-in-error');
        served++;
        return { token: `t1.fresh-${served}`, expiresInSeconds: 1234.7 };
      },
      onRequest: ({ status }) => outcomes.push(status),
    });
  });
  after(() => server.close());

  const url = (path = METADATA_TOKEN_PATH) => `http://${server.address}${path}`;

  it('serves a fresh token per request at YC_METADATA_ADDR + the SDK path, with the flavor header', async () => {
    assert.match(server.address, /^127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{24}$/);
    const first = await request(url(), { headers: { 'Metadata-Flavor': 'Google' } });
    assert.equal(first.statusCode, 200);
    assert.deepEqual(await first.body.json(), { access_token: 't1.fresh-1', expires_in: 1234, token_type: 'Bearer' });
    const second = await request(url(), { headers: { 'Metadata-Flavor': 'Google' } });
    assert.equal(((await second.body.json()) as { access_token: string }).access_token, 't1.fresh-2');
  });

  it('refuses without Metadata-Flavor: Google', async () => {
    const res = await request(url(), {});
    assert.equal(res.statusCode, 403);
    assert.doesNotMatch(await res.body.text(), /t1\./);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await request(url(), { headers: { 'Metadata-Flavor': 'Google', host: 'evil.example:80' } });
    assert.equal(res.statusCode, 403);
    await res.body.dump();
  });

  it('refuses a wrong prefix and other methods', async () => {
    const port = server.port;
    const wrongPrefix = await request(`http://127.0.0.1:${port}/guess${METADATA_TOKEN_PATH}`, { headers: { 'Metadata-Flavor': 'Google' } });
    assert.equal(wrongPrefix.statusCode, 404);
    await wrongPrefix.body.dump();
    const post = await request(url(), { method: 'POST', headers: { 'Metadata-Flavor': 'Google' } });
    assert.equal(post.statusCode, 405);
    await post.body.dump();
  });

  it('answers 503 without the error text when no token is available', async () => {
    failNext = true;
    try {
      const res = await request(url(), { headers: { 'Metadata-Flavor': 'Google' } });
      assert.equal(res.statusCode, 503);
      assert.doesNotMatch(await res.body.text(), /secret/);
    } finally {
      failNext = false;
    }
    assert.ok(outcomes.includes(503));
  });
});
