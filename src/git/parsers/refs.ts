// Refs as for-each-ref and show-ref print them: tags with their dates, branches, symbolic refs.
import type { RefTip, TagRecord } from '../../core/gitPort';
import { isFullSha, isSha } from '../../core/sha';
import { declareFormat } from './records';

export const tagFormat = declareFormat(
  { ref: '%(refname)', date: '%(creatordate:iso-strict)', sha: '%(objectname)', peeled: '%(*objectname)' },
  'ref',
);

/**
 * `git for-each-ref` or `git tag --list` output in `tagFormat`, tags peeled to their commit. Other
 * refs (a query that also lists branches) are skipped.
 */
export function parseTags(text: string): TagRecord[] {
  const out: TagRecord[] = [];
  for (const { fields } of tagFormat.parse(text)) {
    const sha = fields.peeled.trim() || fields.sha.trim();
    if (!fields.ref.startsWith('refs/tags/') || !isSha(sha)) continue;
    const name = fields.ref.slice('refs/tags/'.length);
    if (name !== '') out.push({ name, date: fields.date.trim(), sha });
  }
  return out;
}

/** for-each-ref with symbolic targets (refs/remotes/origin/HEAD → refs/remotes/origin/main). */
export const symrefFormat = declareFormat({ name: '%(refname)', target: '%(symref)' }, 'ref');

export const refFormat = declareFormat({ name: '%(refname)', sha: '%(objectname)', peeled: '%(*objectname)' }, 'ref');

/** `git for-each-ref --format=<refFormat.format>` output. */
export function parseRefs(text: string): { name: string; sha: string }[] {
  const out: { name: string; sha: string }[] = [];
  for (const { fields } of refFormat.parse(text)) {
    const sha = fields.peeled.trim() || fields.sha.trim();
    if (fields.name === '' || !isSha(sha)) continue;
    out.push({ name: fields.name, sha });
  }
  return out;
}

/**
 * `git show-ref --head --dereference` output: HEAD, branches, tags and remote branches with the
 * commit each points to (an annotated tag by the commit it peels to). Stash, notes and other refs
 * are left out.
 */
export function parseShowRefTips(text: string): RefTip[] {
  const byName = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\S+) (\S+)$/.exec(line);
    if (m === null || !isFullSha(m[1] as string)) continue;
    const full = m[2] as string;
    const peeled = full.endsWith('^{}');
    const name = peeled ? full.slice(0, -3) : full;
    if (name !== 'HEAD' && !/^refs\/(heads|tags|remotes)\//.test(name)) continue;
    if (peeled || !byName.has(name)) byName.set(name, m[1] as string);
  }
  return [...byName].map(([name, sha]) => ({ name, sha }));
}
