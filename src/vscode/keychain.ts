// A thin, defensive wrapper over SecretStorage. SecretStorage can fail (no keyring on a headless
// Linux machine); then we say so and keep nothing anywhere else.
import * as vscode from 'vscode';
import { errorText } from './error-text.ts';
import { parseSignInRecord, serializeSignInRecord, SIGN_IN_KEY, type SignInRecord } from './sign-in-record.ts';

export class KeychainError extends Error {
  constructor(action: string, cause: unknown) {
    super(`VS Code's secret storage could not ${action}: ${errorText(cause)}. Credentials are not saved anywhere else.`);
    this.name = 'KeychainError';
  }
}

export class Keychain {
  constructor(private readonly storage: vscode.SecretStorage) {}

  /** Fires when the stored sign-in changes, in this window or another. */
  onDidChange(listener: () => void): vscode.Disposable {
    return this.storage.onDidChange((event) => {
      if (event.key === SIGN_IN_KEY) listener();
    });
  }

  async read(): Promise<SignInRecord | undefined> {
    let text: string | undefined;
    try {
      text = await this.storage.get(SIGN_IN_KEY);
    } catch (error) {
      throw new KeychainError('be read', error);
    }
    return text === undefined ? undefined : parseSignInRecord(text);
  }

  async write(record: SignInRecord): Promise<void> {
    try {
      await this.storage.store(SIGN_IN_KEY, serializeSignInRecord(record));
    } catch (error) {
      throw new KeychainError('store the sign-in', error);
    }
  }
}
