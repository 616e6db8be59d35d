// What the user chose at sign-in, as kept in SecretStorage. One record under one key, so that a
// sign-in or sign-out in one window reaches the others through SecretStorage.onDidChange.
export const SIGN_IN_KEY = 'ycml.signIn';

export type SignInRecord =
  | { readonly method: 'credential'; readonly credential: string }
  | { readonly method: 'keyFile'; readonly keyJson: string; readonly path: string }
  | { readonly method: 'yc'; readonly profile?: string }
  | { readonly method: 'metadata' }
  | { readonly method: 'auto' }
  | { readonly method: 'signedOut' };

export type SignInChoice = SignInRecord['method'];

export function serializeSignInRecord(record: SignInRecord): string {
  return JSON.stringify(record);
}

/** Reads a stored record; an unreadable one is an error whose message holds no secret. */
export function parseSignInRecord(text: string): SignInRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the stored sign-in is not valid JSON; sign in again');
  }
  const record = value as Record<string, unknown> | null;
  const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  switch (record?.method) {
    case 'credential':
      if (isText(record.credential)) return { method: 'credential', credential: record.credential };
      break;
    case 'keyFile':
      if (isText(record.keyJson) && typeof record.path === 'string') return { method: 'keyFile', keyJson: record.keyJson, path: record.path };
      break;
    case 'yc':
      return isText(record.profile) ? { method: 'yc', profile: record.profile } : { method: 'yc' };
    case 'metadata':
    case 'auto':
    case 'signedOut':
      return { method: record.method };
  }
  throw new Error('the stored sign-in has an unknown shape; sign in again');
}
