// The rows of the Client Issues tree: how each node looks (label, the shortest useful description,
// icon and colour, context value for menus, what a click does). Hovers are in issueTooltips.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommitFacts, FixEvidence } from '../core/evidence/model';
import { caveatsOfFix, fixChanges, fixSummary } from '../core/evidenceView';
import type { ReplyState } from '../core/inbox';
import { replyState } from '../core/inbox';
import type { Issue, IssueStatus } from '../core/store/model';
import { isClosedStatus, latestReport } from '../core/store/model';
import { CommandIds } from './commandIds';
import { evidenceProblemLabel } from './errorMessages';
import { caveatLabel, changeDescription, fixDescription, targetDescription, verdictLabel, verdictLook, whoAndWhen } from './evidenceLabels';
import type { EvidenceService } from './evidenceService';
import { fixHowLabel, problemLabel, relativeDay, shortDay, shortSha, statusLabel } from './issueLabels';
import type { FixEvidenceRef, IssueTreeNode } from './issueNodes';
import { issueRowUri } from './replyDecorations';

const STATUS_ICONS: Record<IssueStatus, { icon: string; color: string }> = {
  open: { icon: 'issues', color: 'charts.yellow' },
  reopened: { icon: 'issue-reopened', color: 'charts.red' },
  fixed: { icon: 'pass', color: 'charts.green' },
  'wont-fix': { icon: 'circle-slash', color: 'disabledForeground' },
  closed: { icon: 'issue-closed', color: 'charts.purple' },
};

/** The row of a node: label, the shortest useful description, icon, context value, click. */
export function renderNode(element: IssueTreeNode, evidence: EvidenceService | undefined): vscode.TreeItem {
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
      const folderEvidence = evidence?.forFolder(element.folder);
      const state = folderEvidence?.state(issue.id);
      const reply = folderEvidence?.replyState(issue) ?? replyState(issue, undefined);
      const evidencePossible = state !== undefined && state.unavailable !== 'no-git';
      const hasChildren = evidencePossible || issue.reports.length + issue.fixes.length > 0;
      const item = new vscode.TreeItem(`${issue.id}: ${issue.title}`, hasChildren ? Collapsed : None);
      // What survives a narrow sidebar: the verdict as the icon, then the reply state; the verdict in
      // words, the status and the dates are in the hover and the screen reader's label.
      item.description = [replyLabel(reply), issueDescription(issue)].filter((p) => p !== '').join(' · ');
      const verdict = state?.evidence?.verdict;
      const look = verdict !== undefined ? verdictLook(verdict) : (STATUS_ICONS[issue.status] ?? STATUS_ICONS.open);
      item.iconPath = new vscode.ThemeIcon(state?.checking && verdict === undefined ? 'loading~spin' : look.icon, new vscode.ThemeColor(look.color));
      item.contextValue = `proofOfFix.issue.${issue.status}${reply.needsReply ? '.needsReply' : ''}`;
      // The reply state also as a decoration at the row's end, which a narrow sidebar keeps.
      item.resourceUri = issueRowUri(element.folder.folder.uri, issue.id);
      const said = verdict !== undefined ? [verdictLabel(verdict), ...(state?.fromLastSession === true ? [vscode.l10n.t('from the last session')] : [])].join(', ') : state?.checking ? vscode.l10n.t('checking…') : undefined;
      item.accessibilityInformation = { label: [issue.id, issue.title, statusLabel(issue.status), said, item.description].filter((p) => p !== undefined && p !== '').join(', ') };
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
      if (element.evidence !== undefined) return renderFix(element, element.evidence, 'proofOfFix.fix');
      const { fix } = element;
      const item = new vscode.TreeItem(shortSha(fix.sha), None);
      item.description = fix.note ? oneLine(fix.note) : fixHowLabel(fix.how);
      item.iconPath = new vscode.ThemeIcon('git-commit');
      item.contextValue = 'proofOfFix.fix';
      if (vscode.workspace.isTrusted) item.command = diffCommand(element);
      return item;
    }
    case 'verdict': {
      const shown = element.evidence;
      const item = new vscode.TreeItem(verdictLabel(shown.verdict), None);
      // The verdict stays shown while it is checked again after a change.
      const now = evidence?.forFolder(element.folder).state(element.issue.id);
      // A verdict kept from the last session is shown as such until this window has checked it again.
      const note = now?.checking === true ? vscode.l10n.t('checking…') : now?.fromLastSession === true ? vscode.l10n.t('from the last session') : undefined;
      item.description = note !== undefined ? `${targetDescription(shown)} · ${note}` : targetDescription(shown);
      const look = verdictLook(shown.verdict);
      item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
      item.contextValue = `proofOfFix.verdict.${shown.verdict}`;
      return item;
    }
    case 'commit': {
      if (element.role === 'fix') return renderFix(element, { fix: element.commit as FixEvidence, issue: element.evidence }, 'proofOfFix.commit.fix');
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
      item.command = diffCommand(element);
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

function renderFix(element: IssueTreeNode, ref: FixEvidenceRef, contextValue: string): vscode.TreeItem {
  const { fix, issue } = ref;
  const hasChildren = fixChanges(fix).length + caveatsOfFix(issue, fix).length > 0;
  const item = new vscode.TreeItem(commitLabel(fix), hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.description = fixDescription(fixSummary(fix, issue));
  const verdict = issue.fixVerdicts[fix.sha];
  item.iconPath = new vscode.ThemeIcon('git-commit', verdict === undefined ? undefined : new vscode.ThemeColor(verdictLook(verdict).color));
  // A linked fix keeps its context value even when missing: unlinking it is then the next step.
  item.contextValue = fix.exists || contextValue === 'proofOfFix.fix' ? contextValue : `${contextValue}.missing`;
  if (fix.exists) item.command = diffCommand(element);
  return item;
}

function diffCommand(element: IssueTreeNode): vscode.Command {
  return { command: CommandIds.openCommitDiff, title: vscode.l10n.t('Open Commit Changes'), arguments: [element] };
}

/** "<short sha> <subject>". */
function commitLabel(commit: CommitFacts): string {
  return commit.subject === '' ? shortSha(commit.sha) : `${shortSha(commit.sha)} ${oneLine(commit.subject)}`;
}

/** "needs reply", "replied 1 Dec", or nothing for an issue that expects no reply. */
function replyLabel(state: ReplyState): string {
  if (state.needsReply) return vscode.l10n.t('needs reply');
  return state.repliedOn === null ? '' : vscode.l10n.t('replied {0}', shortDay(state.repliedOn));
}

/** "reported again 2 days ago" for an issue reported more than once, else when it was reported. */
function issueDescription(issue: Issue): string {
  const last = latestReport(issue);
  if (issue.reports.length > 1 && last) return vscode.l10n.t('reported again {0}', relativeDay(last.date));
  return vscode.l10n.t('reported {0}', relativeDay(last?.date ?? issue.created));
}

export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
