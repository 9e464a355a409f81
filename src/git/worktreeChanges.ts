// Which paths differ between the working tree, the index and HEAD, decided without letting git
// read the working tree: `git status` re-hashes files whose timestamps changed through the clean
// filters and fsmonitor the repository configures, which can run its programs. We list the index
// and HEAD (plain reads of git's own data) and hash the working files ourselves, as git stores a
// blob ("blob <size>\0<bytes>"), with no filter at all.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { IndexEntry, TreeEntry } from './parsers/trees';

const GITLINK = '160000';
const SYMLINK = '120000';

function blobId(bytes: Buffer, shaLength: number): string {
  const hash = createHash(shaLength === 64 ? 'sha256' : 'sha1');
  hash.update(`blob ${bytes.length}\0`);
  hash.update(bytes);
  return hash.digest('hex');
}

/** The working file's bytes as git would store them without filters; null when it is gone. */
async function workingBytes(file: string, mode: string): Promise<Buffer | null> {
  try {
    const stat = await fs.lstat(file);
    if (mode === SYMLINK && stat.isSymbolicLink()) return Buffer.from(await fs.readlink(file), 'utf8');
    if (!stat.isFile()) return null;
    return await fs.readFile(file);
  } catch {
    // Deleted or unreadable: either way it is not what the index holds.
    return null;
  }
}

/** CRLF line ends as LF: what core.autocrlf / eol=crlf checkouts store for a text file. */
function withLf(bytes: Buffer): Buffer | null {
  if (!bytes.includes(13)) return null;
  return Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
}

async function differsFromIndex(topLevel: string, entry: IndexEntry): Promise<boolean> {
  const bytes = await workingBytes(path.join(topLevel, ...entry.path.split('/')), entry.mode);
  if (bytes === null) return true;
  if (blobId(bytes, entry.sha.length) === entry.sha) return false;
  // A checkout that converts line ends holds CRLF where the blob has LF: the same content.
  const lf = withLf(bytes);
  return lf === null || blobId(lf, entry.sha.length) !== entry.sha;
}

/**
 * Paths with staged changes (index ≠ HEAD), unstaged changes (working file ≠ index) or conflicts.
 * Untracked files and submodules are left out, as `git status --untracked-files=no
 * --ignore-submodules=all` leaves them out.
 */
export async function changedPaths(topLevel: string, index: IndexEntry[], head: TreeEntry[]): Promise<string[]> {
  const changed = new Set<string>();
  const inHead = new Map(head.filter((e) => e.mode !== GITLINK).map((e) => [e.path, e]));
  const inIndex = new Map<string, IndexEntry>();
  for (const entry of index) {
    if (entry.mode === GITLINK) continue;
    if (entry.stage !== 0) changed.add(entry.path);
    else inIndex.set(entry.path, entry);
  }
  for (const p of inHead.keys()) if (!inIndex.has(p) && !changed.has(p)) changed.add(p);
  for (const [p, entry] of inIndex) {
    const committed = inHead.get(p);
    if (committed === undefined || committed.sha !== entry.sha || committed.mode !== entry.mode) changed.add(p);
    // Skip-worktree entries (sparse checkout) have no working file to compare.
    else if (entry.tag !== 'S' && (await differsFromIndex(topLevel, entry))) changed.add(p);
  }
  return [...changed].sort();
}
