/** A POSIX shell word that evaluates to exactly `value`: single-quoted, with `'` spelled `'\''`. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
