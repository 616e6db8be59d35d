import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact } from '../../src/core/redact.ts';

const IAM = 't1.9euelZqXjY2Xz5CQnJqOkJ2Vx8yMmO3rnpWajpGLy5mRmZCalZPMk52Mlpzl8_dPQ3d-e_e8cQ1k-KbfPf-_N7cvRl9XZqYw';

test('redact masks each known secret wherever it occurs', () => {
  assert.equal(redact('key=s3cr3t-value and again s3cr3t-value', ['s3cr3t-value']), 'key=…[redacted] and again …[redacted]');
});

test('redact keeps only the kind-telling prefix of a known token', () => {
  assert.equal(redact(`Bearer ${IAM}`, [IAM]), 'Bearer t1.…[redacted]');
});

test('redact masks credential-shaped strings it was not told about', () => {
  assert.equal(redact(`token ${IAM} end`, []), 'token t1.…[redacted] end');
  assert.equal(redact('oauth y0_AgAAAAAAbcdefghijk_lmn-op.', []), 'oauth y0_…[redacted].');
  assert.equal(redact('Api-Key AQVNzZ1aBcDeFgHiJkLmNoPq', []), 'Api-Key AQVN…[redacted]');
});

test('redact masks PEM private key blocks, also JSON-escaped ones', () => {
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
  assert.equal(redact(`key: ${pem} done`, []), 'key: -----BEGIN PRIVATE KEY-----…[redacted] done');
  const escaped = '"private_key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEvQ\\n-----END RSA PRIVATE KEY-----\\n"';
  assert.equal(redact(escaped, []), '"private_key": "-----BEGIN PRIVATE KEY-----…[redacted]\\n"');
});

test('redact leaves ordinary text, empty secrets and short look-alikes alone', () => {
  assert.equal(redact('t1.ok y0_a AQVN id=b1g123', ['']), 't1.ok y0_a AQVN id=b1g123');
});

test('redact prefers the longest known secret when secrets overlap', () => {
  assert.equal(redact('abcdef', ['abc', 'abcdef']), '…[redacted]');
});
