// Commands on the evidence in the tree: open a commit's changes in the diff editor, open the commit
// on the forge's website, and refresh the evidence. Each takes a tree node (from the view) or an
// args object (from tests and other commands, which never see a picker).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UserError } from '../core/errors';
import type { ChangedFile } from '../core/commitContent';
import { isFullSha, isSha } from '../core/sha';
import { readRemoteUrl } from '../git/dotGit';
import { commitUrl, parseRemote } from '../core/reply/remoteLinks';
import { CommandIds } from './commandIds';
import { registerCommand } from './commands';
import { awaitsBackground, withRequestProgress } from './requestProgress';
import { commitFileUri } from './commitDocuments';
import type { EvidenceService } from './evidenceService';
import { shortSha } from './issueLabels';
import { CommitNode, FixNode, IssueNode, VerdictNode } from './issueNodes';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';

export interface CommitArgs {
  /** Workspace folder path or URI; optional with one folder. */
  folder?: string | vscode.Uri;
  /** The commit (full or abbreviated id). */
  sha: string;
}

export interface OpenCommitDiffArgs extends CommitArgs {
  /** The file to show (a path in the repository); default: the only file, else ask. */
  path?: string;
}

export interface CommitDiffResult {
  left: vscode.Uri;
  right: vscode.Uri;
  title: string;
}

export interface EvidenceCommandsDeps {
  issues: IssueWorkspace;
  evidence: EvidenceService;
}

const STATUS_WORDS: Record<ChangedFile['status'], () => string> = {
  A: () => vscode.l10n.t('added'),
  M: () => vscode.l10n.t('modified'),
  D: () => vscode.l10n.t('deleted'),
  R: () => vscode.l10n.t('renamed'),
  C: () => vscode.l10n.t('copied'),
  T: () => vscode.l10n.t('type changed'),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function registerEvidenceCommands(deps: EvidenceCommandsDeps): vscode.Disposable[] {
  const { issues, evidence } = deps;

  /** The folder and commit a node or args object names. */
  const commitOf = (arg: unknown): { folder: FolderIssues; sha: string; path?: string } => {
    if (arg instanceof CommitNode) return { folder: arg.folder, sha: arg.commit.sha };
    if (arg instanceof FixNode) return { folder: arg.folder, sha: arg.evidence?.fix.sha ?? arg.fix.sha };
    if (isObject(arg) && typeof arg.sha === 'string') {
      const args = arg as unknown as OpenCommitDiffArgs;
      if (!isSha(args.sha)) throw new UserError('bad-argument', vscode.l10n.t('{0} is not a commit id.', args.sha));
      return { folder: issues.folderNamed(args.folder), sha: args.sha.toLowerCase(), ...(typeof args.path === 'string' ? { path: args.path } : {}) };
    }
    throw new UserError('bad-argument', vscode.l10n.t('Choose a commit in the Client Issues view.'), { severity: 'info' });
  };

  const openCommitDiff = async (arg?: unknown): Promise<CommitDiffResult | undefined> => {
    const target = commitOf(arg);
    const { folder } = target;
    const port = evidence.forFolder(folder).commitContent();
    const git = folder.gitPort();
    if (port === undefined || git === undefined) throw new UserError('restricted', vscode.l10n.t('Git does not run in Restricted Mode: trust the workspace to see commits.'), { severity: 'info', action: { title: vscode.l10n.t('Manage Workspace Trust'), command: 'workbench.trust.manage' } });
    const sha = isFullSha(target.sha) ? target.sha : await git.resolveCommit(target.sha);
    const commit = sha === null ? null : await port.commitFiles(sha);
    if (commit === null) throw new UserError('not-found', vscode.l10n.t('Commit {0} is not in this repository.', shortSha(target.sha)));
    if (commit.files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Commit {0} changed no files.', shortSha(commit.sha)));
      return undefined;
    }
    let file: ChangedFile | undefined;
    if (target.path !== undefined) {
      file = commit.files.find((f) => f.path === target.path || f.oldPath === target.path);
      if (file === undefined) throw new UserError('bad-argument', vscode.l10n.t('Commit {0} did not change {1}.', shortSha(commit.sha), target.path));
    } else if (commit.files.length === 1) {
      file = commit.files[0];
    } else {
      const picked = await vscode.window.showQuickPick(
        commit.files.map((f) => ({ label: f.path, description: STATUS_WORDS[f.status](), detail: f.oldPath ?? undefined, file: f })),
        { title: vscode.l10n.t('Changes in {0}', shortSha(commit.sha)), placeHolder: vscode.l10n.t('Which file?'), matchOnDescription: true },
      );
      file = picked?.file;
    }
    if (file === undefined) return undefined;
    const root = folder.folder.uri;
    const left = commitFileUri(root, file.status === 'A' ? null : commit.parent, file.oldPath ?? file.path);
    const right = commitFileUri(root, file.status === 'D' ? null : commit.sha, file.path);
    const title = `${path.posix.basename(file.path)} (${commit.parent === null ? '∅' : shortSha(commit.parent)} ↔ ${shortSha(commit.sha)})`;
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
    return { left, right, title };
  };

  /** Opens the commit's page on the forge; resolves the URL, or undefined when the remote has none. */
  const openCommitOnRemote = async (arg?: unknown): Promise<string | undefined> => {
    const { folder, sha } = commitOf(arg);
    const forge = parseRemote(await readRemoteUrl(folder.folder.uri.fsPath));
    if (forge === null) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The remote of {0} is not on a forge Proof of Fix knows (GitHub, GitLab, Bitbucket, Azure DevOps, Gitea).', folder.folder.name));
      return undefined;
    }
    const full = isFullSha(sha) ? sha : ((await folder.gitPort()?.resolveCommit(sha)) ?? sha);
    const url = commitUrl(forge, full);
    if (!(isObject(arg) && arg.dryRun === true)) await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  };

  const refreshEvidence = async (arg?: unknown): Promise<void> => {
    evidence.refresh();
    if (arg instanceof IssueNode || arg instanceof VerdictNode) {
      const { folder, issue } = arg;
      await evidence.request(folder, issue.id);
      return;
    }
    // Every issue is checked again in the background (the user's next request still goes first): the
    // notification shows until the view has every answer; it stops nothing, so it cannot be cancelled.
    awaitsBackground();
    await withRequestProgress(vscode.l10n.t('Checking the evidence again…'), { cancellable: false }, () => evidence.whenIdle());
  };

  return [
    registerCommand(CommandIds.openCommitDiff, openCommitDiff),
    registerCommand(CommandIds.openCommitOnRemote, openCommitOnRemote),
    registerCommand(CommandIds.refreshEvidence, refreshEvidence),
  ];
}
