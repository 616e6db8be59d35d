// Which environment variables terminals and debug sessions get, so that the SDK's own resolver,
// running there, lands on the credential the user chose in VS Code.
import type { Credential } from './contracts.ts';

export type ExportMode = 'pointer' | 'token' | 'off';

export const EXPORT_MODES: readonly ExportMode[] = ['pointer', 'token', 'off'];

/** The SDK's order of environment checks: a variable set earlier in it shadows a later export. */
const SDK_ORDER = ['YC_API_KEY', 'YC_IAM_TOKEN', 'YC_OAUTH_TOKEN', 'YC_METADATA_ADDR'] as const;

export interface ExportPlanInput {
  readonly mode: ExportMode;
  /** Restricted Mode: export nothing. */
  readonly trusted: boolean;
  readonly credential: Credential | undefined;
  readonly folderId: string | undefined;
  /** The token server's `127.0.0.1:PORT/PREFIX`, when it runs. */
  readonly pointerAddress: string | undefined;
  /** The environment terminals inherit; used to blank variables that would win over our export. */
  readonly inheritedEnv: Readonly<Record<string, string | undefined>>;
}

/** Variables to set. An empty string blanks an inherited variable (the SDK treats empty as unset). */
export function planExport(input: ExportPlanInput): Record<string, string> {
  const { mode, credential } = input;
  if (!input.trusted || mode === 'off' || !credential || credential.kind === 'none') return {};
  const vars: Record<string, string> = {};
  let winner: (typeof SDK_ORDER)[number];
  if (credential.kind === 'api-key') {
    // The SDK sends API keys as `Api-Key`, which the metadata protocol cannot carry.
    winner = 'YC_API_KEY';
    vars.YC_API_KEY = credential.secret;
  } else if (mode === 'pointer' && input.pointerAddress) {
    winner = 'YC_METADATA_ADDR';
    vars.YC_METADATA_ADDR = input.pointerAddress;
  } else {
    winner = 'YC_IAM_TOKEN';
    vars.YC_IAM_TOKEN = credential.secret;
  }
  for (const name of SDK_ORDER.slice(0, SDK_ORDER.indexOf(winner))) {
    if (input.inheritedEnv[name]?.trim()) vars[name] = '';
  }
  if (input.folderId) vars.YC_FOLDER_ID = input.folderId;
  return vars;
}

/** The names a plan sets, for people: `YC_METADATA_ADDR, YC_FOLDER_ID`. Blanked names are marked. */
export function describeExport(vars: Readonly<Record<string, string>>): string {
  const names = Object.entries(vars).map(([name, value]) => (value === '' ? `${name} (blanked)` : name));
  return names.length ? names.join(', ') : 'nothing';
}

/** Variables whose values are credentials. */
const CREDENTIAL_VARIABLES = new Set(['YC_API_KEY', 'YC_IAM_TOKEN', 'YC_OAUTH_TOKEN']);

/** A plan with credential values masked, for anyone outside the extension. Blanked ones stay ''. */
export function maskCredentials(vars: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, value && CREDENTIAL_VARIABLES.has(name) ? '[redacted]' : value]));
}
