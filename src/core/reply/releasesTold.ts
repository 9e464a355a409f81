// Which releases a reply names: each tag marked when it is a pre-release (by the one reading of
// tag names, `isPreRelease`), and the first release, or first final release, holding every fix.
import type { TagFact } from '../evidence/model';
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
