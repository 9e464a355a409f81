// One store file as the store knows it (its text's hash, its parsed value or its problem), and the
// one way to rewrite it: under its lock, from the file as it is on disk now, with a last check
// before the rename and the change applied again when an editor saved in between.
import { contentHash } from './format';
import { StoreError } from './storeErrors';
import type { StoreFs } from './storeFs';
import { isAlreadyExists, isChangedOnDisk, isLockTimeout } from './storeFs';
import type { Parsed, StoreProblem } from './storeParse';

export interface Entry<T> {
  file: string;
  mtimeMs: number;
  size: number;
  /** Hash of the text as read (or last written). */
  hash: string;
  value?: T;
  problem?: StoreProblem;
}

/** How often a change is applied again when an editor keeps saving the file between our read and our rename. */
const WRITE_ATTEMPTS = 20;

/** The cached entry when the file is unchanged, a fresh one when it changed, undefined when gone. */
export async function readEntry<T>(fs: StoreFs, file: string, cached: Entry<T> | undefined, parse: (text: string) => Parsed<T>): Promise<Entry<T> | undefined> {
  const stat = await fs.stat(file);
  if (!stat) return undefined;
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  const text = await fs.readFile(file);
  if (text === undefined) return undefined;
  const hash = contentHash(text);
  if (cached && cached.hash === hash) {
    cached.mtimeMs = stat.mtimeMs;
    cached.size = stat.size;
    return cached;
  }
  return { file, mtimeMs: stat.mtimeMs, size: stat.size, hash, ...parse(text) };
}

/** The file as it is on disk now, whatever its time stamp says: read under the lock, before a write. */
async function readFresh<T>(fs: StoreFs, file: string, parse: (text: string) => Parsed<T>): Promise<Entry<T> | undefined> {
  const text = await fs.readFile(file);
  if (text === undefined) return undefined;
  const stat = await fs.stat(file);
  return { file, mtimeMs: stat?.mtimeMs ?? 0, size: stat?.size ?? 0, hash: contentHash(text), ...parse(text) };
}

/** The entry of a text just written. */
export async function writtenEntry<T>(fs: StoreFs, file: string, text: string, value: T): Promise<Entry<T>> {
  const stat = await fs.stat(file);
  return { file, mtimeMs: stat?.mtimeMs ?? 0, size: stat?.size ?? 0, hash: contentHash(text), value };
}

/** Runs `work` holding the file's lock, so other processes' writers of ours wait their turn. */
export async function withLock<T>(fs: StoreFs, file: string, subject: string, work: () => Promise<T>): Promise<T> {
  let lock;
  try {
    lock = await fs.lock(file);
  } catch (error) {
    if (isLockTimeout(error)) throw new StoreError('conflict', subject, 'locked by another writer');
    throw error;
  }
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

export interface Rewrite<T> {
  text: string;
  value: T;
}

/**
 * Rewrites `file` under its lock: `build` gets the file as on disk now (undefined when missing) and
 * returns the new text, or throws a StoreError to refuse. When the file changed between that read and
 * the rename, `build` runs again on the newer content. Returns what was written, with its entry.
 */
export async function rewriteFile<T>(
  fs: StoreFs,
  file: string,
  subject: string,
  parse: (text: string) => Parsed<T>,
  build: (fresh: Entry<T> | undefined) => Rewrite<T>,
): Promise<Entry<T>> {
  return withLock(fs, file, subject, async () => {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const fresh = await readFresh(fs, file, parse);
      const next = build(fresh);
      try {
        await fs.writeFileAtomic(file, next.text, { exclusive: !fresh, expectHash: fresh?.hash ?? null });
      } catch (error) {
        // Saved (or created) by someone else after our read: read it again and apply the change to that.
        if (isChangedOnDisk(error) || isAlreadyExists(error)) continue;
        throw error;
      }
      return writtenEntry(fs, file, next.text, next.value);
    }
    throw new StoreError('conflict', subject, 'changed on disk during every attempt');
  });
}
