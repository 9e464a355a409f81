// Runs git for every adapter in this folder, hardened once: repositories can run code from their
// config, so fsmonitor is off, there is no pager or prompt, paths are literal, the environment of
// a calling hook or shell cannot redirect git, and commands on one repository never overlap. Each
// command is logged when it ends, with its duration, so the log answers "what was slow" as well.
import * as path from 'node:path';
import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import type { GitErrorCode } from '../core/gitPort';
import { GitFailure } from '../core/gitPort';

export interface GitRunnerOptions {
  /** Receives one line per git command when it ends (with its duration) and per failure. */
  log?: (line: string) => void;
  /** The git executable (default `git` on PATH). */
  binary?: string;
  /** How long a command may print nothing before it is stopped (default five minutes). */
  blockTimeoutMs?: number;
  /** The repository whose queue the commands wait in (default: the folder they run in). */
  queueKey?: string;
}

export interface RunOptions {
  /** Non-zero exit codes that are answers rather than failures: they resolve with empty stdout. */
  okExit?: number[];
  /** Receives stdout as it arrives, so that a long output (a whole history) is parsed while git still runs. */
  onStdout?: (chunk: Buffer | string) => void;
}

export interface RunResult {
  stdout: string;
  exitCode: number;
}

export interface GitRunner {
  run(args: string[], options?: RunOptions): Promise<RunResult>;
}

// What every command gets. DIFF_ARGS are options of the diff commands, not global ones: the
// adapters add them to each diff (external drivers and textconv run programs from the config).
const CONFIG = ['core.fsmonitor=false', 'core.quotePath=false', 'log.showSignature=false', 'color.ui=false'];
const GLOBAL_ARGS = ['--no-pager', '--literal-pathspecs', '--no-optional-locks'];
export const DIFF_ARGS = ['--no-textconv', '--no-ext-diff', '--no-color', '--src-prefix=a/', '--dst-prefix=b/'];

const DROPPED_ENV = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS']);

// Marks the message of the error we build for a non-zero exit, so the exit code and stderr
// survive simple-git's wrapping.
const EXIT_MARK = '\u0000exit ';

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

// One queue per repository folder, shared by every runner on it: git calls on a repository never
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

/** Where git's exit code and stderr are in a failure, and which code it maps to. */
function failureOf(error: unknown): { exitCode: number; stderr: string; code: GitErrorCode } {
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
  // simple-git's plugins refuse some arguments before git runs.
  const name = error instanceof Error ? error.constructor.name : '';
  const code: GitErrorCode = name === 'GitPluginError' ? 'bad-argument' : /spawn\b.*\bENOENT/.test(message) ? 'git-missing' : classify(stderr);
  return { exitCode, stderr: stderr.trim(), code };
}

/** A runner for the repository at `baseDir`: git runs there, in the repository's queue. */
export function createGitRunner(baseDir: string, options: GitRunnerOptions = {}): GitRunner {
  const queueKey = path.resolve(options.queueKey ?? baseDir);
  const log = options.log ?? ((): void => undefined);
  let shared: SimpleGit | undefined;

  function make(onStdout?: (chunk: Buffer | string) => void): SimpleGit {
    try {
      return simpleGit({
        baseDir,
        binary: options.binary ?? 'git',
        maxConcurrentProcesses: 1,
        config: CONFIG,
        // Disabling fsmonitor is the safe direction; simple-git only lets us say so with this flag.
        unsafe: { allowUnsafeFsMonitor: true },
        timeout: { block: options.blockTimeoutMs ?? 5 * 60 * 1000 },
        errors(error, result) {
          if (result.exitCode === 0) return undefined;
          // A negative code is a spawn failure (no git): keep simple-git's error, which names it.
          // A git exit code is kept in our own message, with git's stderr.
          if (result.exitCode < 0) return error;
          return new Error(`${EXIT_MARK}${result.exitCode}\u0000${Buffer.concat(result.stdErr).toString('utf8')}`);
        },
      })
        .env(childEnv())
        .outputHandler((_command, stdout) => {
          if (onStdout !== undefined) stdout.on('data', onStdout);
          signalEnd(stdout);
        });
    } catch (error) {
      throw new GitFailure('not-a-repository', error instanceof Error ? error.message : String(error));
    }
  }

  return {
    run(args: string[], runOptions: RunOptions = {}): Promise<RunResult> {
      return serialized(queueKey, async () => {
        const command = `git ${args.join(' ')}`;
        const started = Date.now();
        try {
          // A streamed command gets an instance of its own, so the handler sees this process only.
          const instance = runOptions.onStdout === undefined ? (shared ??= make()) : make(runOptions.onStdout);
          const stdout = await instance.raw([...GLOBAL_ARGS, ...args]);
          log(`${command} (${Date.now() - started} ms)`);
          return { stdout, exitCode: 0 };
        } catch (error) {
          if (error instanceof GitFailure) {
            // simple-git refused the folder before git ran.
            log(`${command} (${Date.now() - started} ms, ${error.code}): ${error.detail}`);
            throw error;
          }
          const failure = failureOf(error);
          const ms = Date.now() - started;
          if (failure.exitCode > 0 && (runOptions.okExit ?? []).includes(failure.exitCode)) {
            log(`${command} (${ms} ms, exit ${failure.exitCode})`);
            return { stdout: '', exitCode: failure.exitCode };
          }
          log(`${command} (${ms} ms, exit ${failure.exitCode}, ${failure.code}): ${failure.stderr.split('\n')[0] ?? ''}`);
          throw new GitFailure(failure.code, failure.stderr);
        }
      });
    },
  };
}
