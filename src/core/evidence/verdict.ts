// The verdict: one per issue, chosen by precedence over the verdicts of its fixes, each release
// line judged by the fixes that are on it (see the README, "verdict rules for several fixes").
import type { FixEvidence, RestoreFact, RevertFact, Verdict } from './model';
import { VERDICTS } from './model';

/**
 * Precedence (the order of VERDICTS; the first that applies to any fix wins):
 * no-fix-linked > fix-not-on-target > fix-reverted > fix-not-deployed > fix-modified >
 * deployed-unknown > fix-intact.
 * Why this order: what makes the other facts moot comes first. A fix missing from the target
 * (no copy either) cannot have been deployed or survived there; a revert undoes the fix whatever
 * the client runs, unless that version holds the fix's lines intact (see `revertCounts`); a
 * client not running the fix explains the report before any later change
 * does; a modified fix is a fact about the code even when the client's version is unknown (when
 * it is known and holds the fix, only a change in that version counts);
 * "intact" needs the client's version to be known, else the answer is deployed-unknown.
 * With several fixes the issue takes the most serious fix verdict: one missing piece is enough.
 * (A reverted attempt that a later fix replaced is not a piece: see `judgeIssue`.)
 */
function lost(s: FixEvidence['survival'], siblings: ReadonlySet<string> = NONE): number {
  if (s === null) return 0;
  // Lines another fix of the same issue changed are the issue's fix going on, not a later change
  // (curl #9917: a second commit raised the first one's version requirement again).
  return Math.max(0, s.modified + s.removed - linesBySiblings(s, siblings));
}

/** How many of the fix's lost lines the other fixes of the issue took (see `siblingFixes`). */
export function linesBySiblings(s: NonNullable<FixEvidence['survival']>, siblings: ReadonlySet<string>): number {
  return s.changedBy.reduce((n, c) => n + (siblings.has(c.sha) ? c.lines : 0), 0);
}

const NONE: ReadonlySet<string> = new Set();

/** The other linked fixes of the issue (and their copies): their changes to this fix's lines are the fix's own. */
export function siblingFixes(fix: FixEvidence, all: readonly FixEvidence[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const f of all) {
    if (f.sha === fix.sha || !f.exists) continue;
    out.add(f.sha);
    for (const e of [...f.equivalents, ...f.equivalentsDeployed]) out.add(e.sha);
  }
  return out;
}

/** The client's version is known, holds the fix, and its lines were measured there. */
function judgedInDeployed(fix: FixEvidence, deployedKnown: boolean): boolean {
  return deployedKnown && fix.inDeployed === true && fix.survivalDeployed !== null;
}

/**
 * The client's version holds every line the fix added, as it was (measured there): whatever undid
 * or changed those lines on the target is not in it. (A fix that added no line cannot show this.)
 */
export function intactWhereClientRuns(fix: FixEvidence): boolean {
  const there = fix.survivalDeployed;
  return fix.inDeployed === true && there !== null && there.added > 0 && lost(there) === 0;
}

/**
 * Whether the fix's reverts make it `fix-reverted`: always, except where the client's version holds
 * the fix intact. A revert takes the fix's lines away, so that version cannot have it: the revert
 * is on the target only, and the client runs the fix.
 */
export function revertCounts(fix: FixEvidence, deployedKnown: boolean): boolean {
  return fix.reverts.length > 0 && !(deployedKnown && intactWhereClientRuns(fix));
}

/**
 * The client's version holds the fix and a revert of it that its own history has not undone, while
 * the target's has no revert in effect (restored there, or never reverted): the fix is not in
 * effect where the client runs it, and an update brings it back (prometheus #16628: reverted the
 * day it landed, landed again before v3.12.0; a client on v3.11.0 has the revert only).
 */
export function undoneWhereClientRuns(fix: FixEvidence): boolean {
  return fix.inDeployed === true && fix.reverts.length === 0 && (fix.revertsDeployed?.length ?? 0) > 0;
}

/**
 * For a fix undone where the client runs it: the revert in their version (the newest there) and the
 * restore since (of that very revert, else the newest on the target); null otherwise. One choice for
 * every place that tells it (the reply, the journey's sentence).
 */
export function undoAndRestore(fix: FixEvidence): { undo: RevertFact; restore: RestoreFact } | null {
  if (!undoneWhereClientRuns(fix)) return null;
  const undo = fix.revertsDeployed?.[0];
  const restores = fix.restores ?? [];
  const restore = restores.find((r) => r.revert.sha === undo?.sha) ?? restores[restores.length - 1];
  return undo === undefined || restore === undefined ? null : { undo, restore };
}

export function fixVerdict(fix: FixEvidence, deployedKnown: boolean, siblings: ReadonlySet<string> = NONE): Verdict {
  if (!fix.exists || (!fix.reachable && fix.equivalents.length === 0)) return 'fix-not-on-target';
  if (revertCounts(fix, deployedKnown)) return 'fix-reverted';
  if (deployedKnown && (fix.inDeployed === false || undoneWhereClientRuns(fix))) return 'fix-not-deployed';
  // Measured where the client runs it, the fix is judged there: a later change on the target that
  // their version lacks cannot be what they see (nor be told as "in the version you run").
  const judged = judgedInDeployed(fix, deployedKnown) ? lost(fix.survivalDeployed, siblings) : lost(fix.survival, siblings) + lost(fix.survivalDeployed, siblings);
  if (judged > 0) return 'fix-modified';
  if (!deployedKnown) return 'deployed-unknown';
  return 'fix-intact';
}

export function issueVerdict(fixVerdicts: readonly Verdict[]): Verdict {
  if (fixVerdicts.length === 0) return 'no-fix-linked';
  let best = VERDICTS.length - 1;
  for (const v of fixVerdicts) best = Math.min(best, VERDICTS.indexOf(v));
  return VERDICTS[best] as Verdict;
}

function isCounterpart(fix: FixEvidence): boolean {
  return (fix.counterpartOf ?? []).length > 0;
}

/**
 * A fix on the target as the client's version sees it: when the client's line lacks it but has
 * a counterpart of it (the same fix made on that line) that was not reverted there, the
 * counterpart stands in for it, with its survival at the client's version.
 */
function asDeployed(fix: FixEvidence, all: readonly FixEvidence[]): FixEvidence {
  if (fix.inDeployed !== false) return fix;
  const standIn = standInOnDeployedLine(fix, all);
  return standIn === undefined ? fix : { ...fix, inDeployed: true, survivalDeployed: standIn.survivalDeployed };
}

/**
 * The survival of the fix's lines where the client runs it: its own there, or that of the
 * counterpart standing in for it on the client's line; null when neither was measured.
 */
export function survivalWhereClientRuns(fix: FixEvidence, all: readonly FixEvidence[]): FixEvidence['survivalDeployed'] {
  return asDeployed(fix, all).survivalDeployed;
}

/** The counterpart of `fix` (the same fix made on another line) that the client's version holds, not reverted there. */
export function standInOnDeployedLine(fix: FixEvidence, all: readonly FixEvidence[]): FixEvidence | undefined {
  return all.find((c) => c.exists && (c.counterpartOf ?? []).includes(fix.sha) && c.inDeployed === true && c.reverts.length === 0);
}

/**
 * The pieces of an issue's fix: the linked fixes that exist, without counterparts on other release
 * lines, without merges that only brought other linked fixes in (the same change: where those are, it
 * is), and without attempts undone and replaced by a later fix (history: the fix that replaced it counts).
 */
export function fixPieces(fixes: readonly FixEvidence[]): FixEvidence[] {
  return fixes.filter((f) => f.exists && !isCounterpart(f) && (f.mergeOf?.length ?? 0) === 0 && (f.supersededBy?.length ?? 0) === 0);
}

/**
 * The issue's verdict and whether the client's version has the fix, from the fixes that count: a
 * commit the repository lacks is no evidence (a `fix-missing` caveat says so), and a counterpart
 * on another release line is not a missing piece of the target's fix.
 */
export function judgeIssue(fixes: readonly FixEvidence[], deployedKnown: boolean): { verdict: Verdict; containsFix: boolean } {
  const counted = fixPieces(fixes).map((f) => asDeployed(f, fixes));
  return {
    verdict: issueVerdict(counted.map((f) => fixVerdict(f, deployedKnown, siblingFixes(f, fixes)))),
    containsFix: counted.length > 0 && counted.every((f) => f.inDeployed === true && !undoneWhereClientRuns(f)),
  };
}
