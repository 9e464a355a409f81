// Every tag with its date and the object it peels to, in one for-each-ref: the tag list that
// containment from the scan's commit graph is matched against (see src/core/evidence/containment.ts).
import type { TagRecord } from '../../core/gitPort';
import { isFullSha } from '../../core/sha';
import { declareFormat } from './records';

export const tagListFormat = declareFormat(
  {
    ref: '%(refname)',
    date: '%(creatordate:iso-strict)',
    type: '%(objecttype)',
    sha: '%(objectname)',
    peeledType: '%(*objecttype)',
    peeled: '%(*objectname)',
  },
  'ref',
);

/** A listed tag; `nested`: a tag of a tag, whose `sha` is the inner tag's id, still to be peeled. */
export interface ListedTag extends TagRecord {
  nested: boolean;
}

/**
 * `git for-each-ref --format=<tagListFormat.format> refs/tags` output: the tags that name a
 * commit (directly or through one annotated tag), in git's order. A tag of a tree or a blob
 * contains no commit and is left out. for-each-ref peels a tag only once: a tag of a tag (git/git's
 * v1.0rc tags) comes back `nested`, with the inner tag's id, for the caller to peel the rest of
 * the way (peelNested); an entry that makes no sense leaves the list not complete.
 */
export function parseTagList(text: string): { tags: ListedTag[]; complete: boolean } {
  const tags: ListedTag[] = [];
  let complete = true;
  for (const { fields } of tagListFormat.parse(text)) {
    if (!fields.ref.startsWith('refs/tags/') || fields.ref.length === 'refs/tags/'.length) continue;
    const name = fields.ref.slice('refs/tags/'.length);
    const annotated = fields.type === 'tag';
    const type = annotated ? fields.peeledType : fields.type;
    const sha = (annotated ? fields.peeled : fields.sha).trim();
    const date = fields.date.trim();
    if ((type === 'commit' || (annotated && type === 'tag')) && isFullSha(sha)) tags.push({ name, date, sha, nested: type === 'tag' });
    else if (type === 'commit' || type === 'tag') complete = false;
  }
  return { tags, complete };
}

/**
 * The list with each nested tag's id replaced by the commit it peels to (`peeled`: one id per
 * nested tag, in order, as `git rev-parse <id>^{commit}…` prints them); null when they do not
 * match one to one.
 */
export function peelNested(tags: readonly ListedTag[], peeled: readonly string[]): TagRecord[] | null {
  let next = 0;
  const out: TagRecord[] = [];
  for (const t of tags) {
    if (!t.nested) {
      out.push({ name: t.name, date: t.date, sha: t.sha });
      continue;
    }
    const sha = peeled[next++];
    if (sha === undefined || !isFullSha(sha)) return null;
    out.push({ name: t.name, date: t.date, sha });
  }
  return next === peeled.length ? out : null;
}
