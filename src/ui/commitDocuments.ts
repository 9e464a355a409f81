// Read-only documents holding a file as it was at a commit, for the diff editor. The URI's path is
// the file's path (so the editor picks its language); the query names the workspace folder, the
// commit and the path, and is checked before anything reaches git.
import * as vscode from 'vscode';
import { UserError } from '../core/errors';
import type { CommitFileRef } from '../core/evidenceView';
import { decodeCommitFileQuery, encodeCommitFileQuery } from '../core/evidenceView';
import type { EvidenceService } from './evidenceService';
import type { IssueWorkspace } from './issueWorkspace';

export const COMMIT_SCHEME = 'proof-of-fix-git';

/** The URI of `path` at `sha` (null: the empty side of an added or deleted file) in a workspace folder. */
export function commitFileUri(folder: vscode.Uri, sha: string | null, path: string): vscode.Uri {
  const ref: CommitFileRef = { folder: folder.toString(), sha, path };
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${path}`, query: encodeCommitFileQuery(ref) });
}

export class CommitDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly issues: IssueWorkspace,
    private readonly evidence: EvidenceService,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = decodeCommitFileQuery(uri.query);
    if (ref === null) throw new UserError('bad-argument', vscode.l10n.t('{0} does not name a file at a commit.', uri.toString()));
    if (ref.sha === null) return '';
    const folder = this.issues.forUri(vscode.Uri.parse(ref.folder));
    if (folder === undefined) throw new UserError('bad-argument', vscode.l10n.t('{0} is not a workspace folder.', ref.folder));
    const port = this.evidence.forFolder(folder).commitContent();
    if (port === undefined) throw new UserError('restricted', vscode.l10n.t('Git does not run in Restricted Mode: trust the workspace to see commits.'));
    const content = await port.fileAt(ref.sha, ref.path);
    if (token.isCancellationRequested || content === null) return '';
    return content.binary ? vscode.l10n.t('(binary file: not shown)') : content.text;
  }
}
