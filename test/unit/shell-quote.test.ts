import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shellQuote } from '../../src/cli/shell-quote.ts';

test('shellQuote leaves plain tokens bare', () => {
  assert.equal(shellQuote('t1.abc-DEF_12=='), 't1.abc-DEF_12==');
  assert.equal(shellQuote('b1g2abcd'), 'b1g2abcd');
});

test('shellQuote single-quotes anything else, spelling a quote as \'\\\'\'', () => {
  assert.equal(shellQuote("it's"), "'it'\\''s'");
  assert.equal(shellQuote(''), "''");
});

test('shellQuote output evaluates back to the exact value in a real sh', async () => {
  const { execa } = await import('execa');
  const values = ["a'b", 'x y', '$HOME', '`id`', 'a\\b', '"q"', "'", 'semi;colon', 'new\nline', '*'];
  for (const value of values) {
    const { stdout } = await execa('/bin/sh', ['-c', `printf '%s' ${shellQuote(value)}`], { stripFinalNewline: false });
    assert.equal(stdout, value);
  }
});
