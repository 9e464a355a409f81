// Two facts about a fix that only the other fixes and its reverts can tell. A merge linked as a fix
// (a forge's "Merge pull request … Fixes #12") that only brought another linked fix in is that
// change again, not a second part of it. A reverted fix was shipped only by the releases that
// hold it without the revert: a release holding both never had the fix in place. And a fix that was
// reverted and then fixed again (fix, revert, new fix) was an attempt: the new fix is what stands.
import type { FileDiff } from '../gitPort';
import type { FixEvidence, TagFact } from './model';
import { patchKey } from './patchId';
import { earliestTag, isPreRelease } from './versions';

export interface RelationQueries {
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** The release tags containing the commit, with their dates. */
  releaseTags(sha: string): Promise<TagFact[]>;
}

/** Sets `mergeOf` on each merge fix that brought other linked fixes into its first parent's line. */
export async function markMergedFixes(fixes: FixEvidence[], parentsOf: ReadonlyMap<string, readonly string[]>, q: RelationQueries): Promise<void> {
  for (const merge of fixes) {
    const first = parentsOf.get(merge.sha)?.[0];
    if (!merge.exists || (parentsOf.get(merge.sha)?.length ?? 0) < 2 || first === undefined) continue;
    const brought: string[] = [];
    for (const f of fixes) {
      if (f === merge || !f.exists || (f.mergeOf?.length ?? 0) > 0) continue;
      if ((await q.isAncestor(f.sha, merge.sha)) && !(await q.isAncestor(f.sha, first))) brought.push(f.sha);
    }
    if (brought.length > 0) merge.mergeOf = brought;
  }
}

/**
 * Sets `sameChangeAs` on each linked fix on the target whose patch is an earlier linked fix's on the
 * target too (werkzeug #492: a commit and its rebased copy, both in the history, both "fix issue #492").
 */
export function markRepeatedFixes(fixes: FixEvidence[], diffs: ReadonlyMap<string, readonly FileDiff[]>): void {
  const first = new Map<string, string>();
  for (const f of fixes) {
    if (!f.exists || !f.reachable || f.isMerge) continue;
    const key = patchKey(diffs.get(f.sha) ?? []);
    if (key === '') continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, f.sha);
    else f.sameChangeAs = earlier;
  }
}

/**
 * Sets `firstTagInEffect` (and `firstFinalTagInEffect`, when that is a pre-release) on each reverted (or reverted and restored) fix on the target that some
 * release contains: a release holding a revert in effect, or a restored revert without its restore,
 * did not have the fix in place.
 */
export async function markReleasesInEffect(fixes: FixEvidence[], q: RelationQueries): Promise<void> {
  for (const fix of fixes) {
    const restores = fix.restores ?? [];
    // A copy's releases are the copy's; its reverts are judged there, so only the fix itself.
    if (!fix.exists || !fix.reachable || (fix.reverts.length === 0 && restores.length === 0) || fix.tags.length === 0) continue;
    const undone = new Set<string>();
    for (const revert of fix.reverts) for (const tag of await q.releaseTags(revert.sha)) undone.add(tag.name);
    for (const restore of restores) {
      const back = new Set((await q.releaseTags(restore.sha)).map((t) => t.name));
      for (const tag of await q.releaseTags(restore.revert.sha)) if (!back.has(tag.name)) undone.add(tag.name);
    }
    const inEffect = (await q.releaseTags(fix.sha)).filter((t) => !undone.has(t.name));
    fix.firstTagInEffect = earliestTag(inEffect);
    // jquery gh-1708: in effect first in 3.0.0-alpha1 on main (reverted before 3.0.0) and in the final 2.2.0 of 2.2-stable.
    if (fix.firstTagInEffect !== null && isPreRelease(fix.firstTagInEffect.name)) fix.firstFinalTagInEffect = earliestTag(inEffect.filter((t) => !isPreRelease(t.name)));
  }
}

/** A fix the verdict is judged by (not another line's counterpart, not a merge of others). */
function standsAlone(fix: FixEvidence): boolean {
  return fix.exists && (fix.counterpartOf?.length ?? 0) === 0 && (fix.mergeOf?.length ?? 0) === 0;
}

/**
 * Sets `supersededBy` on each reverted fix that a later linked fix replaced: one on the target, not
 * reverted itself, with every revert of the attempt in its history (the new fix was made knowing the
 * attempt was undone). Files are not compared: a second fix often takes another way (jQuery #10416
 * was fixed again in css.js after a reverted change to effects.js).
 */
export async function markSupersededFixes(fixes: FixEvidence[], q: Pick<RelationQueries, 'isAncestor'>): Promise<void> {
  for (const attempt of fixes) {
    if (!standsAlone(attempt) || attempt.reverts.length === 0) continue;
    const by: string[] = [];
    for (const f of fixes) {
      if (f === attempt || !standsAlone(f) || !f.reachable || f.reverts.length > 0) continue;
      let after = true;
      for (const revert of attempt.reverts) after &&= await q.isAncestor(revert.sha, f.sha);
      if (after) by.push(f.sha);
    }
    if (by.length > 0) attempt.supersededBy = by;
  }
}

/**
 * The linked fixes that exist, each change once: not a fix on the target repeating an earlier one's
 * patch (`sameChangeAs`), nor one off the target whose copy there is itself linked (a cherry-pick
 * linked with its original, see `linkedCopiesOf`), nor a merge that only brought other linked fixes
 * in (`mergeOf`). What a reply or a timeline tells, and counts lines of, once.
 */
export function distinctChanges(fixes: readonly FixEvidence[]): FixEvidence[] {
  const linked = new Set(fixes.map((f) => f.sha));
  return fixes.filter((f) => f.exists && f.sameChangeAs === undefined && (f.mergeOf?.length ?? 0) === 0 && (f.reachable || !f.equivalents.some((c) => linked.has(c.sha))));
}

/** The linked fixes off the target that are copies of `fix` (a backport linked with its original). */
export function linkedCopiesOf(fix: FixEvidence, fixes: readonly FixEvidence[]): FixEvidence[] {
  return fixes.filter((f) => f.exists && !f.reachable && f.equivalents.some((c) => c.sha === fix.sha));
}
