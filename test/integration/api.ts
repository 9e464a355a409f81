// What every integration suite starts from: the extension activated in the VS Code running the
// tests, its API, the workspace folder, and workspace files put back as they were afterwards.
// (Not a suite: the entry loads only files ending in .test.js.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ProofOfFixApi } from '../../src/extension';
import type { CommandId } from '../../src/ui/commandIds';
import type { CommandOutcome } from '../../src/ui/commands';

export const EXTENSION_ID = 'proof-of-fix.proof-of-fix';

/** Activates the extension and waits for its first read of the workspace's issues. */
export async function activateApi(): Promise<ProofOfFixApi> {
  const extension = vscode.extensions.getExtension<ProofOfFixApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  assert.ok(api?.issuesTree, 'activate() returned no issuesTree');
  await api.issues.ready();
  return api;
}

/** The path of the first workspace folder (the test workspace is one git repository). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

export interface KeptFile {
  readonly path: string;
  /** Writes the file back as it was, or removes it if it did not exist. */
  restore(): void;
}

/** Remembers a file's content now, so that a suite can put it back after changing it. */
export function keepFile(file: string): KeptFile {
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  return {
    path: file,
    restore(): void {
      if (before === undefined) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, before);
    },
  };
}

/**
 * Runs a command through the palette's path (executeCommand) and returns how the funnel says it
 * ended: a test of a refusal asserts the refusal and its words, not merely that nothing threw.
 */
export async function runCommand(api: ProofOfFixApi, command: CommandId, ...args: unknown[]): Promise<CommandOutcome> {
  let outcome: CommandOutcome | undefined;
  const listener = api.onDidRunCommand((o) => {
    if (o.command === command && outcome === undefined) outcome = o;
  });
  try {
    await vscode.commands.executeCommand(command, ...args);
  } finally {
    listener.dispose();
  }
  assert.ok(outcome, `${command} reported no outcome`);
  return outcome;
}

/** Asserts a command was refused (not crashed) with words matching `words`, and never a code. */
export function assertRefused(outcome: CommandOutcome, words: RegExp): void {
  assert.equal(outcome.kind, 'refused', `${outcome.command} ended ${outcome.kind}: ${outcome.message ?? ''}`);
  assert.match(outcome.message ?? '', words);
  assert.doesNotMatch(outcome.message ?? '', /^[a-z]+(-[a-z]+)+:/, 'the message starts with a code');
}
