// From an issue's evidence and its file to the timeline's marks and lanes: the client's reports,
// replies and version on the client's lane; each fix with its copies, releases, later changes and
// reverts on a lane of its own; a line that never got any fix as an empty lane.
import { distinctChanges, linkedCopiesOf } from '../evidence/fixRelations';
import type { CommitFacts, FixEvidence, IssueEvidence } from '../evidence/model';
import { intactWhereClientRuns } from '../evidence/verdict';
import { fixChanges } from '../evidenceView';
import type { FixChange } from '../evidenceView';
import { formatDate } from '../reply/format';
import { shortSha } from '../sha';
import type { Audience, Issue, Language } from '../store/model';
import type { MarkKind, Perspective, Timeline, TimelineLane, TimelineMark } from './model';
import { timeOf } from './model';
import type { TimelineWords, Who } from './words';
import { timelineWords } from './words';

export interface TimelineInput {
  evidence: IssueEvidence;
  /** The issue file: its reports and replies. Absent for --ref / --fix evidence. */
  issue?: Pick<Issue, 'id' | 'title' | 'reports' | 'replies'>;
  language: Language;
  audience: Audience;
  perspective: Perspective;
  /** YYYY-MM-DD. */
  today: string;
  /** Dates of release tags, by name (see gatherTimelineFacts); a tag without one is not drawn. */
  tagDates?: Readonly<Record<string, string>>;
  /** When the client's version was made (its tag's date, else its commit's). */
  deployedDate?: string | null;
  /** By fix sha: its releases that also hold a revert of it, or a later change to its lines. */
  releasesWithRevert?: Readonly<Record<string, readonly string[]>>;
  releasesWithChange?: Readonly<Record<string, readonly string[]>>;
}

/** How many releases of one fix are drawn; the rest are counted on the last one. */
export const MAX_RELEASES_PER_FIX = 6;
/** How many later commits of one fix are drawn; the rest are counted on the fix. */
const MAX_CHANGES_PER_FIX = 12;

/**
 * The commits that undid or changed a fix that a timeline shows: every revert, then the changes
 * that altered the fix's own lines, then other changes to its region, newest first within each;
 * at most MAX_CHANGES_PER_FIX, so a long-lived file does not bury the story (or the page's size).
 */
export function shownChanges(fix: FixEvidence): { shown: FixChange[]; hidden: number } {
  const all = fixChanges(fix);
  const rank = (c: FixChange): number => (c.role === 'revert' ? 0 : c.lines !== null ? 1 : 2);
  const ordered = all.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
  const shown = ordered.slice(0, Math.max(MAX_CHANGES_PER_FIX, all.filter((c) => c.role === 'revert').length));
  return { shown, hidden: all.length - shown.length };
}

function whoOf(commit: CommitFacts): Who {
  return { mine: commit.byMe, name: commit.authorName };
}

/** A version name may be shown to any reader; a branch name or a sha only to a technical one. */
function looksLikeVersion(ref: string): boolean {
  return /^v?\d+(\.\d+)+/i.test(ref);
}

export function buildTimeline(input: TimelineInput): Timeline {
  const { evidence, language, audience, perspective } = input;
  const w = timelineWords(language);
  const technical = audience === 'technical';
  // The author's own calendar day, as git recorded it, whatever the zone of the machine drawing it.
  const day = (iso: string): string => formatDate(iso.slice(0, 10), { locale: language });
  const target = technical ? evidence.target.ref : null;
  const marks: TimelineMark[] = [];
  const lanes: TimelineLane[] = [{ id: 'client', label: w.clientLane, empty: false }];
  const commitFacts = (c: CommitFacts): string[] =>
    technical ? [`${shortSha(c.sha)} “${c.subject}”`, `${w.author(c.authorName, c.byMe, perspective)} · ${day(c.date)}`] : [w.author(c.authorName, c.byMe, perspective)];
  const add = (kind: MarkKind, id: string, date: string, lane: number, label: string, facts: string[], extra: Partial<TimelineMark> = {}): void => {
    if (Number.isNaN(timeOf(date))) return;
    marks.push({ id, kind, date, lane, label, facts, ...extra });
  };

  for (const [i, report] of (input.issue?.reports ?? []).entries()) {
    add('report', `report:${i}`, report.date, 0, w.report, [w.reportFact(report.channel), `“${report.words}”`, ...(report.version ? [w.reportVersion(report.version)] : [])]);
  }
  for (const [i, reply] of (input.issue?.replies ?? []).entries()) add('reply', `reply:${i}`, reply.date, 0, w.reply, [w.replyFact]);

  // One lane per change: a change linked twice (a cherry-pick with its original) is drawn once.
  const fixes = distinctChanges(evidence.fixes);
  for (const [i, fix] of fixes.entries()) {
    const lane = lanes.length;
    const onTarget = fix.reachable || fix.equivalents.length > 0;
    const name = technical ? `${w.fixLane(null)} ${shortSha(fix.sha)}` : w.fixLane(fixes.length > 1 ? i + 1 : null);
    // A fix on another release line that is the same fix as one on the target is a counterpart
    // (a backport, or the forward port), not a missing piece: its lane says so.
    const counterpart = (fix.counterpartOf ?? []).length > 0;
    // An attempt undone and replaced by a later fix is history, and its lane says so (the reply does too).
    const attempt = (fix.supersededBy ?? []).length > 0;
    const where = attempt ? w.attempt : onTarget ? null : counterpart ? w.counterpart : w.notOnTarget(target);
    lanes.push({ id: `fix:${fix.sha}`, label: where === null ? name : `${name} (${where})`, empty: false });
    addFix(fix, lane);
  }
  // The line the client's fix should be on, when no fix reached it, is drawn too: empty.
  if (fixes.length > 0 && !fixes.some((f) => f.reachable || f.equivalents.length > 0)) {
    lanes.push({ id: `line:${evidence.target.ref}`, label: w.withoutFix(target), empty: true });
  }

  if (evidence.deployed !== null && input.deployedDate) {
    const { ref, containsFix } = evidence.deployed;
    const shown = technical || looksLikeVersion(ref) ? ref : w.installed;
    const facts = [w.deployedFact(shown, containsFix)];
    const survivals = fixes.map((f) => f.survivalDeployed).filter((s) => s !== null && s.added > 0);
    const intact = survivals.reduce((n, s) => n + (s?.intact ?? 0), 0);
    const added = survivals.reduce((n, s) => n + (s?.added ?? 0), 0);
    if (containsFix && intact < added) facts[0] = `${facts[0] as string}, ${w.deployedLinesChanged(intact, added)}`;
    if (technical) facts.push(evidence.deployed.sha.slice(0, 12));
    add('deployed', 'deployed', input.deployedDate, 0, shown, facts, { lacksFix: !containsFix || intact < added });
  }

  return {
    issueId: evidence.issueId,
    title: input.issue?.title ?? null,
    verdict: evidence.verdict,
    sentence: verdictSentence(evidence, w, perspective, technical, day),
    // Commit ids and paths only for a technical reader; a plain page is never made with a hole.
    notes: technical ? evidence.caveats.flatMap((c) => {
      if (c.code === 'fix-missing') return [w.missingFix(c.subjects.map((x) => shortSha(x)).join(', '))];
      if (c.code === 'survival-incomplete') return [w.unmeasured(c.subjects.join(', '))];
      return c.code === 'shallow-history' ? [w.shallow] : [];
    }) : evidence.caveats.some((c) => c.code === 'shallow-history') ? [w.shallow] : [],
    language,
    audience,
    lanes,
    marks,
    today: input.today,
    todayLabel: w.today,
  };

  function addFix(fix: FixEvidence, lane: number): void {
    const commit = (kind: MarkKind, c: CommitFacts, label: string, summary: string): void => {
      const mine = c.byMe ? ` · ${w.mineTag(perspective)}` : '';
      add(kind, `${kind}:${c.sha}`, c.date, lane, `${technical ? shortSha(c.sha) : label}${mine}`, [summary, ...commitFacts(c)], technical ? { sha: c.sha, mine: c.byMe } : { mine: c.byMe });
    };
    const survival = fix.survival ?? fix.survivalDeployed;
    const { shown: changes, hidden } = shownChanges(fix);
    commit('fix', fix, w.fix, survival && survival.added > 0 ? `${w.fixFact} · ${w.linesIntact(survival.intact, survival.added)}` : w.fixFact);
    if (hidden > 0) marks[marks.length - 1]?.facts.push(w.moreChanges(hidden));
    // Its copies: on the target, and those linked themselves (a backport on the client's line), on its lane.
    const linkedCopies = linkedCopiesOf(fix, evidence.fixes);
    const copies = [...fix.equivalents, ...linkedCopies];
    for (const copy of fix.equivalents) commit('fix', copy, w.copy, w.copyFact);
    for (const copy of linkedCopies) commit('fix', copy, w.copy, w.backportFact);
    const own = [fix.sha, ...linkedCopies.map((c) => c.sha)];
    const holds = (lists: Readonly<Record<string, readonly string[]>> | undefined, tag: string): boolean => own.some((sha) => lists?.[sha]?.includes(tag) ?? false);
    // The fix's own releases and its copies' (each a fact about that commit), once per tag.
    const known = new Map<string, string | undefined>();
    for (const c of [fix, ...copies]) {
      for (const name of c.tags ?? []) if (!known.has(name)) known.set(name, input.tagDates?.[name] ?? (c.firstTag?.name === name ? c.firstTag.date : undefined));
    }
    const dated = [...known]
      .map(([name, date]) => ({ name, date }))
      .filter((t): t is { name: string; date: string } => t.date !== undefined)
      .sort((a, b) => timeOf(a.date) - timeOf(b.date));
    const shown = dated.slice(0, MAX_RELEASES_PER_FIX);
    for (const [i, tag] of shown.entries()) {
      const more = i === shown.length - 1 && dated.length > shown.length ? [w.moreReleases(dated.length - shown.length)] : [];
      const undone = holds(input.releasesWithRevert, tag.name);
      const altered = !undone && holds(input.releasesWithChange, tag.name);
      const summary = undone ? w.releaseUndone(tag.name) : altered ? w.releaseAltered(tag.name) : w.release(i === 0, tag.name);
      add('release', `release:${fix.sha}:${tag.name}`, tag.date, lane, tag.name, [summary, ...more], { lacksFix: undone, altered });
    }
    // The client's version holds every line of the fix as it was: what undid or changed those lines
    // on the target is not in it (the page must not read as if the client ran it).
    const clientIntact = evidence.deployed?.containsFix === true && intactWhereClientRuns(fix);
    const outside = (summary: string, changedLines: boolean): string => (clientIntact && changedLines ? `${summary} · ${w.notInClientVersion}` : summary);
    for (const change of changes) {
      if (change.role === 'revert') commit('revert', change.commit, w.revert, outside(w.revertFact(whoOf(change.commit), perspective), true));
      else commit('change', change.commit, w.change, outside(w.changeFact(whoOf(change.commit), perspective, change.lines), change.lines !== null));
    }
  }
}

function verdictSentence(evidence: IssueEvidence, w: TimelineWords, perspective: Perspective, technical: boolean, day: (iso: string) => string): string {
  const line = technical ? evidence.target.ref : null;
  // The target's own fix first: a backport with the same verdict names its own line's release.
  const byPlace = [...evidence.fixes.filter((f) => f.reachable), ...evidence.fixes.filter((f) => !f.reachable)];
  const deciding = byPlace.find((f) => evidence.fixVerdicts[f.sha] === evidence.verdict);
  const withSha = (sentence: string, sha: string | undefined): string => (technical && sha ? sentence.replace(/([.;])?$/, ` (${shortSha(sha)})$1`) : sentence);
  switch (evidence.verdict) {
    case 'no-fix-linked':
      return w.verdict.noFix;
    case 'fix-not-on-target':
      return w.verdict.notOnTarget(line);
    case 'fix-reverted': {
      const revert = deciding?.reverts.slice().sort((a, b) => timeOf(a.date) - timeOf(b.date))[0];
      if (revert === undefined) return w.verdict.notOnTarget(line);
      return withSha(w.verdict.reverted(whoOf(revert), perspective, day(revert.date)), revert.sha);
    }
    case 'fix-not-deployed': {
      const deployed = evidence.deployed?.ref ?? '';
      const release = deciding?.firstTag?.name ?? null;
      const update = evidence.deployed?.update?.name ?? null;
      return w.verdict.notDeployed(release, technical || looksLikeVersion(deployed) ? deployed : w.installed, update === release ? null : update);
    }
    case 'fix-modified': {
      const changer = deciding ? fixChanges(deciding).find((c) => c.role === 'change') : undefined;
      return withSha(w.verdict.modified(changer ? whoOf(changer.commit) : null, perspective, changer ? day(changer.commit.date) : null), changer?.commit.sha);
    }
    case 'deployed-unknown':
      return w.verdict.deployedUnknown(line);
    case 'fix-intact':
      return w.verdict.intact;
  }
}
