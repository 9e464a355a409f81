// "The Client Says It's Back…": the moment the product exists for, as one keyboard-only flow.
// Pick (or create) the issue, record the new report, check the evidence with a cancellable
// progress notification, say the verdict in one sentence, and open the reply draft beside it.
// Each step is an existing command, so the journey adds no second way of doing any of them.
import * as vscode from 'vscode';
import { UserError } from '../core/errors';
import { SETTINGS, VIEW_ID } from './config';
import type { FixEvidence, IssueEvidence, Verdict } from '../core/evidence/model';
import { formatDay, suggestNextStepBy } from '../core/reply/format';
import type { Issue } from '../core/store/model';
import { shortSha } from '../core/sha';
import { compareByLatestReport, reportedOn } from '../core/inbox';
import { isCalendarDay } from '../core/store/model';
import { undoAndRestore } from '../core/evidence/verdict';
import { CommandIds } from './commandIds';
import type { EvidenceService } from './evidenceService';
import type { NewIssueArgs, RecordReportArgs } from './issueCommands';
import { IssueNode } from './issueNodes';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';
import type { DraftPreparer, DraftReplyArgs, DraftReplyResult } from './replyCommands';
import { draftLanguage } from './replyCommands';
import { log } from './log';
import { withRequestProgress } from './requestProgress';


export interface JourneyArgs {
  /** Workspace folder path or URI; optional when there is one folder or the id is unique. */
  folder?: string | vscode.Uri;
  /** The issue the client reported again. */
  issue?: string;
  /** Create this issue instead of picking one. */
  newIssue?: NewIssueArgs;
  /** The client's new report; null records none (e.g. the report is already in the file). */
  report?: Omit<RecordReportArgs, 'issue' | 'folder'> | null;
  /** Passed on to Draft Reply. Without `nextStepBy`, a journey started from the palette or a menu asks for it. */
  draft?: Omit<DraftReplyArgs, 'issue' | 'folder'>;
}

export interface JourneyResult {
  issue: string;
  verdict: Verdict;
  /** The one sentence shown to the person. */
  sentence: string;
  draft: DraftReplyResult | undefined;
}

export interface JourneyDeps {
  issues: IssueWorkspace;
  evidence: EvidenceService;
  /** Renders the coming draft while the person answers its last question (see prepareDraftText). */
  prepareDraft?: DraftPreparer;
}

/**
 * How long after the next-step question is asked the draft is rendered ahead: the question goes to
 * the window first (the extension host sends its messages on a timer of its own), then the render
 * holds the extension host while the person reads it.
 */
const PREPARE_AFTER_MS = 20;

/** Needs a reply that states a problem on our side: shown as a warning rather than information. */
const ATTENTION: ReadonlySet<Verdict> = new Set(['fix-reverted', 'fix-modified', 'fix-not-deployed', 'fix-not-on-target']);

const NEW_ISSUE = Symbol('new issue');

const lastReported = reportedOn;

async function pickIssueOrNew(issues: IssueWorkspace): Promise<{ folder: FolderIssues; issue: Issue } | typeof NEW_ISSUE | undefined> {
  const multi = issues.all().length > 1;
  type Item = vscode.QuickPickItem & { target?: { folder: FolderIssues; issue: Issue } };
  const existing: Item[] = issues
    .all()
    .flatMap((folder) => folder.store.issues().map((issue) => ({ folder, issue })))
    // The issue the client is most likely writing about: reported most recently, closed ones last.
    .sort((a, b) => Number(a.issue.status === 'closed') - Number(b.issue.status === 'closed') || compareByLatestReport(a.issue, b.issue))
    .map((target) => ({
      label: `${target.issue.id}: ${target.issue.title}`,
      description: `${target.issue.client}${multi ? ` · ${target.folder.folder.name}` : ''}`,
      detail: vscode.l10n.t('Last reported {0}', lastReported(target.issue)),
      target,
    }));
  // Last, so that typing an id and pressing Enter picks that issue, not this entry.
  const items: Item[] = [
    ...existing,
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: `$(add) ${vscode.l10n.t('New client issue…')}`, alwaysShow: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t("The Client Says It's Back"),
    placeHolder: vscode.l10n.t('Which issue is the client reporting again?'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  return picked.target ?? NEW_ISSUE;
}

const NO_DATE = '';

/**
 * "By when will you send the next step?": the suggestion (N working days, the setting) is filled
 * in for the person to confirm or change; an empty answer names no date; Escape stops the journey
 * before the draft. The reply never names a date the person did not choose.
 */
function suggestedNextStepBy(folder: FolderIssues): string {
  const days = vscode.workspace.getConfiguration(SETTINGS.section, folder.folder.uri).get<number>(SETTINGS.nextStepWorkingDays, 2);
  return suggestNextStepBy(new Date().toISOString(), days) ?? NO_DATE;
}

/** `locale`: the reply's language, so the date is shown as the reply will write it (not in the editor's language). */
async function askNextStepBy(suggestion: string, locale: string): Promise<string | undefined> {
  const today = new Date().toLocaleDateString('en-CA');
  const describe = (value: string): string =>
    value === NO_DATE ? vscode.l10n.t('Empty: the reply names no date.') : vscode.l10n.t('The reply will say: {0}.', formatDay(value, { locale, currentYear: new Date().getFullYear() }));
  return vscode.window.showInputBox({
    title: vscode.l10n.t("The Client Says It's Back"),
    prompt: vscode.l10n.t('By when will you send the next step? (YYYY-MM-DD; empty for no date)'),
    value: suggestion,
    valueSelection: [0, suggestion.length],
    validateInput: (value) => {
      const text = value.trim();
      if (text === NO_DATE) return { message: describe(NO_DATE), severity: vscode.InputBoxValidationSeverity.Info };
      if (!isCalendarDay(text)) return vscode.l10n.t('{0} is not a date as YYYY-MM-DD.', text);
      if (text < today) return vscode.l10n.t('{0} has already passed.', text);
      return { message: describe(text), severity: vscode.InputBoxValidationSeverity.Info };
    },
  }).then((value) => value?.trim());
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

const short = shortSha;

/** The verdict in one sentence with its key facts, in the UI language. */
function verdictSentence(evidence: IssueEvidence, id: string): string {
  const fixes = evidence.fixes;
  const first: FixEvidence | undefined = fixes.find((f) => f.exists) ?? fixes[0];
  const fix = first ? short(first.sha) : '';
  const target = evidence.target.ref;
  const deployed = evidence.deployed?.ref ?? '';
  switch (evidence.verdict) {
    case 'no-fix-linked':
      return vscode.l10n.t('{0}: no fix is linked and no commit message closes it. Link the fix, or treat it as a new bug.', id);
    case 'fix-not-on-target':
      return vscode.l10n.t('{0}: the fix {1} is not on {2}, nor a copy of it.', id, fix, target);
    case 'fix-reverted': {
      const revert = fixes.flatMap((f) => f.reverts)[0];
      if (!revert) return vscode.l10n.t('{0}: the fix {1} was reverted.', id, fix);
      // The user's own action has its own sentence: Spanish conjugates it ("revertiste"), and it reads as owning it.
      return revert.byMe
        ? vscode.l10n.t('{0}: you reverted the fix {1} on {2} ({3}).', id, fix, day(revert.date), short(revert.sha))
        : vscode.l10n.t('{0}: the fix {1} was reverted by {2} on {3} ({4}).', id, fix, revert.authorName, day(revert.date), short(revert.sha));
    }
    case 'fix-not-deployed': {
      // Undone in the client's version and put back since: said so, with the restore and its release.
      const undone = fixes.find((f) => undoAndRestore(f) !== null);
      const told = undone === undefined ? null : undoAndRestore(undone);
      if (undone !== undefined && told !== null) {
        const { undo: revert, restore } = told;
        const [d, f, r, by] = [deployed, short(undone.sha), short(revert.sha), short(restore.sha)];
        const back = restore.firstTag?.name ?? null;
        // The user's own restore has its own sentence: Spanish conjugates it ("la restauraste").
        if (restore.byMe) {
          return back !== null
            ? vscode.l10n.t("{0}: the client's version {1} has the fix {2} and its revert {3}; you restored it ({4}), first released in {5}.", id, d, f, r, by, back)
            : vscode.l10n.t("{0}: the client's version {1} has the fix {2} and its revert {3}; you restored it ({4}), in no release yet.", id, d, f, r, by);
        }
        return back !== null
          ? vscode.l10n.t("{0}: the client's version {1} has the fix {2} and its revert {3}; {4} restored it ({5}), first released in {6}.", id, d, f, r, restore.authorName, by, back)
          : vscode.l10n.t("{0}: the client's version {1} has the fix {2} and its revert {3}; {4} restored it ({5}), in no release yet.", id, d, f, r, restore.authorName, by);
      }
      const release = first?.firstTag;
      return release
        ? vscode.l10n.t("{0}: fixed in {1}, first released in {2} ({3}); the client's version {4} does not contain it.", id, fix, release.name, day(release.date), deployed)
        : vscode.l10n.t("{0}: fixed in {1}, in no release yet; the client's version {2} does not contain it.", id, fix, deployed);
    }
    case 'fix-modified': {
      const withSurvival = fixes.find((f) => (f.survivalDeployed ?? f.survival)?.changedBy.length);
      const survival = withSurvival && (withSurvival.survivalDeployed ?? withSurvival.survival);
      const change = survival?.changedBy[0];
      if (!survival || !change) return vscode.l10n.t('{0}: the fix {1} was changed since.', id, fix);
      const lost = survival.modified + survival.removed;
      return change.byMe
        ? vscode.l10n.t('{0}: {1} of {2} lines of the fix {3} are no longer intact; you last changed them on {4} ({5}).', id, lost, survival.added, short(withSurvival.sha), day(change.date), short(change.sha))
        : vscode.l10n.t('{0}: {1} of {2} lines of the fix {3} are no longer intact, last changed by {4} on {5} ({6}).', id, lost, survival.added, short(withSurvival.sha), change.authorName, day(change.date), short(change.sha));
    }
    case 'deployed-unknown': {
      // A version the client named that git does not know is acknowledged, not reported as unknown.
      const said = evidence.caveats.find((c) => c.code === 'deployed-ref-unresolved')?.subjects[0];
      return said !== undefined
        ? vscode.l10n.t("{0}: the fix {1} is intact on {2}; the client's version \"{3}\" is no branch, tag or commit here, so it cannot be checked.", id, fix, target, said)
        : vscode.l10n.t("{0}: the fix {1} is intact on {2}; the client's version is not known, so it cannot be checked.", id, fix, target);
    }
    case 'fix-intact':
      return vscode.l10n.t("{0}: the fix {1} is intact on {2} and in the client's version {3}: the cause is probably new.", id, fix, target, deployed);
  }
}

interface EarlyEvidence {
  /** Settles (never rejects) when the early check ended, whichever way. */
  settled: Promise<void>;
  cancel(): void;
  /** How long the early check ran, or has run so far. */
  elapsed(): number;
}

/** The issue's evidence, asked for as the user's request (ahead of background checks), before its answer is needed. */
function startEvidence(evidence: EvidenceService, folder: FolderIssues, id: string): EarlyEvidence {
  const source = new vscode.CancellationTokenSource();
  const started = Date.now();
  let ended: number | undefined;
  const cancel = (): void => {
    if (ended === undefined) source.cancel();
  };
  const settled = evidence
    .forFolder(folder)
    .compute(id, source.token)
    .then(
      () => undefined,
      // The request that follows computes it again and tells the person whatever went wrong.
      () => undefined,
    )
    .finally(() => {
      ended = Date.now();
      source.dispose();
    });
  return { settled, cancel, elapsed: () => (ended ?? Date.now()) - started };
}

export function createJourney(deps: JourneyDeps): (arg?: unknown) => Promise<JourneyResult | undefined> {
  const { issues, evidence } = deps;
  return async (arg?: unknown): Promise<JourneyResult | undefined> => {
    const invoked = Date.now();
    if (!vscode.workspace.isTrusted) {
      throw new UserError('restricted', vscode.l10n.t('Proof of Fix runs no git in Restricted Mode. Trust this workspace to check the evidence.'), {
        action: { title: vscode.l10n.t('Manage Workspace Trust'), command: 'workbench.trust.manage' },
      });
    }
    // Started by a person (palette, menu) rather than by a script with its arguments.
    const interactive = arg === undefined || arg instanceof IssueNode;
    const args: JourneyArgs = arg instanceof IssueNode ? { issue: arg.issue.id, folder: arg.folder.folder.uri } : ((arg as JourneyArgs | undefined) ?? {});
    // The evidence will be asked for as soon as the issue is picked: the session's first scan of the
    // history (seconds of git and of the extension host on a large one) stops now, not then, so the
    // questions and the request's own search of the history do not wait behind it.
    evidence.stopFirstScans();
    await issues.ready();
    const ready = Date.now() - invoked;

    // 1. The issue.
    let target: { folder: FolderIssues; issue: Issue } | undefined;
    let created = false;
    if (args.newIssue) {
      const issue = await vscode.commands.executeCommand<Issue | undefined>(CommandIds.newIssue, args.newIssue);
      target = issue && issues.issueNamed(issue.id, args.newIssue.folder);
      created = true;
    } else if (args.issue) {
      target = issues.issueNamed(args.issue, args.folder);
    } else {
      const picked = await pickIssueOrNew(issues);
      if (picked === NEW_ISSUE) {
        const issue = await vscode.commands.executeCommand<Issue | undefined>(CommandIds.newIssue);
        target = issue && issues.issueNamed(issue.id);
        created = true;
      } else {
        target = picked;
      }
    }
    if (!target) return undefined;
    const { folder } = target;
    const id = target.issue.id;
    const started = Date.now();

    // The evidence needs only the issue: it is checked while the person answers the report's questions.
    const early = startEvidence(evidence, folder, id);
    let recorded = false;
    try {
      // 2. The new report (a new issue's first report was just recorded by New Client Issue).
      if (!created && args.report !== null) {
        const reportArgs = args.report ? { ...args.report, issue: id, folder: folder.folder.uri } : { issue: id, folder: folder.folder.uri };
        const updated = await vscode.commands.executeCommand<Issue | undefined>(CommandIds.recordReport, reportArgs);
        if (!updated) return undefined;
      }
      recorded = true;
    } finally {
      // The person stopped at a question: the early check does not stay ahead of the background work.
      if (!recorded) early.cancel();
    }
    const reported = Date.now();

    // 3. The evidence: what was checked early is confirmed against the issue as it stands now (the
    // report may name the client's version); only a changed input is checked again.
    const result = await withRequestProgress(vscode.l10n.t('Checking the evidence for {0}…', id), { cancellable: true }, async (token) => {
      const stop = token.onCancellationRequested(() => early.cancel());
      try {
        await early.settled;
        return await evidence.request(folder, id);
      } finally {
        stop.dispose();
      }
    });
    const checked = Date.now();
    log().info(`Journey for ${id}: issues read ${ready} ms after the command began, issue picked at ${started - invoked} ms; report ${reported - started} ms, evidence ${checked - reported} ms after it (started with the issue, ${early.elapsed()} ms)`);

    // 4. The verdict in one sentence, not awaited: the draft opens while it shows.
    const sentence = verdictSentence(result, id);
    const show = ATTENTION.has(result.verdict) ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const reveal = vscode.l10n.t('Show in Client Issues');
    const timeline = vscode.l10n.t('Show Timeline');
    void show(sentence, reveal, timeline).then((choice) => {
      if (choice === reveal) void vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      if (choice === timeline) void vscode.commands.executeCommand(CommandIds.showTimeline, { issue: id, folder: folder.folder.uri });
    });

    // 5. The date of the next step, as the person chooses it.
    const draftArgs: Omit<DraftReplyArgs, 'issue' | 'folder'> = { ...(args.draft ?? {}) };
    if (draftArgs.nextStepBy === undefined && interactive) {
      const suggestion = suggestedNextStepBy(folder);
      const issue = folder.store.issue(id);
      const asked = askNextStepBy(suggestion, issue ? draftLanguage(folder, issue, draftArgs) : vscode.env.language);
      // The draft as the suggestion would have it, rendered and thrown away while the person reads
      // the question: its templates are compiled by the time the answer comes. Nothing is written or
      // shown; the answer given is what the draft below is rendered with.
      const prepare = deps.prepareDraft;
      const ahead =
        prepare && issue
          ? setTimeout(() => {
              const at = Date.now();
              prepare(folder, issue, result, { ...draftArgs, ...(suggestion !== NO_DATE ? { nextStepBy: suggestion } : {}) }).then(
                () => log().info(`Rendered the reply for ${id} ahead in ${Date.now() - at} ms, while the next step was asked`),
                // Draft Reply renders it again and reports whatever failed.
                () => undefined,
              );
            }, PREPARE_AFTER_MS)
          : undefined;
      const chosen = await asked;
      clearTimeout(ahead);
      if (chosen === undefined) return { issue: id, verdict: result.verdict, sentence, draft: undefined };
      if (chosen !== NO_DATE) draftArgs.nextStepBy = chosen;
    }

    // 6. The reply draft, in the reply column.
    const draft = await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { ...draftArgs, issue: id, folder: folder.folder.uri });
    return { issue: id, verdict: result.verdict, sentence, draft };
  };
}
