// Turns the stored sign-in into an auth method from the core, with a trace the user can read.
import type { AuthMethod, TraceStep, WarningSink } from '../core/contracts.ts';
import { classifyCredentialText } from '../core/classify.ts';
import type { Env } from '../core/env.ts';
import { readEnv } from '../core/env.ts';
import { MetadataAuth } from '../core/methods/metadata.ts';
import { ServiceAccountKeyAuth } from '../core/methods/service-account-key.ts';
import { YandexCloudCLIAuth } from '../core/methods/yc-cli.ts';
import { resolveAuth } from '../core/resolver.ts';
import { getYcConfigValue } from '../core/yc-config.ts';
import type { Settings } from './settings.ts';
import type { SignInRecord } from './sign-in-record.ts';

export interface SourceContext {
  readonly settings: Settings;
  readonly env: Env;
  readonly onWarning?: WarningSink;
}

export interface BuiltAuth {
  readonly auth: AuthMethod;
  readonly trace: readonly TraceStep[];
  /** The yc profile in play, when the method is yc. */
  readonly profile?: string;
}

/** A method the user chose: it is the whole trace. */
export function chosenAtSignIn(auth: AuthMethod): BuiltAuth {
  return { auth, trace: [{ method: auth.name, outcome: 'applied', reason: `chosen at sign-in: ${auth.source}` }] };
}

export const STORED_SOURCE = 'pasted at sign-in, kept in VS Code secret storage';

/** Where a key chosen at sign-in comes from: its file, read once and kept in secret storage. */
export function storedKeySource(path: string): string {
  return `key file ${path} (kept in secret storage)`;
}

export async function buildAuth(record: Exclude<SignInRecord, { method: 'signedOut' }>, ctx: SourceContext): Promise<BuiltAuth> {
  const { settings, env } = ctx;
  const chosen = (auth: AuthMethod, profile?: string): BuiltAuth => ({ ...chosenAtSignIn(auth), profile });
  switch (record.method) {
    case 'credential':
      return chosen(classifyCredentialText(record.credential, { iamEndpoint: settings.iamEndpoint, env, onWarning: ctx.onWarning, source: STORED_SOURCE }));
    case 'keyFile':
      return chosen(ServiceAccountKeyAuth.fromJson(record.keyJson, { env, iamEndpoint: settings.iamEndpoint, source: storedKeySource(record.path) }));
    case 'yc': {
      const profile = record.profile ?? settings.profile ?? readEnv(env, 'YC_PROFILE');
      return chosen(new YandexCloudCLIAuth({ env, ycPath: settings.ycPath, profile }), profile);
    }
    case 'metadata':
      return chosen(new MetadataAuth({ env }));
    case 'auto': {
      // The extension host has no terminal, but yc may still run here: VS Code lifts the SDK's TTY rule.
      const profile = settings.profile ?? readEnv(env, 'YC_PROFILE');
      const resolution = await resolveAuth({ env, interactive: true, iamEndpoint: settings.iamEndpoint, ycPath: settings.ycPath, profile, onWarning: ctx.onWarning });
      return { auth: resolution.auth, trace: resolution.trace, profile: resolution.auth.name === 'YandexCloudCLIAuth' ? profile : undefined };
    }
  }
}

export interface FolderChoice {
  readonly id: string;
  readonly source: string;
}

/** The folder: the setting, else YC_FOLDER_ID, else the yc profile's folder-id. */
export async function resolveFolder(auth: AuthMethod, ctx: SourceContext & { readonly profile?: string }): Promise<FolderChoice | undefined> {
  if (ctx.settings.folderId) return { id: ctx.settings.folderId, source: 'setting ycml.folderId' };
  const fromEnv = readEnv(ctx.env, 'YC_FOLDER_ID')?.trim();
  if (fromEnv) return { id: fromEnv, source: 'YC_FOLDER_ID' };
  if (auth.name !== 'YandexCloudCLIAuth') return undefined;
  try {
    const id = await getYcConfigValue('folder-id', { ycPath: ctx.settings.ycPath, env: ctx.env, profile: ctx.profile });
    return id ? { id, source: ctx.profile ? `yc profile "${ctx.profile}"` : 'yc current profile' } : undefined;
  } catch {
    return undefined;
  }
}
