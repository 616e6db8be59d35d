import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSignInRecord, serializeSignInRecord, type SignInRecord } from '../../src/vscode/sign-in-record.ts';

describe('sign-in record', () => {
  it('round-trips every kind', () => {
    const records: SignInRecord[] = [
      { method: 'credential', credential: 'AQVNkey' },
      { method: 'keyFile', keyJson: '{"id":"x"}', path: '/k.json' },
      { method: 'yc', profile: 'prod' },
      { method: 'yc' },
      { method: 'metadata' },
      { method: 'auto' },
      { method: 'signedOut' },
    ];
    for (const record of records) assert.deepEqual(parseSignInRecord(serializeSignInRecord(record)), record);
  });

  it('rejects garbage with a message that holds no secret', () => {
    assert.throws(() => parseSignInRecord('AQVNsecret{'), (e: Error) => /not valid JSON/.test(e.message) && !e.message.includes('AQVN'));
    assert.throws(() => parseSignInRecord('{"method":"credential"}'), /unknown shape/);
    assert.throws(() => parseSignInRecord('{"method":"other","credential":"AQVNsecret"}'), (e: Error) => !e.message.includes('AQVN'));
    assert.throws(() => parseSignInRecord('null'), /unknown shape/);
  });
});
