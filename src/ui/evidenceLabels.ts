// The words and looks the UI gives the evidence's codes: verdicts, caveats, a fix's facts in a line,
// who changed it and when. Core hands over codes and numbers; they become sentences here.
import * as vscode from 'vscode';
import type { Caveat, CommitFacts, IssueEvidence, Verdict } from '../core/evidence/model';
import type { FixChange, FixSummary } from '../core/evidenceView';
import { shortSha } from './issueLabels';

export interface VerdictLook {
  icon: string;
  color: string;
}

const VERDICT_LOOKS: Record<Verdict, VerdictLook> = {
  'no-fix-linked': { icon: 'circle-large-outline', color: 'descriptionForeground' },
  'fix-not-on-target': { icon: 'git-branch', color: 'charts.orange' },
  'fix-reverted': { icon: 'discard', color: 'charts.red' },
  'fix-not-deployed': { icon: 'cloud-upload', color: 'charts.orange' },
  'fix-modified': { icon: 'diff-modified', color: 'charts.yellow' },
  'deployed-unknown': { icon: 'question', color: 'charts.blue' },
  'fix-intact': { icon: 'verified', color: 'charts.green' },
};

export function verdictLook(verdict: Verdict): VerdictLook {
  return VERDICT_LOOKS[verdict];
}

/** One sentence for the verdict, e.g. "Fix reverted". */
export function verdictLabel(verdict: Verdict): string {
  switch (verdict) {
    case 'no-fix-linked':
      return vscode.l10n.t('No fix linked');
    case 'fix-not-on-target':
      return vscode.l10n.t('Fix not on the target branch');
    case 'fix-reverted':
      return vscode.l10n.t('Fix reverted');
    case 'fix-not-deployed':
      return vscode.l10n.t("Fix not in the client's version");
    case 'fix-modified':
      return vscode.l10n.t('Fix modified since');
    case 'deployed-unknown':
      return vscode.l10n.t("Client's version unknown");
    case 'fix-intact':
      return vscode.l10n.t('Fix intact: the cause is probably new');
  }
}

/** What the verdict means, for the verdict's tooltip. */
export function verdictDetail(verdict: Verdict): string {
  switch (verdict) {
    case 'no-fix-linked':
      return vscode.l10n.t('No commit is linked to this issue, and no commit message says it fixes it. Link the fix commit to see where it is.');
    case 'fix-not-on-target':
      return vscode.l10n.t('The fix is not on the target branch, and no copy of it (cherry-pick, rebase) is either.');
    case 'fix-reverted':
      return vscode.l10n.t('A later commit reverted the fix.');
    case 'fix-not-deployed':
      return vscode.l10n.t('The fix is on the target branch, but the version the client runs does not contain it yet.');
    case 'fix-modified':
      return vscode.l10n.t('Later commits changed or removed some of the lines the fix added.');
    case 'deployed-unknown':
      return vscode.l10n.t("The fix is in place, but the client's deployed version is unknown: set it to know whether they have the fix.");
    case 'fix-intact':
      return vscode.l10n.t('Every line the fix added is still there, in the version the client runs: the cause is probably new.');
  }
}

export function caveatLabel(caveat: Caveat): string {
  const subjects = caveat.subjects.join(', ');
  switch (caveat.code) {
    case 'shallow-history':
      return vscode.l10n.t('History is incomplete (shallow clone): older commits may be missing');
    case 'uncommitted-changes':
      return vscode.l10n.t('Uncommitted changes in {0}', subjects);
    case 'fix-missing':
      return vscode.l10n.t('Commit {0} is not in this repository', caveat.subjects.map(shortSha).join(', '));
    case 'deployed-ref-unresolved':
      return vscode.l10n.t("The client's version {0} is not in this repository", subjects);
    case 'survival-incomplete':
      return vscode.l10n.t('Git could not tell where {0} went (a move past its rename limit): its lines were not measured', subjects);
    case 'tags-not-releases':
      return vscode.l10n.t('Tags {0} hold the fix but do not read as releases: set the release tag pattern if they are', subjects);
  }
}

/** "v1.1.0 · 3 of 4 lines intact", "not on the target branch", "not in v1.2.0" ... */
export function fixDescription(summary: FixSummary): string {
  if (!summary.exists) return vscode.l10n.t('not in this repository');
  const parts: string[] = [];
  // A counterpart is the same fix made on another release line: the target is judged by its own fix.
  if (!summary.onTarget && summary.counterpartOf.length > 0) parts.push(vscode.l10n.t('the same fix as {0}, on another release line', summary.counterpartOf.map(shortSha).join(', ')));
  else if (!summary.onTarget) parts.push(vscode.l10n.t('not on the target branch'));
  else parts.push(summary.release ?? vscode.l10n.t('in no release yet'));
  if (summary.lines !== null) parts.push(vscode.l10n.t('{0} of {1} lines intact', summary.lines.intact, summary.lines.added));
  if (summary.inDeployed === false && summary.deployedRef !== null) parts.push(vscode.l10n.t('not in {0}', summary.deployedRef));
  return parts.join(' · ');
}

/** "you, 2026-03-09" or "Laura Pérez, 2026-03-05". */
export function whoAndWhen(commit: CommitFacts): string {
  const who = commit.byMe ? vscode.l10n.t('you') : commit.authorName;
  return `${who}, ${commit.date.slice(0, 10)}`;
}

/** "reverted it · you, 2026-03-09", "changed 1 line · Laura Pérez, 2026-03-05". */
export function changeDescription(change: FixChange): string {
  const what =
    change.role === 'revert'
      ? vscode.l10n.t('reverted it')
      : change.lines === null || change.lines === 0
        ? vscode.l10n.t('touched it')
        : change.lines === 1
          ? vscode.l10n.t('changed 1 line')
          : vscode.l10n.t('changed {0} lines', change.lines);
  return `${what} · ${whoAndWhen(change.commit)}`;
}

export function targetDescription(evidence: IssueEvidence): string {
  const deployed = evidence.deployed;
  return deployed === null ? evidence.target.ref : vscode.l10n.t('{0} · client runs {1}', evidence.target.ref, deployed.ref);
}
