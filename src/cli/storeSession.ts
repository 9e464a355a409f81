// What the CLI's store commands (`issue`, `client`) share: the workspace's store, opened as the
// extension opens it (same schemas, same validation, same atomic and locked writes); the outcome of
// a store operation as an exit code and one line in the user's language.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { IssueStore, StoreError } from '../core/store/issueStore';
import { createNodeStoreFs } from '../core/store/storeFs';
import { createStoreValidator, loadStoreSchemas } from '../core/store/validate';
import { describeError } from './cliMessages';
import { ExitCode } from './exitCodes';
import type { CliIo } from './main';
import { packageRoot } from './packageRoot';
import { describeStoreFailure } from './storeRecords';

/** A refusal the command words itself; thrown by the helpers below, caught by `runStoreAction`. */
export class StoreCommandRefusal extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.badArguments,
  ) {
    super(message);
  }
}

/** The folder holding `.proof-of-fix/`: `--workspace`, else the current directory. It must exist. */
export function workspaceFolder(io: CliIo, option: string | undefined): string {
  const dir = path.resolve(io.cwd, option ?? '.');
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // Missing or unreadable: refused just below, naming the folder.
  }
  if (!isDir) throw new StoreCommandRefusal(l10n.t('{0}: no such folder', dir));
  return dir;
}

export async function openStore(workspace: string): Promise<IssueStore> {
  return new IssueStore({
    root: workspace,
    fs: createNodeStoreFs(),
    validator: createStoreValidator(await loadStoreSchemas(path.join(packageRoot(), 'media'))),
  });
}

/** Reads one issue (and clients.json); a missing or broken file is a refusal naming the file and the place. */
export async function loadIssueOrRefuse(store: IssueStore, id: string): Promise<void> {
  await store.loadIssue(id);
  const problem = store.issueProblem(id);
  if (problem) throw new StoreCommandRefusal(describeStoreFailure({ code: 'problem', problem }));
  if (!store.issue(id)) throw new StoreCommandRefusal(describeStoreFailure({ code: 'issue-missing', file: store.issueFile(id) }));
}

/** Refuses when clients.json exists but cannot be used: the client settings would silently change. */
export function refuseBrokenClients(store: IssueStore): void {
  const problem = store.clientsProblem();
  if (problem) throw new StoreCommandRefusal(describeStoreFailure({ code: 'problem', problem }));
}

/** YYYY-MM-DD of the local calendar, as the user would write the day. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Runs a store action and turns its failure into one line on stderr and an exit code: refusals and
 * store errors are the user's to fix (2), a file that kept changing or stayed locked is 6.
 */
export async function runStoreAction(io: CliIo, command: string, action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof StoreCommandRefusal) {
      io.stderr.write(`proof-of-fix ${command}: ${error.message}\n`);
      return error.exitCode;
    }
    const described = describeError(error);
    if (described.severity === 'error') throw error;
    io.stderr.write(`proof-of-fix ${command}: ${described.message}\n`);
    return error instanceof StoreError && error.code === 'conflict' ? ExitCode.storeConflict : ExitCode.badArguments;
  }
}
