// The store's only way to the disk. Core logic talks to this interface so tests can swap in a
// memory version and the editor can route deletion to the trash.
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { contentHash } from './format';
import type { FileLock } from './fileLock';
import { acquireFileLock } from './fileLock';

interface FileStat {
  mtimeMs: number;
  size: number;
}

interface WriteOptions {
  /** Fail with code EEXIST instead of replacing an existing file. */
  exclusive?: boolean;
  /**
   * The content hash the file must still have immediately before the rename (null: the file must
   * not exist). Otherwise the write fails with code ECHANGED and the file is left as it is.
   */
  expectHash?: string | null;
}

export interface StoreFs {
  /** The file's text, or undefined when it does not exist. */
  readFile(file: string): Promise<string | undefined>;
  /**
   * Writes through a temporary file and a rename, so a crash never leaves half a file. A symlinked
   * file is written at its target; the file's permissions are kept.
   */
  writeFileAtomic(file: string, text: string, options?: WriteOptions): Promise<void>;
  /**
   * File names (not paths) in a folder; empty when the folder does not exist. Our temporary files are
   * left out, and those older than a write could take (a killed writer's) are removed.
   */
  list(dir: string): Promise<string[]>;
  stat(file: string): Promise<FileStat | undefined>;
  remove(file: string): Promise<void>;
  /** Waits until no other writer of ours holds the file; rejects with code ELOCKED after a timeout. */
  lock(file: string): Promise<FileLock>;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function changedError(file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${file} changed on disk during the write`);
  error.code = 'ECHANGED';
  return error;
}

/** The file a path finally names: a symlink's target (followed to the end), else the path itself. */
async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  // Missing, or a symlink whose target does not exist yet: create the target, not a file over the link.
  try {
    const link = await fs.readlink(file);
    return path.resolve(path.dirname(file), link);
  } catch {
    // Not a symlink (EINVAL) or nothing there (ENOENT): the path itself.
    return file;
  }
}

function readSyncIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/** Our temporary files: `.<file name>.<12 hex digits>.tmp`, beside the file they replace. */
const TEMPORARY_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** A write holds its temporary file for milliseconds; one this old belongs to a writer that was killed. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/** Removes what killed writers left behind. Best effort: a file that vanishes meanwhile is fine. */
async function removeStaleTemporaryFiles(dir: string, names: readonly string[]): Promise<void> {
  const now = Date.now();
  for (const name of names) {
    if (!TEMPORARY_NAME.test(name)) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (stat?.isFile() && now - stat.mtimeMs > STALE_TEMPORARY_MS) await fs.rm(file, { force: true }).catch(() => undefined);
  }
}

export function createNodeStoreFs(): StoreFs {
  return {
    readFile: readIfExists,
    async writeFileAtomic(file, text, options) {
      const target = await realTarget(file);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const existing = await fs.stat(target).catch((error: unknown) => {
        if (isCode(error, 'ENOENT')) return undefined;
        throw error;
      });
      // A dot-name in the same folder: same file system (rename is atomic) and outside `*.json`.
      const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await fs.open(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
      try {
        await handle.writeFile(text, 'utf8');
        if (existing) {
          // open() applied the umask; the replaced file's exact permissions (0600 stays 0600) and owner.
          await handle.chmod(existing.mode & 0o7777);
          await handle.chown(existing.uid, existing.gid).catch(() => {
            // Only root may give a file away; a user rewriting their own file keeps their ownership anyway.
          });
        }
        await handle.sync();
      } catch (error) {
        await handle.close();
        await fs.rm(tmp, { force: true });
        throw error;
      }
      await handle.close();
      try {
        // The last look and the rename run synchronously, back to back: no other work of this process
        // fits between them, so an editor's save can land there only in the microseconds between two
        // system calls. Whatever landed before is seen and kept.
        if (options?.expectHash !== undefined) {
          const now = readSyncIfExists(target);
          const hash = now === undefined ? null : contentHash(now);
          if (hash !== options.expectHash) throw changedError(file);
        }
        if (options?.exclusive) {
          // link() fails when the target exists, which rename() would silently replace.
          linkSync(tmp, target);
          unlinkSync(tmp);
        } else {
          renameSync(tmp, target);
        }
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
    },
    async list(dir) {
      try {
        const names = await fs.readdir(dir);
        await removeStaleTemporaryFiles(dir, names);
        return names.filter((name) => !TEMPORARY_NAME.test(name));
      } catch (error) {
        if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
        throw error;
      }
    },
    async stat(file) {
      try {
        const s = await fs.stat(file);
        return { mtimeMs: s.mtimeMs, size: s.size };
      } catch (error) {
        if (isCode(error, 'ENOENT')) return undefined;
        throw error;
      }
    },
    async remove(file) {
      await fs.rm(file, { force: true });
    },
    async lock(file) {
      return acquireFileLock(await realTarget(file));
    },
  };
}

/** Whether a file system error means "already exists" (from an exclusive write). */
export function isAlreadyExists(error: unknown): boolean {
  return isCode(error, 'EEXIST');
}

/** Whether a write failed because the file changed between the last read and the rename. */
export function isChangedOnDisk(error: unknown): boolean {
  return isCode(error, 'ECHANGED');
}

/** Whether another writer held the file's lock for the whole timeout. */
export function isLockTimeout(error: unknown): boolean {
  return isCode(error, 'ELOCKED');
}
