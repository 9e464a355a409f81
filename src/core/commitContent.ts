// The port through which the editor reads what a single commit changed and a file's text at a
// commit, to show the commit in a diff editor. Core defines it; src/git runs git and parses its
// output. Kept apart from GitPort because only the diff view needs it.

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
