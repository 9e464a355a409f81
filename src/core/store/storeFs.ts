// The store's only way to the disk. Core logic talks to this interface so tests can swap in a
// memory version and the editor can route deletion to the trash.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export interface FileStat {
  mtimeMs: number;
  size: number;
}

export interface WriteOptions {
  /** Fail with code EEXIST instead of replacing an existing file. */
  exclusive?: boolean;
}

export interface StoreFs {
  /** The file's text, or undefined when it does not exist. */
  readFile(file: string): Promise<string | undefined>;
  /** Writes through a temporary file and a rename, so a crash never leaves half a file. */
  writeFileAtomic(file: string, text: string, options?: WriteOptions): Promise<void>;
  /** File names (not paths) in a folder; empty when the folder does not exist. */
  list(dir: string): Promise<string[]>;
  stat(file: string): Promise<FileStat | undefined>;
  remove(file: string): Promise<void>;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export function createNodeStoreFs(): StoreFs {
  return {
    async readFile(file) {
      try {
        return await fs.readFile(file, 'utf8');
      } catch (error) {
        if (isCode(error, 'ENOENT')) return undefined;
        throw error;
      }
    },
    async writeFileAtomic(file, text, options) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      // A dot-name in the same folder: same file system (rename is atomic) and outside `*.json`.
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await fs.open(tmp, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        if (options?.exclusive) {
          // link() fails when the target exists, which rename() would silently replace.
          await fs.link(tmp, file);
          await fs.unlink(tmp);
        } else {
          await fs.rename(tmp, file);
        }
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
    },
    async list(dir) {
      try {
        return await fs.readdir(dir);
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
  };
}

/** Whether a file system error means "already exists" (from an exclusive write). */
export function isAlreadyExists(error: unknown): boolean {
  return isCode(error, 'EEXIST');
}
