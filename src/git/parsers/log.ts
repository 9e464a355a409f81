// The records of a whole-history scan (`git log` of ids, parents, authors and messages, or
// `git rev-list --header`), parsed on git's bytes while it prints (commits.ts: other logs of commits).
import type { CommitLineSink, IdMark, MessageRecord } from '../../core/gitPort';
import { isHexBytes } from '../../core/sha';

/**
 * The whole-history read of a scan: `git rev-list --header --parents` prints each commit's id and
 * parents on one line, then the commit object as git stores it (its header lines, a blank line,
 * the message with every line indented by four spaces) and one NUL, which git never prints inside
 * a commit. A full scan reads with SCAN_LOG_ARGS (fewer bytes); this read serves re-scans and
 * reads without marks. The author line is read only for the commits that reference an issue. The
 * message differs from `%B` only in whitespace git drops when it indents (trailing blanks of each
 * line, blank lines before the first), which no reference depends on.
 */
export const SCAN_ARGS: readonly string[] = ['rev-list', '--header', '--parents', '--no-notes'];

export interface ScanRecordStream {
  /** Feeds the next piece of output (cut anywhere, even inside a character); complete records are handed over at once. */
  push(chunk: Buffer): void;
  /** The output ended: a record cut short (no closing NUL) is dropped. */
  end(): void;
}

// Read once: an import read per record is a property read through the module object in the
// per-file build the tests and the benchmark run.
const isHex = isHexBytes;

const NUL = 0;
const NEWLINE = 10;
const SPACE = 32;
const SHA1_LENGTH = 40;
const SHA256_LENGTH = 64;
const AUTHOR = Buffer.from('\nauthor ', 'latin1');
/** The bytes of "\ntree " and of "\nparent " before each line's id. */
const TREE_LINE = 6;
const PARENT_LINE = 8;

/**
 * One record of the scan, read where git printed it. The id and parents are read at once (every
 * commit feeds the graph); the author line and the message are decoded only when asked for: a scan
 * needs them for the few commits that reference an issue, and decoding 100k of each was most of the
 * scan's time in Node. The bytes are never changed, so a record read later reads the same.
 */
class ScanRecord implements MessageRecord {
  private ident: { name: string; email: string; time: string; zone: string } | null = null;

  constructor(
    readonly sha: string,
    readonly parents: string[],
    private readonly bytes: Buffer,
    /** The author line's text (after "author "), and the message's first byte; `end` is the NUL. */
    private readonly authorStart: number,
    private readonly authorEnd: number,
    private readonly messageStart: number,
    private readonly end: number,
    /** The message as rev-list --header prints it (every line indented by four spaces), or as stored (`%B`). */
    private readonly indented: boolean,
  ) {}

  /** Git's own split of an ident: the name before the first '<', the email up to the next '>', then "time zone". */
  private author(): { name: string; email: string; time: string; zone: string } {
    if (this.ident !== null) return this.ident;
    const line = this.authorStart < 0 ? '' : this.bytes.toString('utf8', this.authorStart, this.authorEnd);
    const open = line.indexOf('<');
    const close = open < 0 ? -1 : line.indexOf('>', open + 1);
    const date = close < 0 ? [] : line.slice(close + 1).trim().split(' ');
    this.ident = {
      name: open < 0 ? line.trim() : line.slice(0, open).trim(),
      email: close < 0 ? '' : line.slice(open + 1, close),
      time: date[0] ?? '',
      zone: date[1] ?? '',
    };
    return this.ident;
  }

  get authorName(): string {
    return this.author().name;
  }

  get authorEmail(): string {
    return this.author().email;
  }

  get time(): string {
    return this.author().time;
  }

  get zone(): string {
    return this.author().zone;
  }

  /** The marks searched for in the message's bytes (see MessageRecord.hasIdMark); no string is made. */
  hasIdMark(marks: readonly IdMark[]): boolean {
    return bytesHoldMark(this.bytes, this.messageStart, this.end, marks);
  }

  get message(): string {
    const text = this.bytes.toString('utf8', this.messageStart, this.end);
    if (!this.indented) return asIndentedPrints(text);
    // Git indents every line by four spaces (a line break is \n only: never the other breaks a
    // multiline regular expression would also see).
    return (text.startsWith('    ') ? text.slice(4) : text).replaceAll('\n    ', '\n');
  }
}

/**
 * A stored message (`%B`) as rev-list --header prints it, without the indent: each line's trailing
 * white space (git's: space, tab, CR) and the blank lines before the first and after the last gone.
 * One reading of a message whichever read it came from (a CRLF message's subject ends at "\r\n\r\n").
 */
function asIndentedPrints(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t\r]+$/, ''));
  let first = 0;
  while (first < lines.length && lines[first] === '') first++;
  let last = lines.length;
  while (last > first && lines[last - 1] === '') last--;
  return first === last ? '' : `${lines.slice(first, last).join('\n')}\n`;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
const NOT_ASCII = 128;
// One byte table per set of characters (a scan asks with the same few marks).
const byteTables = new Map<string, Uint8Array>();

function byteTable(chars: string): Uint8Array {
  let table = byteTables.get(chars);
  if (table === undefined) {
    table = new Uint8Array(256);
    for (const c of chars) if (c.charCodeAt(0) < NOT_ASCII) table[c.charCodeAt(0)] = 1;
    byteTables.set(chars, table);
  }
  return table;
}

const ALL_DIGITS = '0123456789';

/** A mark's tests as byte tables, made once per mark. */
interface ByteMark {
  code: number;
  digits: Uint8Array;
  before: Uint8Array | null;
  notBefore: Uint8Array | null;
  key: { min: number; max: number; notKeys: Set<string> } | null;
}

const byteMarks = new WeakMap<IdMark, ByteMark>();

function byteMarkOf(mark: IdMark): ByteMark {
  let m = byteMarks.get(mark);
  if (m === undefined) {
    m = {
      code: mark.mark.charCodeAt(0),
      digits: byteTable(mark.digits ?? ALL_DIGITS),
      before: mark.before === null ? null : byteTable(mark.before),
      notBefore: mark.notBefore === undefined ? null : byteTable(mark.notBefore),
      key: mark.key === undefined ? null : { min: mark.key.length[0], max: mark.key.length[1], notKeys: new Set(mark.key.notKeys) },
    };
    byteMarks.set(mark, m);
  }
  return m;
}

const isKeyByte = (b: number): boolean => (b >= UPPER_A && b <= UPPER_Z) || (b >= DIGIT_0 && b <= DIGIT_9);

/** Whether the key before the dash at `at` has a key's shape (see IdMark.key); the message starts at `start`. */
function keyShows(text: Uint8Array, start: number, at: number, m: ByteMark, key: NonNullable<ByteMark['key']>): boolean {
  let from = at;
  while (from > start && at - from <= key.max && isKeyByte(text[from - 1] as number)) from--;
  // A character outside ASCII right before the run may become part of it in NFC (the Kelvin sign is K).
  if (from > start && (text[from - 1] as number) >= NOT_ASCII) return true;
  const length = at - from;
  if (length < key.min || length > key.max) return false;
  const first = text[from] as number;
  if (first < UPPER_A || first > UPPER_Z) return false;
  if (from > start && m.notBefore !== null && m.notBefore[text[from - 1] as number] === 1) return false;
  if (key.notKeys.size === 0) return true;
  let name = '';
  for (let i = from; i < at; i++) name += String.fromCharCode(text[i] as number);
  return !key.notKeys.has(name);
}

/** Whether the mark's character at `at` of the message bytes[start, end) is one of its marks (see IdMark). */
function markShowsAt(bytes: Uint8Array, start: number, end: number, at: number, m: ByteMark): boolean {
  if (at + 1 >= end || m.digits[bytes[at + 1] as number] !== 1) return false;
  if (m.before !== null && (at === start || m.before[bytes[at - 1] as number] !== 1)) return false;
  if (m.key !== null) return keyShows(bytes, start, at, m, m.key);
  return !(at > start && m.notBefore !== null && m.notBefore[bytes[at - 1] as number] === 1);
}

/**
 * Whether bytes[start, end) hold one of the marks: the mark, one of its digits right after it and,
 * when the mark says so, one of its characters right before it, none of those it never follows, and
 * a key's shape before it (see IdMark).
 */
function bytesHoldMark(bytes: Buffer, start: number, end: number, marks: readonly IdMark[]): boolean {
  // A view of the message, so that a search stops at its end rather than at the chunk's.
  const text = bytes.subarray(start, end);
  for (const mark of marks) {
    const m = byteMarkOf(mark);
    for (let at = text.indexOf(m.code); at >= 0; at = text.indexOf(m.code, at + 1)) if (markShowsAt(text, 0, text.length, at, m)) return true;
  }
  return false;
}

/**
 * Where each mark's character next shows in one buffer, for messages tested in the order they
 * stand in it: a search runs from one occurrence to the next across messages, never to the end
 * of the buffer per message, and no view of each message is made.
 */
class MarkCursors {
  private bytes: Uint8Array | null = null;
  private lastStart = 0;
  private readonly next: Int32Array;

  constructor(private readonly marks: readonly ByteMark[]) {
    this.next = new Int32Array(marks.length);
  }

  /** Whether the message bytes[start, end) holds one of the marks. */
  holds(bytes: Buffer, start: number, end: number): boolean {
    const next = this.next;
    if (bytes !== this.bytes || start < this.lastStart) {
      this.bytes = bytes;
      next.fill(-1);
    }
    this.lastStart = start;
    for (let k = 0; k < this.marks.length; k++) {
      const m = this.marks[k] as ByteMark;
      let at = next[k] as number;
      // -1: not searched yet in this buffer, or last seen before this message.
      if (at < start) {
        at = bytes.indexOf(m.code, start);
        if (at < 0) at = bytes.length;
      }
      while (at < end) {
        if (markShowsAt(bytes, start, end, at, m)) {
          next[k] = at;
          return true;
        }
        at = bytes.indexOf(m.code, at + 1);
        if (at < 0) at = bytes.length;
      }
      next[k] = at;
    }
    return false;
  }
}

// A record's id line, as idLineBytes last read it: filled in place (one per record of a whole
// history, no object made for each).
const idLine = { start: 0, idLength: 0, parents: 0, newline: 0 };

/**
 * A record's first line: the commit's id, then its parents, each after one space, up to the line's
 * end (`%H %P` prints a space after a root commit's id, rev-list --parents does not). Ids of one
 * repository all have the same length (SHA-1 or SHA-256), lower-case hex. A newline before the id
 * is tolerated. Fills `idLine`; false when the line has another shape.
 */
function idLineBytes(bytes: Buffer, start: number, end: number): boolean {
  if (bytes[start] === NEWLINE) start++;
  const after = (length: number): boolean => bytes[start + length] === SPACE || bytes[start + length] === NEWLINE;
  const idLength = after(SHA1_LENGTH) ? SHA1_LENGTH : after(SHA256_LENGTH) ? SHA256_LENGTH : 0;
  const idEnd = start + idLength;
  if (idLength === 0 || idEnd >= end || !isHex(bytes, start, idLength)) return false;
  // Parents feed the scan's commit graph (containment without a git walk per question).
  let parents = 0;
  let at = idEnd;
  while (bytes[at] === SPACE) {
    if (bytes[at + 1] === NEWLINE) {
      at++;
      break;
    }
    const parentEnd = at + 1 + idLength;
    if (parentEnd >= end || (bytes[parentEnd] !== SPACE && bytes[parentEnd] !== NEWLINE)) return false;
    if (!isHex(bytes, at + 1, idLength)) return false;
    parents++;
    at = parentEnd;
  }
  if (bytes[at] !== NEWLINE) return false;
  idLine.start = start;
  idLine.idLength = idLength;
  idLine.parents = parents;
  idLine.newline = at;
  return true;
}

/** The ids of the line `idLineBytes` last read, as strings. */
function idStrings(bytes: Buffer): { sha: string; parents: string[] } {
  const { start: from, idLength, parents: count } = idLine;
  const sha = bytes.toString('latin1', from, from + idLength);
  const parents: string[] = [];
  for (let k = 1; k <= count; k++) {
    const at = from + k * (idLength + 1);
    parents.push(bytes.toString('latin1', at, at + idLength));
  }
  return { sha, parents };
}

/** The id line with its ids as strings, for the records read in full. */
function idLineAt(bytes: Buffer, start: number, end: number): { sha: string; parents: string[]; newline: number; idLength: number } | null {
  if (!idLineBytes(bytes, start, end)) return null;
  return { ...idStrings(bytes), newline: idLine.newline, idLength: idLine.idLength };
}

/** One record of the scan, between `start` and its closing NUL at `end`. */
function scanRecordAt(bytes: Buffer, start: number, end: number): MessageRecord | null {
  const line = idLineAt(bytes, start, end);
  if (line === null) return null;
  const { sha, parents, newline: at, idLength } = line;
  // The header ends at the first blank line; the author line is among its lines (a continued
  // header line, as a signature's, starts with a space, so none can pass for it).
  // A commit without a message has no blank line.
  const blank = bytes.indexOf('\n\n', at);
  const headerEnd = blank < 0 || blank >= end ? end : blank;
  // Git writes the tree line, the parent lines, then the author line: that is where it is looked
  // for first, and searched for only when it is not there.
  const expected = at + TREE_LINE + idLength + parents.length * (PARENT_LINE + idLength);
  const author = bytes.subarray(expected, expected + AUTHOR.length).equals(AUTHOR) ? expected : bytes.indexOf(AUTHOR, at);
  const authorStart = author < 0 || author >= headerEnd ? -1 : author + AUTHOR.length;
  const authorEnd = authorStart < 0 ? -1 : bytes.indexOf(NEWLINE, authorStart);
  return new ScanRecord(sha, parents, bytes, authorStart, authorEnd, Math.min(headerEnd + 2, end), end, true);
}

/**
 * Records cut at each NUL while git is still printing: one native search for NUL per record over
 * the bytes as they arrive (no decoding of the whole output, no string built from it); what is left
 * of a chunk waits for the next.
 */
function nulRecordStream<T>(parse: (bytes: Buffer, start: number, end: number) => T | null, onRecord: (record: T) => void): ScanRecordStream {
  let rest: Buffer | null = null;
  return {
    push(chunk: Buffer): void {
      let at = 0;
      // Only the record cut by the chunk's start is joined (a copy of it, not of the chunk).
      if (rest !== null) {
        const nul = chunk.indexOf(NUL);
        if (nul < 0) {
          rest = Buffer.concat([rest, chunk]);
          return;
        }
        const joined = Buffer.concat([rest, chunk.subarray(0, nul)]);
        const record = parse(joined, 0, joined.length);
        if (record !== null) onRecord(record);
        rest = null;
        at = nul + 1;
      }
      for (let nul = chunk.indexOf(NUL, at); nul >= 0; nul = chunk.indexOf(NUL, at)) {
        const record = parse(chunk, at, nul);
        if (record !== null) onRecord(record);
        at = nul + 1;
      }
      rest = at >= chunk.length ? null : chunk.subarray(at);
    },
    end(): void {
      rest = null;
    },
  };
}

/** Parses the scan's log (SCAN_ARGS) while git is still printing. */
export function scanRecordStream(onRecord: (record: MessageRecord) => void): ScanRecordStream {
  return nulRecordStream(scanRecordAt, onRecord);
}

/**
 * A full scan's read: each commit's id and parents on one line, its author line as git stores it
 * (`name <email> seconds zone`), then its message as stored (`%B`) and a NUL (-z ends each record
 * with one). Most messages hold no id, and their records are only tested for a mark on their bytes:
 * 16 MiB at 100k commits against the baseline `log --format=%H%x1f%B`'s 7 (SCAN_ARGS prints 32,
 * whose tree and committer lines are most of a short message's record). The author's three fields
 * cost git 4-7% of its CPU; reading the marked commits again with SCAN_ARGS cost a second git
 * process per 4,000 of them and 0.3-0.5 s at 100k commits where every twentieth shows a mark.
 */
export const SCAN_LOG_ARGS: readonly string[] = ['log', '-z', '--no-notes', '--date=raw', '--format=%H %P%n%an <%ae> %ad%n%B'];

/** What SCAN_LOG_ARGS' output is handed to, commit by commit. */
export interface MarkedCommitHandler {
  /** A commit whose message shows one of the marks, in full. */
  marked(record: MessageRecord): void;
  /** Every other commit: its id line, as bytes (see CommitLineSink). */
  other: CommitLineSink;
}

/**
 * Parses SCAN_LOG_ARGS' output while git is still printing. A message is tested on its bytes as
 * stored: marks, the characters before them and digits are never white space, so a test on the
 * indented message (SCAN_ARGS) agrees. Only a marked commit becomes a record with strings; the
 * others are handed over as the bytes git printed.
 */
export function markedCommitStream(marks: readonly IdMark[], handler: MarkedCommitHandler): ScanRecordStream {
  const cursors = new MarkCursors(marks.map(byteMarkOf));
  return nulRecordStream((bytes, start, end) => {
    if (!idLineBytes(bytes, start, end)) return null;
    const { start: from, idLength, parents, newline } = idLine;
    const authorEnd = bytes.indexOf(NEWLINE, newline + 1);
    if (authorEnd < 0 || authorEnd >= end) return null;
    if (!cursors.holds(bytes, authorEnd + 1, end)) {
      handler.other.addLine(bytes, from, idLength, parents);
      return null;
    }
    const { sha, parents: ids } = idStrings(bytes);
    handler.marked(new ScanRecord(sha, ids, bytes, newline + 1, authorEnd, authorEnd + 1, end, false));
    return null;
  }, () => undefined);
}
