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

/**
 * `git for-each-ref --format=<tagListFormat.format> refs/tags` output: the tags that name a
 * commit (directly or through one annotated tag). A tag of a tree or a blob contains no commit and
 * is left out; a tag of a tag (peeled once, still a tag) is not resolved here, so the list is then
 * not complete and the caller asks git instead.
 */
export function parseTagList(text: string): { tags: TagRecord[]; complete: boolean } {
  const tags: TagRecord[] = [];
  let complete = true;
  for (const { fields } of tagListFormat.parse(text)) {
    if (!fields.ref.startsWith('refs/tags/') || fields.ref.length === 'refs/tags/'.length) continue;
    const name = fields.ref.slice('refs/tags/'.length);
    const annotated = fields.type === 'tag';
    const type = annotated ? fields.peeledType : fields.type;
    const sha = (annotated ? fields.peeled : fields.sha).trim();
    if (type === 'commit' && isFullSha(sha)) tags.push({ name, date: fields.date.trim(), sha });
    else if (type === 'tag' || (type === 'commit' && !isFullSha(sha))) complete = false;
  }
  return { tags, complete };
}
