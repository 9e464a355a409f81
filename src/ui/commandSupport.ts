// What the issue and client commands share: telling a tree node from an arguments object, refusing
// in Restricted Mode, a new client's defaults from the settings, and store writes that re-read the
// folder after a refused write so a retry sees the disk.
import * as vscode from 'vscode';
import { UserError } from '../core/errors';
import type { ClientDefaults, NewClientFields } from '../core/store/issueOperations';
import { ensureClient } from '../core/store/issueOperations';
import { StoreError } from '../core/store/issueStore';
import type { Client } from '../core/store/model';
import type { IssueTreeNode } from './issueNodes';
import { ClientNode, FixNode, FolderNode, IssueNode, ProblemNode, ReportNode } from './issueNodes';
import type { FolderIssues } from './issueWorkspace';
import { defaultLanguageSetting } from './settings';

/** Which workspace folder: a path or URI; optional when there is one folder or the issue id is unique. */
export type FolderArg = string | vscode.Uri;

function isNode(value: unknown): value is IssueTreeNode {
  return (
    value instanceof FolderNode ||
    value instanceof ClientNode ||
    value instanceof IssueNode ||
    value instanceof ReportNode ||
    value instanceof FixNode ||
    value instanceof ProblemNode
  );
}

/** An arguments object (from tests, other commands or extensions) that has `key`. */
export function isArgs<T extends object>(value: unknown, key: keyof T): value is T {
  return typeof value === 'object' && value !== null && !isNode(value) && key in value;
}

export function badArgument(message: string): UserError {
  return new UserError('bad-argument', message);
}

/** Commands that write refuse in Restricted Mode, pointing to where trust is managed. */
export function requireTrust(): void {
  if (vscode.workspace.isTrusted) return;
  throw new UserError('restricted', vscode.l10n.t('Client issues are read-only in Restricted Mode. Trust this workspace to change them.'), {
    severity: 'info',
    action: { title: vscode.l10n.t('Manage Workspace Trust'), command: 'workbench.trust.manage' },
  });
}

export function clientDefaults(folder: FolderIssues): ClientDefaults {
  return { defaultLanguage: defaultLanguageSetting(folder.folder.uri) };
}

/** Runs a store write; after a refused write the folder is re-read so a retry sees the disk. */
export async function writeTo<T>(folder: FolderIssues, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError && (error.code === 'conflict' || error.code === 'unparsable')) void folder.refresh();
    throw error;
  }
}

/** A client by name, registering one that issues name but clients.json lacks (with the workspace's defaults). */
export function clientNamed(folder: FolderIssues, name: string, fields: NewClientFields = {}): Promise<Client> {
  return writeTo(folder, () => ensureClient(folder.store, name, fields, clientDefaults(folder)));
}
