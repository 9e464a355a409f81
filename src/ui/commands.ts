import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import { isStoreError, storeErrorMessage } from './issueLabels';
import { log } from './log';

/**
 * The one funnel every command goes through: failures are logged in full and shown as a localized
 * message with a "Show Log" action; the notification is not awaited so the command settles at once.
 */
export function registerCommand(
  id: CommandId,
  handler: (...args: never[]) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await (handler as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      reportError(id, error);
      return undefined;
    }
  });
}

export function reportError(context: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  const showLog = vscode.l10n.t('Show Log');
  // A refused store write is an expected outcome (a file changed elsewhere), not a failure.
  const refused = isStoreError(error);
  if (refused) log().warn(`${context}:`, detail);
  else log().error(`${context}:`, error instanceof Error ? (error.stack ?? error.message) : detail);
  const shown = refused
    ? vscode.window.showWarningMessage(storeErrorMessage(error), showLog)
    : vscode.window.showErrorMessage(vscode.l10n.t('Proof of Fix: {0}', detail), showLog);
  void shown.then((choice) => {
    if (choice === showLog) log().show(true);
  });
}
