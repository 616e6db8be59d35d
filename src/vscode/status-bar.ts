// The status bar item: one glance tells which credentials are active; a click offers the actions.
import * as vscode from 'vscode';
import type { SessionState } from './session-state.ts';
import { renderStatus, TOOLTIP_COMMANDS, type StatusContext, type StatusView } from './status-view.ts';

const BACKGROUNDS = { none: undefined, warning: 'statusBarItem.warningBackground', error: 'statusBarItem.errorBackground' } as const;

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ycml.status', vscode.StatusBarAlignment.Left, 100);
  private view: StatusView | undefined;

  constructor() {
    this.item.name = 'Yandex Cloud ML credentials';
    this.item.command = 'ycml.showActions';
  }

  update(state: SessionState, ctx: StatusContext): void {
    const view = renderStatus(state, ctx);
    this.view = view;
    this.item.text = view.text;
    const background = BACKGROUNDS[view.severity];
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    const tooltip = new vscode.MarkdownString(view.tooltip, true);
    tooltip.isTrusted = { enabledCommands: TOOLTIP_COMMANDS };
    this.item.tooltip = tooltip;
    this.item.show();
  }

  /** What the item shows now (the tests' view of the status bar). */
  current(): StatusView | undefined {
    return this.view;
  }

  dispose(): void {
    this.item.dispose();
  }
}
