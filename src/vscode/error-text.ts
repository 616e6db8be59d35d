/** Errors from the core name what is wrong and hold no secret; anything else gets its message only. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
