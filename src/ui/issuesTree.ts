// The "Client Issues" tree: folders (when more than one), clients, their issues, and under an issue
// its evidence (the verdict, each fix with its release and surviving lines, the commits that
// reverted or changed it, caveats) and its reports. Elements are the domain objects wrapped with
// where they live; evidence comes from the cache and never makes the tree wait for git; tooltips
// are built only when the pointer rests on an item.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Caveat, CommitFacts, FixEvidence, IssueEvidence } from '../core/evidence/model';
import type { FixChange } from '../core/evidenceView';
import { caveatsOfFix, fixChanges, fixSummary, issueCaveats } from '../core/evidenceView';
import type { StoreProblem } from '../core/store/issueStore';
import { parseIssueId } from '../core/store/ids';
import type { Client, ClientReport, FixLink, Issue, IssueStatus } from '../core/store/model';
import { ISSUE_STATUSES, isClosedStatus, latestReport } from '../core/store/model';
import { CommandIds } from './commandIds';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';
import { ContextKeys, SETTINGS } from './issueWorkspace';
import {
  caveatLabel,
  changeDescription,
  fixDescription,
  problemLabel as evidenceProblemLabel,
  targetDescription,
  verdictDetail,
  verdictLabel,
  verdictLook,
  whoAndWhen,
} from './evidenceLabels';
import type { EvidenceProblem, EvidenceService } from './evidenceService';
import { fixHowLabel, problemLabel, relativeDay, shortSha, statusLabel } from './issueLabels';
import { log } from './log';

export class FolderNode {
  readonly kind = 'folder';
  constructor(readonly folder: FolderIssues) {}
}

export class ClientNode {
  readonly kind = 'client';
  constructor(
    readonly folder: FolderIssues,
    readonly name: string,
    /** Undefined for a client that issues name but clients.json lacks. */
    readonly client: Client | undefined,
  ) {}
}

export class IssueNode {
  readonly kind = 'issue';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
  ) {}
}

export class ReportNode {
  readonly kind = 'report';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly report: ClientReport,
    readonly index: number,
  ) {}
}

/** A fix's evidence and the issue evidence it belongs to. */
export interface FixEvidenceRef {
  fix: FixEvidence;
  issue: IssueEvidence;
}

/** A fix commit linked in the store (so it can be unlinked), with its evidence once computed. */
export class FixNode {
  readonly kind = 'fix';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly fix: FixLink,
    readonly evidence?: FixEvidenceRef,
  ) {}
}

/** The issue's verdict: first under the issue. */
export class VerdictNode {
  readonly kind = 'verdict';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly evidence: IssueEvidence,
  ) {}
}

export type CommitRole = 'fix' | 'revert' | 'change' | 'mention';

/**
 * A commit the evidence names: a fix found from its message, a commit that reverted or changed a
 * fix (under that fix), or a commit that only mentions the issue.
 */
export class CommitNode {
  readonly kind = 'commit';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly role: CommitRole,
    readonly commit: CommitFacts,
    readonly evidence: IssueEvidence,
    /** For reverts and changes: the fix they undid or changed. */
    readonly fixSha: string | null = null,
    readonly change: FixChange | null = null,
  ) {}
}

export class CaveatNode {
  readonly kind = 'caveat';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly caveat: Caveat,
    readonly evidence: IssueEvidence,
    /** The fix the caveat is about; null for the whole issue. */
    readonly fixSha: string | null,
  ) {}
}

/** Why an issue shows no evidence: Restricted Mode, or a computation that failed. */
export class EvidenceStatusNode {
  readonly kind = 'evidenceStatus';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly status: 'restricted' | 'problem',
    readonly problem?: EvidenceProblem,
  ) {}
}

export class ProblemNode {
  readonly kind = 'problem';
  constructor(
    readonly folder: FolderIssues,
    readonly problem: StoreProblem,
    /** The client the broken file's id prefix belongs to, if any. */
    readonly clientName: string | undefined,
  ) {}
}

export type IssueTreeNode =
  | FolderNode
  | ClientNode
  | IssueNode
  | ReportNode
  | FixNode
  | ProblemNode
  | VerdictNode
  | CommitNode
  | CaveatNode
  | EvidenceStatusNode;


/** The fix's evidence behind a node, when it is a fix with evidence. */
export function fixEvidenceOf(node: IssueTreeNode): FixEvidenceRef | undefined {
  if (node.kind === 'fix') return node.evidence;
  if (node.kind === 'commit' && node.role === 'fix') return { fix: node.commit as FixEvidence, issue: node.evidence };
  return undefined;
}

const STATUS_ICONS: Record<IssueStatus, { icon: string; color: string }> = {
  open: { icon: 'issues', color: 'charts.yellow' },
  reopened: { icon: 'issue-reopened', color: 'charts.red' },
  fixed: { icon: 'pass', color: 'charts.green' },
  'wont-fix': { icon: 'circle-slash', color: 'disabledForeground' },
  closed: { icon: 'issue-closed', color: 'charts.purple' },
};

const FILTER_STATE_KEY = 'proofOfFix.statusFilter';

function nodeId(node: IssueTreeNode): string {
  const folder = node.folder.folder.uri.toString();
  switch (node.kind) {
    case 'folder':
      return folder;
    case 'client':
      return `${folder}#client/${node.name}`;
    case 'issue':
      return `${folder}#issue/${node.issue.id}`;
    case 'report':
      return `${folder}#issue/${node.issue.id}/report/${node.index}`;
    case 'fix':
      return `${folder}#issue/${node.issue.id}/fix/${node.evidence?.fix.sha ?? node.fix.sha}`;
    case 'problem':
      return `${folder}#problem/${node.problem.file}`;
    case 'verdict':
      return `${folder}#issue/${node.issue.id}/verdict`;
    case 'commit':
      if (node.role === 'fix') return `${folder}#issue/${node.issue.id}/fix/${node.commit.sha}`;
      if (node.role === 'mention') return `${folder}#issue/${node.issue.id}/mention/${node.commit.sha}`;
      return `${folder}#issue/${node.issue.id}/fix/${node.fixSha ?? ''}/${node.role}/${node.commit.sha}`;
    case 'caveat':
      return `${folder}#issue/${node.issue.id}${node.fixSha === null ? '' : `/fix/${node.fixSha}`}/caveat/${node.caveat.code}`;
    case 'evidenceStatus':
      return `${folder}#issue/${node.issue.id}/evidence`;
  }
}

// Mentions only help when no fix is known (they are the commits to look at); a few are enough.
const MAX_MENTIONS = 5;

export class IssuesTreeProvider implements vscode.TreeDataProvider<IssueTreeNode>, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<IssueTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private hidden: Set<IssueStatus>;

  constructor(
    private readonly issues: IssueWorkspace,
    private readonly state: vscode.Memento,
    private readonly evidence?: EvidenceService,
  ) {
    this.disposables.push(this.changeEmitter);
    const saved = state.get<IssueStatus[]>(FILTER_STATE_KEY);
    this.hidden = new Set(saved ?? this.defaultHidden());
    issues.onDidChange(() => this.refresh(), this, this.disposables);
    // Evidence arrives in the background; the service already gathers its events into one repaint.
    evidence?.onDidChange(() => this.changeEmitter.fire(undefined), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration(
      (e) => {
        if (!e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.showClosed}`)) return;
        // A saved filter is the user's explicit choice; the setting only changes the default.
        if (!state.get(FILTER_STATE_KEY)) this.hidden = new Set(this.defaultHidden());
        this.refresh();
      },
      this,
      this.disposables,
    );
    this.updateContext();
  }

  private defaultHidden(): IssueStatus[] {
    const showClosed = vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>(SETTINGS.showClosed, false);
    return showClosed ? [] : ISSUE_STATUSES.filter(isClosedStatus);
  }

  /** Statuses currently shown. */
  shownStatuses(): IssueStatus[] {
    return ISSUE_STATUSES.filter((s) => !this.hidden.has(s));
  }

  async setShownStatuses(shown: readonly IssueStatus[] | undefined): Promise<void> {
    this.hidden = new Set(shown ? ISSUE_STATUSES.filter((s) => !shown.includes(s)) : this.defaultHidden());
    await this.state.update(FILTER_STATE_KEY, shown ? [...this.hidden] : undefined);
    this.refresh();
  }

  refresh(): void {
    this.updateContext();
    this.changeEmitter.fire(undefined);
  }

  private updateContext(): void {
    const folders = this.issues.all();
    const anyIssue = folders.some((f) => f.store.issues().length > 0 || f.store.problems().length > 0);
    const anyShown = folders.some((f) => f.store.problems().length > 0 || f.store.issues().some((i) => !this.hidden.has(i.status)));
    const defaultHidden = new Set(this.defaultHidden());
    const filtered = defaultHidden.size !== this.hidden.size || [...this.hidden].some((s) => !defaultHidden.has(s));
    void vscode.commands.executeCommand('setContext', ContextKeys.noIssues, !anyIssue);
    void vscode.commands.executeCommand('setContext', ContextKeys.allHidden, anyIssue && !anyShown);
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, filtered);
    void vscode.commands.executeCommand('setContext', ContextKeys.noGit, folders.length > 0 && folders.every((f) => !f.hasGit));
  }

  getChildren(element?: IssueTreeNode): IssueTreeNode[] {
    if (!element) {
      const folders = this.issues.all();
      if (folders.length === 1) return this.folderChildren(folders[0] as FolderIssues);
      return folders.map((f) => new FolderNode(f));
    }
    switch (element.kind) {
      case 'folder':
        return this.folderChildren(element.folder);
      case 'client':
        return this.clientChildren(element);
      case 'issue':
        return this.issueChildren(element);
      case 'fix':
      case 'commit': {
        const ref = fixEvidenceOf(element);
        if (ref === undefined) return [];
        return [
          ...fixChanges(ref.fix).map((c) => new CommitNode(element.folder, element.issue, c.role, c.commit, ref.issue, ref.fix.sha, c)),
          ...caveatsOfFix(ref.issue, ref.fix).map((c) => new CaveatNode(element.folder, element.issue, c, ref.issue, ref.fix.sha)),
        ];
      }
      default:
        return [];
    }
  }

  /** The evidence (from the cache, asking for a refresh) then the reports; never waits for git. */
  private issueChildren(element: IssueNode): IssueTreeNode[] {
    const { folder, issue } = element;
    const reports = issue.reports.map((r, i) => new ReportNode(folder, issue, r, i));
    const linked = issue.fixes.map((f) => new FixNode(folder, issue, f));
    const service = this.evidence?.forFolder(folder);
    if (service === undefined) return [...reports, ...linked];
    const state = service.state(issue.id);
    if (state.unavailable === 'restricted') return [new EvidenceStatusNode(folder, issue, 'restricted'), ...reports, ...linked];
    if (state.unavailable === 'no-git') return [...reports, ...linked];
    service.request(issue.id);
    const evidence = state.evidence;
    if (evidence === undefined) {
      const problem = state.problem === undefined || state.checking ? [] : [new EvidenceStatusNode(folder, issue, 'problem', state.problem)];
      return [...problem, ...reports, ...linked];
    }
    const fixNodes: IssueTreeNode[] = evidence.fixes.map((fix) => {
      const link = issue.fixes.find((l) => sameCommit(l.sha, fix.sha));
      return link !== undefined ? new FixNode(folder, issue, link, { fix, issue: evidence }) : new CommitNode(folder, issue, 'fix', fix, evidence);
    });
    // A link the evidence does not know yet (added since it was computed) still shows.
    const newer = linked.filter((n) => !evidence.fixes.some((f) => sameCommit(n.fix.sha, f.sha)));
    const mentions = evidence.fixes.length > 0 ? [] : evidence.mentions.slice(0, MAX_MENTIONS).map((m) => new CommitNode(folder, issue, 'mention', m, evidence));
    return [
      new VerdictNode(folder, issue, evidence),
      ...issueCaveats(evidence).map((c) => new CaveatNode(folder, issue, c, evidence, null)),
      ...fixNodes,
      ...newer,
      ...mentions,
      ...reports,
    ];
  }

  /** The node of a fix as its children's parent. */
  private fixNodeOf(folder: FolderIssues, issue: Issue, evidence: IssueEvidence, sha: string): IssueTreeNode {
    const fix = evidence.fixes.find((f) => f.sha === sha);
    const link = issue.fixes.find((l) => sameCommit(l.sha, sha));
    if (fix === undefined) return link !== undefined ? new FixNode(folder, issue, link) : new IssueNode(folder, issue);
    return link !== undefined ? new FixNode(folder, issue, link, { fix, issue: evidence }) : new CommitNode(folder, issue, 'fix', fix, evidence);
  }

  private clientOfProblem(folder: FolderIssues, problem: StoreProblem): string | undefined {
    const prefix = problem.id ? parseIssueId(problem.id)?.prefix.toUpperCase() : undefined;
    if (!prefix) return undefined;
    return folder.store.clients().find((c) => c.prefix.toUpperCase() === prefix)?.name;
  }

  private folderChildren(folder: FolderIssues): IssueTreeNode[] {
    const store = folder.store;
    const names = new Set(store.clients().map((c) => c.name));
    const counts = new Map<string, { all: number; shown: number }>();
    for (const issue of store.issues()) {
      names.add(issue.client);
      const count = counts.get(issue.client) ?? { all: 0, shown: 0 };
      count.all++;
      if (!this.hidden.has(issue.status)) count.shown++;
      counts.set(issue.client, count);
    }
    const problems = store.problems().map((p) => new ProblemNode(folder, p, this.clientOfProblem(folder, p)));
    const withProblems = new Set(problems.map((p) => p.clientName));
    const clients = [...names]
      // A client whose issues are all filtered out is hidden with them; one without issues stays.
      .filter((name) => withProblems.has(name) || (counts.get(name)?.shown ?? 0) > 0 || (counts.get(name)?.all ?? 0) === 0)
      .sort((a, b) => a.localeCompare(b))
      .map((name) => new ClientNode(folder, name, store.client(name)));
    return [...problems.filter((p) => p.clientName === undefined), ...clients];
  }

  private clientChildren(node: ClientNode): IssueTreeNode[] {
    const store = node.folder.store;
    const problems = store
      .problems()
      .map((p) => new ProblemNode(node.folder, p, this.clientOfProblem(node.folder, p)))
      .filter((p) => p.clientName === node.name);
    const issues = store
      .issues()
      .filter((i) => i.client === node.name && !this.hidden.has(i.status))
      .map((i) => new IssueNode(node.folder, i));
    return [...problems, ...issues];
  }

  getParent(element: IssueTreeNode): IssueTreeNode | undefined {
    const multi = this.issues.all().length > 1;
    const folderNode = multi ? new FolderNode(element.folder) : undefined;
    switch (element.kind) {
      case 'folder':
        return undefined;
      case 'client':
        return folderNode;
      case 'issue':
        return new ClientNode(element.folder, element.issue.client, element.folder.store.client(element.issue.client));
      case 'report':
      case 'fix':
      case 'verdict':
      case 'evidenceStatus':
        return new IssueNode(element.folder, element.issue);
      case 'commit':
        if (element.fixSha === null) return new IssueNode(element.folder, element.issue);
        return this.fixNodeOf(element.folder, element.issue, element.evidence, element.fixSha);
      case 'caveat':
        if (element.fixSha === null) return new IssueNode(element.folder, element.issue);
        return this.fixNodeOf(element.folder, element.issue, element.evidence, element.fixSha);
      case 'problem':
        return element.clientName !== undefined
          ? new ClientNode(element.folder, element.clientName, element.folder.store.client(element.clientName))
          : folderNode;
    }
  }

  /** The node of an issue as the tree shows it now, e.g. to reveal it after creating it. */
  issueNode(folder: FolderIssues, id: string): IssueNode | undefined {
    const issue = folder.store.issue(id);
    return issue ? new IssueNode(folder, issue) : undefined;
  }

  getTreeItem(element: IssueTreeNode): vscode.TreeItem {
    const item = this.render(element);
    item.id = nodeId(element);
    return item;
  }

  private render(element: IssueTreeNode): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const Expanded = vscode.TreeItemCollapsibleState.Expanded;
    switch (element.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(element.folder.folder.name, Expanded);
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.contextValue = 'proofOfFix.folder';
        item.resourceUri = element.folder.folder.uri;
        return item;
      }
      case 'client': {
        const item = new vscode.TreeItem(element.name, Expanded);
        const open = element.folder.store.issues().filter((i) => i.client === element.name && !isClosedStatus(i.status) && i.status !== 'fixed').length;
        const parts: string[] = [];
        if (open > 0) parts.push(open === 1 ? vscode.l10n.t('1 open') : vscode.l10n.t('{0} open', open));
        if (element.client?.deployedRef) parts.push(vscode.l10n.t('runs {0}', element.client.deployedRef));
        item.description = parts.join(' · ');
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = element.client ? 'proofOfFix.client' : 'proofOfFix.client.unregistered';
        return item;
      }
      case 'issue': {
        const { issue } = element;
        const state = this.evidence?.forFolder(element.folder).state(issue.id);
        const evidencePossible = state !== undefined && state.unavailable !== 'no-git';
        const hasChildren = evidencePossible || issue.reports.length + issue.fixes.length > 0;
        const item = new vscode.TreeItem(`${issue.id}: ${issue.title}`, hasChildren ? Collapsed : None);
        const verdict = state?.evidence !== undefined ? verdictLabel(state.evidence.verdict) : state?.checking ? vscode.l10n.t('checking…') : undefined;
        item.description = verdict === undefined ? issueDescription(issue) : `${issueDescription(issue)} · ${verdict}`;
        const look = STATUS_ICONS[issue.status] ?? STATUS_ICONS.open;
        item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
        item.contextValue = `proofOfFix.issue.${issue.status}`;
        item.accessibilityInformation = { label: `${issue.id}, ${issue.title}, ${statusLabel(issue.status)}, ${item.description}` };
        // No click command: a click (or Enter) on an issue expands it; Open Issue File is in its menu.
        return item;
      }
      case 'report': {
        const { report } = element;
        const item = new vscode.TreeItem(report.channel ? `${report.date} · ${report.channel}` : report.date, None);
        item.description = oneLine(report.words);
        item.iconPath = new vscode.ThemeIcon(element.index === 0 ? 'comment' : 'comment-discussion');
        item.contextValue = 'proofOfFix.report';
        return item;
      }
      case 'fix': {
        if (element.evidence !== undefined) return this.renderFix(element, element.evidence, 'proofOfFix.fix');
        const { fix } = element;
        const item = new vscode.TreeItem(shortSha(fix.sha), None);
        item.description = fix.note ? oneLine(fix.note) : fixHowLabel(fix.how);
        item.iconPath = new vscode.ThemeIcon('git-commit');
        item.contextValue = 'proofOfFix.fix';
        if (vscode.workspace.isTrusted) item.command = this.diffCommand(element);
        return item;
      }
      case 'verdict': {
        const { evidence } = element;
        const item = new vscode.TreeItem(verdictLabel(evidence.verdict), None);
        // The verdict stays shown while it is checked again after a change.
        const checking = this.evidence?.forFolder(element.folder).state(element.issue.id).checking === true;
        item.description = checking ? `${targetDescription(evidence)} · ${vscode.l10n.t('checking…')}` : targetDescription(evidence);
        const look = verdictLook(evidence.verdict);
        item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
        item.contextValue = `proofOfFix.verdict.${evidence.verdict}`;
        return item;
      }
      case 'commit': {
        if (element.role === 'fix') return this.renderFix(element, { fix: element.commit as FixEvidence, issue: element.evidence }, 'proofOfFix.commit.fix');
        const { commit } = element;
        const item = new vscode.TreeItem(commitLabel(commit), None);
        if (element.role === 'mention') {
          item.description = vscode.l10n.t('mentions it · {0}', whoAndWhen(commit));
          item.iconPath = new vscode.ThemeIcon('mention');
        } else {
          item.description = element.change ? changeDescription(element.change) : whoAndWhen(commit);
          item.iconPath =
            element.role === 'revert' ? new vscode.ThemeIcon('discard', new vscode.ThemeColor('charts.red')) : new vscode.ThemeIcon('edit', new vscode.ThemeColor('charts.yellow'));
        }
        item.contextValue = `proofOfFix.commit.${element.role}${commit.byMe ? '.mine' : ''}`;
        item.command = this.diffCommand(element);
        return item;
      }
      case 'caveat': {
        const item = new vscode.TreeItem(caveatLabel(element.caveat), None);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = `proofOfFix.caveat.${element.caveat.code}`;
        return item;
      }
      case 'evidenceStatus': {
        if (element.status === 'restricted') {
          const item = new vscode.TreeItem(vscode.l10n.t('No evidence in Restricted Mode'), None);
          item.description = vscode.l10n.t('trust the workspace to let git run');
          item.iconPath = new vscode.ThemeIcon('workspace-untrusted');
          item.contextValue = 'proofOfFix.evidence.restricted';
          return item;
        }
        const item = new vscode.TreeItem(element.problem ? evidenceProblemLabel(element.problem) : vscode.l10n.t('Could not check the evidence'), None);
        item.description = vscode.l10n.t('Show Log');
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.contextValue = 'proofOfFix.evidence.problem';
        item.command = { command: CommandIds.showLog, title: vscode.l10n.t('Show Log') };
        return item;
      }
      case 'problem': {
        const { problem } = element;
        const item = new vscode.TreeItem(path.basename(problem.file), None);
        item.description = problemLabel(problem);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.contextValue = 'proofOfFix.problem';
        item.resourceUri = vscode.Uri.file(problem.file);
        item.command = { command: CommandIds.openIssueFile, title: vscode.l10n.t('Open Issue File'), arguments: [element] };
        return item;
      }
    }
  }

  private renderFix(element: IssueTreeNode, ref: FixEvidenceRef, contextValue: string): vscode.TreeItem {
    const { fix, issue } = ref;
    const hasChildren = fixChanges(fix).length + caveatsOfFix(issue, fix).length > 0;
    const item = new vscode.TreeItem(commitLabel(fix), hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.description = fixDescription(fixSummary(fix, issue));
    const verdict = issue.fixVerdicts[fix.sha];
    item.iconPath = new vscode.ThemeIcon('git-commit', verdict === undefined ? undefined : new vscode.ThemeColor(verdictLook(verdict).color));
    // A linked fix keeps its context value even when missing: unlinking it is then the next step.
    item.contextValue = fix.exists || contextValue === 'proofOfFix.fix' ? contextValue : `${contextValue}.missing`;
    if (fix.exists) item.command = this.diffCommand(element);
    return item;
  }

  private diffCommand(element: IssueTreeNode): vscode.Command {
    return { command: CommandIds.openCommitDiff, title: vscode.l10n.t('Open Commit Changes'), arguments: [element] };
  }

  async resolveTreeItem(item: vscode.TreeItem, element: IssueTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    item.tooltip = await this.tooltip(element, token);
    return item;
  }

  private async tooltip(element: IssueTreeNode, token: vscode.CancellationToken): Promise<vscode.MarkdownString | undefined> {
    const md = new vscode.MarkdownString('', true);
    md.supportThemeIcons = true;
    switch (element.kind) {
      case 'issue': {
        const { issue } = element;
        md.appendMarkdown(`**${escape(issue.id)}** · ${escape(statusLabel(issue.status))}\n\n`);
        md.appendMarkdown(`### ${escape(issue.title)}\n\n`);
        if (issue.words) md.appendMarkdown(`> ${escape(oneLine(issue.words, 400))}\n\n`);
        md.appendMarkdown(`${escape(vscode.l10n.t('Client: {0}', issue.client))}  \n`);
        md.appendMarkdown(`${escape(vscode.l10n.t('Opened: {0}', issue.created))}  \n`);
        md.appendMarkdown(`${escape(vscode.l10n.t('Reports: {0} · Fix commits: {1} · Replies sent: {2}', issue.reports.length, issue.fixes.length, issue.replies.length))}\n\n`);
        if (issue.notes) md.appendMarkdown(`${escape(oneLine(issue.notes, 400))}\n\n`);
        md.appendMarkdown('$(file) ');
        md.appendText(path.relative(element.folder.folder.uri.fsPath, element.folder.store.issueFile(issue.id)));
        return md;
      }
      case 'report': {
        const { report } = element;
        md.appendMarkdown(`**${escape(report.date)}**${report.channel ? ` · ${escape(report.channel)}` : ''}\n\n`);
        if (report.words) md.appendMarkdown(`> ${escape(report.words)}\n\n`);
        if (report.version) md.appendMarkdown(escape(vscode.l10n.t('Version the client runs: {0}', report.version)));
        return md;
      }
      case 'verdict': {
        const { evidence } = element;
        md.appendMarkdown(`**${escape(verdictLabel(evidence.verdict))}**\n\n${escape(verdictDetail(evidence.verdict))}\n\n`);
        md.appendMarkdown(`${escape(vscode.l10n.t('Target: {0} ({1})', evidence.target.ref, shortSha(evidence.target.sha)))}  \n`);
        md.appendMarkdown(
          escape(evidence.deployed ? vscode.l10n.t('The client runs: {0} ({1})', evidence.deployed.ref, shortSha(evidence.deployed.sha)) : vscode.l10n.t('Deployed version unknown')) + '  \n',
        );
        md.appendMarkdown(escape(vscode.l10n.t('Checked: {0}', evidence.computedAt.slice(0, 16).replace('T', ' '))));
        return md;
      }
      case 'commit': {
        if (element.role === 'fix') return this.fixTooltip(md, { fix: element.commit as FixEvidence, issue: element.evidence }, undefined);
        const { commit } = element;
        md.appendMarkdown(`**${escape(commit.subject)}**\n\n`);
        md.appendMarkdown(`$(git-commit) ${escape(commit.sha)}  \n`);
        md.appendMarkdown(`${escape(commit.authorName)} <${escape(commit.authorEmail)}>${commit.byMe ? ` · ${escape(vscode.l10n.t('you'))}` : ''} · ${escape(commit.date.slice(0, 10))}\n\n`);
        if (element.change) md.appendMarkdown(escape(changeDescription(element.change)));
        return md;
      }
      case 'caveat': {
        md.appendMarkdown(`$(warning) ${escape(caveatLabel(element.caveat))}\n\n`);
        for (const s of element.caveat.subjects) md.appendMarkdown(`- ${escape(s)}\n`);
        return md;
      }
      case 'evidenceStatus': {
        md.appendMarkdown(
          escape(
            element.status === 'restricted'
              ? vscode.l10n.t("Proof of Fix runs no git in Restricted Mode, because a repository's configuration can execute code. Trust this workspace to see the evidence.")
              : vscode.l10n.t('The log has the git commands that ran and what failed.'),
          ),
        );
        return md;
      }
      case 'fix': {
        if (element.evidence !== undefined) return this.fixTooltip(md, element.evidence, element.fix);
        const { fix } = element;
        md.appendMarkdown(`$(git-commit) ${escape(fix.sha)} · ${escape(fixHowLabel(fix.how))}\n\n`);
        if (fix.note) md.appendMarkdown(`${escape(fix.note)}\n\n`);
        const git = element.folder.gitPort();
        if (git) {
          try {
            const [commit] = await git.commits([fix.sha]);
            if (token.isCancellationRequested) return md;
            if (commit) md.appendMarkdown(`**${escape(commit.subject)}**  \n${escape(commit.authorName)} · ${escape(commit.date.slice(0, 10))}`);
            else md.appendMarkdown(escape(vscode.l10n.t('This commit is not in the repository.')));
          } catch (error) {
            // The tooltip is a convenience: say git could not answer, and log why.
            log().warn(`Reading commit ${fix.sha} for a tooltip failed:`, error instanceof Error ? error.message : String(error));
            md.appendMarkdown(escape(vscode.l10n.t('Git could not read this commit.')));
          }
        }
        return md;
      }
      case 'client': {
        const c = element.client;
        md.appendMarkdown(`**${escape(element.name)}**\n\n`);
        if (!c) {
          md.appendMarkdown(escape(vscode.l10n.t('Not in clients.json yet: use Edit Client to add it.')));
          return md;
        }
        md.appendMarkdown(`${escape(vscode.l10n.t('Id prefix: {0}', c.prefix))}  \n`);
        md.appendMarkdown(`${escape(vscode.l10n.t('Language: {0}', c.language === 'es' ? (c.register === 'tu' ? 'español (tú)' : 'español (usted)') : 'English'))}  \n`);
        if (c.contactName) md.appendMarkdown(`${escape(vscode.l10n.t('Contact: {0}', c.contactName))}  \n`);
        md.appendMarkdown(escape(c.deployedRef ? vscode.l10n.t('Runs: {0}', c.deployedRef) : vscode.l10n.t('Deployed version unknown')));
        return md;
      }
      case 'problem': {
        const { problem } = element;
        md.appendMarkdown(`$(error) **${escape(path.basename(problem.file))}**: ${escape(problemLabel(problem))}\n\n`);
        md.appendCodeblock(problem.detail, 'text');
        md.appendMarkdown(escape(vscode.l10n.t('Proof of Fix does not change this file until it is repaired.')));
        return md;
      }
      case 'folder':
        return undefined;
    }
  }

  private fixTooltip(md: vscode.MarkdownString, ref: FixEvidenceRef, link: FixLink | undefined): vscode.MarkdownString {
    const { fix, issue } = ref;
    if (!fix.exists) {
      md.appendMarkdown(`$(git-commit) ${escape(fix.sha)}\n\n${escape(vscode.l10n.t('This commit is not in the repository.'))}`);
      return md;
    }
    md.appendMarkdown(`**${escape(fix.subject)}**\n\n`);
    md.appendMarkdown(`$(git-commit) ${escape(fix.sha)}  \n`);
    md.appendMarkdown(`${escape(fix.authorName)}${fix.byMe ? ` · ${escape(vscode.l10n.t('you'))}` : ''} · ${escape(fix.date.slice(0, 10))}\n\n`);
    if (link?.note) md.appendMarkdown(`${escape(link.note)}\n\n`);
    const verdict = issue.fixVerdicts[fix.sha];
    if (verdict !== undefined) md.appendMarkdown(`${escape(verdictLabel(verdict))}\n\n`);
    md.appendMarkdown(`${escape(fix.tags.length > 0 ? vscode.l10n.t('Releases: {0}', fix.tags.join(', ')) : vscode.l10n.t('In no release yet'))}  \n`);
    for (const f of fix.survival?.files ?? []) {
      if (f.binary) continue;
      md.appendMarkdown(`${escape(vscode.l10n.t('{0}: {1} of {2} lines intact', f.pathAtRef ?? f.path, f.intact, f.added))}  \n`);
    }
    return md;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** "<short sha> <subject>". */
function commitLabel(commit: CommitFacts): string {
  return commit.subject === '' ? shortSha(commit.sha) : `${shortSha(commit.sha)} ${oneLine(commit.subject)}`;
}

/** A stored link (full or abbreviated) names the commit. */
function sameCommit(link: string, sha: string): boolean {
  const a = link.toLowerCase();
  const b = sha.toLowerCase();
  return a.startsWith(b) || b.startsWith(a);
}

/** "reported again 2 days ago" for an issue reported more than once, else when it was reported. */
export function issueDescription(issue: Issue): string {
  const last = latestReport(issue);
  if (issue.reports.length > 1 && last) return vscode.l10n.t('reported again {0}', relativeDay(last.date));
  return vscode.l10n.t('reported {0}', relativeDay(last?.date ?? issue.created));
}

function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
