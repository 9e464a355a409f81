// The one place that reads files inside `.git` directly, without running git: whether a folder is
// in a repository (it must work in Restricted Mode, where no git process may run) and the remote
// URL for links in a reply (reading one file avoids running git, whose config can run code).
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CommitGraphFile } from '../core/gitPort';
import { isFullSha } from '../core/sha';
import { parseRemotes } from './parsers/config';

export async function isInsideGitRepository(dir: string): Promise<boolean> {
  for (let current = path.resolve(dir); ; ) {
    try {
      // `.git` is a folder in a normal clone and a file in worktrees and submodules.
      await fs.stat(path.join(current, '.git'));
      return true;
    } catch {
      // Not here; keep looking upwards.
    }
    const parent = path.dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    // Absent or unreadable: the caller treats it as "no remote known".
    return undefined;
  }
}

/** The git directory holding `config`: `.git`, a worktree's `gitdir:` target, or its common dir. */
async function configDir(repoDir: string): Promise<string | undefined> {
  const dotGit = path.join(repoDir, '.git');
  const pointer = await readText(dotGit);
  let gitDir = dotGit;
  if (pointer !== undefined) {
    const m = /^gitdir:\s*(.+)$/m.exec(pointer);
    if (!m) return undefined;
    gitDir = path.resolve(repoDir, (m[1] as string).trim());
  }
  const common = await readText(path.join(gitDir, 'commondir'));
  return common !== undefined ? path.resolve(gitDir, common.trim()) : gitDir;
}

/** What `rev-parse --is-shallow-repository` checks, without a process. */
export function isShallowRepository(gitCommonDir: string): boolean {
  return existsSync(path.join(gitCommonDir, 'shallow'));
}

/**
 * Whether git keeps its commit-graph file (single or split chain) for this repository, and whether
 * every layer of it has changed-path filters: with the file, git walks history without parsing
 * every commit object; with the filters, a walk limited to a few files skips the tree comparison
 * of nearly every commit. Read from the files' chunk tables (git's documented format), no process.
 */
export async function readCommitGraphFile(gitCommonDir: string): Promise<CommitGraphFile> {
  const info = path.join(gitCommonDir, 'objects', 'info');
  const single = path.join(info, 'commit-graph');
  if (existsSync(single)) return { present: true, changedPaths: await hasChangedPaths(single) };
  const chain = await readText(path.join(info, 'commit-graphs', 'commit-graph-chain'));
  if (chain === undefined) return { present: false, changedPaths: false };
  const layers = chain.split('\n').map((l) => l.trim()).filter(isFullSha);
  if (layers.length === 0) return { present: false, changedPaths: false };
  const filtered = await Promise.all(layers.map((h) => hasChangedPaths(path.join(info, 'commit-graphs', `graph-${h}.graph`))));
  return { present: true, changedPaths: filtered.every((f) => f) };
}

// Header: "CGPH", version, hash version, chunk count, base graph count; then the chunk table,
// one 4-byte id and 8-byte offset per chunk plus a terminating entry.
const GRAPH_HEADER = 8;
const CHUNK_ENTRY = 12;

/** Whether one commit-graph file has both changed-path chunks; an unreadable or foreign file has none. */
async function hasChangedPaths(file: string): Promise<boolean> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const header = Buffer.alloc(GRAPH_HEADER);
    if ((await handle.read(header, 0, GRAPH_HEADER, 0)).bytesRead < GRAPH_HEADER || header.toString('latin1', 0, 4) !== 'CGPH') return false;
    const chunks = header[6] as number;
    const table = Buffer.alloc(chunks * CHUNK_ENTRY);
    const { bytesRead } = await handle.read(table, 0, table.length, GRAPH_HEADER);
    const ids = new Set<string>();
    for (let i = 0; i + CHUNK_ENTRY <= bytesRead; i += CHUNK_ENTRY) ids.add(table.toString('latin1', i, i + 4));
    return ids.has('BIDX') && ids.has('BDAT');
  } catch {
    // Unreadable: git could not use its filters either.
    return false;
  } finally {
    await handle?.close();
  }
}

/** origin's URL, else the first remote's; undefined when the repository has none. */
export async function readRemoteUrl(repoDir: string): Promise<string | undefined> {
  const dir = await configDir(repoDir);
  if (dir === undefined) return undefined;
  const text = await readText(path.join(dir, 'config'));
  if (text === undefined) return undefined;
  const remotes = parseRemotes(text);
  return remotes.get('origin') ?? remotes.values().next().value;
}
