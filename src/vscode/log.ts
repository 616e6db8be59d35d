// The extension's log. Every line passes through the core's redaction, with the secrets this
// window currently knows added to its patterns, so no credential reaches the Output panel.
import * as vscode from 'vscode';
import { redact } from '../core/redact.ts';

export class RedactingLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Yandex Cloud ML', { log: true });
  private readonly secrets = new Set<string>();

  /** Remembers a secret so that any later line mentioning it is redacted. */
  addSecret(secret: string): void {
    if (secret) this.secrets.add(secret);
  }

  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }

  error(message: string): void {
    this.channel.error(this.clean(message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private clean(message: string): string {
    return redact(message, [...this.secrets]);
  }
}
