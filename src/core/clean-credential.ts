import { CredentialFormatError } from './errors.ts';

/**
 * Trims a credential (a newline in a header breaks HTTP and gRPC, as the SDK notes) and rejects
 * values no header can carry. `source` names where the value came from; the value itself never
 * appears in the error.
 */
export function cleanCredential(value: string, source: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new CredentialFormatError(`${source} is empty`);
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      throw new CredentialFormatError(`${source} contains a control character at position ${i + 1}`);
    }
    if (code > 0x7e) {
      throw new CredentialFormatError(`${source} contains a non-ASCII character at position ${i + 1}`);
    }
  }
  return trimmed;
}
