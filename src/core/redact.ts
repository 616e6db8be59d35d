// Masks secrets in text bound for logs and messages: the known ones, and anything shaped like a
// Yandex Cloud credential, in case it comes from somewhere the caller did not know about.

const MARKER = '…[redacted]';

const SHAPES: readonly { pattern: RegExp; prefix: (match: string) => string }[] = [
  {
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    prefix: () => '-----BEGIN PRIVATE KEY-----',
  },
  { pattern: /\bt\d\.[A-Za-z0-9_.=-]{8,}/g, prefix: (m) => m.slice(0, 3) },
  { pattern: /\by[0-3]_[-\w]{8,}/g, prefix: (m) => m.slice(0, 3) },
  { pattern: /\bAQVN[A-Za-z0-9_-]{8,}/g, prefix: () => 'AQVN' },
];

/** The recognisable start of a secret that may stay visible: it tells the kind, not the value. */
function visiblePrefix(secret: string): string {
  if (/^t\d\./.test(secret) || /^y[0-3]_/.test(secret)) return secret.slice(0, 3);
  if (secret.startsWith('AQVN')) return 'AQVN';
  return '';
}

/** `text` with every known secret and every credential-shaped string replaced by a short marker. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  const known = secrets.filter((s) => s !== '').sort((a, b) => b.length - a.length);
  for (const secret of known) result = result.split(secret).join(visiblePrefix(secret) + MARKER);
  for (const { pattern, prefix } of SHAPES) result = result.replace(pattern, (m) => prefix(m) + MARKER);
  return result;
}
