// A lock file beside a store file, so that writers of ours (windows, CLI processes) take turns on the
// read-change-write of one file and never lose each other's updates. The lock is a dot-file created
// exclusively; it names its owner, so a lock left by a crashed process is recognised and taken over:
// when its process is gone (same host), or when it is older than any write could take.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

export interface FileLockOptions {
  /** How long to wait for another writer before giving up. */
  timeoutMs?: number;
  /** A lock older than this is abandoned whoever holds it: a write takes milliseconds. */
  staleMs?: number;
}

export interface FileLock {
  release(): Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
  nonce: string;
  time: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_STALE_MS = 30_000;

export function lockFileFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

function errnoCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** An error with code ELOCKED: another writer held the lock for the whole timeout. */
function lockTimeoutError(file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${file} stayed locked by another writer`);
  error.code = 'ELOCKED';
  return error;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errnoCode(error) === 'EPERM';
  }
}

async function readOwner(lock: string): Promise<{ owner: Owner | undefined; mtimeMs: number } | undefined> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
    let owner: Owner | undefined;
    try {
      owner = JSON.parse(text) as Owner;
    } catch {
      // Half-written by a process that died between create and write: judged by age alone.
    }
    return { owner, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(found: { owner: Owner | undefined; mtimeMs: number }, staleMs: number): boolean {
  if (Date.now() - found.mtimeMs > staleMs) return true;
  const owner = found.owner;
  return owner !== undefined && owner.host === os.hostname() && typeof owner.pid === 'number' && !processAlive(owner.pid);
}

/**
 * Removes a stale lock without removing a fresh one that replaced it meanwhile: the lock is renamed
 * aside first, and put back if what was moved is not the lock that was judged stale.
 */
async function breakStale(lock: string, judged: Owner | undefined): Promise<void> {
  const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(lock, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readOwner(aside);
  if (moved?.owner?.nonce !== judged?.nonce) {
    // Another writer's fresh lock: give it back unless a third one has been created since.
    await fs.link(aside, lock).catch(() => undefined);
  }
  await fs.rm(aside, { force: true });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the lock of `file`; rejects with ELOCKED after the timeout. */
export async function acquireFileLock(file: string, options: FileLockOptions = {}): Promise<FileLock> {
  const lock = lockFileFor(file);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const owner: Owner = { pid: process.pid, host: os.hostname(), nonce: randomBytes(8).toString('hex'), time: Date.now() };
  const deadline = Date.now() + timeoutMs;
  await fs.mkdir(path.dirname(lock), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    // The lock appears with its content or not at all (written aside, then linked): a process
    // killed at any moment never leaves an anonymous lock that only its age could break.
    const staged = `${lock}.${owner.nonce}.new`;
    await fs.writeFile(staged, JSON.stringify(owner));
    try {
      await fs.link(staged, lock);
      return {
        release: async (): Promise<void> => {
          // Only our own lock is removed: a lock broken as stale may have a new owner by now.
          const current = await readOwner(lock);
          if (current?.owner?.nonce === owner.nonce) await fs.rm(lock, { force: true });
        },
      };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    } finally {
      await fs.rm(staged, { force: true });
    }
    const found = await readOwner(lock);
    if (found && isStale(found, staleMs)) {
      await breakStale(lock, found.owner);
      continue;
    }
    if (Date.now() >= deadline) throw lockTimeoutError(file);
    // Short, jittered waits: a write holds the lock for a few milliseconds.
    await sleep(Math.min(50, 2 + attempt * 2) + Math.random() * 5);
  }
}
