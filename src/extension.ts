import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('ycml.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Yandex Cloud ML credentials';
  item.text = '$(sync~spin) YC: resolving…';
  item.command = 'ycml.showLog';
  item.show();
  const log = vscode.window.createOutputChannel('Yandex Cloud ML', { log: true });
  context.subscriptions.push(item, log, vscode.commands.registerCommand('ycml.showLog', () => log.show()));
}

export function deactivate(): void {}
