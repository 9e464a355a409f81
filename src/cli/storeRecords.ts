// The CLI reads client issues and clients through the extension's store: the same JSON schemas
// (media/), the same migration of older files and the same problem codes. It reads only the files a
// command needs, so a broken issue file stops only the commands that name it.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { isSafeIssueId } from '../core/store/ids';
import { IssueStore } from '../core/store/issueStore';
import type { StoreProblem } from '../core/store/issueStore';
import type { Client, Issue } from '../core/store/model';
import { createNodeStoreFs } from '../core/store/storeFs';
import { createStoreValidator, loadStoreSchemas } from '../core/store/validate';
import { packageRoot } from './packageRoot';

export type StoreReadFailure =
  | { code: 'bad-issue-id'; subject: string }
  | { code: 'issue-missing'; file: string }
  | { code: 'unknown-client'; subject: string; file: string }
  | { code: 'unreadable'; file: string; detail: string }
  | { code: 'problem'; problem: StoreProblem };

export interface StoreRecords {
  issue?: Issue;
  /** The client named on the command line, else the issue's client when clients.json has it. */
  client?: Client;
}

export type StoreReadResult = { ok: true; records: StoreRecords } | { ok: false; failure: StoreReadFailure };

export interface StoreReadRequest {
  /** The folder holding `.proof-of-fix/`. */
  workspace: string;
  issue?: string;
  client?: string;
}

function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The workspace's store, as the extension opens it: the schemas of the installed package's media/. */
export async function openStore(workspace: string): Promise<IssueStore> {
  return new IssueStore({
    root: workspace,
    fs: createNodeStoreFs(),
    validator: createStoreValidator(await loadStoreSchemas(path.join(packageRoot(), 'media'))),
  });
}

/** Reads the issue and client a command names; every way this can fail is a coded state. */
export async function readStoreRecords(request: StoreReadRequest): Promise<StoreReadResult> {
  if (request.issue !== undefined && !isSafeIssueId(request.issue)) return { ok: false, failure: { code: 'bad-issue-id', subject: request.issue } };
  const store = await openStore(request.workspace);
  try {
    if (request.issue !== undefined) await store.loadIssue(request.issue);
    else await store.loadClients();
  } catch (error) {
    // A folder where a file should be, or no permission: the file system names the path.
    const code = errnoCode(error);
    if (code === undefined) throw error;
    const file = (error as NodeJS.ErrnoException).path ?? (request.issue !== undefined ? store.issueFile(request.issue) : store.clientsFile);
    return { ok: false, failure: { code: 'unreadable', file, detail: code } };
  }
  const records: StoreRecords = {};
  if (request.issue !== undefined) {
    const problem = store.issueProblem(request.issue);
    if (problem) return { ok: false, failure: { code: 'problem', problem } };
    const issue = store.issue(request.issue);
    if (!issue) return { ok: false, failure: { code: 'issue-missing', file: store.issueFile(request.issue) } };
    records.issue = issue;
  }
  // The client brings the deployed ref and how to address the reply: a broken clients file would
  // silently change the evidence, so it stops the command like a broken issue file does.
  const clientsProblem = store.clientsProblem();
  if (clientsProblem) return { ok: false, failure: { code: 'problem', problem: clientsProblem } };
  const name = request.client ?? records.issue?.client;
  const client = name !== undefined ? store.client(name) : undefined;
  if (request.client !== undefined && !client) return { ok: false, failure: { code: 'unknown-client', subject: request.client, file: store.clientsFile } };
  if (client) records.client = client;
  return { ok: true, records };
}

/**
 * The parser quotes the file around a syntax error: its line breaks would split the one-line
 * message, and its control characters would reach the terminal as they are.
 */
function oneLine(text: string): string {
  return text.replace(/\r?\n/g, '\\n').replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function describeProblem(problem: StoreProblem): string {
  const p = { ...problem, detail: oneLine(problem.detail) };
  const issue = p.kind === 'issue';
  switch (p.code) {
    case 'syntax':
      return issue
        ? l10n.t('{0}: cannot read or parse the issue file (line {1}, column {2}: {3})', p.file, p.line, p.column, p.detail)
        : l10n.t('{0}: cannot read or parse the clients file (line {1}, column {2}: {3})', p.file, p.line, p.column, p.detail);
    case 'schema':
      return issue
        ? l10n.t('{0}: the issue file does not match its schema (line {1}, column {2}: {3})', p.file, p.line, p.column, p.detail)
        : l10n.t('{0}: the clients file does not match its schema (line {1}, column {2}: {3})', p.file, p.line, p.column, p.detail);
    case 'id-mismatch':
      return l10n.t('{0}: the file says it is issue {3}, but its name says {4} (line {1}, column {2})', p.file, p.line, p.column, p.detail, p.id ?? '');
    case 'newer-schema':
      return l10n.t('{0}: written by a newer version of Proof of Fix (schemaVersion {3}); update it to read this file (line {1}, column {2})', p.file, p.line, p.column, p.detail);
    case 'unreadable':
      return l10n.t('{0}: cannot read the file ({1})', p.file, p.detail);
  }
}

/** The one line (without the program name) that tells the user what is wrong and where. */
export function describeStoreFailure(failure: StoreReadFailure): string {
  switch (failure.code) {
    case 'bad-issue-id':
      return l10n.t("{0} is not an issue id (letters, digits, '.', '-', '_')", JSON.stringify(failure.subject));
    case 'issue-missing':
      return l10n.t('{0}: no such issue file', failure.file);
    case 'unknown-client':
      return l10n.t('no client named {0} in {1}', JSON.stringify(failure.subject), failure.file);
    case 'unreadable':
      return l10n.t('{0}: cannot read the file ({1})', failure.file, failure.detail);
    case 'problem':
      return describeProblem(failure.problem);
  }
}
