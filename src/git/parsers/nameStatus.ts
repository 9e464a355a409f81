// NUL-separated path output (`-z`): `--name-status` records of diff-tree, and plain path lists.
import type { ChangedFile, ChangedFileStatus } from '../../core/commitContent';

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

/** The renames of `--name-status -z` output (`--diff-filter=R`): old path → new path. */
export function parseRenames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of parseNameStatus(text)) {
    if (file.status === 'R' && file.oldPath !== null) out.set(file.oldPath, file.path);
  }
  return out;
}

/** NUL-separated path lists (`ls-tree -z --name-only`). */
export function parseNulList(text: string): string[] {
  return text.split('\0').filter((p) => p.length > 0);
}
