// The walkthrough's steps complete when the user did the thing, not when a command merely ran:
// each step's completion event is a context key (`onContext:`), set here once the command
// behind it succeeded (returned a result; a prompt closed with Escape returns none).
import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import { CommandIds } from './commandIds';
import type { CommandOutcome } from './commands';
import { ContextKeys } from './config';

const STEP_KEYS: Partial<Record<CommandId, string>> = {
  [CommandIds.newIssue]: ContextKeys.createdIssue,
  [CommandIds.linkFix]: ContextKeys.linkedFix,
  [CommandIds.setDeployedRef]: ContextKeys.setDeployed,
  [CommandIds.clientSaysItsBack]: ContextKeys.journeyDone,
  [CommandIds.draftReply]: ContextKeys.draftedReply,
};

/** Sets the step's context key after a command that did its job; returns the listener to dispose. */
export function trackWalkthrough(onDidRunCommand: vscode.Event<CommandOutcome>): vscode.Disposable {
  return onDidRunCommand((outcome) => {
    const key = STEP_KEYS[outcome.command];
    if (key === undefined || outcome.kind !== 'done' || outcome.result === undefined || outcome.result === false) return;
    void vscode.commands.executeCommand('setContext', key, true);
  });
}
