import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs, UsageError } from '../../src/cli/parse-args.ts';

test('parseArgs reads a command and every option, in both spellings', () => {
  const args = parseArgs(['resolve', '--json', '--auth', 'k', '--key-file=/k.json', '--profile', 'p', '--endpoint', 'e:443', '--iam-endpoint', 'http://i', '--yc', '/bin/yc']);
  assert.deepEqual(args, { command: 'resolve', help: false, json: true, auth: 'k', keyFile: '/k.json', profile: 'p', endpoint: 'e:443', iamEndpoint: 'http://i', ycPath: '/bin/yc' });
});

test('parseArgs accepts --help alone', () => {
  assert.equal(parseArgs(['--help']).help, true);
  assert.equal(parseArgs(['token', '-h']).help, true);
});

test('parseArgs rejects bad usage with a clear UsageError', () => {
  const cases: [string[], RegExp][] = [
    [[], /missing command/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['token', 'extra'], /unexpected argument "extra"/],
    [['token', '--bogus'], /unknown option --bogus/],
    [['token', '--auth'], /--auth needs a value/],
    [['token', '--auth='], /--auth needs a value/],
    [['token', '--profile', 'a', '--profile', 'b'], /--profile given twice/],
    [['token', '--json'], /--json applies to "resolve" only/],
  ];
  for (const [argv, message] of cases) assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message), argv.join(' '));
});
