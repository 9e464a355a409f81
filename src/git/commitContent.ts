// Implements core's CommitContentPort with simple-git: the files a commit changed and a file's
// content at a commit, for the diff editor. Hardened like the main adapter: repositories can run
// code from their config, so fsmonitor is off, diffs use no external driver or textconv, there is
// no pager or prompt, paths are literal, arguments are arrays, and only full commit ids and checked
// paths reach git.
import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import type { CommitContentPort, CommitFiles, FileContent } from '../core/commitContent';
import { isFullSha, isSafeRepoPath, looksBinary, parseNameStatus, parseParentsLine } from '../core/commitContent';
import { GitFailure } from '../core/gitPort';

export interface CommitContentOptions {
  /** Receives one line per git call (with its duration) and per failure. */
  log?: (line: string) => void;
  /** The git executable (default `git` on PATH). */
  binary?: string;
}

const CONFIG = ['core.fsmonitor=false', 'core.quotePath=false', 'color.ui=false'];
const GLOBAL_ARGS = ['--no-pager', '--literal-pathspecs', '--no-optional-locks'];
const DROPPED_ENV = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS']);
// Exit codes git uses for "no such object/path": an answer, not a failure.
const NOT_FOUND_EXIT = 128;
// Larger files are not shown in a diff editor anyway; the cap keeps a stray blob from filling memory.
const MAX_BLOB_BYTES = 20 * 1024 * 1024;
const EXIT_MARK = '\u0000exit ';

function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // GIT_DIR, GIT_CONFIG_* and friends would redirect or reconfigure git; editors, pagers and
    // askpass helpers are programs git must never start for us.
    if (value !== undefined && !key.toUpperCase().startsWith('GIT_') && !DROPPED_ENV.has(key.toUpperCase())) env[key] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.LC_ALL = 'C';
  env.LANGUAGE = 'C';
  return env;
}

export function createCommitContentPort(repoDir: string, options: CommitContentOptions = {}): CommitContentPort {
  const log = options.log ?? ((): void => undefined);
  let git: SimpleGit | undefined;

  const instance = (): SimpleGit => {
    git ??= simpleGit({
      baseDir: repoDir,
      binary: options.binary ?? 'git',
      maxConcurrentProcesses: 1,
      config: CONFIG,
      // Disabling fsmonitor is the safe direction; simple-git only lets us say so with this flag.
      unsafe: { allowUnsafeFsMonitor: true },
      timeout: { block: 60 * 1000 },
      errors(error, result) {
        if (result.exitCode === 0) return undefined;
        if (result.exitCode < 0) return error;
        return new Error(`${EXIT_MARK}${result.exitCode}\u0000${Buffer.concat(result.stdErr).toString('utf8')}`);
      },
    }).env(childEnv());
    return git;
  };

  /** Runs git; resolves null when it exits with "not found". */
  async function run(args: string[]): Promise<string | null> {
    const started = Date.now();
    try {
      const stdout = await instance().raw([...GLOBAL_ARGS, ...args]);
      log(`git ${args.join(' ')} (${Date.now() - started} ms)`);
      return stdout;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const mark = message.indexOf(EXIT_MARK);
      const rest = mark >= 0 ? message.slice(mark + EXIT_MARK.length) : '';
      const exitCode = mark >= 0 ? Number(rest.slice(0, rest.indexOf('\u0000'))) : -1;
      const stderr = mark >= 0 ? rest.slice(rest.indexOf('\u0000') + 1).trim() : message;
      log(`git ${args.join(' ')} (${Date.now() - started} ms, exit ${exitCode}): ${stderr.split('\n')[0] ?? ''}`);
      if (exitCode === NOT_FOUND_EXIT) return null;
      if (exitCode < 0 && /ENOENT/.test(message)) throw new GitFailure('git-missing', message);
      if (/not a git repository/i.test(stderr)) throw new GitFailure('not-a-repository', stderr);
      throw new GitFailure('failed', stderr);
    }
  }

  function checkSha(sha: string): string {
    if (!isFullSha(sha)) throw new GitFailure('bad-argument', `not a full commit id: ${JSON.stringify(sha)}`);
    return sha;
  }

  return {
    async commitFiles(sha: string): Promise<CommitFiles | null> {
      const line = await run(['rev-list', '--parents', '-n1', '--end-of-options', checkSha(sha), '--']);
      const parsed = line === null ? null : parseParentsLine(line);
      if (parsed === null) return null;
      const parent = parsed.parents[0] ?? null;
      const revs = parent === null ? ['--root', sha] : [parent, sha];
      const raw = await run(['diff-tree', '-r', '-z', '--name-status', '-M', '--no-ext-diff', '--no-textconv', '--no-commit-id', ...revs, '--']);
      return { sha, parent, files: parseNameStatus(raw ?? '') };
    },

    async fileAt(sha: string, path: string): Promise<FileContent | null> {
      if (!isSafeRepoPath(path)) throw new GitFailure('bad-argument', `unsafe path: ${JSON.stringify(path)}`);
      const object = `${checkSha(sha)}:${path}`;
      const size = await run(['cat-file', '-s', '--end-of-options', object]);
      if (size === null) return null;
      if (Number(size.trim()) > MAX_BLOB_BYTES) return { text: '', binary: true };
      // A blob's bytes as stored: cat-file applies no textconv or filter unless asked to.
      const text = await run(['cat-file', 'blob', '--end-of-options', object]);
      if (text === null) return null;
      return looksBinary(text) ? { text: '', binary: true } : { text, binary: false };
    },
  };
}
