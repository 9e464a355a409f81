// The "Client Issues" tree: folders (when more than one), clients, their issues, and under an issue
// its evidence (the verdict, each fix with its release and surviving lines, the commits that
// reverted or changed it, caveats) and its reports. The provider only finds a node's children and
// parent; nodes are in issueNodes.ts, rows in issueTreeItems.ts, hovers (built lazily) in
// issueTooltips.ts, the status filter in issueFilter.ts. Evidence comes from the cache and never
// makes the tree wait for git.
import * as vscode from 'vscode';
import type { IssueEvidence } from '../core/evidence/model';
import { caveatsOfFix, fixChanges, issueCaveats } from '../core/evidenceView';
import type { ReplyState } from '../core/inbox';
import { compareInbox, replyState } from '../core/inbox';
import type { StoreProblem } from '../core/store/issueStore';
import { parseIssueId } from '../core/store/ids';
import type { Issue, IssueStatus } from '../core/store/model';
import { ContextKeys } from './config';
import type { EvidenceService } from './evidenceService';
import { IssueFilter } from './issueFilter';
import type { IssueTreeNode } from './issueNodes';
import { CaveatNode, ClientNode, CommitNode, EvidenceStatusNode, FixNode, FolderNode, IssueNode, ProblemNode, ReportNode, VerdictNode, fixEvidenceOf, nodeId, sameCommit } from './issueNodes';
import { renderNode } from './issueTreeItems';
import { buildTooltip } from './issueTooltips';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';

// Mentions only help when no fix is known (they are the commits to look at); a few are enough.
const MAX_MENTIONS = 5;

export class IssuesTreeProvider implements vscode.TreeDataProvider<IssueTreeNode>, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<IssueTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly filter: IssueFilter;

  constructor(
    private readonly issues: IssueWorkspace,
    state: vscode.Memento,
    private readonly evidence?: EvidenceService,
  ) {
    this.filter = new IssueFilter(state);
    this.disposables.push(this.changeEmitter, this.filter);
    issues.onDidChange(() => this.refresh(), this, this.disposables);
    this.filter.onDidChange(() => this.refresh(), this, this.disposables);
    // Evidence arrives in the background; the service already gathers its events into one repaint.
    evidence?.onDidChange(() => this.changeEmitter.fire(undefined), this, this.disposables);
    this.updateContext();
  }

  /** Statuses currently shown. */
  shownStatuses(): IssueStatus[] {
    return this.filter.shownStatuses();
  }

  setShownStatuses(shown: readonly IssueStatus[] | undefined): Promise<void> {
    return this.filter.setShownStatuses(shown);
  }

  refresh(): void {
    this.updateContext();
    this.changeEmitter.fire(undefined);
  }

  private updateContext(): void {
    const folders = this.issues.all();
    const anyIssue = folders.some((f) => f.store.issues().length > 0 || f.store.problems().length > 0);
    const anyShown = folders.some((f) => f.store.problems().length > 0 || f.store.issues().some((i) => this.filter.isShown(i.status)));
    void vscode.commands.executeCommand('setContext', ContextKeys.noIssues, !anyIssue);
    void vscode.commands.executeCommand('setContext', ContextKeys.allHidden, anyIssue && !anyShown);
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, this.filter.isFiltered());
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
    // Computed for the row's verdict alone: its fixes' details follow with the full evidence just asked for.
    if (evidence.detail === 'verdict') return [new VerdictNode(folder, issue, evidence), ...linked, ...reports];
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
      if (this.filter.isShown(issue.status)) count.shown++;
      counts.set(issue.client, count);
    }
    const problems = store.problems().map((p) => new ProblemNode(folder, p, this.clientOfProblem(folder, p)));
    const withProblems = new Set(problems.map((p) => p.clientName));
    // Clients in inbox order of their first shown issue (one waiting for a reply, else the newest
    // report); clients without shown issues after them, by name.
    const first = new Map<string, { id: string; state: ReplyState }>();
    for (const entry of this.inboxOrder(folder, store.issues().filter((i) => this.filter.isShown(i.status)))) {
      if (!first.has(entry.issue.client)) first.set(entry.issue.client, entry);
    }
    const clients = [...names]
      // A client whose issues are all filtered out is hidden with them; one without issues stays.
      .filter((name) => withProblems.has(name) || (counts.get(name)?.shown ?? 0) > 0 || (counts.get(name)?.all ?? 0) === 0)
      .sort((a, b) => {
        const fa = first.get(a);
        const fb = first.get(b);
        if (fa && fb) return compareInbox(fa, fb);
        if (fa || fb) return fa ? -1 : 1;
        return a.localeCompare(b);
      })
      .map((name) => new ClientNode(folder, name, store.client(name)));
    return [...problems.filter((p) => p.clientName === undefined), ...clients];
  }

  private clientChildren(node: ClientNode): IssueTreeNode[] {
    const store = node.folder.store;
    const problems = store
      .problems()
      .map((p) => new ProblemNode(node.folder, p, this.clientOfProblem(node.folder, p)))
      .filter((p) => p.clientName === node.name);
    const shown = store.issues().filter((i) => i.client === node.name && this.filter.isShown(i.status));
    const issues = this.inboxOrder(node.folder, shown).map((entry) => new IssueNode(node.folder, entry.issue));
    return [...problems, ...issues];
  }

  /** Issues with their reply state, those waiting for a reply first, then the newest report first. */
  private inboxOrder(folder: FolderIssues, issues: Issue[]): { id: string; issue: Issue; state: ReplyState }[] {
    const evidence = this.evidence?.forFolder(folder);
    return issues.map((issue) => ({ id: issue.id, issue, state: evidence?.replyState(issue) ?? replyState(issue, undefined) })).sort(compareInbox);
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
    const item = renderNode(element, this.evidence);
    item.id = nodeId(element);
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, element: IssueTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    item.tooltip = await buildTooltip(element, token, this.evidence);
    return item;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
