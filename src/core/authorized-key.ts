import { readFile } from 'node:fs/promises';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { KeyFileError } from './errors.ts';

/** The parts of a service-account authorized key (`yc iam key create -o key.json`) a JWT needs. */
export interface AuthorizedKey {
  readonly keyId: string;
  readonly serviceAccountId: string;
  readonly privateKey: KeyObject;
}

const SA_KEY_BANNER = /^PLEASE DO NOT REMOVE THIS LINE! Yandex\.Cloud SA Key ID [^\n]*\n/;

/**
 * Parses an authorized key JSON (snake_case as yc writes it, or camelCase as the REST API does).
 * `source` names the file in errors; no error ever quotes the file's content.
 */
export function parseAuthorizedKey(text: string, source: string): AuthorizedKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError(`${source} is not JSON`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new KeyFileError(`${source} is not a JSON object`);
  const fields = parsed as Record<string, unknown>;
  const field = (snake: string, camel: string): string => {
    const value = fields[snake] ?? fields[camel];
    if (typeof value !== 'string' || value.trim() === '') throw new KeyFileError(`${source} has no "${snake}" field`);
    return value.trim();
  };
  const keyId = field('id', 'id');
  const serviceAccountId = field('service_account_id', 'serviceAccountId');
  const pem = field('private_key', 'privateKey').replace(/\r\n/g, '\n').replace(SA_KEY_BANNER, '');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new KeyFileError(`${source}: "private_key" is not a valid PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw new KeyFileError(`${source}: "private_key" is not an RSA key`);
  return { keyId, serviceAccountId, privateKey };
}

/** A key file's text; a KeyFileError naming the file and the system's reason when it cannot be read. */
export async function readKeyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new KeyFileError(`key file ${path} cannot be read${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}
