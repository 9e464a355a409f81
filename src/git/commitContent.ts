// Implements core's CommitContentPort with the shared git runner: the files a commit changed and a
// file's content at a commit, for the diff editor. The runner hardens every command (no fsmonitor,
// pager or prompt, literal paths, one command at a time per repository); here, diffs use no
// external driver or textconv, arguments are arrays, and only full commit ids and checked paths
// reach git.
import type { CommitContentPort, CommitFiles, FileContent } from '../core/commitContent';
import { isSafeRepoPath } from '../core/commitContent';
import { GitFailure } from '../core/gitPort';
import { isFullSha } from '../core/sha';
import { classifyStderr, createGitRunner } from './gitRunner';
import { DIFF_ARGS } from './hardening';
import { looksBinary } from './parsers/blob';
import { parseParentsLine } from './parsers/commits';
import { parseNameStatus } from './parsers/nameStatus';

export interface CommitContentOptions {
  /** Receives one line per git command when it ends (with its duration) and per failure. */
  log?: (line: string) => void;
  /** The git executable (default `git` on PATH). */
  binary?: string;
  /** diff.renameLimit (see GitRunnerOptions). */
  renameLimit?: number;
}

// The exit code git uses for "no such object/path"; it is an answer only when stderr says that.
const NOT_FOUND_EXIT = 128;
const NOT_FOUND = /bad revision|bad object|not a valid object name|invalid object name|unknown revision|no such path|does not exist in|exists on disk, but not in|Not a valid object name/i;
// Larger files are not shown in a diff editor anyway; the cap keeps a stray blob from filling memory.
const MAX_BLOB_BYTES = 20 * 1024 * 1024;

export function createCommitContentPort(repoDir: string, options: CommitContentOptions = {}): CommitContentPort {
  const runner = createGitRunner(repoDir, { log: options.log, binary: options.binary, renameLimit: options.renameLimit, blockTimeoutMs: 60 * 1000 });

  /** Runs git; resolves null when git says the commit or path does not exist, throws for any other failure. */
  async function run(args: string[]): Promise<string | null> {
    const result = await runner.run(args, { okExit: [NOT_FOUND_EXIT] });
    if (result.exitCode === 0) {
      // Git gave up on renames: the list of files would pair the wrong paths.
      if (result.warnings.includes('incomplete-renames')) throw new GitFailure('incomplete-renames', result.stderr.trim());
      return result.stdout;
    }
    if (NOT_FOUND.test(result.stderr)) return null;
    throw new GitFailure(classifyStderr(result.stderr), result.stderr);
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
      const raw = await run(['diff-tree', '-r', '-z', '--name-status', '-M', ...DIFF_ARGS, '--no-commit-id', ...revs, '--']);
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
