import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refreshTime, TokenCache, type FetchedToken } from '../../src/core/token-cache.ts';

const HOUR = 3_600_000;
const MIN = 60_000;

test('refreshTime is an hour after issue when the expiry is far or unknown', () => {
  assert.equal(refreshTime(0, undefined), HOUR);
  assert.equal(refreshTime(0, 12 * HOUR), HOUR);
});

test('refreshTime is five minutes before expiry when that comes first', () => {
  assert.equal(refreshTime(0, 30 * MIN), 25 * MIN);
});

/** A cache over a counting fetch and a hand-moved clock. */
function setup(expiresInMs?: number) {
  let now = 1_000_000;
  let fetches = 0;
  const cache = new TokenCache(
    async (): Promise<FetchedToken> => ({ token: `tok-${fetches++}`, expiresAt: expiresInMs === undefined ? undefined : new Date(now + expiresInMs) }),
    { now: () => now },
  );
  return { cache, fetches: () => fetches, advance: (ms: number) => (now += ms) };
}

test('TokenCache serves the cached token until the refresh time, then fetches anew (the SDK reissue test)', async () => {
  const { cache, fetches, advance } = setup();
  assert.equal((await cache.get()).secret, 'tok-0');
  advance(HOUR - 1);
  assert.equal((await cache.get()).secret, 'tok-0');
  advance(1);
  const next = await cache.get();
  assert.equal(next.secret, 'tok-1');
  assert.equal(next.authorization, 'Bearer tok-1');
  assert.equal(fetches(), 2);
});

test('TokenCache refreshes five minutes before a near expiry', async () => {
  const { cache, advance } = setup(20 * MIN);
  await cache.get();
  advance(15 * MIN - 1);
  assert.equal((await cache.get()).secret, 'tok-0');
  advance(1);
  assert.equal((await cache.get()).secret, 'tok-1');
});

test('TokenCache forceRefresh fetches anew at once', async () => {
  const { cache } = setup();
  await cache.get();
  assert.equal((await cache.get({ forceRefresh: true })).secret, 'tok-1');
});

test('TokenCache runs exactly one fetch however many callers wait', async () => {
  let release: (t: FetchedToken) => void = () => {};
  let fetches = 0;
  const cache = new TokenCache(() => {
    fetches++;
    return new Promise<FetchedToken>((resolve) => (release = resolve));
  });
  const waiting = Array.from({ length: 1000 }, (_, i) => cache.get({ forceRefresh: i % 2 === 0 }));
  release({ token: 'shared', expiresAt: undefined });
  const credentials = await Promise.all(waiting);
  assert.equal(fetches, 1);
  assert.ok(credentials.every((c) => c.secret === 'shared'));
});

test('TokenCache passes a failure to every waiter and fetches again on the next call', async () => {
  let fail = true;
  let fetches = 0;
  const cache = new TokenCache(async () => {
    fetches++;
    if (fail) throw new Error('down');
    return { token: 'ok', expiresAt: undefined };
  });
  const results = await Promise.allSettled([cache.get(), cache.get()]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  assert.equal(fetches, 1);
  fail = false;
  assert.equal((await cache.get()).secret, 'ok');
});

test('TokenCache serves an initial token without fetching', async () => {
  let fetches = 0;
  const cache = new TokenCache(async () => ({ token: `f${fetches++}`, expiresAt: undefined }), { initial: { token: 'probe', expiresAt: undefined } });
  assert.equal((await cache.get()).secret, 'probe');
  assert.equal(fetches, 0);
});

test('TokenCache refuses a fetched token no header can carry, naming it without its value', async () => {
  const cache = new TokenCache(async () => ({ token: 't1.good\nX-Injected: 1', expiresAt: undefined }));
  await assert.rejects(cache.get(), (e: Error) => /fetched IAM token contains a control character/.test(e.message) && !e.message.includes('t1.good'));
});
