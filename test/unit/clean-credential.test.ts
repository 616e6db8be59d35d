import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanCredential } from '../../src/core/clean-credential.ts';
import { CredentialFormatError } from '../../src/core/errors.ts';

test('cleanCredential trims surrounding whitespace and newlines', () => {
  assert.equal(cleanCredential('  \tAQVNabc\r\n', 'env YC_API_KEY'), 'AQVNabc');
});

test('cleanCredential rejects a blank value, naming the source', () => {
  assert.throws(() => cleanCredential(' \n ', 'env YC_API_KEY'), { name: 'CredentialFormatError', message: 'env YC_API_KEY is empty' });
});

test('cleanCredential rejects a control character inside, naming source and position but not the value', () => {
  const secret = 'AQVNsecret\u0007value';
  assert.throws(() => cleanCredential(secret, 'env YC_API_KEY'), (error: unknown) => {
    assert.ok(error instanceof CredentialFormatError);
    assert.equal(error.message, 'env YC_API_KEY contains a control character at position 11');
    assert.ok(!error.message.includes('secret'));
    return true;
  });
  assert.throws(() => cleanCredential('ab\ncd', 'x'), /control character at position 3/);
});

test('cleanCredential rejects non-ASCII inside (a pasted look-alike character)', () => {
  assert.throws(() => cleanCredential('t1.токен', '--auth argument'), { message: '--auth argument contains a non-ASCII character at position 4' });
  assert.throws(() => cleanCredential('abc\u00a0def', 'x'), /non-ASCII character at position 4/);
});
