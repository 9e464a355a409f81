// Implements core's GitPort with the shared git runner: every query asks for a format declared in
// ./parsers and hands the raw text to the pure parser declared with it. The hardening every command
// needs lives in the runner (gitRunner.ts, hardening.ts); here, each diff, log and blame gets its
// command's options (no external drivers, textconv, notes or ignored revisions), arguments are
// arrays and user-supplied refs go after --end-of-options. A failed command is never an empty
// answer: only the outcomes named in each method (no such path, no such ref) become values.
import * as path from 'node:path';
import type {
  BlameLineResult,
  BlameResult,
  CommitGraphFile,
  CommitPatch,
  FileDiff,
  GitPort,
  LogPatchOptions,
  MessageRecord,
  PathTrace,
  RawCommit,
  RecentCommitsOptions,
  RefTip,
  RefList,
  RepoState,
  RevisionRange,
  ScanFilter,
  TagRecord,
} from '../core/gitPort';
import { GitFailure, isSafeRef } from '../core/gitPort';
import { isSha } from '../core/sha';
import { isShallowRepository, readCommitGraphFile } from './dotGit';
import { parseBlamePorcelain } from './parsers/blame';
import { parseDiff } from './parsers/diff';
import { commitFormat, parseCommitPatches, parseCommits } from './parsers/commits';
import { readInFull, readMarked } from './scanReads';
import { parseNulList, parseRenames } from './parsers/nameStatus';
import { learnFromShowRef, objectMemoFor, readRefFiles } from './refFiles';
import { parseRefs, parseShowRefTips, parseTags, refFormat, symrefFormat, tagFormat } from './parsers/refs';
import { parseTagList, peelNested, tagListFormat } from './parsers/tagList';
import { parseTouchedLog, TOUCHED_LOG_FORMAT } from './parsers/touchedLog';
import { FollowMemo, followPath } from './followPath';
import type { GitRunner, RunResult } from './gitRunner';
import { classifyStderr, createGitRunner } from './gitRunner';
import { BLAME_ARGS, DIFF_ARGS, disabledFilters, filterDrivers, LOG_ARGS } from './hardening';
import { parseIndexEntries, parseTreeEntries } from './parsers/trees';
import { changedPaths } from './worktreeChanges';

export interface GitPortOptions {
  /** Receives one line per git command when it ends (with its duration) and per failure, for an output channel or --verbose. */
  log?: (line: string) => void;
  /** The git executable (default `git` on PATH). */
  binary?: string;
  /** Limits of each command (see GitRunnerOptions). */
  totalTimeoutMs?: number;
  maxOutputBytes?: number;
  renameLimit?: number;
  /** The queue its commands wait in (default: the folder's): a second queue lets a request run beside a long read. */
  queueKey?: string;
  /** How many commands of a person's request run at once (see GitRunnerOptions.requestLanes; default 1). */
  requestLanes?: number;
}

// simple-git waits 50 ms after a process that printed nothing at all (the runner cuts that wait
// short once stdout ends), and an empty answer still costs a process: the queries below are chosen
// to always print something (merge-base rather than merge-base --is-ancestor, status with its
// branch header, for-each-ref over branches and tags).

function refOrThrow(ref: string): string {
  if (!isSafeRef(ref)) throw new GitFailure('bad-argument', `unsafe ref: ${JSON.stringify(ref)}`);
  return ref;
}

function shaOrThrow(sha: string): string {
  if (!isSha(sha)) throw new GitFailure('bad-argument', `not a commit id: ${JSON.stringify(sha)}`);
  return sha;
}

// What git says when a revision names nothing, or HEAD has no commit yet.
const NO_SUCH_OBJECT = /unknown revision|bad revision|not a valid object name|invalid object name|Needed a single revision|no such ref|ambiguous argument/i;
// What rev-parse says when a tag peels to something that is not a commit.
const NOT_A_COMMIT = /expected commit type|dereferences to/i;
const UNBORN = /unknown revision|ambiguous argument 'HEAD'|bad revision 'HEAD'|does not have any commits yet/i;
const NO_HEAD_TREE = /Not a valid object name HEAD\b/;

// Commits whose patches one `git log --no-walk` reads, at most.
const PATCH_SLICE = 100;

function rangeArgs(range: RevisionRange): string[] {
  return [...range.include.map(shaOrThrow), ...range.exclude.map((e) => `^${shaOrThrow(e)}`)];
}

export function createGitPort(repoDir: string, options: GitPortOptions = {}): GitPort {
  // Every runner of this port waits in the queue of the folder it was opened on (or the one given).
  const runnerOptions = { ...options, queueKey: options.queueKey ?? repoDir };
  let git: GitRunner | null = null;
  let topLevel: string | null | undefined;
  let commonDir = '';
  let gitDir = '';
  const follows = new FollowMemo();

  // Asked once, whoever asks first: the first questions of a computation are asked at once.
  let probing: Promise<GitRunner> | null = null;
  function ready(): Promise<GitRunner> {
    if (git !== null && topLevel !== undefined) return Promise.resolve(git);
    probing ??= probeRepository().finally(() => {
      probing = null;
    });
    return probing;
  }

  async function probeRepository(): Promise<GitRunner> {
    const probe = createGitRunner(repoDir, runnerOptions);
    const info = await probe.run(['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir', '--show-toplevel'], { okExit: [128] });
    if (info.exitCode === 0) {
      const [own, dir, top] = info.stdout.split('\n');
      gitDir = own ?? '';
      commonDir = dir ?? '';
      topLevel = top ?? '';
    } else {
      // No work tree (a bare repository, or inside the git dir): ask again without the top level.
      [gitDir = '', commonDir = ''] = (await probe.run(['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir'])).stdout.split('\n');
      topLevel = null;
    }
    // Paths in diffs are relative to the top level; running there keeps pathspecs aligned.
    git = topLevel === null || path.resolve(topLevel) === path.resolve(repoDir) ? probe : createGitRunner(topLevel, runnerOptions);
    return git;
  }

  async function shallow(): Promise<boolean> {
    await ready();
    return isShallowRepository(commonDir);
  }

  async function run(args: string[], okExit: number[] = []): Promise<RunResult> {
    return (await ready()).run(args, { okExit });
  }

  /** A command that detects renames: git giving up on them (too many files) is a failure, not a smaller answer. */
  async function runRenames(args: string[], okExit: number[] = []): Promise<RunResult> {
    const r = await run(args, okExit);
    if (r.warnings.includes('incomplete-renames')) throw new GitFailure('incomplete-renames', r.stderr.trim());
    return r;
  }

  /** An exit code that is an expected answer only when stderr says why; anything else is a failure. */
  function expected(r: RunResult, why: RegExp): boolean {
    if (r.exitCode === 0) return false;
    if (why.test(r.stderr)) return true;
    throw new GitFailure(classifyStderr(r.stderr), r.stderr);
  }

  /** HEAD's commit and branch in one call; an unborn branch is named by symbolic-ref. */
  async function head(): Promise<{ sha: string | null; branch: string | null }> {
    const r = await run(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'], [128]);
    if (!expected(r, UNBORN)) {
      const [sha, name] = r.stdout.split('\n');
      const branch = name !== undefined && name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : null;
      return { sha: sha !== undefined && isSha(sha) ? sha : null, branch };
    }
    const unborn = await run(['symbolic-ref', 'HEAD'], [128]);
    const name = unborn.stdout.trim();
    return { sha: null, branch: !expected(unborn, /not a symbolic ref/) && name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : null };
  }

  async function headSha(): Promise<string | null> {
    return (await head()).sha;
  }

  async function headBranch(): Promise<string | null> {
    return (await head()).branch;
  }

  const port: GitPort = {
    async repoState(): Promise<RepoState> {
      const isShallow = await shallow();
      const h = await head();
      return { topLevel: topLevel ?? null, gitCommonDir: commonDir, shallow: isShallow, head: h.sha, headBranch: h.branch };
    },

    async resolveCommit(ref: string): Promise<string | null> {
      if (!isSafeRef(ref)) return null;
      // -q --verify: a name that is no commit exits 1 quietly; 128 is a failure unless it says so.
      const r = await run(['rev-parse', '-q', '--verify', '--end-of-options', `${ref}^{commit}`], [1, 128]);
      if (r.exitCode === 1 || expected(r, NO_SUCH_OBJECT)) return null;
      const sha = r.stdout.trim();
      return isSha(sha) ? sha : null;
    },

    async commits(shas: string[]): Promise<RawCommit[]> {
      if (shas.length === 0) return [];
      const r = await run(['log', ...LOG_ARGS, '--no-walk=unsorted', '--ignore-missing', `--format=${commitFormat.format}`, ...shas.map(shaOrThrow), '--']);
      const found = parseCommits(r.stdout);
      return shas
        .map((s) => found.find((c) => c.sha.startsWith(s.toLowerCase())))
        .filter((c): c is RawCommit => c !== undefined)
        .filter((c, i, all) => all.indexOf(c) === i);
    },

    async logMessages(opts): Promise<RawCommit[]> {
      const include: string[] = [];
      // With --ignore-missing an unborn HEAD is skipped rather than an error.
      if (opts.include === 'all') include.push('--branches', '--tags', '--remotes', 'HEAD');
      else include.push(...opts.include.map(shaOrThrow));
      const exclude = opts.exclude.length > 0 ? ['--not', ...opts.exclude.map(shaOrThrow)] : [];
      const grep = (opts.grep ?? []).map((g) => `--grep=${g}`);
      // Fixed strings, case-insensitive: ids are never patterns; the caller re-parses what comes back.
      const fixed = grep.length > 0 ? ['-F', '-i'] : [];
      const r = await run(['log', ...LOG_ARGS, '--ignore-missing', `--format=${commitFormat.format}`, ...fixed, ...grep, ...include, ...exclude, '--']);
      return parseCommits(r.stdout);
    },

    async scanMessages(range: { include: 'all' | string[]; exclude: string[] }, onRecord: (record: MessageRecord) => void, filter?: ScanFilter): Promise<number> {
      const include = range.include === 'all' ? ['--branches', '--tags', '--remotes', 'HEAD'] : range.include.map(shaOrThrow);
      const not = range.exclude.length > 0 ? ['--not', ...range.exclude.map(shaOrThrow)] : [];
      // --ignore-missing: an unborn HEAD and cached tips that were garbage-collected are skipped.
      const revisions = ['--ignore-missing', ...include, ...not, '--'];
      const runner = await ready();
      if (filter === undefined || filter.marks.length === 0) return readInFull(runner, revisions, onRecord);
      return readMarked(runner, revisions, onRecord, filter);
    },

    async listTips(): Promise<RefTip[]> {
      await ready();
      // The ref files first (no process); show-ref whenever they cannot give its answer for certain.
      const memo = objectMemoFor(commonDir);
      const fromFiles = gitDir !== '' && commonDir !== '' ? readRefFiles(gitDir, commonDir, memo) : null;
      if (fromFiles !== null) return fromFiles;
      const r = await run(['show-ref', '--head', '--dereference'], [1]);
      learnFromShowRef(memo, r.stdout);
      return parseShowRefTips(r.stdout);
    },

    isShallow: shallow,

    async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
      // The merge base is the ancestor itself exactly when it is contained; unlike --is-ancestor
      // this prints an answer (and walks no more). Exit 1: no common history at all.
      const a = shaOrThrow(ancestor);
      const r = await run(['merge-base', a, shaOrThrow(descendant)], [1]);
      const base = r.stdout.trim();
      return r.exitCode === 0 && base !== '' && base.startsWith(a.toLowerCase());
    },

    async commitDiff(sha: string, parent: string | null): Promise<FileDiff[]> {
      const revs = parent === null ? ['--root', shaOrThrow(sha)] : [shaOrThrow(parent), shaOrThrow(sha)];
      const r = await runRenames(['diff-tree', '-r', '-p', '-U0', '-M', ...DIFF_ARGS, ...revs, '--']);
      return parseDiff(r.stdout);
    },

    async treeDiff(from: string, to: string, paths: string[]): Promise<FileDiff[]> {
      if (paths.length === 0) return [];
      const r = await run(['diff-tree', '-r', '-p', '-U0', '--no-renames', ...DIFF_ARGS, shaOrThrow(from), shaOrThrow(to), '--', ...paths]);
      return parseDiff(r.stdout);
    },

    async logPatches(opts: LogPatchOptions): Promise<CommitPatch[]> {
      const args = ['log', ...LOG_ARGS, '-p', '-U0', '-M', ...DIFF_ARGS, `--format=${commitFormat.format}`];
      if (opts.fullDiff) args.push('--full-diff');
      if (opts.noMerges) args.push('--no-merges');
      const r = await runRenames([...args, ...rangeArgs(opts.range), '--', ...opts.paths]);
      return parseCommitPatches(r.stdout);
    },

    async logTouchedPaths(opts: Omit<LogPatchOptions, 'fullDiff'>): Promise<{ sha: string; paths: string[] }[]> {
      // The walk and path limiting of logPatches (the same range, paths and merges), so the same
      // commits; --full-diff names all of each commit's files, and without renames git compares
      // only trees.
      const args = ['log', ...LOG_ARGS, '-z', '--name-status', '--no-renames', '--full-diff', ...DIFF_ARGS, TOUCHED_LOG_FORMAT];
      if (opts.noMerges) args.push('--no-merges');
      const r = await run([...args, ...rangeArgs(opts.range), '--', ...opts.paths]);
      return parseTouchedLog(r.stdout);
    },

    async commitPatches(shas: string[]): Promise<CommitPatch[]> {
      const out: CommitPatch[] = [];
      // In slices, so that the command line stays short on every platform.
      for (let i = 0; i < shas.length; i += PATCH_SLICE) {
        const slice = shas.slice(i, i + PATCH_SLICE).map(shaOrThrow);
        const r = await runRenames(['log', ...LOG_ARGS, '--no-walk=unsorted', '-p', '-U0', '-M', ...DIFF_ARGS, `--format=${commitFormat.format}`, ...slice, '--']);
        const found = parseCommitPatches(r.stdout);
        // Git names each commit once, in the order given; anything else is not the answer asked for.
        if (found.length !== slice.length || found.some((p, j) => !p.commit.sha.startsWith(slice[j]?.toLowerCase() ?? '-'))) {
          throw new GitFailure('failed', `git log --no-walk listed ${found.length} of ${slice.length} commits`);
        }
        out.push(...found);
      }
      return out;
    },

    async tagsContaining(shas: string[]): Promise<TagRecord[]> {
      if (shas.length === 0) return [];
      const contains = shas.flatMap((s) => ['--contains', shaOrThrow(s)]);
      // `git tag --contains` walks with git's containment algorithm for tags, which `for-each-ref
      // --contains` does not use: the same lines (the order and the format given here, whatever
      // tag.sort or column.tag say), measured at 100k commits without a commit-graph's help 0.1-0.2 s
      // against 0.9-2.8 s. An empty answer is an answer (the runner does not wait on a silent git).
      const r = await run(['tag', '--list', '--no-column', '--sort=refname', `--format=${tagFormat.format}`, ...contains]);
      return parseTags(r.stdout);
    },

    async commitGraphFile(): Promise<CommitGraphFile> {
      await ready();
      return readCommitGraphFile(commonDir);
    },

    async listCommitTags(): Promise<{ tags: TagRecord[]; complete: boolean }> {
      // refs/heads too, only so that the output is never empty (see the note at the top).
      const r = await run(['for-each-ref', `--format=${tagListFormat.format}`, 'refs/heads', 'refs/tags']);
      const list = parseTagList(r.stdout);
      const nested = list.tags.filter((t) => t.nested);
      if (nested.length === 0) return { tags: peelNested(list.tags, []) ?? [], complete: list.complete };
      // Tags of tags, peeled the rest of the way in one call; one that ends at a tree or a blob
      // makes the call fail, and then only git's own containment answers for sure.
      const p = await run(['rev-parse', ...nested.map((t) => `${shaOrThrow(t.sha)}^{commit}`)], [128]);
      const plain = (): TagRecord[] => peelNested(list.tags.filter((t) => !t.nested), []) ?? [];
      if (expected(p, NOT_A_COMMIT)) return { tags: plain(), complete: false };
      const tags = peelNested(list.tags, p.stdout.split('\n').filter((l) => l !== ''));
      return tags === null ? { tags: plain(), complete: false } : { tags, complete: list.complete };
    },

    async pathsAt(commit: string, paths: string[]): Promise<string[]> {
      if (paths.length === 0) return [];
      const r = await run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', shaOrThrow(commit), '--', ...paths]);
      return parseNulList(r.stdout);
    },

    async renames(from: string, to: string): Promise<Map<string, string>> {
      const r = await runRenames(['diff-tree', '-r', '-M', '-z', '--name-status', '--diff-filter=R', ...DIFF_ARGS, shaOrThrow(from), shaOrThrow(to), '--']);
      return parseRenames(r.stdout);
    },

    async followPath(file: string, from: string, to: string): Promise<PathTrace> {
      shaOrThrow(from);
      shaOrThrow(to);
      return followPath(async (args) => (await run(args)).stdout, DIFF_ARGS, file, from, to, follows);
    },

    async blame(file: string, range: RevisionRange, lines?: readonly (readonly [number, number])[]): Promise<BlameResult> {
      // With its only positive revision also excluded, blame would fall back to the working tree.
      if (range.include.length === 0 || range.include.some((i) => range.exclude.includes(i))) {
        throw new GitFailure('bad-argument', 'blame range without a commit to blame');
      }
      // A failing blame (a path it cannot find, anything else) is a GitFailure, never an empty
      // blame: an empty answer would read as "every line of the fix is gone".
      const only: string[] = [];
      for (const [from, to] of lines ?? []) {
        if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from) throw new GitFailure('bad-argument', `bad line range ${from},${to}`);
        only.push(`-L${from},${to}`);
      }
      const r = await runRenames(['blame', '--porcelain', '-M', ...BLAME_ARGS, ...only, ...rangeArgs(range), '--', file]);
      return parseBlamePorcelain(r.stdout);
    },

    async uncommittedChanges(paths: string[]): Promise<string[]> {
      await ready();
      if (topLevel === null || topLevel === undefined || paths.length === 0) return [];
      // The index and HEAD are git's own data; the working files are hashed here, without filters.
      // One after another: the evidence asks this beside its own walks, which keep the other lane.
      // An unborn HEAD has no tree (git names it, exit 128); any other failure is one.
      const listed = await run(['ls-files', '-s', '-t', '-z', '--', ...paths]);
      const tree = await run(['ls-tree', '-r', '-z', '--full-tree', 'HEAD', '--', ...paths], [128]);
      const headTree = expected(tree, NO_HEAD_TREE) ? '' : tree.stdout;
      return changedPaths(topLevel, parseIndexEntries(listed.stdout), parseTreeEntries(headTree));
    },

    async recentCommits(opts: RecentCommitsOptions): Promise<RawCommit[]> {
      const limit = Math.max(1, Math.min(10000, Math.floor(opts.limit)));
      const args = ['log', ...LOG_ARGS, `--format=${commitFormat.format}`, `-n${limit}`];
      if (opts.grep !== undefined && opts.grep !== '') args.push('-F', '-i', `--grep=${opts.grep}`);
      if ((await headSha()) === null && opts.ref === undefined) return [];
      const r = await run([...args, '--end-of-options', refOrThrow(opts.ref ?? 'HEAD'), '--']);
      return parseCommits(r.stdout);
    },

    async blameLine(file: string, line: number): Promise<BlameLineResult | null> {
      await ready();
      const root = topLevel;
      if (root === null || root === undefined || !Number.isInteger(line) || line < 1) return null;
      const relative = path.isAbsolute(file) ? path.relative(root, file) : file;
      if (relative.startsWith('..')) return null;
      // Blaming the working file reads it through the repository's clean filters: switch off every
      // filter the config names (the only command of ours that reads the working tree that way).
      const names = await run(['config', '-z', '--name-only', '--get-regexp', '^filter\\.'], [1]);
      const noFilters = disabledFilters(filterDrivers(names.stdout));
      if (noFilters === null) throw new GitFailure('failed', 'a filter driver name cannot be switched off');
      const r = await (await ready()).run(['blame', '--porcelain', ...BLAME_ARGS, `-L${line},${line}`, '--', relative.split(path.sep).join('/')], {
        okExit: [128],
        config: noFilters,
      });
      // Expected: an untracked file, a line past the end, a repository without commits.
      if (expected(r, /no such path|has only \d+ lines?|no commits yet|bad revision 'HEAD'/)) return null;
      const parsed = parseBlamePorcelain(r.stdout);
      const entry = parsed.lines[0];
      if (entry === undefined) return null;
      const info = parsed.commits.get(entry.sha);
      if (info === undefined) return null;
      return { ...info, uncommitted: /^0+$/.test(entry.sha), origLine: entry.origLine, origPath: entry.origPath };
    },

    async listRefs(): Promise<RefList> {
      const r = await run(['for-each-ref', `--format=${refFormat.format}`, 'refs/heads', 'refs/tags']);
      const refs = parseRefs(r.stdout);
      return {
        branches: refs.filter((x) => x.name.startsWith('refs/heads/')).map((x) => x.name.slice('refs/heads/'.length)),
        tags: refs.filter((x) => x.name.startsWith('refs/tags/')).map((x) => x.name.slice('refs/tags/'.length)),
        current: await headBranch(),
      };
    },

    async defaultBranch(): Promise<string | null> {
      const r = await run(['for-each-ref', `--format=${symrefFormat.format}`, 'refs/remotes/origin/HEAD', 'refs/heads']);
      const refs = symrefFormat.parse(r.stdout).map((x) => x.fields);
      const branches = refs.filter((x) => x.name.startsWith('refs/heads/')).map((x) => x.name.slice('refs/heads/'.length));
      const originHead = refs.find((x) => x.name === 'refs/remotes/origin/HEAD')?.target ?? '';
      if (originHead.startsWith('refs/remotes/origin/')) {
        const local = originHead.slice('refs/remotes/origin/'.length);
        return branches.includes(local) ? local : `origin/${local}`;
      }
      for (const name of ['main', 'master', 'trunk', 'develop']) if (branches.includes(name)) return name;
      return (await headBranch()) ?? branches[0] ?? null;
    },

    async userEmail(): Promise<string | null> {
      const r = await run(['config', '--get', 'user.email'], [1]);
      const email = r.stdout.trim();
      return r.exitCode === 0 && email !== '' ? email : null;
    },
  };
  return port;
}
