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
  /** Feeds the next piece of output (cut anywhere, even inside a character); complete records are handed over at once. */
  push(chunk: Buffer): void;
  /** The output ended: a record cut short (no closing NUL) is dropped. */
  end(): void;
}

const NUL = 0;
const NEWLINE = 10;
const SPACE = 32;
const SHA1_LENGTH = 40;
const SHA256_LENGTH = 64;

/**
 * One record of the scan's format, read where git printed it. The id and parents are read at once
 * (every commit feeds the graph); the author, date and message are decoded only when asked for: a
 * scan needs them for the few commits that reference an issue, and decoding 100k of each was most
 * of the scan's time in Node. The bytes are never changed, so a record read later reads the same.
 */
class ScanRecord implements MessageRecord {
  constructor(
    readonly sha: string,
    readonly parents: string[],
    private readonly bytes: Buffer,
    /** Where the author line, the email line, the date line and the message start; `end` is the NUL. */
    private readonly at: readonly [name: number, email: number, date: number, message: number],
    private readonly end: number,
  ) {}

  get authorName(): string {
    return this.bytes.toString('utf8', this.at[0], this.at[1] - 1);
  }

  get authorEmail(): string {
    return this.bytes.toString('utf8', this.at[1], this.at[2] - 1);
  }

  private get date(): string {
    return this.bytes.toString('latin1', this.at[2], this.at[3] - 1);
  }

  get time(): string {
    const date = this.date;
    const space = date.indexOf(' ');
    return space < 0 ? date : date.slice(0, space);
  }

  get zone(): string {
    const date = this.date;
    const space = date.indexOf(' ');
    return space < 0 ? '' : date.slice(space + 1);
  }

  get message(): string {
    return this.bytes.toString('utf8', this.at[3], this.end);
  }
}

/** One record of the scan's format, between `start` and its closing NUL at `end`. */
function scanRecordAt(bytes: Buffer, start: number, end: number): MessageRecord | null {
  // tformat ends every record with a newline after its NUL; a record itself starts with an id.
  if (bytes[start] === NEWLINE) start++;
  // SHA-1 or SHA-256: every id of a repository has the same length.
  const idLength = bytes[start + SHA1_LENGTH] === SPACE ? SHA1_LENGTH : bytes[start + SHA256_LENGTH] === SPACE ? SHA256_LENGTH : 0;
  const idEnd = start + idLength;
  if (idLength === 0 || idEnd >= end) return null;
  const sha = bytes.toString('latin1', start, idEnd);
  if (!isFullSha(sha)) return null;
  // Parents feed the scan's commit graph (containment without a git walk per question): ids of
  // the same length, each after one space, up to the line's end.
  const parents: string[] = [];
  let at = idEnd + 1;
  while (bytes[at] !== NEWLINE) {
    const parentEnd = at + idLength;
    if (parentEnd >= end || (bytes[parentEnd] !== SPACE && bytes[parentEnd] !== NEWLINE)) return null;
    const parent = bytes.toString('latin1', at, parentEnd);
    if (!isFullSha(parent)) return null;
    parents.push(parent);
    at = bytes[parentEnd] === SPACE ? parentEnd + 1 : parentEnd;
  }
  const name = at + 1;
  const email = bytes.indexOf(NEWLINE, name) + 1;
  const date = email > 0 && email < end ? bytes.indexOf(NEWLINE, email) + 1 : 0;
  const message = date > 0 && date < end ? bytes.indexOf(NEWLINE, date) + 1 : 0;
  if (message <= 0 || message > end) return null;
  return new ScanRecord(sha, parents, bytes, [name, email, date, message], end);
}

/**
 * Parses the scan's log while git is still printing: records are found with one native search for
 * NUL per record over the bytes as they arrive (no decoding of the whole output, no string built
 * from it); what is left of a chunk waits for the next.
 */
export function scanRecordStream(onRecord: (record: MessageRecord) => void): ScanRecordStream {
  let rest: Buffer | null = null;
  return {
    push(chunk: Buffer): void {
      const bytes = rest === null ? chunk : Buffer.concat([rest, chunk]);
      let at = 0;
      for (let nul = bytes.indexOf(NUL); nul >= 0; nul = bytes.indexOf(NUL, at)) {
        const record = scanRecordAt(bytes, at, nul);
        if (record !== null) onRecord(record);
        at = nul + 1;
      }
      rest = at >= bytes.length ? null : bytes.subarray(at);
    },
    end(): void {
      rest = null;
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
