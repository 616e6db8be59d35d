// `ycml.explain`: the last resolution, step by step, as the SDK would walk it.
import * as vscode from 'vscode';
import type { TraceStep } from '../../core/contracts.ts';
import type { SessionState } from '../session-state.ts';

const ICONS = { applied: '$(pass-filled)', skipped: '$(circle-slash)', failed: '$(error)' } as const;

export function explainLines(state: SessionState): string[] {
  const head =
    state.phase === 'signedIn'
      ? `Using ${state.method} from ${state.source}`
      : state.phase === 'signedOut'
        ? 'Not signed in'
        : state.phase === 'failed'
          ? `Failed: ${state.error}`
          : 'Still resolving';
  return [head, ...state.trace.map((s, i) => `${i + 1}. ${s.method}: ${s.outcome} (${s.reason})`)];
}

export async function explain(state: SessionState): Promise<readonly TraceStep[]> {
  const items: vscode.QuickPickItem[] = state.trace.map((step, i) => ({
    label: `${ICONS[step.outcome]} ${i + 1}. ${step.method}`,
    description: step.outcome,
    detail: step.reason,
  }));
  if (items.length === 0) items.push({ label: explainLines(state)[0] ?? '' });
  void vscode.window.showQuickPick(items, { title: `Credential resolution: ${explainLines(state)[0]}`, canPickMany: false, matchOnDetail: true });
  return state.trace;
}
