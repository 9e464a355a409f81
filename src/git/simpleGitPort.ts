// The only place that runs git. It implements core's GitPort with simple-git: every query asks for
// a format core owns and hands the raw text to core's parsers. All hardening lives in `run`:
// repositories can run code from their config, so fsmonitor is off, diffs never use external
// drivers or textconv, there is no pager or prompt, paths are literal, arguments are arrays and
// user-supplied refs go after --end-of-options.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import type {
  BlameLineResult,
  BlameResult,
  CommitPatch,
  FileDiff,
  GitErrorCode,
  GitPort,
  LogPatchOptions,
  MessageRecord,
  RawCommit,
  RecentCommitsOptions,
  RefTip,
  RefList,
  RepoState,
  RevisionRange,
  TagRecord,
} from '../core/gitPort';
import { GitFailure, isSafeRef, isSha } from '../core/gitPort';
import {
  commitFormat,
  parseBlamePorcelain,
  parseCommitPatches,
  parseCommits,
  parseDiff,
  parseNulList,
  parseRefs,
  parseRenames,
  parseShowRefTips,
  parseStatusV2,
  parseTags,
  recordStream,
  refFormat,
  SCAN_LOG_ARGS,
  scanFormat,
  symrefFormat,
  tagFormat,
  toMessageRecord,
} from '../core/gitParsers';


export interface GitPortOptions {
  /** Receives one line per git call and per failure, for an output channel or --verbose. */
  log?: (line: string) => void;
  /** The git executable (default `git` on PATH). */
  binary?: string;
}

// Marks the message of the error we build for a non-zero exit, so the exit code and stderr
// survive simple-git's wrapping.
const EXIT_MARK = '\u0000exit ';

// simple-git waits 50 ms after a process that printed nothing at all, so the queries below are
// chosen to always print something (merge-base rather than merge-base --is-ancestor, status with
// its branch header, for-each-ref over branches and tags): an empty answer costs a delay.
const CONFIG = ['core.fsmonitor=false', 'core.quotePath=false', 'log.showSignature=false', 'color.ui=false'];
const GLOBAL_ARGS = ['--no-pager', '--literal-pathspecs', '--no-optional-locks'];
const DIFF_ARGS = ['--no-textconv', '--no-ext-diff', '--no-color', '--src-prefix=a/', '--dst-prefix=b/'];

const DROPPED_ENV = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS']);

function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // GIT_DIR, GIT_CONFIG_* and friends from a calling hook or shell would redirect or reconfigure
    // git; editors, pagers and askpass helpers are programs we never want git to start.
    if (value !== undefined && !key.toUpperCase().startsWith('GIT_') && !DROPPED_ENV.has(key.toUpperCase())) env[key] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.LC_ALL = 'C';
  env.LANGUAGE = 'C';
  return env;
}

interface RunResult {
  stdout: string;
  exitCode: number;
}

/**
 * simple-git waits 50 ms before finishing a process that printed nothing, in case output is
 * still on its way. Once stdout has ended nothing is: an empty chunk at that moment tells it so.
 * (Without this, every silent answer - a failed lookup, a re-scan with nothing new - costs 50 ms.)
 */
function signalEnd(stdout: NodeJS.ReadableStream): void {
  stdout.once('end', () => stdout.emit('data', Buffer.alloc(0)));
}

function classify(stderr: string): GitErrorCode {
  if (/ENOENT|spawn .* EACCES|not found/i.test(stderr) && /spawn/i.test(stderr)) return 'git-missing';
  if (/not a git repository|must be run in a work tree|cannot change to/i.test(stderr)) return 'not-a-repository';
  if (/does not have any commits yet|bad default revision 'HEAD'|ambiguous argument 'HEAD'/i.test(stderr)) return 'empty-repository';
  if (/unknown revision|bad revision|bad object|not a valid object name|ambiguous argument|invalid object name|Needed a single revision|no such ref|malformed object name|not a valid commit|no such path/i.test(stderr)) {
    return 'bad-ref';
  }
  if (/timed? ?out|block timeout/i.test(stderr)) return 'timeout';
  return 'failed';
}

function refOrThrow(ref: string): string {
  if (!isSafeRef(ref)) throw new GitFailure('bad-argument', `unsafe ref: ${JSON.stringify(ref)}`);
  return ref;
}

function shaOrThrow(sha: string): string {
  if (!isSha(sha)) throw new GitFailure('bad-argument', `not a commit id: ${JSON.stringify(sha)}`);
  return sha;
}

function rangeArgs(range: RevisionRange): string[] {
  return [...range.include.map(shaOrThrow), ...range.exclude.map((e) => `^${shaOrThrow(e)}`)];
}

// One queue per repository folder, shared by every port on it: git calls on a repository never
// overlap (no index.lock races, no two history walks competing for the same disk and cores).
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

export function createGitPort(repoDir: string, options: GitPortOptions = {}): GitPort {
  const queueKey = path.resolve(repoDir);
  const log = options.log ?? ((): void => undefined);
  let git: SimpleGit | null = null;
  let topLevel: string | null | undefined;
  let commonDir = '';

  function make(baseDir: string): SimpleGit {
    try {
      return simpleGit({
        baseDir,
        binary: options.binary ?? 'git',
        maxConcurrentProcesses: 1,
        config: CONFIG,
        // Disabling fsmonitor is the safe direction; simple-git only lets us say so with this flag.
        unsafe: { allowUnsafeFsMonitor: true },
        timeout: { block: 5 * 60 * 1000 },
        errors(error, result) {
          if (result.exitCode === 0) return undefined;
          // A negative code is a spawn failure (no git): keep simple-git's error, which names it.
          // A git exit code is kept in our own message, with git's stderr.
          if (result.exitCode < 0) return error;
          return new Error(`${EXIT_MARK}${result.exitCode}\u0000${Buffer.concat(result.stdErr).toString('utf8')}`);
        },
      })
        .env(childEnv())
        .outputHandler((_command, stdout) => signalEnd(stdout));
    } catch (error) {
      throw new GitFailure('not-a-repository', error instanceof Error ? error.message : String(error));
    }
  }

  async function raw(instance: SimpleGit, args: string[], okExit: number[] = [0]): Promise<RunResult> {
    log(`git ${args.join(' ')}`);
    try {
      const stdout = await serialized(queueKey, () => instance.raw([...GLOBAL_ARGS, ...args]));
      return { stdout, exitCode: 0 };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const mark = message.indexOf(EXIT_MARK);
      let exitCode = -1;
      let stderr = message;
      if (mark >= 0) {
        const rest = message.slice(mark + EXIT_MARK.length);
        const nul = rest.indexOf('\u0000');
        exitCode = Number(rest.slice(0, nul));
        stderr = rest.slice(nul + 1);
      }
      if (exitCode > 0 && okExit.includes(exitCode)) return { stdout: '', exitCode };
      const name = error instanceof Error ? error.constructor.name : '';
      const code: GitErrorCode = name === 'GitPluginError' ? 'bad-argument' : /spawn\b.*\bENOENT/.test(message) ? 'git-missing' : classify(stderr);
      log(`git failed (${code}): ${stderr.trim().split('\n')[0] ?? ''}`);
      throw new GitFailure(code, stderr.trim());
    }
  }

  async function ready(): Promise<SimpleGit> {
    if (git !== null && topLevel !== undefined) return git;
    const probe = make(repoDir);
    const info = await raw(probe, ['rev-parse', '--path-format=absolute', '--git-common-dir', '--show-toplevel'], [128]);
    if (info.exitCode === 0) {
      const [dir, top] = info.stdout.split('\n');
      commonDir = dir ?? '';
      topLevel = top ?? '';
    } else {
      // No work tree (a bare repository, or inside the git dir): ask again without the top level.
      commonDir = (await raw(probe, ['rev-parse', '--path-format=absolute', '--git-common-dir'])).stdout.trim();
      topLevel = null;
    }
    // Paths in diffs are relative to the top level; running there keeps pathspecs aligned.
    git = topLevel === null || path.resolve(topLevel) === path.resolve(repoDir) ? probe : make(topLevel);
    return git;
  }

  async function shallow(): Promise<boolean> {
    await ready();
    // What `rev-parse --is-shallow-repository` checks, without a process.
    return existsSync(path.join(commonDir, 'shallow'));
  }

  async function run(args: string[], okExit: number[] = [0]): Promise<RunResult> {
    return raw(await ready(), args, okExit);
  }

  /** HEAD's commit and branch in one call; an unborn branch is named by symbolic-ref. */
  async function head(): Promise<{ sha: string | null; branch: string | null }> {
    const r = await run(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'], [128]);
    if (r.exitCode === 0) {
      const [sha, name] = r.stdout.split('\n');
      const branch = name !== undefined && name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : null;
      return { sha: sha !== undefined && isSha(sha) ? sha : null, branch };
    }
    const unborn = await run(['symbolic-ref', 'HEAD'], [1, 128]);
    const name = unborn.stdout.trim();
    return { sha: null, branch: unborn.exitCode === 0 && name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : null };
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
      const r = await run(['rev-parse', '-q', '--verify', '--end-of-options', `${ref}^{commit}`], [1, 128]);
      const sha = r.stdout.trim();
      return r.exitCode === 0 && isSha(sha) ? sha : null;
    },

    async commits(shas: string[]): Promise<RawCommit[]> {
      if (shas.length === 0) return [];
      const r = await run(['log', '--no-walk=unsorted', '--ignore-missing', `--format=${commitFormat.format}`, ...shas.map(shaOrThrow), '--']);
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
      const r = await run(['log', '--ignore-missing', `--format=${commitFormat.format}`, ...fixed, ...grep, ...include, ...exclude, '--']);
      return parseCommits(r.stdout);
    },

    async scanMessages(range: { include: 'all' | string[]; exclude: string[] }, onRecord: (record: MessageRecord) => void): Promise<number> {
      await ready();
      // A separate instance, so the stream handler sees this process only.
      const instance = make(topLevel ?? repoDir);
      const decoder = new StringDecoder('utf8');
      let count = 0;
      const handle = (fields: Parameters<typeof toMessageRecord>[0]): void => {
        const record = toMessageRecord(fields);
        if (record === null) return;
        count++;
        onRecord(record);
      };
      const stream = recordStream(scanFormat, handle);
      instance.outputHandler((_command, stdout) => {
        stdout.on('data', (chunk: Buffer | string) => stream.push(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
        signalEnd(stdout);
      });
      const include = range.include === 'all' ? ['--branches', '--tags', '--remotes', 'HEAD'] : range.include.map(shaOrThrow);
      const not = range.exclude.length > 0 ? ['--not', ...range.exclude.map(shaOrThrow)] : [];
      // --ignore-missing: an unborn HEAD and cached tips that were garbage-collected are skipped.
      await raw(instance, ['log', '--ignore-missing', ...SCAN_LOG_ARGS, ...include, ...not, '--']);
      stream.push(decoder.end());
      stream.end();
      return count;
    },

    async listTips(): Promise<RefTip[]> {
      const r = await run(['show-ref', '--head', '--dereference'], [1]);
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
      const r = await run(['diff-tree', '-r', '-p', '-U0', '-M', ...DIFF_ARGS, ...revs, '--']);
      return parseDiff(r.stdout);
    },

    async logPatches(opts: LogPatchOptions): Promise<CommitPatch[]> {
      const args = ['log', '-p', '-U0', '-M', ...DIFF_ARGS, `--format=${commitFormat.format}`];
      if (opts.fullDiff) args.push('--full-diff');
      if (opts.noMerges) args.push('--no-merges');
      if (opts.ancestryPath === true) args.push('--ancestry-path');
      const r = await run([...args, ...rangeArgs(opts.range), '--', ...opts.paths]);
      return parseCommitPatches(r.stdout);
    },

    async tagsContaining(shas: string[]): Promise<TagRecord[]> {
      if (shas.length === 0) return [];
      const contains = shas.flatMap((s) => ['--contains', shaOrThrow(s)]);
      // Branches too, so that the answer is rarely empty; the parser keeps the tags.
      const r = await run(['for-each-ref', `--format=${tagFormat.format}`, ...contains, 'refs/heads', 'refs/tags']);
      return parseTags(r.stdout);
    },

    async pathsAt(commit: string, paths: string[]): Promise<string[]> {
      if (paths.length === 0) return [];
      const r = await run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', shaOrThrow(commit), '--', ...paths]);
      return parseNulList(r.stdout);
    },

    async renames(from: string, to: string): Promise<Map<string, string>> {
      const r = await run(['diff-tree', '-r', '-M', '-z', '--name-status', '--diff-filter=R', '--no-ext-diff', shaOrThrow(from), shaOrThrow(to), '--']);
      return parseRenames(r.stdout);
    },

    async blame(file: string, range: RevisionRange): Promise<BlameResult> {
      // With its only positive revision also excluded, blame would fall back to the working tree.
      if (range.include.length === 0 || range.include.some((i) => range.exclude.includes(i))) {
        throw new GitFailure('bad-argument', 'blame range without a commit to blame');
      }
      const r = await run(['blame', '--porcelain', '-M', '--no-textconv', ...rangeArgs(range), '--', file], [128]);
      if (r.exitCode !== 0) return { lines: [], commits: new Map() };
      return parseBlamePorcelain(r.stdout);
    },

    async uncommittedChanges(paths: string[]): Promise<string[]> {
      await ready();
      if (topLevel === null || paths.length === 0) return [];
      // Staged and unstaged changes against HEAD, without the untracked scan; --branch prints a
      // header so the answer is never empty. --no-optional-locks (global) keeps the index unwritten.
      const r = await run(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=no', '--ignore-submodules=all', '--', ...paths]);
      return parseStatusV2(r.stdout);
    },

    async recentCommits(opts: RecentCommitsOptions): Promise<RawCommit[]> {
      const limit = Math.max(1, Math.min(10000, Math.floor(opts.limit)));
      const args = ['log', `--format=${commitFormat.format}`, `-n${limit}`];
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
      const r = await run(['blame', '--porcelain', '--no-textconv', `-L${line},${line}`, '--', relative.split(path.sep).join('/')], [128]);
      if (r.exitCode !== 0) return null;
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
