// The port through which the editor reads what a single commit changed and a file's text at a
// commit, to show the commit in a diff editor. Core defines it and parses git's output; src/git runs
// git. Kept apart from GitPort because only the diff view needs it.

export type ChangedFileStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T';

export interface ChangedFile {
  status: ChangedFileStatus;
  /** Path after the change (for a deletion, the deleted path). */
  path: string;
  /** Path before a rename or copy, else null. */
  oldPath: string | null;
}

export interface CommitFiles {
  sha: string;
  /** The first parent; null for a root commit. */
  parent: string | null;
  files: ChangedFile[];
}

export interface FileContent {
  text: string;
  /** Git would call it binary (a NUL byte near the start): the text is not worth showing. */
  binary: boolean;
}

export interface CommitContentPort {
  /** What the commit changed against its first parent; null when the repository has no such commit. */
  commitFiles(sha: string): Promise<CommitFiles | null>;
  /** The file's content at the commit; null when the path does not exist there. */
  fileAt(sha: string, path: string): Promise<FileContent | null>;
}

/** A full commit id: SHA-1 (40) or SHA-256 (64) hex digits. Abbreviations are not accepted here. */
export function isFullSha(text: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(text);
}

/**
 * A path inside the repository as git prints it: relative, forward slashes, no `.`/`..` segment,
 * no control characters, and nothing git could read as an option or a revision.
 */
export function isSafeRepoPath(text: string): boolean {
  if (text.length === 0 || text.length > 4096) return false;
  if (text.startsWith('/') || text.startsWith('-') || /^[A-Za-z]:/.test(text)) return false;
  if (/\p{Cc}/u.test(text) || text.includes('\\')) return false;
  return text.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

const STATUSES = new Set<string>(['A', 'M', 'D', 'R', 'C', 'T']);

/**
 * Parses `git diff-tree -r -z --name-status -M` output: `M\0path\0`, `R100\0old\0new\0`. Unknown
 * statuses and a truncated last record are skipped.
 */
export function parseNameStatus(raw: string): ChangedFile[] {
  const parts = raw.split('\0');
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < parts.length) {
    const code = (parts[i] ?? '').trim();
    i++;
    if (code === '') continue;
    const status = code.charAt(0);
    if (!STATUSES.has(status)) continue;
    if (status === 'R' || status === 'C') {
      const oldPath = parts[i];
      const newPath = parts[i + 1];
      i += 2;
      if (oldPath === undefined || newPath === undefined || oldPath === '' || newPath === '') break;
      files.push({ status: status as ChangedFileStatus, path: newPath, oldPath });
    } else {
      const path = parts[i];
      i++;
      if (path === undefined || path === '') break;
      files.push({ status: status as ChangedFileStatus, path, oldPath: null });
    }
  }
  return files;
}

/** Parses `git rev-list --parents -n1 <sha>`: the commit, then its parents, space-separated. */
export function parseParentsLine(raw: string): { sha: string; parents: string[] } | null {
  const [sha, ...parents] = raw.trim().split(/\s+/);
  if (sha === undefined || !isFullSha(sha) || !parents.every(isFullSha)) return null;
  return { sha, parents };
}

/** Git's own test for binary content: a NUL byte in the first 8000 characters. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\0');
}
