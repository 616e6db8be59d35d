import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRfc3339 } from '../../src/core/rfc3339.ts';

test('parseRfc3339 reads nine fractional digits (IAM sends nanoseconds)', () => {
  assert.equal(parseRfc3339('2026-12-04T20:07:22.123456789Z')?.toISOString(), '2026-12-04T20:07:22.123Z');
});

test('parseRfc3339 reads no, one and three fractional digits', () => {
  assert.equal(parseRfc3339('2026-12-04T20:07:22Z')?.toISOString(), '2026-12-04T20:07:22.000Z');
  assert.equal(parseRfc3339('2026-12-04T20:07:22.5Z')?.toISOString(), '2026-12-04T20:07:22.500Z');
  assert.equal(parseRfc3339('2026-12-04t20:07:22.123z')?.toISOString(), '2026-12-04T20:07:22.123Z');
});

test('parseRfc3339 applies a UTC offset', () => {
  assert.equal(parseRfc3339('2026-12-04T23:07:22.000000001+03:00')?.toISOString(), '2026-12-04T20:07:22.000Z');
  assert.equal(parseRfc3339('2026-12-04T15:37:22-04:30')?.toISOString(), '2026-12-04T20:07:22.000Z');
});

test('parseRfc3339 rejects what is not RFC 3339', () => {
  for (const text of ['', 'tomorrow', '2026-12-04', '2026-12-04T20:07:22', '2026-13-04T20:07:22Z', '2026-12-04T25:07:22Z', ' 2026-12-04T20:07:22Z']) {
    assert.equal(parseRfc3339(text), undefined, text);
  }
});
