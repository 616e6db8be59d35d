import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authStringMethod, classifyAuthString, classifyCredentialText } from '../../src/core/classify.ts';
import { IAM_FORMAT_WARNING, OAUTH_WARNING } from '../../src/core/warnings.ts';
import { makeTestKey } from '../fakes/authorized-key.ts';

const REAL_LOOKING_IAM = `t1.9euelZqXjY2Xz5CQ.${'A'.repeat(86)}`;

function classify(value: string) {
  const warnings: string[] = [];
  const auth = classifyAuthString(value, { onWarning: (w) => warnings.push(w), env: {} });
  return { name: auth.name, warnings };
}

test('a string that is neither IAM nor OAuth is an API key (the SDK test: "str")', () => {
  assert.deepEqual(classify('str'), { name: 'APIKeyAuth', warnings: [] });
  assert.deepEqual(classify('AQVNxyz'), { name: 'APIKeyAuth', warnings: [] });
});

test('^t\\d\\. is an IAM token; one not in IAM format warns with the SDK text (the SDK test: "t2.foo")', () => {
  assert.deepEqual(classify('t2.foo'), { name: 'IAMTokenAuth', warnings: [IAM_FORMAT_WARNING] });
  assert.deepEqual(classify(REAL_LOOKING_IAM), { name: 'IAMTokenAuth', warnings: [] });
  assert.deepEqual(classify(`${REAL_LOOKING_IAM}==`), { name: 'IAMTokenAuth', warnings: [] });
  assert.equal(classify('t1.short.sig').warnings.length, 1);
});

test('^y[0123]_[-\\w] is an OAuth token, with the sharing warning', () => {
  for (const value of ['y0_AgAAAA', 'y1_x', 'y3_-', 'y2__']) assert.deepEqual(classify(value), { name: 'OAuthTokenAuth', warnings: [OAUTH_WARNING] }, value);
  for (const value of ['y4_abc', 'y0_', 'y0-abc', 'Y0_abc']) assert.equal(classify(value).name, 'APIKeyAuth', value);
});

test('matching anchors at the start only, like Python re.match', () => {
  assert.equal(authStringMethod('t1.'), 'IAMTokenAuth');
  assert.equal(authStringMethod('xt1.abc'), 'APIKeyAuth');
  assert.equal(authStringMethod(' t1.abc'), 'APIKeyAuth');
  assert.equal(authStringMethod('t12.abc'), 'APIKeyAuth');
});

test('a classified string is trimmed and validated, errors naming the source', () => {
  assert.throws(() => classifyAuthString('t1.a\u0001b', { source: '--auth argument' }), { name: 'CredentialFormatError', message: '--auth argument contains a control character at position 5' });
});

test('classifyCredentialText recognises a service-account key JSON, else classifies as a string', () => {
  assert.equal(classifyCredentialText(makeTestKey().json, { env: {} }).name, 'ServiceAccountKeyAuth');
  assert.equal(classifyCredentialText('t1.abc', { env: {} }).name, 'IAMTokenAuth');
  assert.throws(() => classifyCredentialText('{"id":"x"}', { env: {} }), { name: 'KeyFileError' });
});

test('\\d and \\w are Unicode-aware as in Python, so the class matches the SDK even for non-ASCII', () => {
  assert.equal(authStringMethod('t٣.x'), 'IAMTokenAuth');
  assert.equal(authStringMethod('y0_ж'), 'OAuthTokenAuth');
});
