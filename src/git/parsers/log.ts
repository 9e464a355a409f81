// The formats of our `git log` queries and their parsers: commits with their facts, commits with
// their patches, and the lean records of a whole-history scan.
import type { CommitPatch, MessageRecord, RawCommit } from '../../core/gitPort';
import { isFullSha, isSha } from '../../core/sha';
import { parseDiff } from './diff';
import type { FieldsOf } from './records';
import { declareFormat } from './records';

/**
 * The whole-history read of a scan: the fewest fields that identify the author and date. The date
 * comes raw (epoch and zone, no formatting work for git) and becomes ISO text only for the commits
 * that reference an issue.
 */
export const scanFormat = declareFormat({
  sha: '%H',
  parents: '%P',
  authorName: '%an',
  authorEmail: '%ae',
  date: '%ad',
  message: '%B',
});

/** The log arguments that go with scanFormat (`%ad` is read as `--date=raw`). */
export const SCAN_LOG_ARGS: readonly string[] = ['--date=raw', `--format=${scanFormat.format}`];

/** Records of `git log --format=<scanFormat.format>` output (or one piece of it, see recordStream). */
export function toMessageRecord(f: FieldsOf<typeof scanFormat>): MessageRecord | null {
  if (!isFullSha(f.sha)) return null;
  const space = f.date.indexOf(' ');
  const time = space < 0 ? f.date : f.date.slice(0, space);
  const zone = space < 0 ? '' : f.date.slice(space + 1);
  // Parents feed the scan's commit graph (containment without a git walk per question).
  const parents = f.parents === '' ? [] : f.parents.split(' ');
  return { sha: f.sha, parents, authorName: f.authorName, authorEmail: f.authorEmail, time, zone, message: f.message };
}

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
