// The port through which core reads git. Core defines it; src/git implements it. Every method
// returns parsed data (the adapter runs the pure parsers of src/git/parsers on the raw output) and
// signals expected outcomes as values (null, false, empty lists). Only failures the caller cannot
// act on locally throw, and then always a GitFailure with a code.

import { CodedError } from './errors';

/** The small set of reasons a git call can fail, worded by the layer that shows them. */
export type GitErrorCode =
  | 'not-a-repository'
  | 'git-missing'
  | 'empty-repository'
  | 'bad-ref'
  | 'bad-argument'
  | 'timeout'
  /** Git printed more than the runner buffers for one command. */
  | 'output-too-large'
  /** Git gave up looking for renames (too many files changed): its diff would not be the whole truth. */
  | 'incomplete-renames'
  | 'failed';

export class GitFailure extends CodedError<GitErrorCode> {
  readonly domain = 'git';

  constructor(
    code: GitErrorCode,
    /** Git's own stderr or the spawn error, for logs only. */
    readonly detail: string,
    /** The limit that was reached: seconds for 'timeout', MiB for 'output-too-large'. */
    readonly limit?: number,
  ) {
    super(code, `${code}: ${detail}`);
    this.name = 'GitFailure';
  }
}

export function isGitFailure(error: unknown): error is GitFailure {
  return error instanceof GitFailure;
}

export interface RepoState {
  /** Absolute path of the working tree, null for a bare repository. */
  topLevel: string | null;
  /** Absolute path of the common git dir (shared by worktrees). */
  gitCommonDir: string;
  shallow: boolean;
  /** The commit HEAD points to; null in a repository without commits. */
  head: string | null;
  /** The branch HEAD points to (short name), null when detached. */
  headBranch: string | null;
}

/** One commit as read from `git log` with our own format. */
export interface RawCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** ISO 8601 author date. */
  date: string;
  subject: string;
  /** The full raw message (subject, body, trailers). */
  message: string;
}

/** One commit of a whole-history scan: only what linking needs, dates as git stores them. */
export interface MessageRecord {
  sha: string;
  /** Its parents' full ids, as git prints them (none for a root or a shallow boundary). */
  parents?: string[];
  authorName: string;
  authorEmail: string;
  /** Author time in epoch seconds and its zone (+hhmm). */
  time: string;
  zone: string;
  message: string;
  /**
   * Whether the message holds one of the marks, read on the text as git stored it, without
   * decoding the message (optional: a scan then decodes every message). Must agree with testing
   * the decoded message: marks are ASCII, which UTF-8 never uses inside another character.
   */
  hasIdMark?(marks: readonly IdMark[]): boolean;
}

/**
 * Takes a commit's id line as git prints it (`%H %P`): its id, then each parent after one space,
 * every id `idLength` lower-case hex digits (checked by the port). Bytes, not strings: a whole
 * history's ids made as strings were a large part of a scan's time in Node.
 */
export interface CommitLineSink {
  addLine(bytes: Uint8Array, start: number, idLength: number, parentCount: number): void;
}

/**
 * A scan that needs the facts of the commits whose message shows a mark only: those reach
 * `onRecord` in full, every other commit reaches `other` with its id and parents alone (which a
 * port may read without the author lines and headers of each commit). A commit may reach
 * `other` and then `onRecord`: the first read is given up when most messages show a mark.
 */
export interface ScanFilter {
  marks: readonly IdMark[];
  other: CommitLineSink;
}

/**
 * A sign that a message may hold an issue id, on ASCII characters alone: `mark` with a digit right
 * after it and, when `before` is given, one of its characters right before it. Ids are rare in most
 * histories: a scan decodes and parses only the messages that show one.
 */
export interface IdMark {
  mark: string;
  before: string | null;
  /** The digits that may follow the mark (all ten when absent). */
  digits?: string;
  /** ASCII characters that never come right before an id (before the mark, or before the key). */
  notBefore?: string;
  /**
   * For a key's dash: the key is the whole run of A-Z and 0-9 ending at the dash (a longer run is
   * no key), `length` long, starting with a letter, and none of `notKeys`. Where a character
   * outside ASCII comes right before the run, NFC may join it to the key: the mark then shows.
   */
  key?: { length: readonly [number, number]; notKeys: readonly string[] };
}

/** A ref (HEAD, refs/heads/x, refs/tags/x, refs/remotes/x) and the commit it points to. */
export interface RefTip {
  name: string;
  sha: string;
}

export interface DiffLine {
  /** 1-based line number on the side the line belongs to (new side for added, old for removed). */
  line: number;
  text: string;
  /** Index of the hunk within the file: a removed line whose hunk also adds lines was replaced. */
  hunk: number;
}

export type FileStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T';

export interface FileDiff {
  /** Path after the change (the old path for a deletion). */
  path: string;
  /** Path before the change when it differs (rename, copy), else null. */
  oldPath: string | null;
  status: FileStatus;
  binary: boolean;
  added: DiffLine[];
  removed: DiffLine[];
}

export interface CommitPatch {
  commit: RawCommit;
  files: FileDiff[];
}

export interface TagRecord {
  name: string;
  /** Tagger date (annotated) or committer date (lightweight), ISO 8601. */
  date: string;
  /** The commit the tag points to. */
  sha: string;
}

export interface BlameCommitInfo {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601 author date. */
  date: string;
  subject: string;
  /** The commit is a boundary of the range (its lines are older than the range). */
  boundary: boolean;
}

export interface BlameEntry {
  sha: string;
  /** Line number in the blamed commit's version of the file. */
  origLine: number;
  /** Line number in the file at the blamed revision. */
  finalLine: number;
  /** Path of the file in the blamed commit (differs after renames). */
  origPath: string;
}

export interface BlameResult {
  lines: BlameEntry[];
  commits: Map<string, BlameCommitInfo>;
}

export interface RevisionRange {
  /** Commits (or refs already verified) to start from. */
  include: string[];
  /** Commits whose ancestors are left out. */
  exclude: string[];
}

export interface LogPatchOptions {
  range: RevisionRange;
  /** Limit to commits touching these paths. */
  paths: string[];
  /** Show every file of a matching commit, not only the ones in `paths`. */
  fullDiff: boolean;
  noMerges: boolean;
}

export interface RefList {
  branches: string[];
  tags: string[];
  /** The current branch's short name, or null when HEAD is detached or unborn. */
  current: string | null;
}

export interface RecentCommitsOptions {
  /** Defaults to HEAD. */
  ref?: string;
  limit: number;
  /** Fixed text searched in messages (never a pattern). */
  grep?: string;
}

export interface BlameLineResult extends BlameCommitInfo {
  /** The line is not committed yet. */
  uncommitted: boolean;
  /** Line number in that commit's version of the file. */
  origLine: number;
  origPath: string;
}

/** Where a file went between two commits, followed commit by commit as `git blame` follows it. */
export interface PathTrace {
  /** Its path at the later commit; null when it was deleted (or could not be followed). */
  path: string | null;
  /** When a commit of its own history deleted it (not a merge that dropped it): that commit. */
  deletedIn?: string;
  /** Each rename on the way, oldest first. */
  steps: { commit: string; from: string; to: string }[];
  /**
   * The file disappeared in a commit that added too many files for git to compare it with each
   * (beyond its rename limit) and none with its name: where it went is not known.
   */
  undetermined: boolean;
}

export interface GitPort {
  /** Throws not-a-repository / git-missing; a repository without commits has head null. */
  repoState(): Promise<RepoState>;
  /** Resolves a ref or sha to a commit sha, or null when it names no commit. */
  resolveCommit(ref: string): Promise<string | null>;
  /** Facts of the given commits that exist (missing ones are left out), in the order given. */
  commits(shas: string[]): Promise<RawCommit[]>;
  /** Every commit reachable from `include` ('all' = all branches, tags, remotes and HEAD) not from `exclude`. */
  logMessages(options: { include: 'all' | string[]; exclude: string[]; grep?: string[] }): Promise<RawCommit[]>;
  /**
   * One streaming pass over every commit reachable from `include` ('all' = all branches, tags,
   * remotes and HEAD) but not from `exclude`; `onRecord` sees each commit as git prints it.
   * Resolves with the count.
   */
  scanMessages(range: { include: 'all' | string[]; exclude: string[] }, onRecord: (record: MessageRecord) => void, filter?: ScanFilter): Promise<number>;
  /** HEAD, branches, tags (peeled) and remote branches, with their commits. Empty: no commits. */
  listTips(): Promise<RefTip[]>;
  /** The history is cut (shallow clone). */
  isShallow(): Promise<boolean>;
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** The change `sha` brought relative to `parent` (its first parent), or to the empty tree when null. */
  commitDiff(sha: string, parent: string | null): Promise<FileDiff[]>;
  /**
   * The zero-context change from commit `from` to commit `to` of the paths, compared path by path
   * (no rename detection): one tree comparison, no walk of the history between them. Optional:
   * without it, survival is read from blame alone.
   */
  treeDiff?(from: string, to: string, paths: string[]): Promise<FileDiff[]>;
  /** Commits in the range touching the paths, newest first, with their zero-context patches. */
  logPatches(options: LogPatchOptions): Promise<CommitPatch[]>;
  /**
   * The commits `logPatches` would list for these options (with `fullDiff`), in its order, each
   * with every path it changed (renames not detected: a moved file is its old and its new path).
   * Git compares trees only, never file contents. Optional, with `commitPatches`: without them,
   * copies of a fix are looked for in `logPatches`' full read.
   */
  logTouchedPaths?(options: Omit<LogPatchOptions, 'fullDiff'>): Promise<{ sha: string; paths: string[] }[]>;
  /** The zero-context patches of distinct non-merge commits against their parent, in the order given, as `logPatches` shows them with `fullDiff`. */
  commitPatches?(shas: string[]): Promise<CommitPatch[]>;
  /** Tags whose commit contains any of the shas. */
  tagsContaining(shas: string[]): Promise<TagRecord[]>;
  /**
   * Every tag that names a commit, with its date; `complete` is false when some tag could not be
   * peeled to its object here (then only tagsContaining answers for sure). Optional: without it,
   * containment is always asked of git.
   */
  listCommitTags?(): Promise<{ tags: TagRecord[]; complete: boolean }>;
  /** What git's commit-graph file offers (optional: unknown without it). */
  commitGraphFile?(): Promise<CommitGraphFile>;
  /** Which of the paths exist at the commit. */
  pathsAt(commit: string, paths: string[]): Promise<string[]>;
  /** Renames between two commits (old path to new path). */
  renames(from: string, to: string): Promise<Map<string, string>>;
  /**
   * Where `path` (as it is at `from`) is at `to`, following renames commit by commit through the
   * file's history as blame walks it (moves in several steps, with edits), never by one comparison
   * of the two ends.
   */
  followPath(path: string, from: string, to: string): Promise<PathTrace>;
  /**
   * Blame of `path` at `range.include[0]`, stopping at the excluded commits; with `lines`, only of
   * those line ranges (inclusive, numbered as at `range.include[0]`; `-L`), which stops the walk as
   * soon as those lines are accounted for.
   */
  blame(path: string, range: RevisionRange, lines?: readonly (readonly [number, number])[]): Promise<BlameResult>;
  /** Which of the paths differ in the working tree or index from HEAD. */
  uncommittedChanges(paths: string[]): Promise<string[]>;

  // For the editor's pickers.
  recentCommits(options: RecentCommitsOptions): Promise<RawCommit[]>;
  /** The commit that last changed the 1-based line of the working-tree file; null when none. */
  blameLine(file: string, line: number): Promise<BlameLineResult | null>;
  listRefs(): Promise<RefList>;
  /** origin's default branch, else main/master, else the current branch; null when none. */
  defaultBranch(): Promise<string | null>;
  /** `git config user.email`, null when unset. */
  userEmail(): Promise<string | null>;
}

/**
 * Text that may be handed to git as a revision: never an option, no whitespace or control
 * characters, and nothing `git check-ref-format` forbids in a ref name except the revision
 * suffixes (`^`, `~`, `@{...}`) that make sense after one.
 */
export function isSafeRef(text: string): boolean {
  if (text.length === 0 || text.length > 255) return false;
  if (text.startsWith('-')) return false;
  // Control characters, space, and characters no ref name may contain (check-ref-format rules).
  if (/[\p{Cc}\s\\:?*[]/u.test(text)) return false;
  if (text.includes('..') || text.includes('//') || text.endsWith('.') || text.endsWith('/') || text.endsWith('.lock')) return false;
  return true;
}

/** What git's commit-graph file offers a repository's walks. */
export interface CommitGraphFile {
  present: boolean;
  /** Every layer of it has changed-path (Bloom) filters, which path-limited walks and blame use. */
  changedPaths: boolean;
}
