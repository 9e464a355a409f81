// The formats of our `git log` queries and their parsers: commits with their facts, commits with
// their patches, and the lean records of a whole-history scan.
import type { CommitPatch, MessageRecord, RawCommit } from '../../core/gitPort';
import { isFullSha, isSha } from '../../core/sha';
import { parseDiff } from './diff';
import type { FieldsOf } from './records';
import { declareFormat } from './records';

/**
 * The whole-history read of a scan: id, parents (the scan's commit graph), author, raw date (epoch
 * and zone, no formatting work for git; ISO text only for the commits that reference an issue)
 * and message. The header fields sit on lines of their own (a commit header is line-based: no
 * ident holds a newline), and one NUL ends a record, as git never prints one inside a message:
 * four bytes of framing per commit instead of the declared formats' 30.
 */
export const SCAN_LOG_ARGS: readonly string[] = ['--date=raw', '--format=%H %P%n%an%n%ae%n%ad%n%B%x00'];

export interface ScanRecordStream {
  /** Feeds the next piece of output; complete records are handed over at once. */
  push(text: string): void;
  /** The output ended: a record cut short (no closing NUL) is dropped. */
  end(): void;
}

/** One record of the scan's format, between `start` and its closing NUL at `end`. */
function scanRecordAt(text: string, start: number, end: number): MessageRecord | null {
  // tformat ends every record with a newline after its NUL; a record itself starts with an id.
  if (text.charCodeAt(start) === 10) start++;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0 || lineEnd > end) return null;
  const space = text.indexOf(' ', start);
  if (space < 0 || space > lineEnd) return null;
  const sha = text.slice(start, space);
  if (!isFullSha(sha)) return null;
  // Parents feed the scan's commit graph (containment without a git walk per question).
  const parents = space + 1 === lineEnd ? [] : text.slice(space + 1, lineEnd).split(' ');
  const lines: string[] = [];
  for (let i = 0; i < 3; i++) {
    const next = text.indexOf('\n', lineEnd + 1);
    if (next < 0 || next > end) return null;
    lines.push(text.slice(lineEnd + 1, next));
    lineEnd = next;
  }
  const [authorName, authorEmail, date] = lines as [string, string, string];
  const dateSpace = date.indexOf(' ');
  const time = dateSpace < 0 ? date : date.slice(0, dateSpace);
  const zone = dateSpace < 0 ? '' : date.slice(dateSpace + 1);
  return { sha, parents, authorName, authorEmail, time, zone, message: text.slice(lineEnd + 1, end) };
}

/** Parses the scan's log while git is still printing, one pass of indexOf over each piece. */
export function scanRecordStream(onRecord: (record: MessageRecord) => void): ScanRecordStream {
  let buffer = '';
  const drain = (): void => {
    let at = 0;
    for (let nul = buffer.indexOf('\0'); nul >= 0; nul = buffer.indexOf('\0', at)) {
      const record = scanRecordAt(buffer, at, nul);
      if (record !== null) onRecord(record);
      at = nul + 1;
    }
    buffer = at === 0 ? buffer : buffer.slice(at);
  };
  return {
    push(text: string): void {
      buffer = buffer.length === 0 ? text : buffer + text;
      drain();
    },
    end(): void {
      buffer = '';
    },
  };
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
