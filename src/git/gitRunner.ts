// Runs git for every adapter in this folder, hardened once (hardening.ts: no program from any
// config, the same answer whatever the config says), within limits: a total time per command, a
// time without output, and a cap on the output it buffers. Commands on one repository never
// overlap, except the read-only commands of a person's request given `requestLanes`. Each command is logged when it ends, with its duration, so the log answers "what was
// slow" as well. Commands of background work (core/backgroundWork.ts) start under `nice`, where it
// exists: the window and the user's request keep the cores.
import { AsyncResource } from 'node:async_hooks';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import { isBackgroundWork } from '../core/backgroundWork';
import { currentCancelSignal, EvidenceCancelled } from '../core/evidence/cancel';
import type { GitErrorCode } from '../core/gitPort';
import { GitFailure } from '../core/gitPort';
import { childEnv, DEFAULT_RENAME_LIMIT, forcedConfig, GLOBAL_ARGS } from './hardening';

export interface GitRunnerOptions {
  /** Receives one line per git command when it ends (with its duration) and per failure. */
  log?: (line: string) => void;
  /** The git executable (default `git` on PATH). */
  binary?: string;
  /** How long a command may print nothing before it is stopped (default five minutes). */
  blockTimeoutMs?: number;
  /** How long a command may run in all before it is stopped (default ten minutes). */
  totalTimeoutMs?: number;
  /** The most stdout a command may print (default 512 MiB): more is a failure, not a memory blow-up. */
  maxOutputBytes?: number;
  /** diff.renameLimit for every command (default DEFAULT_RENAME_LIMIT). */
  renameLimit?: number;
  /** The repository whose queue the commands wait in (default: the folder they run in). */
  queueKey?: string;
  /**
   * How many commands of a person's request (work not marked as background, see
   * core/backgroundWork.ts) may run at once, each in a queue of its own beside the first (default 1).
   * Background work waits in the first queue only. Only for a runner whose commands read (with
   * `--no-optional-locks`, as every command here does): commands that write must never overlap.
   */
  requestLanes?: number;
  /**
   * The program that starts background work's git at a lower CPU priority (it runs `<nice> <git> <args>`);
   * default: `nice` found on PATH (none on Windows); null: background work runs as any other.
   */
  nice?: string | null;
}

export interface RunOptions {
  /** Non-zero exit codes that are answers rather than failures: they resolve with empty stdout. */
  okExit?: number[];
  /** Receives stdout as it arrives, so that a long output (a whole history) is parsed while git still runs. */
  onStdout?: (chunk: Buffer | string) => void;
  /**
   * With onStdout: the output goes only there, and the result's stdout is empty. A whole history
   * (16 MiB at 100k commits) is then not also kept, joined and decoded once git has ended.
   */
  streamOnly?: boolean;
  /** More `-c` settings for this command only. */
  config?: string[];
  /**
   * Kills the command when it fires (default: the signal of the cancellable computation it runs in,
   * see core/evidence/cancel.ts); the run then rejects with EvidenceCancelled.
   */
  signal?: AbortSignal;
}

/** Something git said on stderr of a command that succeeded, which makes its answer incomplete. */
export type GitWarning = 'incomplete-renames';

export interface RunResult {
  stdout: string;
  exitCode: number;
  /** Git's stderr (the first 64 KiB), also for a command that succeeded or exited with an okExit code. */
  stderr: string;
  warnings: GitWarning[];
}

export interface GitRunner {
  run(args: string[], options?: RunOptions): Promise<RunResult>;
}

/**
 * The queues a person's request runs its read-only commands in (GitRunnerOptions.requestLanes) in
 * the extension and the CLI: two, as many as the smallest machine measured has cores (its walks of
 * the history are computation; more processes than cores only share them).
 */
export const REQUEST_LANES = 2;

const MAX_STDERR_CHARS = 64 * 1024;

// Marks the message of the error we build for a non-zero exit, so the exit code and stderr
// survive simple-git's wrapping.
const EXIT_MARK = '\u0000exit ';

/**
 * simple-git waits 50 ms before finishing a process that printed nothing, in case output is
 * still on its way. Once stdout has ended nothing is: an empty chunk at that moment tells it so.
 * (Without this, every silent answer - a failed lookup, a re-scan with nothing new - costs 50 ms.)
 */
function signalEnd(stdout: NodeJS.ReadableStream): void {
  stdout.once('end', () => stdout.emit('data', Buffer.alloc(0)));
}

export function classifyStderr(stderr: string): GitErrorCode {
  if (/ENOENT|spawn .* EACCES|not found/i.test(stderr) && /spawn/i.test(stderr)) return 'git-missing';
  if (/not a git repository|must be run in a work tree|cannot change to/i.test(stderr)) return 'not-a-repository';
  if (/does not have any commits yet|bad default revision 'HEAD'|ambiguous argument 'HEAD'/i.test(stderr)) return 'empty-repository';
  if (/unknown revision|bad revision|bad object|not a valid object name|ambiguous argument|invalid object name|Needed a single revision|no such ref|malformed object name|not a valid commit|no such path/i.test(stderr)) {
    return 'bad-ref';
  }
  if (/timed? ?out|block timeout/i.test(stderr)) return 'timeout';
  return 'failed';
}

/** What git says when it gave up looking for renames (diff.renameLimit): the diff it printed is not the whole truth. */
function warningsOf(stderr: string): GitWarning[] {
  return /rename detection was skipped|set your diff\.renameLimit/i.test(stderr) ? ['incomplete-renames'] : [];
}

// A partial clone fetches missing objects from its promisor remote on demand; we allow no
// transport, so git says so and carries on as if the object did not exist. That is not an answer.
const LAZY_FETCH_FAILED = /transport '[^']*' not allowed|Could not read from remote repository|from promisor remote/i;

// One queue per repository folder, shared by every runner on it: git calls on a repository never
// overlap (no index.lock races, no two history walks competing for the same disk and cores), but
// for the read-only commands of a person's request, which run up to `requestLanes` at once.
interface Queue {
  running: number;
  /** In the order asked; each starts when fewer than its `width` commands run. */
  waiting: { width: number; start: () => void }[];
}
const queues = new Map<string, Queue>();

/** Starts every waiting command that may start now, in the order they were asked. */
function startWaiting(key: string, queue: Queue): void {
  for (let i = 0; i < queue.waiting.length; ) {
    const next = queue.waiting[i] as Queue['waiting'][number];
    if (queue.running >= next.width) {
      i++;
      continue;
    }
    queue.waiting.splice(i, 1);
    queue.running++;
    next.start();
  }
  if (queue.running === 0 && queue.waiting.length === 0 && queues.get(key) === queue) queues.delete(key);
}

/**
 * Runs `task` in the repository's queue `key` as soon as fewer than `width` commands run there:
 * one lane for background work and runners without request lanes, `requestLanes` for a person's
 * request. A lane that frees takes the next command asked, whichever lane it would have been.
 */
function queued<T>(key: string, width: number, task: () => Promise<T>): Promise<T> {
  let queue = queues.get(key);
  if (queue === undefined) {
    queue = { running: 0, waiting: [] };
    queues.set(key, queue);
  }
  const own = queue;
  return new Promise<T>((resolve, reject) => {
    own.waiting.push({
      width,
      // Started in the asker's async context (its background mark, its cancel signal), whichever
      // command's end starts it.
      start: AsyncResource.bind(() => {
        void Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            own.running--;
            startWaiting(key, own);
          });
      }),
    });
    startWaiting(key, own);
  });
}

let pathNice: string | null | undefined;

/** `nice` on PATH, looked up once (an absolute path: no second lookup when it runs); null where there is none. */
function niceOnPath(): string | null {
  if (pathNice !== undefined) return pathNice;
  pathNice = null;
  if (process.platform === 'win32') return pathNice;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    // simple-git refuses a program path with other characters (spaces and the like): then no nice.
    const candidate = path.join(dir, 'nice');
    if (!path.isAbsolute(candidate) || !/^[a-z0-9/._~-]+$/i.test(candidate)) continue;
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      pathNice = candidate;
      break;
    } catch {
      // Not in this directory (or not executable): the next one.
    }
  }
  return pathNice;
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
  // simple-git's block timeout (no output for too long) is one of its plugin errors too.
  const name = error instanceof Error ? error.constructor.name : '';
  const plugin = name === 'GitPluginError';
  const code: GitErrorCode = plugin && /block timeout/i.test(message) ? 'timeout' : plugin ? 'bad-argument' : /spawn\b.*\bENOENT/.test(message) ? 'git-missing' : classifyStderr(stderr);
  return { exitCode, stderr: stderr.trim(), code };
}

interface Limits {
  totalMs: number;
  maxBytes: number;
}

/** Why a command was stopped by us rather than ended by git. */
type Stop = { code: 'timeout'; limit: number } | { code: 'output-too-large'; limit: number } | { code: 'cancelled' };

/** A runner for the repository at `baseDir`: git runs there, in the repository's queue. */
export function createGitRunner(baseDir: string, options: GitRunnerOptions = {}): GitRunner {
  const queueKey = path.resolve(options.queueKey ?? baseDir);
  const lanes = Math.max(1, Math.floor(options.requestLanes ?? 1));
  const log = options.log ?? ((): void => undefined);
  const config = forcedConfig(options.renameLimit ?? DEFAULT_RENAME_LIMIT);
  const limits: Limits = { totalMs: options.totalTimeoutMs ?? 10 * 60 * 1000, maxBytes: options.maxOutputBytes ?? 512 * 1024 * 1024 };

  /** One instance per command: its abort signal, output handler and extra settings are that command's. */
  function make(extraConfig: string[], abort: AbortSignal, onStdout: (chunk: Buffer) => void, onStderr: (chunk: Buffer) => void, streamOnly: boolean, nice: string | null): SimpleGit {
    const git = options.binary ?? 'git';
    try {
      return simpleGit({
        baseDir,
        // simple-git runs the pair as `<nice> <git> <args>`; both names pass its check of the program's characters.
        binary: nice === null ? git : [nice, git],
        maxConcurrentProcesses: 1,
        config: [...config, ...extraConfig],
        abort,
        // simple-git refuses these settings whatever their value; ours switch the programs off.
        unsafe: {
          allowUnsafeFsMonitor: true,
          allowUnsafeHooksPath: true,
          allowUnsafePager: true,
          allowUnsafeEditor: true,
          allowUnsafeCredentialHelper: true,
          allowUnsafeAskPass: true,
          allowUnsafeSshCommand: true,
          allowUnsafeGpgProgram: true,
          allowUnsafeProtocolOverride: true,
          allowUnsafeFilter: true,
        },
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
        .outputHandler((_command, stdout, stderr) => {
          // simple-git's listener that keeps every chunk for the result is the last one added by now
          // (its timeout listens later): a streamed command's output is not kept twice.
          const keep = streamOnly ? stdout.listeners('data').at(-1) : undefined;
          if (keep !== undefined) stdout.removeListener('data', keep as (chunk: Buffer) => void);
          stdout.on('data', onStdout);
          stderr.on('data', onStderr);
          signalEnd(stdout);
        });
    } catch (error) {
      throw new GitFailure('not-a-repository', error instanceof Error ? error.message : String(error));
    }
  }

  async function runOnce(args: string[], runOptions: RunOptions, signal: AbortSignal | undefined): Promise<RunResult> {
    const command = `git ${args.join(' ')}`;
    // Read when the command starts, not when it was queued: the user may have started waiting for it since.
    const nice = isBackgroundWork() ? (options.nice === undefined ? niceOnPath() : options.nice) : null;
    const niced = nice === null ? '' : ', background';
    // Cancelled while it waited in the queue: it never starts.
    if (signal?.aborted === true) {
      log(`${command} (cancelled before it started)`);
      throw new EvidenceCancelled();
    }
    const started = Date.now();
    const controller = new AbortController();
    let stop: Stop | null = null;
    // The caller no longer wants the answer: the running git is killed rather than awaited, so
    // whoever waits in the queue behind it (the user's request) starts now.
    const cancel = (): void => {
      if (stop !== null) return;
      stop = { code: 'cancelled' };
      controller.abort();
    };
    signal?.addEventListener('abort', cancel);
    let bytes = 0;
    let stderr = '';
    const timer = setTimeout(() => {
      stop = { code: 'timeout', limit: Math.round(limits.totalMs / 1000) };
      controller.abort();
    }, limits.totalMs);
    const onStdout = (chunk: Buffer | string): void => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes && stop === null) {
        stop = { code: 'output-too-large', limit: Math.round(limits.maxBytes / (1024 * 1024)) };
        controller.abort();
        return;
      }
      if (stop === null && chunk.length > 0) runOptions.onStdout?.(chunk);
    };
    const onStderr = (chunk: Buffer | string): void => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += chunk.toString().slice(0, MAX_STDERR_CHARS - stderr.length);
    };
    try {
      const instance = make(runOptions.config ?? [], controller.signal, onStdout, onStderr, runOptions.streamOnly === true && runOptions.onStdout !== undefined, nice);
      const stdout = await instance.raw([...GLOBAL_ARGS, ...args]);
      if (stop !== null) throw new Error('stopped');
      if (LAZY_FETCH_FAILED.test(stderr)) throw new GitFailure('failed', stderr.trim());
      const warnings = warningsOf(stderr);
      log(`${command} (${Date.now() - started} ms${niced}${warnings.length > 0 ? `, warning: ${warnings.join(', ')}` : ''})`);
      return { stdout, exitCode: 0, stderr, warnings };
    } catch (error) {
      const ms = Date.now() - started;
      const stopped = stop as Stop | null;
      if (stopped?.code === 'cancelled') {
        log(`${command} (${ms} ms${niced}, cancelled)`);
        throw new EvidenceCancelled();
      }
      if (stopped !== null) {
        const detail = stopped.code === 'timeout' ? `timed out after ${stopped.limit} s` : `output too large (more than ${stopped.limit} MiB)`;
        log(`${command} (${ms} ms, ${stopped.code}): ${detail}`);
        throw new GitFailure(stopped.code, detail, stopped.limit);
      }
      if (error instanceof GitFailure) {
        // simple-git refused the folder before git ran.
        log(`${command} (${ms} ms, ${error.code}): ${error.detail}`);
        throw error;
      }
      const failure = failureOf(error);
      if (failure.exitCode > 0 && (runOptions.okExit ?? []).includes(failure.exitCode) && !LAZY_FETCH_FAILED.test(failure.stderr)) {
        log(`${command} (${ms} ms, exit ${failure.exitCode})`);
        return { stdout: '', exitCode: failure.exitCode, stderr: failure.stderr, warnings: [] };
      }
      // `nice` exits 127 when it cannot start the program: no git, as a spawn failure says without nice.
      const code = LAZY_FETCH_FAILED.test(failure.stderr) ? 'failed' : nice !== null && failure.exitCode === 127 ? 'git-missing' : failure.code;
      log(`${command} (${ms} ms, exit ${failure.exitCode}, ${code}): ${failure.stderr.split('\n')[0] ?? ''}`);
      throw new GitFailure(code, failure.stderr);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }

  return {
    run(args: string[], runOptions: RunOptions = {}): Promise<RunResult> {
      // Taken here, in the caller's context: the queue may run the command in another one.
      const signal = runOptions.signal ?? currentCancelSignal();
      return queued(queueKey, isBackgroundWork() ? 1 : lanes, () => runOnce(args, runOptions, signal));
    },
  };
}
