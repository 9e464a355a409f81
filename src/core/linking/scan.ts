// Links issues to commits over the whole history in one `git log` pass. The cache remembers, per
// commit id, the references found (commit facts never change) and where every ref pointed, so a
// later scan reads only `git log <refs that moved> --not <where the branches were>`.
import { commitFromRecord } from '../commitRecord';
import type { GitPort, MessageRecord, RawCommit } from '../gitPort';
import { GitFailure } from '../gitPort';
import { isSha } from '../sha';
import type { CommitGraphData } from './commitGraphData';
import { CommitGraphBuilder, emptyGraphData, isCommitGraphData } from './commitGraphData';
import type { IdPatterns, Reference } from './messageParser';
import { compileIdPatterns, MESSAGE_READING, parseReferences } from './messageParser';
import { issuesOfCommits } from './scanIssues';

export interface ScanOptions {
  patterns: IdPatterns;
}

export interface LinkedCommit {
  sha: string;
  subject: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601 author date. */
  date: string;
  /** For fixes: recognised by a closing keyword or a trailer. */
  via: 'keyword' | 'trailer' | null;
}

export interface ScanIssue {
  id: string;
  /** Newest first. */
  fixes: LinkedCommit[];
  /** Newest first. */
  mentions: LinkedCommit[];
}

type CachedReference = [id: string, kind: Reference['kind'], via: Reference['via']];

export interface CachedCommit {
  subject: string;
  authorName: string;
  authorEmail: string;
  date: string;
  refs: CachedReference[];
}

/** The scan's state (stored by scanCacheFormat.ts). Only commits with references keep their facts. */
export interface ScanCache {
  /** 4: the graph's parents in two flat arrays (3 had one array per commit; 2 no graph: read again in full). */
  version: 4;
  /** The id patterns the references were found with; other patterns invalidate the cache. */
  patternsKey: string;
  /** Every ref read, by name, and the commit it pointed to (everything they reach is known). */
  refs: Record<string, string>;
  /** The distinct commits of `refs`, sorted: a digest of the repository's state for callers. */
  tips: string[];
  /** How many commits were read in total. */
  commitsRead: number;
  commits: Record<string, CachedCommit>;
  /** Every commit read, with its parents: containment answered without git (see commitGraph.ts). */
  graph: CommitGraphData;
}

export interface ScanResult {
  issues: ScanIssue[];
  /** Commits read by this scan (0 when nothing changed). */
  commitsRead: number;
  /** Commits read over the cache's life. */
  commitsKnown: number;
  /** The scan reused a cache. */
  incremental: boolean;
  historyComplete: boolean;
  /** Custom id patterns that are not valid regular expressions. */
  patternErrors: string[];
  cache: ScanCache;
}

// Beyond this many exclusions the command line grows without saving much; excluding fewer tips
// only means re-reading some known commits, which the cache absorbs.
const MAX_EXCLUDED_TIPS = 2000;
const MAX_MOVED_REFS = 500;

export function patternsKey(patterns: IdPatterns): string {
  return JSON.stringify({
    reading: MESSAGE_READING,
    keys: patterns.keys,
    keyPrefixes: [...(patterns.keyPrefixes ?? [])].sort(),
    hashes: patterns.hashes,
    custom: patterns.custom,
  });
}

export function emptyScanCache(patterns: IdPatterns): ScanCache {
  return { version: 4, patternsKey: patternsKey(patterns), refs: {}, tips: [], commitsRead: 0, commits: {}, graph: emptyGraphData() };
}


function isCachedReference(value: unknown): value is CachedReference {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [id, kind, via] = value as unknown[];
  return typeof id === 'string' && id !== '' && (kind === 'fix' || kind === 'mention') && (via === null || via === 'keyword' || via === 'trailer');
}

export function isCachedCommit(value: unknown): value is CachedCommit {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const c = value as Partial<CachedCommit>;
  return (
    typeof c.subject === 'string' &&
    typeof c.authorName === 'string' &&
    typeof c.authorEmail === 'string' &&
    typeof c.date === 'string' &&
    Array.isArray(c.refs) &&
    c.refs.every(isCachedReference)
  );
}

// Caches this module returned, or already checked: a re-scan does not check every cached commit again.
const trustedCaches = new WeakSet<object>();

/**
 * A cache read from disk is trusted only when every part has the shape the scan relies on (a null
 * or wrong-typed entry anywhere would otherwise fail later, inside the scan); anything else
 * starts over with a full scan.
 */
export function isScanCache(value: unknown): value is ScanCache {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (trustedCaches.has(value)) return true;
  const v = value as Partial<ScanCache>;
  const valid =
    v.version === 4 &&
    typeof v.patternsKey === 'string' &&
    typeof v.refs === 'object' &&
    v.refs !== null &&
    !Array.isArray(v.refs) &&
    Object.values(v.refs).every((t) => typeof t === 'string' && isSha(t)) &&
    Array.isArray(v.tips) &&
    v.tips.every((t) => typeof t === 'string' && isSha(t)) &&
    typeof v.commitsRead === 'number' &&
    Number.isFinite(v.commitsRead) &&
    typeof v.commits === 'object' &&
    v.commits !== null &&
    !Array.isArray(v.commits) &&
    Object.entries(v.commits).every(([sha, c]) => isSha(sha) && isCachedCommit(c)) &&
    isCommitGraphData(v.graph, isSha);
  if (valid) trustedCaches.add(value);
  return valid;
}

/** Adds a commit's references to the cache; returns whether it had any. */
export function recordCommit(cache: ScanCache, commit: RawCommit | MessageRecord, patterns: IdPatterns): boolean {
  // Most messages hold no id: a record that can tell from git's bytes is not decoded at all.
  const marks = compileIdPatterns(patterns).marks;
  if (marks !== null && 'hasIdMark' in commit && commit.hasIdMark?.(marks) === false) return false;
  const refs = parseReferences(commit.message, patterns);
  if (refs.length === 0) return false;
  // Dates and subjects are worked out only for the few commits that reference an issue.
  if (!('subject' in commit)) commit = commitFromRecord(commit);
  cache.commits[commit.sha] = {
    subject: commit.subject,
    authorName: commit.authorName,
    authorEmail: commit.authorEmail,
    date: commit.date,
    refs: refs.map((r) => [r.id, r.kind, r.via]),
  };
  return true;
}

/**
 * The refs (show-ref), then one streaming log. Without a cache the log reads everything (in two
 * reads when the patterns have marks, see GitPort.scanMessages' filter). With one, an unchanged
 * repository needs no log at all, and otherwise the log starts from the refs that moved and stops
 * at where the branches, HEAD and the moved refs were (tags are not passed: hundreds of them would
 * only lengthen the command; a tag's commits are reached from a branch, or they are few).
 */
export async function scanHistory(port: GitPort, options: ScanOptions, cache?: ScanCache): Promise<ScanResult> {
  const key = patternsKey(options.patterns);
  const usable = cache !== undefined && isScanCache(cache) && cache.patternsKey === key && Object.keys(cache.refs).length > 0;
  // The caller's cache is never changed: refs and tips are replaced below, and its commits are
  // copied only when new ones are about to be recorded (not on a re-scan where nothing moved).
  const working: ScanCache = usable ? { ...cache } : emptyScanCache(options.patterns);
  // The refs are listed first: a re-scan's log starts from the refs that moved; a full scan's log
  // reads beside the listing (see below).
  const listing = port.listTips();
  // Keeps the listing's failure for the await below, not as an unhandled rejection meanwhile.
  listing.catch(() => undefined);
  const tips = usable ? await listing : [];
  let graph: CommitGraphBuilder | null = null;
  const readWithoutParents = new Set<string>();
  const builder = (): CommitGraphBuilder => (graph ??= new CommitGraphBuilder(working.graph));
  const addToGraph = (sha: string, parents: string[]): void => builder().add(sha, parents);
  const before = working.commits;
  // Commits that reference an issue and were not in the cache: the issues are updated with these.
  const added = new Set<string>();
  let reread = false;
  const record = (r: MessageRecord): void => {
    if (recordCommit(working, r, options.patterns)) {
      if (usable && Object.hasOwn(before, r.sha)) reread = true;
      else added.add(r.sha);
    }
    if (r.parents !== undefined) addToGraph(r.sha, r.parents);
    else readWithoutParents.add(r.sha);
  };
  let commitsRead = 0;
  if (!usable) {
    // Of a whole history, only the commits whose message shows an id's mark are read in full.
    const marks = compileIdPatterns(options.patterns).marks;
    const filter = marks === null ? undefined : { marks, other: builder() };
    // The log reads from every ref while the refs are listed (side by side where the port runs a
    // request's commands so; one after another otherwise).
    const reading = port.scanMessages({ include: 'all', exclude: [] }, record, filter);
    // A failed listing fails the scan once the log has ended too (no git left running unawaited).
    const listed = await listing.catch(async (error: unknown) => {
      await reading.catch(() => undefined);
      throw error;
    });
    tips.push(...listed);
    commitsRead = await reading;
    if (commitsRead === 0) throw new GitFailure('empty-repository', 'no commits');
    // A ref that moved between the listing and the log starting names commits the log may not
    // have read: those are read now, so the cache never claims a tip whose history it lacks (a tip
    // that is not a commit, as a tag of a blob, has nothing to read).
    const shas = [...new Set(tips.map((t) => t.sha))];
    const known = (sha: string): boolean => readWithoutParents.has(sha) || (graph as CommitGraphBuilder | null)?.has(sha) === true;
    const unread = shas.filter((sha) => !known(sha));
    const exclude = shas.filter(known).slice(0, MAX_EXCLUDED_TIPS);
    if (unread.length > 0) commitsRead += await port.scanMessages({ include: unread, exclude }, record);
  } else {
    const moved = tips.filter((t) => working.refs[t.name] !== t.sha);
    if (moved.length > 0) {
      working.commits = { ...working.commits };
      const movedNames = new Set(moved.map((m) => m.name));
      const old = Object.entries(working.refs)
        .filter(([name]) => !name.startsWith('refs/tags/') || movedNames.has(name))
        .map(([, sha]) => sha);
      const exclude = [...new Set(old)].slice(0, MAX_EXCLUDED_TIPS);
      const include = [...new Set(moved.map((m) => m.sha))];
      // After a fetch of hundreds of new refs, naming them all costs more than the pseudo-refs.
      commitsRead = await port.scanMessages({ include: include.length > MAX_MOVED_REFS ? 'all' : include, exclude }, record);
    }
  }
  // Unchanged when nothing was read: the same data object keeps its built graph (commitGraphOf).
  if (graph !== null) working.graph = (graph as CommitGraphBuilder).data;
  working.refs = Object.fromEntries(tips.map((t) => [t.name, t.sha]));
  working.tips = [...new Set(tips.map((t) => t.sha))].sort();
  working.commitsRead += commitsRead;
  trustedCaches.add(working);
  return {
    issues: issuesOfCommits(working.commits, usable && !reread ? { from: before, added: [...added] } : undefined),
    commitsRead,
    commitsKnown: working.commitsRead,
    incremental: usable,
    historyComplete: !(await port.isShallow()),
    patternErrors: compileIdPatterns(options.patterns).errors,
    cache: working,
  };
}
