// A lost line blamed on a commit that is no descendant of the fix was lost where the fix met that
// commit's line: at the merge that brought them together, which kept the other line's version
// (express: fixes made on 4.x merged into 5.0, whose older commits had rewritten those lines). Told
// as that merge's change, dated when it happened, not as an older commit "changing" a later fix.
import type { GitPort, RawCommit } from '../gitPort';

/**
 * For each of `older` (commits in `refSha ^base` that do not descend from `base`), the merge in
 * `refSha ^base` where the fix and that commit first met (the oldest merge descending from both);
 * absent when none is found.
 */
export async function meetingMerges(port: Pick<GitPort, 'logMessages'>, base: string, refSha: string, older: readonly string[]): Promise<Map<string, RawCommit>> {
  const out = new Map<string, RawCommit>();
  if (older.length === 0) return out;
  const descendants = (root: string, oldestFirst: readonly RawCommit[]): Set<string> => {
    const seen = new Set<string>([root]);
    // Parents come before children in a date-ordered list most of the time; passes until nothing changes.
    for (let changed = true; changed; ) {
      changed = false;
      for (const c of oldestFirst) {
        if (seen.has(c.sha) || !c.parents.some((p) => seen.has(p))) continue;
        seen.add(c.sha);
        changed = true;
      }
    }
    return seen;
  };
  for (const sha of older) {
    // The meeting merges descend from both ends: the history of neither is read.
    const oldestFirst = (await port.logMessages({ include: [refSha], exclude: [base, sha] })).reverse();
    const fromFix = descendants(base, oldestFirst);
    const fromOlder = descendants(sha, oldestFirst);
    const meets = oldestFirst.filter((c) => c.parents.length > 1 && fromFix.has(c.sha) && fromOlder.has(c.sha) && c.parents.every((p) => !(fromFix.has(p) && fromOlder.has(p))));
    const first = meets.sort((a, b) => Date.parse(a.date) - Date.parse(b.date))[0];
    if (first !== undefined) out.set(sha, first);
  }
  return out;
}
