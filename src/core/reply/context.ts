// The template context: the verified facts of one IssueEvidence, reshaped for a reply. A fact that
// the evidence does not establish is absent, not null or empty, so that a strict template which
// states it fails instead of printing a blank (e.g. `deployed` exists only when the client's
// version contains every fix).
import { compareNewestFirst } from '../commitOrder';
import { distinctChanges } from '../evidence/fixRelations';
import { standInOnDeployedLine } from '../evidence/verdict';
import type { CommitFacts, FixEvidence, IssueEvidence, Verdict } from '../evidence/model';
import type { Audience, Client, Issue, Language, Register } from '../store/model';
import { DEFAULT_AUDIENCE, latestReport } from '../store/model';
import { buildAppendix } from './appendix';
import { changesOf, changesToShow, commit, fileNames, survivalTold } from './linesTold';
import { finalOf, releasedApart, releasedEarlier, releaseOf, tagOf } from './releasesTold';
import type { Appendix } from './appendix';
import type { ReplyRestore } from './restored';
import { restoredForClient } from './restored';

export interface ReplyCommit {
  sha: string;
  subject: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
  /** Authored by one of the user's own identities. */
  byMe: boolean;
  /** Names of the files it touched (the fix's files; the fix's lines a change touched), for a workspace template; the built-in replies name none to a plain reader. */
  files: string[];
}

export interface ReplyTag {
  name: string;
  date: string;
  /** A pre-release (`v3.3.0-rc.1`, curl's `rc-8_22_0-2`), as `isPreRelease` reads tag names: a plain reply calls it a preview version. */
  preRelease?: boolean;
}

export interface ReplyFix extends ReplyCommit {
  /** Reachable from the target, directly or through `copy`. */
  onTarget: boolean;
  /** The equivalent commit (same patch) on the target, when the fix itself is not reachable. */
  copy?: ReplyCommit;
  /** Release tags containing the fix, in version order. */
  tags: string[];
  /** The first release that had the fix in place (for a reverted fix, one without the revert). */
  firstTag?: ReplyTag;
  /** The first final release (not a pre-release) that had the fix in place: `firstTag` when that is final. */
  firstFinalTag?: ReplyTag;
  /** Every release that contains the fix also contains the change that undid it. */
  undoneBeforeRelease?: boolean;
}

export interface ReplyRevert extends ReplyCommit {
  /** The fix it reverted. */
  fixSha: string;
  /** That fix's date: a plain reply names the part of a fix undone by when it was made. */
  fixDate: string;
}

/** An earlier fix that was undone and then replaced by the fixes that stand: history, told once. */
export interface ReplyAttempt extends ReplyCommit {
  /** The change that undid it (the newest, when there were several). */
  undo: ReplyCommit;
}

export interface ReplyChange extends ReplyCommit {
  /** How many of the fix's lines this commit changed or removed. */
  lines: number;
  /**
   * In `changesShown` only: how many changes by this author on this day the entry stands for (the
   * sum of their lines, the union of their files). A plain reply names no commit, so three changes
   * by one person on one day would read as one line said three times.
   */
  changeCount?: number;
}

export interface ReplySurvival {
  /** Where survival was measured: the client's version when known and containing the fix, else the target. */
  ref: string;
  sha: string;
  added: number;
  intact: number;
  /** modified + removed. */
  changed: number;
  modified: number;
  removed: number;
}

export interface ReplyRef {
  ref: string;
  sha: string;
  /** The ref as a client knows it: present when it is a release name (v1.5.0), absent for a branch or commit. */
  name?: string;
}

export interface ReplyIssue {
  id?: string;
  title?: string;
  /** YYYY-MM-DD of the client's latest report. */
  reportedOn?: string;
  /** The version the client said they run, in their words. */
  version?: string;
}

export interface ReplyContext {
  language: Language;
  /** Spanish informal register; always false in English. */
  tu: boolean;
  audience: Audience;
  /** audience === 'technical': commit ids, branches and commit subjects may be named. */
  technical: boolean;
  verdict: Verdict;
  contactName?: string;
  /** The contact's first name, for the default greeting ("Hola, Carmen:"). */
  firstName?: string;
  /** The client's own greeting line, used as written. */
  greeting?: string;
  clientName?: string;
  signature?: string;
  issue: ReplyIssue;
  /** ISO 8601 time the evidence was computed. */
  checkedAt: string;
  target: ReplyRef;
  /** The linked fixes that exist in the repository. */
  fixes: ReplyFix[];
  /** The first of `fixes`. */
  fix?: ReplyFix;
  /** Shas linked as fixes that the repository does not have. */
  missingFixes: string[];
  /**
   * The first release containing every fix, as `fixes` tells them (the target's): absent when some
   * fix is in no release. The release of the client's line, when it differs, is `deployed.release`.
   */
  release?: ReplyTag;
  /**
   * The first final release containing every fix: `release` when that is not a pre-release, else
   * the later final release that holds them; absent when none is known to. A plain reply names this
   * one as the release, and a pre-release only when no final release holds the fix.
   */
  finalRelease?: ReplyTag;
  /**
   * `release` is the first release of the fix in any form: no copy or counterpart on another line
   * was released before it (wagtail #13137: the backports were out in 6.2.4 … 7.0.1 six weeks
   * before main's 7.1rc1, which is not the "first" release of the fix).
   */
  releaseFirst?: boolean;
  /**
   * The client's version; present only when the evidence says it contains every fix. `release`:
   * the first release of the client's own line with the fix, when the client has it in another form
   * than the target's (a copy or the same fix made on their line) released apart from `release`,
   * and no counterpart's sentence names it already.
   */
  deployed?: ReplyRef & { release?: ReplyTag };
  /**
   * The client's version; present only when it is known and lacks some fix. `update`: the first
   * release that descends from it and brings every fix (a backport released on the client's own
   * line), when it is not `release`; `updateTo`: the release the next step proposes, `update` else
   * `release`; `undone`: the same fix made on the client's line and undone there (its revert is in
   * their version), when there was one: then something did undo the fix for them; `restored`: the
   * fixes their version holds with a revert that a later change, not in it, undid (not in `fixes`).
   */
  notDeployed?: ReplyRef & { fixes: ReplyFix[]; update?: ReplyTag; updateTo?: ReplyTag; undone?: ReplyAttempt[]; restored?: ReplyRestore[] };
  /** Fixes neither reachable from the target nor copied onto it (counterparts aside). */
  offTarget: ReplyFix[];
  /** The fix is in parts, some on the target and some not: a reply tells the missing part as a part. */
  partOnTarget: boolean;
  /** The same fix made on another release line (a backport, or the original of one); not in `fixes`. */
  counterparts: ReplyFix[];
  /** Fixes undone and later replaced by `fixes` (fix, revert, new fix), oldest first; not in `fixes`. */
  attempts: ReplyAttempt[];
  reverts: ReplyRevert[];
  revertsByMe: ReplyRevert[];
  revertsByOthers: ReplyRevert[];
  /** Survival of the fixes' lines, summed over fixes; absent when nothing was measured. */
  survival?: ReplySurvival;
  /**
   * Survival at the target, when the client's version holds the fix and the target changed more of
   * its lines than that version did (those changes came after it, or on another line).
   */
  changedOnTarget?: ReplySurvival & { /** Every change was the user's. */ byMe: boolean; someByMe: boolean };
  /** The fix is in parts and only some of them were undone: a reply says "that part of the fix", not "the fix". */
  undonePart: boolean;
  /** Some fix was undone before any release had it in place (every release with it has the revert). */
  undoneBeforeRelease: boolean;
  /** Commits that changed or removed the fixes' lines, newest first. */
  changes: ReplyChange[];
  /**
   * The changes a plain reply lists, newest first: all of them up to four, else the three that
   * changed most lines; `changesMore` sums the rest. An email names a few, a report lists every one.
   */
  changesShown: ReplyChange[];
  changesMore?: { changes: number; lines: number };
  changesByMe: ReplyChange[];
  changesByOthers: ReplyChange[];
  /**
   * Every change is dated after the release told (the client's line's when told, else the fix's
   * first): "since the fix was released" is then true. A change made before it means the release
   * shipped the fix already changed, and a reply says only "since the fix was made".
   */
  changesAfterRelease: boolean;
  /** Later commits on the target that touched the fixed regions, newest first. */
  laterChanges: ReplyCommit[];
  /** Commits that mention the issue without fixing it, newest first. */
  mentions: ReplyCommit[];
  /** `releasesUnknown`: tags hold the fix, none reads as a release; no reply says it was not released. */
  caveats: { shallow: boolean; uncommitted: string[]; releasesUnknown: boolean };
  /**
   * The version the client said they run (or clients.json records) when it names no commit the
   * repository knows: the reply acknowledges it instead of asking again. Absent when the client's
   * version is known to the evidence.
   */
  versionSaid?: string;
  /** YYYY-MM-DD by which the reply's next step is promised; only a date the user chose. */
  nextStepBy?: string;
  appendix?: Appendix;
}

/**
 * Every field name a context can hold, at any depth. Templates are checked against it before they
 * render, so a misspelt field fails even where strict mode cannot see it (a block helper's argument).
 */
export const CONTEXT_FIELDS: ReadonlySet<string> = new Set([
  'language', 'tu', 'verdict', 'contactName', 'clientName', 'signature', 'issue', 'id', 'title',
  'reportedOn', 'version', 'checkedAt', 'target', 'ref', 'sha', 'fixes', 'fix', 'missingFixes',
  'release', 'finalRelease', 'preRelease', 'firstFinalTag', 'releaseFirst', 'name', 'date', 'deployed', 'notDeployed', 'update', 'updateTo', 'undone', 'restored', 'restore', 'offTarget', 'partOnTarget', 'reverts', 'revertsByMe',
  'revertsByOthers', 'survival', 'changedOnTarget', 'someByMe', 'added', 'intact', 'changed', 'modified', 'removed', 'changes',
  'changesShown', 'changesMore', 'undoneBeforeRelease', 'undonePart', 'changesByMe', 'changesByOthers', 'changesAfterRelease', 'laterChanges', 'mentions', 'caveats', 'shallow', 'uncommitted', 'releasesUnknown',
  'nextStepBy', 'appendix', 'subject', 'author', 'byMe', 'onTarget', 'copy', 'tags', 'firstTag',
  'fixSha', 'fixDate', 'lines', 'changeCount', 'counterparts', 'attempts', 'undo', 'audience', 'technical', 'firstName', 'greeting', 'versionSaid', 'files',
  // appendix
  'checks', 'kind', 'command', 'commands', 'expect', 'subjectSha', 'path',
]);

export interface ReplyInput {
  evidence: IssueEvidence;
  language: Language;
  /** Spanish only; defaults to usted. */
  register?: Register;
  /** Overrides the client's audience; default: the client's, else plain. */
  audience?: Audience;
  client?: Client;
  issue?: Issue;
  /** Adds the verification appendix (shas, refs and the git commands that check each statement). */
  appendix?: boolean;
  /** YYYY-MM-DD of the next step, as the user chose it; without it the reply names no date. */
  nextStepBy?: string;
  /** IANA zone for calendar days; undefined means the machine's zone. */
  timeZone?: string;
}

/**
 * The words of the file names a reply may name (the fixes' files, the files later changes touched):
 * a file called `CHANGES` or `LICENSE` is a name, not shouting, wherever the tone check meets it.
 */
export function fileNameWords(evidence: IssueEvidence): string[] {
  const paths = evidence.fixes.flatMap((f) => [...f.files, ...[f.survival, f.survivalDeployed].flatMap((s) => s?.changedBy.flatMap((c) => c.paths) ?? [])]);
  return [...new Set(fileNames(paths).flatMap((name) => name.split(/[^\p{L}\p{N}]+/u)).filter((w) => w !== ''))];
}

const RELEASE_NAME = /^v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?$/;

/** A ref as the client knows it: a release name is one; a branch or a commit id is not. */
function refOf(ref: string, sha: string, tags: ReadonlySet<string>): ReplyRef {
  return { ref, sha, ...(RELEASE_NAME.test(ref) || tags.has(ref) ? { name: ref } : {}) };
}

function fixOf(fix: FixEvidence): ReplyFix {
  const copySource = fix.reachable ? undefined : fix.equivalents[0];
  // A reverted fix was shipped only by the releases without its revert.
  const firstTag = copySource === undefined ? (fix.firstTagInEffect !== undefined ? fix.firstTagInEffect : fix.firstTag) : copySource.firstTag;
  // A reverted fix's first final release may hold the revert too: only a final first release in effect is known.
  const firstFinalTag = copySource !== undefined ? finalOf(copySource.firstTag, copySource.firstFinalTag) : fix.firstTagInEffect !== undefined ? finalOf(fix.firstTagInEffect, fix.firstFinalTagInEffect) : finalOf(fix.firstTag, fix.firstFinalTag);
  return {
    ...commit(fix, fix.files),
    onTarget: fix.reachable || copySource !== undefined,
    ...(copySource !== undefined ? { copy: commit(copySource) } : {}),
    // The releases are those of the commit on the target: the copy's when the fix came as a copy.
    tags: [...(copySource === undefined ? fix.tags : copySource.tags ?? [])],
    ...optional('firstTag', firstTag === undefined || firstTag === null ? undefined : tagOf(firstTag)),
    ...optional('firstFinalTag', firstFinalTag === undefined ? undefined : tagOf(firstFinalTag)),
    ...(copySource === undefined && fix.firstTagInEffect === null ? { undoneBeforeRelease: true } : {}),
  };
}

/** The same fix made on another release line: not a missing piece of the target's fix. */
function isCounterpart(fix: FixEvidence): boolean {
  return !fix.reachable && fix.equivalents.length === 0 && (fix.counterpartOf?.length ?? 0) > 0;
}

function uniqueBySha<T extends { sha: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.sha) ? false : (seen.add(item.sha), true)));
}

/**
 * For a client whose version has the fix, the first release of the form it has: a copy on the
 * client's line (a backport) or the same fix made there was released on that line, not in the
 * target's first release (pytest #10447: a client on 7.4.3 had been told "released in 8.0.0rc1").
 */
function asTheClientHasIt(fix: FixEvidence, all: readonly FixEvidence[]): Pick<ReplyFix, 'firstTag'> {
  if (fix.reachableDeployed !== false) return fixOf(fix);
  const copy = fix.equivalentsDeployed[0];
  const firstTag = copy !== undefined ? copy.firstTag : standInOnDeployedLine(fix, all)?.firstTag;
  return firstTag === undefined || firstTag === null ? {} : { firstTag: tagOf(firstTag) };
}

/** Some changes, each dated after the release (none when there is no release). */
function after(changes: readonly ReplyChange[], release: ReplyTag | undefined): boolean {
  if (release === undefined || changes.length === 0) return false;
  const released = Date.parse(release.date);
  return changes.every((c) => Date.parse(c.date) > released);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function buildReplyContext(input: ReplyInput): ReplyContext {
  const { evidence, issue, client } = input;
  // A change linked twice (a cherry-pick with its original, a rebased copy, a merge of it) is told and counted once.
  const present = distinctChanges(evidence.fixes);
  // An attempt that a later fix replaced is told apart, once; its revert is not the standing fix's.
  const superseded = (f: FixEvidence): boolean => (f.supersededBy?.length ?? 0) > 0;
  const existing = present.filter((f) => !isCounterpart(f) && !superseded(f));
  const attempts = present
    .filter((f) => superseded(f) && f.reverts[0] !== undefined)
    .map((f): ReplyAttempt => ({ ...commit(f, f.files), undo: commit(f.reverts[0] as CommitFacts) }))
    .sort((a, b) => -compareNewestFirst(a, b));
  const fixes = existing.map(fixOf);
  const counterparts = present.filter(isCounterpart).map(fixOf);
  // A counterpart in the client's version is measured there, its reverts too (see fixSteps.ts).
  const undoneForClient = present
    .filter((f) => isCounterpart(f) && f.inDeployed === true && f.reverts[0] !== undefined)
    .map((f): ReplyAttempt => ({ ...commit(f, f.files), undo: commit(f.reverts[0] as CommitFacts) }));
  const reverts = uniqueBySha(
    existing.flatMap((f) => f.reverts.map((r): ReplyRevert => ({ ...commit(r), fixSha: f.sha, fixDate: f.date }))),
  ).sort(compareNewestFirst);
  const changes = changesOf(existing, evidence.fixes);
  const laterChanges = uniqueBySha(existing.flatMap((f) => f.laterChanges.map((c) => commit(c)))).sort(compareNewestFirst);
  const report = issue === undefined ? undefined : latestReport(issue);
  const deployed = evidence.deployed;
  const tags = new Set(existing.flatMap((f) => f.tags));
  const unresolved = evidence.caveats.find((c) => c.code === 'deployed-ref-unresolved')?.subjects[0];
  const versionSaid = deployed === null ? nonEmpty(unresolved) ?? nonEmpty(report?.version) : undefined;
  const audience = input.audience ?? client?.audience ?? DEFAULT_AUDIENCE;
  const contactName = nonEmpty(client?.contactName);
  // The release told after the fixes is the target's fixes' own; the client's line's, when the
  // client has the fix in another form, is told as that line's (a sentence naming the target's fix
  // and then a release of another line read as if that fix had been released there).
  const release = releaseOf(fixes);
  const finalRelease = release === undefined ? undefined : releaseOf(fixes, 'firstFinalTag');
  const onClientLine = deployed?.containsFix === true ? releaseOf(existing.map((f) => asTheClientHasIt(f, evidence.fixes))) : undefined;
  const clientRelease = onClientLine !== undefined && onClientLine.name !== release?.name && !counterparts.some((c) => c.firstTag?.name === onClientLine.name) ? onClientLine : undefined;
  const update = deployed?.update === undefined || deployed.update === null ? undefined : tagOf(deployed.update);
  const restored = restoredForClient(existing);
  const releaseFirst = release !== undefined && !releasedEarlier(evidence.fixes, release);
  const { survival, changedOnTarget } = survivalTold(existing, evidence.fixes, deployed?.containsFix === true);

  const replyIssue: ReplyIssue = {
    ...optional('id', nonEmpty(issue?.id) ?? nonEmpty(evidence.issueId ?? undefined)),
    ...optional('title', nonEmpty(issue?.title)),
    ...optional('reportedOn', report?.date),
    ...optional('version', nonEmpty(report?.version)),
  };

  const context: ReplyContext = {
    language: input.language,
    tu: input.language === 'es' && (input.register ?? client?.register) === 'tu',
    audience,
    technical: audience === 'technical',
    verdict: evidence.verdict,
    ...optional('contactName', contactName),
    ...optional('firstName', contactName?.split(/\s+/)[0]),
    ...optional('greeting', nonEmpty(client?.greeting)),
    ...optional('clientName', nonEmpty(client?.name)),
    ...optional('signature', nonEmpty(client?.signature)),
    issue: replyIssue,
    checkedAt: evidence.computedAt,
    target: { ref: evidence.target.ref, sha: evidence.target.sha },
    fixes,
    ...optional('fix', fixes[0]),
    missingFixes: evidence.fixes.filter((f) => !f.exists).map((f) => f.sha),
    ...optional('release', release),
    ...optional('finalRelease', finalRelease),
    ...(releaseFirst ? { releaseFirst } : {}),
    ...(deployed !== null && deployed.containsFix ? { deployed: { ...refOf(deployed.ref, deployed.sha, tags), ...optional('release', clientRelease) } } : {}),
    ...(deployed !== null && !deployed.containsFix
      ? {
          notDeployed: {
            ...refOf(deployed.ref, deployed.sha, tags),
            fixes: existing.filter((f) => f.inDeployed !== true).map(fixOf),
            ...optional('update', update?.name === release?.name || update?.name === finalRelease?.name ? undefined : update),
            // Undone in their version, the fix's own first release is before the revert: only an update
            // with the restore brings it. Otherwise a final release that holds the fix is proposed before any pre-release.
            ...optional('updateTo', restored.length > 0 ? update : update !== undefined && !(update.preRelease === true && finalRelease !== undefined) ? update : finalRelease ?? release),
            ...optional('undone', undoneForClient.length > 0 ? undoneForClient : undefined),
            ...optional('restored', restored.length > 0 ? restored : undefined),
          },
        }
      : {}),
    offTarget: fixes.filter((f) => !f.onTarget),
    partOnTarget: fixes.some((f) => f.onTarget) && fixes.some((f) => !f.onTarget),
    counterparts,
    attempts,
    reverts,
    undoneBeforeRelease: fixes.some((f) => f.undoneBeforeRelease === true) && !releasedApart(evidence.fixes),
    undonePart: fixes.length > 1 && new Set(reverts.map((r) => r.fixSha)).size < fixes.length,
    revertsByMe: reverts.filter((r) => r.byMe),
    revertsByOthers: reverts.filter((r) => !r.byMe),
    ...optional('survival', survival),
    ...optional('changedOnTarget', changedOnTarget),
    changes,
    ...changesToShow(changes, input.timeZone),
    changesByMe: changes.filter((c) => c.byMe),
    changesByOthers: changes.filter((c) => !c.byMe),
    // Against the release a reply names: the client's line's, else the first final one (a plain reply names no earlier pre-release).
    changesAfterRelease: after(changes, clientRelease ?? finalRelease ?? release),
    laterChanges,
    mentions: evidence.mentions.map((c) => commit(c)),
    caveats: {
      shallow: !evidence.historyComplete || evidence.caveats.some((c) => c.code === 'shallow-history'),
      uncommitted: evidence.caveats.filter((c) => c.code === 'uncommitted-changes').flatMap((c) => c.subjects),
      releasesUnknown: evidence.caveats.some((c) => c.code === 'tags-not-releases'),
    },
    ...optional('versionSaid', versionSaid),
    ...optional('nextStepBy', input.nextStepBy),
  };
  if (input.appendix === true) context.appendix = buildAppendix(evidence);
  return context;
}
