import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SecretStorage } from 'vscode';
import { Keychain, KeychainError } from '../../src/vscode/keychain.ts';

/** A SecretStorage whose keyring is missing, as on a headless Linux machine without one. */
const noKeyring = {
  get: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  store: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  delete: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  keys: () => Promise.resolve([]),
  onDidChange: () => ({ dispose() {} }),
} as unknown as SecretStorage;

/** A working in-memory SecretStorage. */
function memoryStorage(): SecretStorage {
  const values = new Map<string, string>();
  return {
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => void values.set(key, value),
    delete: async (key: string) => void values.delete(key),
    keys: async () => [...values.keys()],
    onDidChange: () => ({ dispose() {} }),
  } as unknown as SecretStorage;
}

describe('Keychain', () => {
  it('round-trips the sign-in; sign-out overwrites the secret', async () => {
    const keychain = new Keychain(memoryStorage());
    assert.equal(await keychain.read(), undefined);
    await keychain.write({ method: 'credential', credential: 'AQVNsecret' });
    assert.deepEqual(await keychain.read(), { method: 'credential', credential: 'AQVNsecret' });
    await keychain.write({ method: 'signedOut' });
    assert.deepEqual(await keychain.read(), { method: 'signedOut' });
  });

  it('turns a missing keyring into a KeychainError that says nothing was kept elsewhere', async () => {
    const keychain = new Keychain(noKeyring);
    await assert.rejects(keychain.read(), (e: Error) => e instanceof KeychainError && /could not be read: Cannot create/.test(e.message));
    await assert.rejects(keychain.write({ method: 'credential', credential: 'AQVNsecret' }), (e: Error) =>
      e instanceof KeychainError && /not saved anywhere else/.test(e.message) && !e.message.includes('AQVN'));
  });
});
