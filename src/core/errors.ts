// Typed failures of the credential core. Messages name what is wrong and where, never a secret.
import type { TraceStep } from './contracts.ts';

/** Base of every failure the core reports on purpose; anything else is a bug. */
export class YcmlAuthError extends Error {
  override name = 'YcmlAuthError';
  /** The resolution trace up to the failure, when the error ends a resolution. */
  trace: readonly TraceStep[] = [];
}

/** Nothing in the explicit options or the environment applied (the SDK's RuntimeError). */
export class NotSignedInError extends YcmlAuthError {
  override name = 'NotSignedInError';
  constructor() {
    super('no explicit authorization data was passed and no authorization data was found at environment');
  }
}

/** A credential string is empty or holds characters no HTTP header may carry. */
export class CredentialFormatError extends YcmlAuthError {
  override name = 'CredentialFormatError';
}

/** A service-account authorized key file cannot be read, parsed or used. */
export class KeyFileError extends YcmlAuthError {
  override name = 'KeyFileError';
}

/** The IAM token exchange failed; `status` is the HTTP status when the server answered. */
export class IamExchangeError extends YcmlAuthError {
  override name = 'IamExchangeError';
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** The VM metadata service did not hand out a token. */
export class MetadataError extends YcmlAuthError {
  override name = 'MetadataError';
}

/** The yc CLI is missing, failed, hung, or printed something that is not a token. */
export class YcCliError extends YcmlAuthError {
  override name = 'YcCliError';
}

/** yc ran and exited non-zero: the resolver skips yc then, as the SDK does. */
export class YcExitError extends YcCliError {
  override name = 'YcExitError';
}
