// Quick inputs shared by the issue commands: which folder, which issue, which client, which commit,
// which ref. Each returns undefined when the user dismisses it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GitPort, RawCommit } from '../core/gitPort';
import { compareByLatestReport } from '../core/inbox';
import { isValidPrefix } from '../core/store/ids';
import type { Issue, IssueStatus, Language } from '../core/store/model';
import { ISSUE_STATUSES, isCalendarDay } from '../core/store/model';
import { shortSha, statusDetail, statusLabel, today } from './issueLabels';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';
import { defaultLanguageSetting, recentCommitsSetting } from './settings';
import { log } from './log';

export async function pickFolder(issues: IssueWorkspace): Promise<FolderIssues | undefined> {
  const all = issues.all();
  if (all.length <= 1) return all[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const items = all.map((f) => ({ label: f.folder.name, description: f.folder.uri.fsPath, folder: f }));
  const activeFolder = active ? issues.forUri(active) : undefined;
  if (activeFolder) items.sort((a, b) => Number(b.folder === activeFolder) - Number(a.folder === activeFolder));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Workspace folder') });
  return picked?.folder;
}

export async function pickIssue(
  issues: IssueWorkspace,
  placeHolder: string,
  filter: (issue: Issue) => boolean = () => true,
): Promise<{ folder: FolderIssues; issue: Issue } | undefined> {
  const multi = issues.all().length > 1;
  // Most recently reported first: the issue the client is most likely writing about.
  const items = issues.all().flatMap((folder) =>
    folder.store
      .issues()
      .filter(filter)
      .sort(compareByLatestReport)
      .map((issue) => ({
        label: `${issue.id}: ${issue.title}`,
        description: `${statusLabel(issue.status)} · ${issue.client}${multi ? ` · ${folder.folder.name}` : ''}`,
        folder,
        issue,
      })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no client issues to choose from.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  return picked && { folder: picked.folder, issue: picked.issue };
}

export async function pickStatus(current: IssueStatus | undefined): Promise<IssueStatus | undefined> {
  const items = ISSUE_STATUSES.map((status) => ({
    label: statusLabel(status),
    description: status === current ? vscode.l10n.t('current') : undefined,
    detail: statusDetail(status),
    status,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('New status') });
  return picked?.status;
}

export async function inputPrefix(value: string, taken: string[], title?: string): Promise<string | undefined> {
  const used = new Set(taken.map((p) => p.toUpperCase()));
  return (
    await vscode.window.showInputBox({
      title: title ?? vscode.l10n.t('Issue id prefix'),
      prompt: vscode.l10n.t('Ids of this client\'s issues start with it, e.g. {0}-1', value),
      value,
      ignoreFocusOut: true,
      validateInput: (v) =>
        !isValidPrefix(v.trim())
          ? vscode.l10n.t('Letters, digits and _ only, starting with a letter.')
          : used.has(v.trim().toUpperCase())
            ? vscode.l10n.t('Another client uses this prefix.')
            : undefined,
    })
  )?.trim();
}

export async function pickLanguage(folder: FolderIssues, title?: string): Promise<Language | undefined> {
  const preferred = defaultLanguageSetting(folder.folder.uri);
  const items = [
    { label: 'Español', description: 'es', language: 'es' as const },
    { label: 'English', description: 'en', language: 'en' as const },
  ].sort((a, b) => Number(b.language === preferred) - Number(a.language === preferred));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Language of replies to this client'), ignoreFocusOut: true });
  return picked?.language;
}

export async function inputDate(title: string, prompt: string): Promise<string | undefined> {
  return (
    await vscode.window.showInputBox({
      title,
      prompt,
      value: today(),
      ignoreFocusOut: true,
      validateInput: (v) => (isCalendarDay(v.trim()) ? undefined : vscode.l10n.t('A date as YYYY-MM-DD.')),
    })
  )?.trim();
}

export async function inputText(title: string, prompt: string, options: { required?: boolean; value?: string; placeHolder?: string } = {}): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt,
    value: options.value,
    placeHolder: options.placeHolder,
    ignoreFocusOut: true,
    validateInput: (v) => (options.required && v.trim() === '' ? vscode.l10n.t('This cannot be empty.') : undefined),
  });
  return text?.trim();
}

type CommitPick = vscode.QuickPickItem & { sha?: string; blame?: { file: string; line: number } };

function commitItem(commit: RawCommit, alwaysShow = false): CommitPick {
  return {
    label: commit.subject || shortSha(commit.sha),
    description: `${shortSha(commit.sha)} · ${commit.authorName} <${commit.authorEmail}>`,
    detail: commit.date.slice(0, 10),
    sha: commit.sha,
    alwaysShow,
  };
}

export interface PickedCommit {
  sha: string;
  how: 'manual' | 'line';
}

/**
 * Recent commits, searchable by subject, author and sha; typing also searches whole messages in
 * git. With `offerBlame`, the first entry is the commit that last changed the line at the cursor.
 */
export async function pickCommit(git: GitPort, folder: FolderIssues, options: { offerBlame: boolean; placeHolder: string; ref?: string }): Promise<PickedCommit | undefined> {
  const limit = recentCommitsSetting(folder.folder.uri);
  const qp = vscode.window.createQuickPick<CommitPick>();
  const disposables: vscode.Disposable[] = [qp];
  qp.placeholder = options.placeHolder;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  qp.busy = true;
  const head: CommitPick[] = [];
  const editor = vscode.window.activeTextEditor;
  if (options.offerBlame && editor && editor.document.uri.scheme === 'file' && folder.folder === vscode.workspace.getWorkspaceFolder(editor.document.uri)) {
    const line = editor.selection.active.line + 1;
    const file = editor.document.uri.fsPath;
    head.push({
      label: `$(symbol-key) ${vscode.l10n.t('Commit that last changed the line at the cursor')}`,
      description: `${path.basename(file)}:${line}`,
      alwaysShow: true,
      blame: { file, line },
    });
  }
  let listed: CommitPick[] = [];
  qp.items = head;
  const seen = new Set<string>();
  try {
    const commits = await git.recentCommits({ limit, ...(options.ref ? { ref: options.ref } : {}) });
    listed = commits.map((c) => commitItem(c));
    for (const c of commits) seen.add(c.sha);
    qp.items = [...head, ...listed];
  } finally {
    qp.busy = false;
  }
  let searchTimer: NodeJS.Timeout | undefined;
  qp.onDidChangeValue(
    (value) => {
      clearTimeout(searchTimer);
      if (value.trim().length < 3) return;
      searchTimer = setTimeout(() => {
        qp.busy = true;
        git
          .recentCommits({ limit: 50, grep: value.trim(), ...(options.ref ? { ref: options.ref } : {}) })
          .then((found) => {
            const extra = found.filter((c) => !seen.has(c.sha));
            for (const c of extra) seen.add(c.sha);
            // Found by their whole message: shown even when the subject does not contain the text.
            listed = [...listed, ...extra.map((c) => commitItem(c, true))];
            qp.items = [...head, ...listed];
          })
          .catch((error: unknown) => {
            // The search only adds entries; the list already shown stays usable.
            log().warn('Searching commit messages failed:', error instanceof Error ? error.message : String(error));
          })
          .finally(() => (qp.busy = false));
      }, 300);
    },
    undefined,
    disposables,
  );
  try {
    const picked = await new Promise<CommitPick | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0]), undefined, disposables);
      qp.onDidHide(() => resolve(undefined), undefined, disposables);
      qp.show();
    });
    qp.hide();
    if (!picked) return undefined;
    if (picked.sha) return { sha: picked.sha, how: 'manual' };
    if (picked.blame) return blameToCommit(git, picked.blame.file, picked.blame.line);
    return undefined;
  } finally {
    clearTimeout(searchTimer);
    for (const d of disposables) d.dispose();
  }
}

export async function blameToCommit(git: GitPort, file: string, line: number): Promise<PickedCommit | undefined> {
  const blame = await git.blameLine(file, line);
  if (!blame || blame.uncommitted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Line {0} of {1} is not committed yet, so no commit changed it last.', line, path.basename(file)));
    return undefined;
  }
  return { sha: blame.sha, how: 'line' };
}

type RefPick = vscode.QuickPickItem & { ref?: string; action?: 'commit' | 'type' | 'clear' };

/** A branch, tag or commit the client runs; '' means "unknown" (clear it). */
export async function pickDeployedRef(git: GitPort | undefined, folder: FolderIssues, current: string | undefined): Promise<string | undefined> {
  const items: RefPick[] = [];
  if (git) {
    const refs = await git.listRefs();
    const branches = [...refs.branches].sort((a, b) => Number(b === refs.current) - Number(a === refs.current));
    if (branches.length) items.push({ label: vscode.l10n.t('Branches'), kind: vscode.QuickPickItemKind.Separator });
    for (const b of branches) items.push({ label: `$(git-branch) ${b}`, description: b === refs.current ? vscode.l10n.t('current') : undefined, ref: b });
    if (refs.tags.length) items.push({ label: vscode.l10n.t('Tags'), kind: vscode.QuickPickItemKind.Separator });
    // Newest releases first: tags usually sort by version.
    for (const t of [...refs.tags].reverse()) items.push({ label: `$(tag) ${t}`, ref: t });
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: `$(git-commit) ${vscode.l10n.t('A commit…')}`, action: 'commit' });
  }
  items.push({ label: `$(edit) ${vscode.l10n.t('Type a branch, tag or commit…')}`, action: 'type' });
  if (current) items.push({ label: `$(close) ${vscode.l10n.t('Unknown (clear the deployed version)')}`, action: 'clear' });
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: current ? vscode.l10n.t('What does the client run now? (now: {0})', current) : vscode.l10n.t('What does the client run now?'),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.ref) return picked.ref;
  if (picked.action === 'clear') return '';
  if (picked.action === 'commit' && git) return (await pickCommit(git, folder, { offerBlame: false, placeHolder: vscode.l10n.t('The commit the client runs') }))?.sha;
  return inputText(vscode.l10n.t("Set Client's Deployed Version"), vscode.l10n.t('A branch, tag or commit'), { required: true, value: current });
}
