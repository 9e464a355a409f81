// The repository's remote URL, read from its config file: links in a reply need only the URL, and
// reading one file avoids running git (whose config can run code) just for it.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
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

/** Remote URLs by remote name, from git config text. */
export function parseRemotes(configText: string): Map<string, string> {
  const remotes = new Map<string, string>();
  let current: string | undefined;
  for (const raw of configText.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[\s*remote\s+"((?:[^"\\]|\\.)*)"\s*\]$/.exec(line);
    if (section) {
      current = section[1] as string;
      continue;
    }
    if (line.startsWith('[')) {
      current = undefined;
      continue;
    }
    if (current === undefined) continue;
    const url = /^url\s*=\s*(.*)$/i.exec(line);
    if (url && !remotes.has(current)) remotes.set(current, (url[1] as string).replace(/^"(.*)"$/, '$1').trim());
  }
  return remotes;
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
