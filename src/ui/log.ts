import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The extension's single log channel, created on first use. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Proof of Fix', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
