// Which releases a reply names: each tag marked when it is a pre-release (by the one reading of
// tag names, `isPreRelease`), and the first release, or first final release, holding every fix.
import type { FixEvidence, TagFact } from '../evidence/model';
import { isPreRelease } from '../evidence/versions';
import type { ReplyFix, ReplyTag } from './context';

/** A release as a reply names it, marked when it is a pre-release (the one reading: `isPreRelease`). */
export function tagOf(tag: TagFact): ReplyTag {
  return { name: tag.name, date: tag.date, ...(isPreRelease(tag.name) ? { preRelease: true } : {}) };
}

/** The first final release of a commit whose first release is `firstTag`; `firstFinalTag` is read only when `firstTag` is a pre-release. */
export function finalOf(firstTag: TagFact | null | undefined, firstFinalTag: TagFact | null | undefined): TagFact | undefined {
  if (firstTag === undefined || firstTag === null) return undefined;
  return isPreRelease(firstTag.name) ? firstFinalTag ?? undefined : firstTag;
}

/** The first release containing every fix: the latest of their first tags (or first final tags), if each has one. */
export function releaseOf(fixes: readonly Pick<ReplyFix, 'firstTag' | 'firstFinalTag'>[], which: 'firstTag' | 'firstFinalTag' = 'firstTag'): ReplyTag | undefined {
  if (fixes.length === 0) return undefined;
  let latest: ReplyTag | undefined;
  for (const fix of fixes) {
    const tag = fix[which];
    if (tag === undefined) return undefined;
    if (latest === undefined || Date.parse(tag.date) > Date.parse(latest.date)) latest = tag;
  }
  return latest;
}

/**
 * Some linked fix or copy is in a release that the fixes undone before any release are not in: a
 * backport released on its own line before the target reverted the fix (wagtail #13915: reverted on
 * main before 7.4rc1, released on 7.3.x in 7.3.1 and never reverted there). "No release had the
 * fix in place" would then be false.
 */
export function releasedApart(fixes: readonly FixEvidence[]): boolean {
  const undone = new Set(fixes.filter((f) => f.exists && f.reachable && f.firstTagInEffect === null).flatMap((f) => f.tags));
  return fixes.some((f) => f.exists && [...f.tags, ...f.equivalents.flatMap((e) => e.tags ?? [])].some((t) => !undone.has(t)));
}

/** Some linked fix, copy or counterpart, on any line, was in a release dated before `release`. */
export function releasedEarlier(fixes: readonly FixEvidence[], release: ReplyTag): boolean {
  const before = Date.parse(release.date);
  const tags = fixes.filter((f) => f.exists).flatMap((f) => [f.firstTag, ...f.equivalents.map((e) => e.firstTag)]);
  return tags.some((t) => t !== undefined && t !== null && Date.parse(t.date) < before);
}
