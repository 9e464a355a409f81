// NUL-separated path output (`-z`): `--name-status` records of diff-tree and log, and plain path
// lists. One walker reads every `--name-status -z` output we ask for.
import type { ChangedFile, ChangedFileStatus } from '../../core/commitContent';

const STATUSES = new Set<string>(['A', 'M', 'D', 'R', 'C', 'T']);

/**
 * Walks `--name-status -z` records (`M\0path\0`, `R100\0old\0new\0`). With `isHeader`, a token in
 * status position that it accepts (a commit header of `log -z --format=…`) is handed to `onHeader`
 * instead. Statuses we do not model (U, X, B) are skipped with their path; a truncated last record
 * is dropped.
 */
function walk(raw: string, onFile: (file: ChangedFile) => void, isHeader?: (token: string) => boolean, onHeader?: (token: string) => void): void {
  const parts = raw.split('\0');
  let i = 0;
  while (i < parts.length) {
    const token = parts[i] ?? '';
    i++;
    if (isHeader?.(token) === true) {
      onHeader?.(token);
      continue;
    }
    const code = token.trim();
    if (code === '') continue;
    const status = code.charAt(0);
    if (status === 'R' || status === 'C') {
      const oldPath = parts[i];
      const newPath = parts[i + 1];
      i += 2;
      if (oldPath === undefined || newPath === undefined || oldPath === '' || newPath === '') return;
      onFile({ status, path: newPath, oldPath });
      continue;
    }
    const path = parts[i];
    i++;
    if (path === undefined || path === '') return;
    if (STATUSES.has(status)) onFile({ status: status as ChangedFileStatus, path, oldPath: null });
  }
}

/** `git diff-tree -r -z --name-status -M` output. */
export function parseNameStatus(raw: string): ChangedFile[] {
  const files: ChangedFile[] = [];
  walk(raw, (f) => files.push(f));
  return files;
}

/**
 * `git log -z --name-status --format=<header>` output: each commit's header token (as `isHeader`
 * recognises it, a leading newline removed) with the files it changed. Files before the first
 * header are dropped.
 */
export function parseNameStatusLog(raw: string, isHeader: (token: string) => boolean): { header: string; files: ChangedFile[] }[] {
  const groups: { header: string; files: ChangedFile[] }[] = [];
  const strip = (token: string): string => (token.startsWith('\n') ? token.slice(1) : token);
  walk(
    raw,
    (f) => groups[groups.length - 1]?.files.push(f),
    (token) => isHeader(strip(token)),
    (token) => groups.push({ header: strip(token), files: [] }),
  );
  return groups;
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
