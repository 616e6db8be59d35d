// What `ycml-auth resolve` prints. Nothing here ever sees a secret: only names, sources and reasons.
import type { MethodName, TraceStep } from '../core/contracts.ts';

export interface ResolveReport {
  readonly method: MethodName | null;
  readonly source: string | null;
  readonly expiresAt: string | null;
  readonly folderId: string | null;
  readonly trace: readonly TraceStep[];
  /** Only on failure: the one-line reason. */
  readonly error?: string;
}

export function renderJson(report: ResolveReport): string {
  return `${JSON.stringify(report)}\n`;
}

export function renderText(report: ResolveReport): string {
  const lines = [
    `method:    ${report.method ?? '(none)'}`,
    `source:    ${report.source ?? '-'}`,
    `expires:   ${report.expiresAt ?? '-'}`,
    `folder id: ${report.folderId ?? '-'}`,
    'trace:',
    ...report.trace.map((s) => `  ${s.outcome.padEnd(7)} ${s.method}: ${s.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
