// Composition root: wires the layers together and nothing else.
import type * as vscode from 'vscode';
import { CommandIds } from './ui/commandIds';
import { registerCommand } from './ui/commands';
import { disposeLog, log } from './ui/log';

export function activate(context: vscode.ExtensionContext): void {
  log().info(`Proof of Fix ${String(context.extension.packageJSON.version)} activated`);
  context.subscriptions.push(
    registerCommand(CommandIds.showLog, () => log().show(true)),
  );
}

export function deactivate(): void {
  disposeLog();
}
