// How a session state looks in the status bar: text, severity and a Markdown tooltip. Pure, so
// every state can be checked without a window.
import type { MethodName } from '../core/contracts.ts';
import type { SessionState } from './session-state.ts';

export type Severity = 'none' | 'warning' | 'error';

export interface StatusView {
  readonly text: string;
  readonly severity: Severity;
  /** Markdown; command links use only the commands listed in TOOLTIP_COMMANDS. */
  readonly tooltip: string;
}

export interface StatusContext {
  readonly now: Date;
  readonly trusted: boolean;
  /** What terminals get, e.g. `YC_METADATA_ADDR, YC_FOLDER_ID`. */
  readonly exported: string;
  readonly exportMode: string;
}

export const TOOLTIP_COMMANDS = ['ycml.signIn', 'ycml.signOut', 'ycml.refresh', 'ycml.copyToken', 'ycml.explain', 'ycml.setFolder', 'ycml.showLog'];

/** A credential expiring sooner than this, with no way to refresh itself, is flagged. */
const EXPIRING_SOON_MS = 15 * 60 * 1000;

const METHOD_LABELS: Record<MethodName, string> = {
  APIKeyAuth: 'API key',
  IAMTokenAuth: 'IAM token',
  EnvIAMTokenAuth: 'YC_TOKEN',
  OAuthTokenAuth: 'OAuth',
  MetadataAuth: 'metadata',
  YandexCloudCLIAuth: 'yc CLI',
  ServiceAccountKeyAuth: 'SA key',
  NoAuth: 'no auth',
};

export function methodLabel(method: MethodName): string {
  return METHOD_LABELS[method];
}

/** `b1g4c…`: enough to tell folders apart at a glance; the tooltip has the whole ID. */
export function shortFolder(folderId: string): string {
  return folderId.length > 8 ? folderId.slice(0, 5) + '…' : folderId;
}

/** `in 42 min`, `in 3 h 5 min`, `2 min ago`. */
export function relativeTime(when: Date, now: Date): string {
  const minutes = Math.round((when.getTime() - now.getTime()) / 60000);
  const abs = Math.abs(minutes);
  const span = abs >= 60 ? `${Math.floor(abs / 60)} h${abs % 60 ? ` ${abs % 60} min` : ''}` : `${abs} min`;
  return minutes >= 0 ? `in ${span}` : `${span} ago`;
}

export function renderStatus(state: SessionState, ctx: StatusContext): StatusView {
  const restricted = ctx.trusted ? '' : '$(workspace-untrusted) ';
  switch (state.phase) {
    case 'resolving':
      return { text: '$(sync~spin) YC: resolving…', severity: 'none', tooltip: '**Yandex Cloud ML**: looking for credentials…' };
    case 'signedOut':
      return {
        text: `${restricted}$(sign-in) YC: Sign in`,
        severity: 'warning',
        tooltip: [
          '**Yandex Cloud ML**: not signed in',
          state.keychainError ? `\n\n$(error) ${escape(state.keychainError)}` : '',
          '\n\nNo credentials are exported to terminals.',
          '\n\n[Sign in](command:ycml.signIn) · [Explain](command:ycml.explain) · [Show log](command:ycml.showLog)',
        ].join(''),
      };
    case 'failed':
      return {
        text: `${restricted}$(error) YC: Sign in`,
        severity: 'error',
        tooltip: [
          '**Yandex Cloud ML**: no working credentials',
          `\n\n${escape(state.error ?? 'unknown error')}`,
          state.keychainError ? `\n\n$(error) ${escape(state.keychainError)}` : '',
          '\n\n[Sign in](command:ycml.signIn) · [Explain](command:ycml.explain) · [Retry](command:ycml.refresh) · [Show log](command:ycml.showLog)',
        ].join(''),
      };
    case 'signedIn':
      return renderSignedIn(state, ctx, restricted);
  }
}

function renderSignedIn(state: SessionState, ctx: StatusContext, restricted: string): StatusView {
  const label = state.method ? methodLabel(state.method) : 'signed in';
  const msLeft = state.expiresAt ? state.expiresAt.getTime() - ctx.now.getTime() : undefined;
  const expiring = msLeft !== undefined && msLeft < EXPIRING_SOON_MS && !state.refreshable;
  const warn = expiring || state.refreshError !== undefined || state.keychainError !== undefined;
  const icon = warn ? '$(warning)' : '$(key)';
  const folder = state.folderId ? ` · ${shortFolder(state.folderId)}` : '';
  const expiry = expiring && state.expiresAt ? ` · expires ${relativeTime(state.expiresAt, ctx.now)}` : '';
  const lines = [
    `**Yandex Cloud ML**: ${escape(label)}`,
    `\n\n| | |\n|---|---|`,
    `\n| Method | \`${state.method ?? ''}\` |`,
    `\n| From | ${escape(state.source ?? '')} |`,
    `\n| Folder | ${state.folderId ? `\`${state.folderId}\` (${escape(state.folderSource ?? '')})` : 'not set'} |`,
    `\n| Expires | ${state.expiresAt ? `${state.expiresAt.toISOString()} (${relativeTime(state.expiresAt, ctx.now)})${state.refreshable ? ', refreshed automatically' : ''}` : 'not known'} |`,
    `\n| Terminals get | ${ctx.trusted ? `${escape(ctx.exported)} (\`${ctx.exportMode}\` mode)` : 'nothing: Restricted Mode'} |`,
    state.refreshError ? `\n\n$(warning) Refresh failed: ${escape(state.refreshError)}` : '',
    state.keychainError ? `\n\n$(error) ${escape(state.keychainError)}` : '',
    '\n\n[Refresh](command:ycml.refresh) · [Copy token](command:ycml.copyToken) · [Explain](command:ycml.explain) · [Set folder](command:ycml.setFolder) · [Sign in…](command:ycml.signIn) · [Sign out](command:ycml.signOut)',
  ];
  return { text: `${restricted}${icon} YC: ${label}${folder}${expiry}`, severity: warn ? 'warning' : 'none', tooltip: lines.join('') };
}

/** Markdown-escapes text that comes from outside (paths, error messages). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => '\\' + c);
}
