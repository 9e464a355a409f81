// What every integration suite starts from: the extension activated in the VS Code running the
// tests, its API, the workspace folder, and workspace files put back as they were afterwards.
// (Not a suite: the entry loads only files ending in .test.js.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ProofOfFixApi } from '../../src/extension';

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
