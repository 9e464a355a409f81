// The client-issue commands. Each takes either a tree item (from the view's menus), an args object
// (from tests and other commands, which never see an input box), or nothing (from the palette,
// which then asks).
import * as vscode from 'vscode';
import { UserError } from '../core/errors';
import type { NewClientFields } from '../core/store/issueOperations';
import { addReport, createIssue, linkFix as linkFixOperation } from '../core/store/issueOperations';
import type { Client, ClientReport, FixLinkHow, Issue, IssueStatus, Language } from '../core/store/model';
import { FIX_LINK_HOWS, ISSUE_STATUSES, LANGUAGES, isCalendarDay } from '../core/store/model';
import { CommandIds } from './commandIds';
import { registerCommand } from './commands';
import type { FolderArg } from './commandSupport';
import { badArgument, clientDefaults, clientNamed, isArgs, requireTrust, writeTo } from './commandSupport';
import { pickOrCreateClient } from './clientPrompts';
import { VIEW_ID } from './config';
import { shortSha, statusLabel, today } from './issueLabels';
import { blameToCommit, inputDate, inputText, pickCommit, pickFolder, pickIssue, pickStatus } from './issuePickers';
import type { IssueTreeNode } from './issueNodes';
import { ClientNode, CommitNode, FixNode, FolderNode, IssueNode, ProblemNode, ReportNode } from './issueNodes';
import type { IssuesTreeProvider } from './issuesTree';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';

export interface NewIssueArgs {
  folder?: FolderArg;
  client: string;
  title: string;
  words?: string;
  /** YYYY-MM-DD, default today. */
  date?: string;
  channel?: string;
  version?: string;
  /** For a client not in clients.json yet: its prefix (default derived from the name) and language. */
  prefix?: string;
  language?: Language;
}

export interface IssueArgs {
  folder?: FolderArg;
  /** The issue id, e.g. ACME-12. */
  issue: string;
}

export interface RecordReportArgs extends IssueArgs {
  words: string;
  date?: string;
  channel?: string;
  version?: string;
}

export interface LinkFixArgs extends IssueArgs {
  /** The commit; or give file and line for the commit that last changed that line. */
  sha?: string;
  file?: string;
  line?: number;
  how?: FixLinkHow;
  note?: string;
}

export interface UnlinkFixArgs extends IssueArgs {
  sha: string;
}

export interface SetStatusArgs extends IssueArgs {
  status: IssueStatus;
}

export interface DeleteIssueArgs extends IssueArgs {
  /** Skips the confirmation: the caller has asked already. */
  confirmed?: boolean;
}

export interface FilterArgs {
  /** The statuses to show; omitted restores the default. */
  statuses?: IssueStatus[];
}

export interface IssueCommandsDeps {
  issues: IssueWorkspace;
  tree: IssuesTreeProvider;
  reveal: (node: IssueTreeNode) => Promise<void>;
}

export function registerIssueCommands(deps: IssueCommandsDeps): vscode.Disposable[] {
  const { issues, tree } = deps;

  const resolveIssue = async (arg: unknown, placeHolder: string, filter?: (i: Issue) => boolean): Promise<{ folder: FolderIssues; issue: Issue } | undefined> => {
    if (arg instanceof IssueNode || arg instanceof ReportNode || arg instanceof FixNode) {
      // The node may predate a re-read: use the store's current version.
      return issues.issueNamed(arg.issue.id, arg.folder.folder.uri);
    }
    if (isArgs<IssueArgs>(arg, 'issue')) return issues.issueNamed(arg.issue, arg.folder);
    return pickIssue(issues, placeHolder, filter);
  };

  const revealIssue = async (folder: FolderIssues, id: string): Promise<void> => {
    const node = tree.issueNode(folder, id);
    if (node && !tree.shownStatuses().includes(node.issue.status)) return;
    if (node) await deps.reveal(node);
  };

  const newIssue = async (arg?: unknown): Promise<Issue | undefined> => {
    requireTrust();
    if (isArgs<NewIssueArgs>(arg, 'title')) {
      const folder = issues.folderNamed(arg.folder);
      if (!arg.client || !arg.title.trim()) throw badArgument(vscode.l10n.t('A new issue needs a client and a title.'));
      if (arg.date !== undefined && !isCalendarDay(arg.date)) throw badArgument(vscode.l10n.t('{0} is not a date as YYYY-MM-DD.', arg.date));
      if (arg.language !== undefined && !LANGUAGES.includes(arg.language)) throw badArgument(vscode.l10n.t('{0} is not a language Proof of Fix writes (es, en).', String(arg.language)));
      const fields: NewClientFields = { ...(arg.prefix ? { prefix: arg.prefix } : {}), ...(arg.language ? { language: arg.language } : {}) };
      const issue = await writeTo(folder, () =>
        createIssue(
          folder.store,
          {
            client: arg.client,
            title: arg.title.trim(),
            date: arg.date ?? today(),
            ...(arg.words ? { words: arg.words } : {}),
            ...(arg.channel ? { channel: arg.channel } : {}),
            ...(arg.version ? { version: arg.version } : {}),
          },
          fields,
          clientDefaults(folder),
        ),
      );
      await revealIssue(folder, issue.id);
      return issue;
    }
    const folder = arg instanceof FolderNode || arg instanceof ClientNode ? arg.folder : await pickFolder(issues);
    if (!folder) return undefined;
    const title = vscode.l10n.t('New Client Issue');
    let client: Client | undefined;
    if (arg instanceof ClientNode) client = await clientNamed(folder, arg.name);
    else client = await writeTo(folder, () => pickOrCreateClient(folder));
    if (!client) return undefined;
    const issueTitle = await inputText(title, vscode.l10n.t('A short title for the bug ({0})', client.name), { required: true });
    if (!issueTitle) return undefined;
    const words = await inputText(title, vscode.l10n.t("The client's own words (optional)"), { placeHolder: vscode.l10n.t('e.g. "the invoices show the wrong date again"') });
    if (words === undefined) return undefined;
    const date = await inputDate(title, vscode.l10n.t('The day the client reported it'));
    if (!date) return undefined;
    const issue = await writeTo(folder, () => folder.store.createIssue({ client: client.name, title: issueTitle, date, ...(words ? { words } : {}) }));
    await revealIssue(folder, issue.id);
    return issue;
  };

  const recordReport = async (arg?: unknown): Promise<Issue | undefined> => {
    requireTrust();
    const target = await resolveIssue(arg, vscode.l10n.t('Which issue did the client report again?'));
    if (!target) return undefined;
    const { folder, issue } = target;
    let report: ClientReport;
    // With the words given, nothing is asked; with only the issue given (e.g. by the journey), the rest is.
    if (isArgs<RecordReportArgs>(arg, 'issue') && arg.words !== undefined) {
      if (typeof arg.words !== 'string') throw badArgument(vscode.l10n.t('A report needs the client\'s words.'));
      if (arg.date !== undefined && !isCalendarDay(arg.date)) throw badArgument(vscode.l10n.t('{0} is not a date as YYYY-MM-DD.', arg.date));
      report = { date: arg.date ?? today(), words: arg.words };
      if (arg.channel) report.channel = arg.channel;
      if (arg.version) report.version = arg.version;
    } else {
      const base = vscode.l10n.t('Record Client Report: {0}', issue.id);
      // Four questions, each saying where it is: "Step 1 of 4".
      const step = (n: number): string => vscode.l10n.t('{0} · Step {1} of {2}', base, n, 4);
      const date = await inputDate(step(1), vscode.l10n.t('The day the client said it is back'));
      if (!date) return undefined;
      const channel = await inputText(step(2), vscode.l10n.t('How did they say it? (optional)'), { placeHolder: vscode.l10n.t('email, phone, chat, meeting…') });
      if (channel === undefined) return undefined;
      const words = await inputText(step(3), vscode.l10n.t("The client's own words"), { required: true });
      if (!words) return undefined;
      const deployed = folder.store.client(issue.client)?.deployedRef;
      const version = await inputText(step(4), vscode.l10n.t('The version or environment they run, as they said it (optional)'), { placeHolder: deployed });
      if (version === undefined) return undefined;
      report = { date, words };
      if (channel) report.channel = channel;
      if (version) report.version = version;
    }
    const updated = await writeTo(folder, () => folder.store.updateIssue(issue.id, (draft) => addReport(draft, report)));
    await revealIssue(folder, issue.id);
    return updated;
  };

  const linkFix = async (arg?: unknown): Promise<Issue | undefined> => {
    requireTrust();
    const target = await resolveIssue(arg, vscode.l10n.t('Which issue does the commit fix?'));
    if (!target) return undefined;
    const { folder, issue } = target;
    const git = folder.gitPort();
    let sha: string | undefined;
    let how: FixLinkHow = 'manual';
    let note: string | undefined;
    if (isArgs<LinkFixArgs>(arg, 'issue')) {
      if (arg.how !== undefined && !FIX_LINK_HOWS.includes(arg.how)) throw badArgument(`how: ${String(arg.how)}`);
      if (arg.sha) {
        sha = git ? ((await git.resolveCommit(arg.sha)) ?? undefined) : arg.sha;
        if (!sha) throw badArgument(vscode.l10n.t('There is no commit {0} in this repository.', arg.sha));
        how = arg.how ?? 'manual';
      } else if (arg.file && arg.line) {
        if (!git) throw badArgument(vscode.l10n.t('Finding the commit of a line needs git, which does not run here.'));
        const picked = await blameToCommit(git, arg.file, arg.line);
        if (!picked) return undefined;
        ({ sha, how } = picked);
      } else {
        throw badArgument(vscode.l10n.t('Give a commit (sha) or a file and line.'));
      }
      note = arg.note;
    } else {
      if (!git) throw new UserError('precondition', vscode.l10n.t('Linking a commit needs git, which is not available for this folder.'), { severity: 'info' });
      const picked = await pickCommit(git, folder, { offerBlame: true, placeHolder: vscode.l10n.t('The commit that fixes {0}: search by message, author or sha', issue.id) });
      if (!picked) return undefined;
      ({ sha, how } = picked);
    }
    const linked = sha;
    const outcome = await writeTo(folder, () => linkFixOperation(folder.store, issue, { sha: linked, how, ...(note ? { note } : {}) }));
    if (!outcome.linked) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already linked to {1}.', shortSha(linked), issue.id));
      return outcome.issue;
    }
    await revealIssue(folder, issue.id);
    return outcome.issue;
  };

  const unlinkFix = async (arg?: unknown): Promise<Issue | undefined> => {
    requireTrust();
    const target = await resolveIssue(arg, vscode.l10n.t('Unlink a commit from which issue?'), (i) => i.fixes.length > 0);
    if (!target) return undefined;
    const { folder, issue } = target;
    let sha: string | undefined;
    if (arg instanceof FixNode) sha = arg.fix.sha;
    else if (isArgs<UnlinkFixArgs>(arg, 'issue')) sha = arg.sha;
    else {
      const picked = await vscode.window.showQuickPick(
        issue.fixes.map((f) => ({ label: `$(git-commit) ${shortSha(f.sha)}`, description: f.note, sha: f.sha })),
        { placeHolder: vscode.l10n.t('The commit to unlink from {0}', issue.id) },
      );
      sha = picked?.sha;
    }
    if (!sha) return undefined;
    const unlinked = sha;
    if (!issue.fixes.some((f) => f.sha === unlinked)) throw badArgument(vscode.l10n.t('{0} is not linked to {1}.', unlinked, issue.id));
    return writeTo(folder, () =>
      folder.store.updateIssue(issue.id, (draft) => {
        draft.fixes = draft.fixes.filter((f) => f.sha !== unlinked);
      }),
    );
  };

  const setStatus = async (arg?: unknown): Promise<Issue | undefined> => {
    requireTrust();
    const target = await resolveIssue(arg, vscode.l10n.t('Set the status of which issue?'));
    if (!target) return undefined;
    const { folder, issue } = target;
    const status = isArgs<SetStatusArgs>(arg, 'status') ? arg.status : await pickStatus(issue.status);
    if (!status) return undefined;
    if (!ISSUE_STATUSES.includes(status)) throw badArgument(`status: ${String(status)}`);
    const updated = await writeTo(folder, () => folder.store.updateIssue(issue.id, (draft) => void (draft.status = status)));
    if (!tree.shownStatuses().includes(status)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is now {1}; the filter hides it.', issue.id, statusLabel(status)));
    }
    return updated;
  };

  const openIssueFile = async (arg?: unknown): Promise<void> => {
    let uri: vscode.Uri;
    let selection: vscode.Range | undefined;
    if (arg instanceof ProblemNode) {
      uri = vscode.Uri.file(arg.problem.file);
      const pos = new vscode.Position(Math.max(0, arg.problem.line - 1), Math.max(0, arg.problem.column - 1));
      selection = new vscode.Range(pos, pos);
    } else {
      const target = await resolveIssue(arg, vscode.l10n.t('Open which issue?'));
      if (!target) return;
      uri = vscode.Uri.file(target.folder.store.issueFile(target.issue.id));
    }
    await vscode.window.showTextDocument(uri, { preview: true, ...(selection ? { selection } : {}) });
  };

  const deleteIssue = async (arg?: unknown): Promise<boolean> => {
    requireTrust();
    const target = await resolveIssue(arg, vscode.l10n.t('Delete which issue?'));
    if (!target) return false;
    const { folder, issue } = target;
    if (!(isArgs<DeleteIssueArgs>(arg, 'issue') && arg.confirmed === true)) {
      const remove = vscode.l10n.t('Delete');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Delete {0} "{1}"?', issue.id, issue.title),
        { modal: true, detail: vscode.l10n.t('Its file is moved to the trash where the system has one. Its reports, fix links and replies go with it.') },
        remove,
      );
      if (choice !== remove) return false;
    }
    await writeTo(folder, () => folder.store.deleteIssue(issue.id));
    return true;
  };

  const filterIssues = async (arg?: unknown): Promise<void> => {
    if (isArgs<FilterArgs>(arg, 'statuses')) return tree.setShownStatuses(arg.statuses);
    const shown = new Set(tree.shownStatuses());
    const picked = await vscode.window.showQuickPick(
      ISSUE_STATUSES.map((status) => ({ label: statusLabel(status), picked: shown.has(status), status })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Show issues with these statuses') },
    );
    if (!picked) return;
    await tree.setShownStatuses(picked.map((p) => p.status));
  };

  /** Copies an issue id or a full commit sha (from a row or a hover's link). */
  const copyId = async (arg?: unknown): Promise<string> => {
    const text =
      arg instanceof IssueNode
        ? arg.issue.id
        : arg instanceof FixNode
          ? (arg.evidence?.fix.sha ?? arg.fix.sha)
          : arg instanceof CommitNode
            ? arg.commit.sha
            : isArgs<{ text: unknown }>(arg, 'text') && typeof arg.text === 'string'
              ? arg.text
              : '';
    if (text === '') throw badArgument(vscode.l10n.t('Choose an issue or a commit in the Client Issues view to copy its id.'));
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', text), 4000);
    return text;
  };

  const refresh = (): Thenable<void> =>
    vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => issues.refreshAll());

  return [
    registerCommand(CommandIds.newIssue, newIssue),
    registerCommand(CommandIds.recordReport, recordReport),
    registerCommand(CommandIds.linkFix, linkFix),
    registerCommand(CommandIds.unlinkFix, unlinkFix),
    registerCommand(CommandIds.setStatus, setStatus),
    registerCommand(CommandIds.openIssueFile, openIssueFile),
    registerCommand(CommandIds.deleteIssue, deleteIssue),
    registerCommand(CommandIds.filterIssues, filterIssues),
    registerCommand(CommandIds.clearIssueFilter, () => tree.setShownStatuses(undefined)),
    registerCommand(CommandIds.refreshIssues, refresh),
    registerCommand(CommandIds.copyId, copyId),
  ];
}
