// Service-account authorized keys for tests: a fresh RSA key pair, written as yc writes the file.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface TestKey {
  readonly keyId: string;
  readonly serviceAccountId: string;
  readonly publicKey: KeyObject;
  /** PEM of the private key, with yc's "PLEASE DO NOT REMOVE THIS LINE!" first line. */
  readonly privateKeyField: string;
  /** The key file JSON, snake_case as `yc iam key create -o key.json` writes it. */
  readonly json: string;
}

export function makeTestKey(keyId = 'ajekeyid0001', serviceAccountId = 'ajesaid0001'): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const privateKeyField = `PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <${keyId}>\n${pem}`;
  const json = JSON.stringify({
    id: keyId,
    service_account_id: serviceAccountId,
    created_at: '2026-01-01T00:00:00.000000000Z',
    key_algorithm: 'RSA_2048',
    public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    private_key: privateKeyField,
  });
  return { keyId, serviceAccountId, publicKey, privateKeyField, json };
}
