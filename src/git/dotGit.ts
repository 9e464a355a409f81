// The one place that reads files inside `.git` directly, without running git: whether a folder is
// in a repository (it must work in Restricted Mode, where no git process may run) and the remote
// URL for links in a reply (reading one file avoids running git, whose config can run code).
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
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
 * Whether git keeps its commit-graph file (single or split chain) for this repository: with it, git
 * walks history without parsing every commit object.
 */
export function hasCommitGraphFile(gitCommonDir: string): boolean {
  const info = path.join(gitCommonDir, 'objects', 'info');
  return existsSync(path.join(info, 'commit-graph')) || existsSync(path.join(info, 'commit-graphs', 'commit-graph-chain'));
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
