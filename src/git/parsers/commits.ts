// The formats of our `git log` queries of commits and their parsers: commits with their facts,
// commits with their patches, a commit's parents (log.ts: the whole-history scan's records).
import type { CommitPatch, RawCommit } from '../../core/gitPort';
import { isFullSha, isSha } from '../../core/sha';
import { parseDiff } from './diff';
import type { FieldsOf } from './records';
import { declareFormat } from './records';

export const commitFormat = declareFormat({
  sha: '%H',
  parents: '%P',
  authorName: '%an',
  authorEmail: '%ae',
  date: '%aI',
  subject: '%s',
  message: '%B',
});

function toCommit(f: FieldsOf<typeof commitFormat>): RawCommit | null {
  const sha = f.sha.trim();
  if (!isSha(sha)) return null;
  return {
    sha,
    parents: f.parents.split(' ').filter(isSha),
    authorName: f.authorName,
    authorEmail: f.authorEmail,
    date: f.date,
    subject: f.subject,
    message: f.message.replace(/\n+$/, ''),
  };
}

/** `git log --format=<commitFormat.format>` output. */
export function parseCommits(text: string): RawCommit[] {
  const out: RawCommit[] = [];
  for (const { fields } of commitFormat.parse(text)) {
    const commit = toCommit(fields);
    if (commit !== null) out.push(commit);
  }
  return out;
}

/** `git log -p --format=<commitFormat.format>` output: each record's rest is its patch. */
export function parseCommitPatches(text: string): CommitPatch[] {
  const out: CommitPatch[] = [];
  for (const { fields, rest } of commitFormat.parse(text)) {
    const commit = toCommit(fields);
    if (commit !== null) out.push({ commit, files: parseDiff(rest) });
  }
  return out;
}

/** Parses `git rev-list --parents -n1 <sha>`: the commit, then its parents, space-separated. */
export function parseParentsLine(raw: string): { sha: string; parents: string[] } | null {
  const [sha, ...parents] = raw.trim().split(/\s+/);
  if (sha === undefined || !isFullSha(sha) || !parents.every(isFullSha)) return null;
  return { sha, parents };
}
