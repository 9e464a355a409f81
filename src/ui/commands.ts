import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import type { Severity } from './errorMessages';
import { describe } from './errorMessages';
import { log } from './log';
import { runRequest } from './requestProgress';

/** How a command run ended, as tests and the walkthrough see it. */
export interface CommandOutcome {
  command: CommandId;
  /** `done`: returned normally (including a person closing a prompt); `refused`: an expected refusal; `failed`: an error. */
  kind: 'done' | 'refused' | 'failed' | 'cancelled';
  /** What the handler returned, for `done`. */
  result?: unknown;
  /** What the user was shown, for `refused` and `failed`. */
  severity?: Severity;
  message?: string;
}

const outcomeEmitter = new vscode.EventEmitter<CommandOutcome>();
/** Fires once per command run through the funnel, after it settled. */
export const onDidRunCommand: vscode.Event<CommandOutcome> = outcomeEmitter.event;

/**
 * The one funnel every command goes through: failures are logged (refusals in one line, failures
 * with their stack) and shown in the user's words with a "Show Log" action; the notification is not
 * awaited so the command settles at once; every run ends in an outcome event.
 */
export function registerCommand(id: CommandId, handler: (...args: never[]) => unknown): vscode.Disposable {
  // Each run is one user request: its progress is one notification however many steps it takes.
  return vscode.commands.registerCommand(id, (...args: unknown[]) => runRequest(async () => {
    try {
      const result = await (handler as (...a: unknown[]) => unknown)(...args);
      outcomeEmitter.fire({ command: id, kind: 'done', result });
      return result;
    } catch (error) {
      const shown = reportError(id, error);
      outcomeEmitter.fire({ command: id, kind: shown.severity === 'none' ? 'cancelled' : shown.expected ? 'refused' : 'failed', severity: shown.severity, message: shown.message });
      return undefined;
    }
  }));
}

/** Logs an error and shows it in the user's words; returns what was shown. Also used by background work. */
export function reportError(context: string, error: unknown): { severity: Severity; message: string; expected: boolean } {
  const described = describe(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (described.severity === 'none') {
    log().info(`${context}: cancelled`);
    return described;
  }
  if (described.expected) log().warn(`${context}:`, detail);
  else log().error(`${context}:`, error instanceof Error ? (error.stack ?? error.message) : detail);
  const showLog = vscode.l10n.t('Show Log');
  const buttons = described.action ? [described.action.title, showLog] : [showLog];
  const show = described.severity === 'error' ? vscode.window.showErrorMessage : described.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(described.message, ...buttons).then((choice) => {
    if (choice === showLog) log().show(true);
    else if (choice !== undefined && described.action && choice === described.action.title) void vscode.commands.executeCommand(described.action.command, ...(described.action.arguments ?? []));
  });
  return described;
}

export function disposeCommandOutcomes(): void {
  outcomeEmitter.dispose();
}
