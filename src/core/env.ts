/** The environment a resolution reads: `process.env` in the CLI, VS Code's snapshot in the extension. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, with empty and blank values counted as unset (as the SDK's `if value:`). */
export function readEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  return value != null && value.trim() !== '' ? value : undefined;
}
