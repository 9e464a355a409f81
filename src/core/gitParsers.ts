// Pure parsers for the git output we interpret. Each query is declared once: a field→placeholder
// mapping generates the `--format` argument and the parser, with ASCII record (0x1E) and field
// (0x1D) separators that commit messages do not contain. Every parser accepts arbitrary text:
// a truncated last record is dropped, odd lines are skipped, nothing throws.
import type {
  BlameCommitInfo,
  BlameEntry,
  BlameResult,
  CommitPatch,
  FileDiff,
  MessageRecord,
  RawCommit,
  RefTip,
  TagRecord,
} from './gitPort';

const RS = '\x1e';
const FS = '\x1d';

export interface FormatDeclaration<K extends string> {
  /** The value for `--format=` (log) or `--format=` (for-each-ref). */
  format: string;
  /** Complete records only; `rest` is whatever git printed after the record's fields (a patch). */
  parse(text: string): { fields: Record<K, string>; rest: string }[];
}

/**
 * Declares a query's fields. The record starts with RS and ends with FS, so a record cut short
 * (fewer separators than fields) is recognised and dropped. The last field may contain anything
 * but RS: surplus FS inside it are kept as text.
 */
export function declareFormat<K extends string>(
  fields: Readonly<Record<K, string>>,
  escapes: { rs: string; fs: string } = { rs: '%x1E', fs: '%x1D' },
): FormatDeclaration<K> {
  const keys = Object.keys(fields) as K[];
  const format = escapes.rs + keys.map((k) => fields[k]).join(escapes.fs) + escapes.fs;
  return {
    format,
    parse(text: string) {
      // indexOf scanning rather than split: a whole-history read has 100k records.
      const out: { fields: Record<K, string>; rest: string }[] = [];
      const last = keys.length - 1;
      let start = text.indexOf(RS);
      while (start >= 0) {
        const next = text.indexOf(RS, start + 1);
        const end = next < 0 ? text.length : next;
        const record = {} as Record<K, string>;
        let at = start + 1;
        let complete = true;
        for (let i = 0; i < last; i++) {
          const sep = text.indexOf(FS, at);
          if (sep < 0 || sep >= end) {
            complete = false;
            break;
          }
          record[keys[i] as K] = text.slice(at, sep);
          at = sep + 1;
        }
        // The last field runs to the record's final FS; FS inside it stay part of it.
        const close = complete ? text.lastIndexOf(FS, end - 1) : -1;
        if (complete && close >= at) {
          record[keys[last] as K] = text.slice(at, close);
          out.push({ fields: record, rest: text.slice(close + 1, end) });
        }
        start = next;
      }
      return out;
    },
  };
}

export interface RecordStream {
  /** Feeds the next piece of output; complete records are handed over at once. */
  push(text: string): void;
  /** The output ended: hands over the last record if it is complete. */
  end(): void;
}

/** Parses a declared format while git is still printing, so parsing overlaps git's work. */
export function recordStream<K extends string>(declaration: FormatDeclaration<K>, onRecord: (fields: Record<K, string>, rest: string) => void): RecordStream {
  let buffer = '';
  const flush = (text: string): void => {
    for (const r of declaration.parse(text)) onRecord(r.fields, r.rest);
  };
  return {
    push(text: string): void {
      buffer += text;
      const last = buffer.lastIndexOf(RS);
      if (last <= 0) return;
      flush(buffer.slice(0, last));
      buffer = buffer.slice(last);
    },
    end(): void {
      flush(buffer);
      buffer = '';
    },
  };
}

/**
 * The whole-history read of a scan: the fewest fields that identify the author and date. The date
 * comes raw (epoch and zone, no formatting work for git) and becomes ISO text only for the commits
 * that reference an issue.
 */
export const scanFormat = declareFormat({
  sha: '%H',
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
  return { sha: f.sha, authorName: f.authorName, authorEmail: f.authorEmail, time, zone, message: f.message };
}

/** Git's `%s`: the first paragraph of the message, its lines joined by spaces. */
export function subjectOf(message: string): string {
  const trimmed = message.replace(/^\s*\n/, '');
  const end = trimmed.search(/\n[ \t]*\n/);
  return (end < 0 ? trimmed : trimmed.slice(0, end)).split('\n').map((l) => l.trim()).join(' ').trim();
}

export function commitFromRecord(r: MessageRecord): RawCommit {
  return {
    sha: r.sha,
    parents: [],
    authorName: r.authorName,
    authorEmail: r.authorEmail,
    date: isoFromEpoch(r.time, r.zone),
    subject: subjectOf(r.message),
    message: r.message.replace(/\n+$/, ''),
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

const HEX = /^[0-9a-f]{4,64}$/;

/** A full sha as git prints it (40 or 64 lower-case hex digits); cheaper than a regex per record. */
function isFullSha(text: string): boolean {
  if (text.length !== 40 && text.length !== 64) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

type FieldsOf<T> = T extends FormatDeclaration<infer K> ? Record<K, string> : never;

function toCommit(f: FieldsOf<typeof commitFormat>): RawCommit | null {
  const sha = f.sha.trim();
  if (!HEX.test(sha)) return null;
  return {
    sha,
    parents: f.parents.split(' ').filter((p) => HEX.test(p)),
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

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undoes git's C-style quoting of a path ("a/\303\251.txt"), leaving unquoted text as is. */
export function unquotePath(text: string): string {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) break;
    if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? '0';
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string, prefix: string): string {
  const unquoted = unquotePath(path);
  return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}

/** Path from `diff --git a/X b/X` when both sides are equal (no rename), else null. */
function pathFromDiffHeader(header: string): string | null {
  const body = header.slice('diff --git '.length);
  if (body.startsWith('"')) {
    const m = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*"|\S.*)$/.exec(body);
    if (m === null) return null;
    return stripPrefix(m[1] as string, 'a/');
  }
  // a/P b/P: both halves have the same length.
  if ((body.length - 1) % 2 !== 0) return null;
  const half = (body.length - 1) / 2;
  const a = body.slice(0, half);
  const b = body.slice(half + 1);
  if (!a.startsWith('a/') || !b.startsWith('b/') || a.slice(2) !== b.slice(2)) return null;
  return a.slice(2);
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** A unified diff as printed by diff-tree/log -p (any context size). Tolerates truncation. */
export function parseDiff(text: string): FileDiff[] {
  const files: FileDiff[] = [];
  let file: FileDiff | null = null;
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  let hunkIndex = -1;
  let deleted = false;
  const lines = text.split('\n');
  for (const raw of lines) {
    const line = raw.endsWith('\r') && !inHunk ? raw.slice(0, -1) : raw;
    if (line.startsWith('diff --git ')) {
      file = { path: pathFromDiffHeader(line) ?? '', oldPath: null, status: 'M', binary: false, added: [], removed: [] };
      files.push(file);
      inHunk = false;
      hunkIndex = -1;
      deleted = false;
      continue;
    }
    if (file === null) continue;
    if (inHunk) {
      const first = line[0];
      if (first === '+') {
        file.added.push({ line: newLine++, text: line.slice(1), hunk: hunkIndex });
        continue;
      }
      if (first === '-') {
        file.removed.push({ line: oldLine++, text: line.slice(1), hunk: hunkIndex });
        continue;
      }
      if (first === ' ') {
        oldLine++;
        newLine++;
        continue;
      }
      if (first === '\\') continue;
      inHunk = false;
    }
    const hunk = HUNK.exec(line);
    if (hunk !== null) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[3]);
      inHunk = true;
      hunkIndex++;
      continue;
    }
    if (line.startsWith('new file mode')) file.status = 'A';
    else if (line.startsWith('deleted file mode')) {
      file.status = 'D';
      deleted = true;
    } else if (line.startsWith('rename from ')) {
      file.oldPath = unquotePath(line.slice('rename from '.length));
      file.status = 'R';
    } else if (line.startsWith('rename to ')) file.path = unquotePath(line.slice('rename to '.length));
    else if (line.startsWith('copy from ')) {
      file.oldPath = unquotePath(line.slice('copy from '.length));
      file.status = 'C';
    } else if (line.startsWith('copy to ')) file.path = unquotePath(line.slice('copy to '.length));
    // Git ends these two lines with a tab when the name contains a space.
    else if (line.startsWith('--- ') && line !== '--- /dev/null') {
      const p = stripPrefix(line.slice(4).replace(/\t$/, ''), 'a/');
      if (deleted || file.path === '') file.path = p;
    } else if (line.startsWith('+++ ') && line !== '+++ /dev/null') file.path = stripPrefix(line.slice(4).replace(/\t$/, ''), 'b/');
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') file.binary = true;
  }
  for (const f of files) {
    if (f.oldPath === f.path) f.oldPath = null;
  }
  return files.filter((f) => f.path !== '');
}

function emailOf(mail: string): string {
  return mail.replace(/^<|>$/g, '');
}

function isoFromEpoch(seconds: string, tz: string): string {
  const epoch = Number(seconds);
  if (!Number.isFinite(epoch)) return '';
  const m = /^([+-])(\d{2})(\d{2})$/.exec(tz);
  const offsetMinutes = m === null ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date((epoch + offsetMinutes * 60) * 1000);
  if (Number.isNaN(local.getTime())) return '';
  const base = local.toISOString().slice(0, 19);
  if (m === null) return `${base}Z`;
  return `${base}${m[1]}${m[2]}:${m[3]}`;
}

const BLAME_HEADER = /^([0-9a-f]{4,64}) (\d+) (\d+)(?: (\d+))?$/;

/** `git blame --porcelain` output. A truncated last group yields the lines read so far. */
export function parseBlamePorcelain(text: string): BlameResult {
  const lines: BlameEntry[] = [];
  const commits = new Map<string, BlameCommitInfo>();
  const paths = new Map<string, string>();
  let current: { sha: string; orig: number; final: number } | null = null;
  let info: BlameCommitInfo | null = null;
  let authorTime = '';
  for (const line of text.split('\n')) {
    if (current === null) {
      const h = BLAME_HEADER.exec(line);
      if (h === null) continue;
      current = { sha: h[1] as string, orig: Number(h[2]), final: Number(h[3]) };
      info = commits.get(current.sha) ?? null;
      if (info === null) {
        info = { sha: current.sha, authorName: '', authorEmail: '', date: '', subject: '', boundary: false };
        commits.set(current.sha, info);
      }
      continue;
    }
    if (line.startsWith('\t')) {
      lines.push({ sha: current.sha, origLine: current.orig, finalLine: current.final, origPath: paths.get(current.sha) ?? '' });
      current = null;
      continue;
    }
    if (info === null) continue;
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    switch (key) {
      case 'author':
        info.authorName = value;
        break;
      case 'author-mail':
        info.authorEmail = emailOf(value);
        break;
      case 'author-time':
        authorTime = value;
        break;
      case 'author-tz':
        info.date = isoFromEpoch(authorTime, value);
        break;
      case 'summary':
        info.subject = value;
        break;
      case 'boundary':
        info.boundary = true;
        break;
      case 'filename':
        paths.set(current.sha, unquotePath(value));
        break;
      default:
        break;
    }
  }
  return { lines, commits };
}

export const tagFormat = declareFormat(
  { ref: '%(refname)', date: '%(creatordate:iso-strict)', sha: '%(objectname)', peeled: '%(*objectname)' },
  { rs: '%1e', fs: '%1d' },
);

/**
 * `git for-each-ref --format=<tagFormat.format>` output, tags peeled to their commit. Other refs
 * are skipped (the query also lists branches so that its output is never empty).
 */
export function parseTags(text: string): TagRecord[] {
  const out: TagRecord[] = [];
  for (const { fields } of tagFormat.parse(text)) {
    const sha = fields.peeled.trim() || fields.sha.trim();
    if (!fields.ref.startsWith('refs/tags/') || !HEX.test(sha)) continue;
    const name = fields.ref.slice('refs/tags/'.length);
    if (name !== '') out.push({ name, date: fields.date.trim(), sha });
  }
  return out;
}

/** for-each-ref with symbolic targets (refs/remotes/origin/HEAD → refs/remotes/origin/main). */
export const symrefFormat = declareFormat({ name: '%(refname)', target: '%(symref)' }, { rs: '%1e', fs: '%1d' });

export const refFormat = declareFormat({ name: '%(refname)', sha: '%(objectname)', peeled: '%(*objectname)' }, { rs: '%1e', fs: '%1d' });

/** `git for-each-ref --format=<refFormat.format>` output. */
export function parseRefs(text: string): { name: string; sha: string }[] {
  const out: { name: string; sha: string }[] = [];
  for (const { fields } of refFormat.parse(text)) {
    const sha = fields.peeled.trim() || fields.sha.trim();
    if (fields.name === '' || !HEX.test(sha)) continue;
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
    const m = /^([0-9a-f]{4,64}) (\S+)$/.exec(line);
    if (m === null) continue;
    const full = m[2] as string;
    const peeled = full.endsWith('^{}');
    const name = peeled ? full.slice(0, -3) : full;
    if (name !== 'HEAD' && !/^refs\/(heads|tags|remotes)\//.test(name)) continue;
    if (peeled || !byName.has(name)) byName.set(name, m[1] as string);
  }
  return [...byName].map(([name, sha]) => ({ name, sha }));
}

/**
 * `git status --porcelain=v2 -z` output: the paths with staged or unstaged changes (both names of a
 * rename). Header lines (`# branch...`) and untracked/ignored entries are skipped.
 */
export function parseStatusV2(text: string): string[] {
  const out: string[] = [];
  const entries = text.split('\0');
  const after = (entry: string, spaces: number): string | null => {
    let at = -1;
    for (let i = 0; i < spaces; i++) {
      at = entry.indexOf(' ', at + 1);
      if (at < 0) return null;
    }
    return entry.slice(at + 1);
  };
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    const kind = entry.slice(0, 2);
    const path = kind === '1 ' ? after(entry, 8) : kind === '2 ' ? after(entry, 9) : kind === 'u ' ? after(entry, 10) : null;
    if (path !== null && path !== '') out.push(path);
    if (kind === '2 ') {
      const orig = entries[i + 1];
      if (orig !== undefined && orig !== '') out.push(orig);
      i++;
    }
  }
  return [...new Set(out)];
}

/** NUL-separated path lists (`-z`), and `--name-status -z` pairs for renames. */
export function parseNulList(text: string): string[] {
  return text.split('\0').filter((p) => p.length > 0);
}

/** `git diff-tree -r -M --name-status -z --diff-filter=R` output: old path → new path. */
export function parseRenames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = text.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const status = parts[i] as string;
    if (/^R\d*$/.test(status) && i + 2 < parts.length) {
      const from = parts[i + 1];
      const to = parts[i + 2];
      if (from !== undefined && to !== undefined && from !== '' && to !== '') out.set(from, to);
      i += 2;
    }
  }
  return out;
}
