// Index and tree listings (`-z`): which blob each path has in the index and in a commit.
import { isFullSha } from '../../core/sha';

export interface IndexEntry {
  /** `git ls-files -t` tag: H cached, S skip-worktree, and others. */
  tag: string;
  mode: string;
  sha: string;
  /** 0, or 1–3 for the sides of an unresolved conflict. */
  stage: number;
  path: string;
}

export interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  path: string;
}

/** `git ls-files -s -t -z` output: `H 100644 <sha> 0\t<path>\0`. Odd or truncated entries are skipped. */
export function parseIndexEntries(text: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const entry of text.split('\0')) {
    const m = /^(\S) (\d{6}) (\S+) ([0-3])\t(.+)$/s.exec(entry);
    if (m === null || !isFullSha(m[3] as string)) continue;
    out.push({ tag: m[1] as string, mode: m[2] as string, sha: m[3] as string, stage: Number(m[4]), path: m[5] as string });
  }
  return out;
}

/** `git ls-tree -r -z` output: `100644 blob <sha>\t<path>\0`. Odd or truncated entries are skipped. */
export function parseTreeEntries(text: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  for (const entry of text.split('\0')) {
    const m = /^(\d{6}) (\S+) (\S+)\t(.+)$/s.exec(entry);
    if (m === null || !isFullSha(m[3] as string)) continue;
    out.push({ mode: m[1] as string, type: m[2] as string, sha: m[3] as string, path: m[4] as string });
  }
  return out;
}
