import type { Credential, Resolution, ResolveOptions, TraceStep } from './contracts.ts';
import { YcmlAuthError } from './errors.ts';
import { resolveAuth, type ResolveTuning } from './resolver.ts';

export interface ResolvedCredential {
  readonly resolution: Resolution;
  readonly credential: Credential;
}

/**
 * Resolves and fetches the credential at once (what the CLI prints): a method that applied but
 * cannot produce a credential (a rejected OAuth token, say) shows in the trace as failed.
 */
export async function resolveCredential(options: ResolveOptions & ResolveTuning): Promise<ResolvedCredential> {
  const resolution = await resolveAuth(options);
  try {
    return { resolution, credential: await resolution.auth.getCredential() };
  } catch (error) {
    if (error instanceof YcmlAuthError) error.trace = markFailed(resolution.trace, error.message);
    throw error;
  }
}

/** The trace with its applied step turned into a failure (the method applied, then could not deliver). */
export function markFailed(trace: readonly TraceStep[], reason: string): TraceStep[] {
  return trace.map((s) => (s.outcome === 'applied' ? { method: s.method, outcome: 'failed', reason } : s));
}
