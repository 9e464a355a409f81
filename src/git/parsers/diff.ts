// Unified diffs as `git diff-tree -p` and `git log -p` print them (any context size), and git's
// C-style quoting of paths.
import type { FileDiff } from '../../core/gitPort';

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undoes git's C-style quoting of a path ("a/\303\251.txt"), leaving unquoted text as is. */
export function unquotePath(text: string): string {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) break;
    if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? '0';
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string, prefix: string): string {
  const unquoted = unquotePath(path);
  return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}

/** Path from `diff --git a/X b/X` when both sides are equal (no rename), else null. */
function pathFromDiffHeader(header: string): string | null {
  const body = header.slice('diff --git '.length);
  if (body.startsWith('"')) {
    const m = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*"|\S.*)$/.exec(body);
    if (m === null) return null;
    return stripPrefix(m[1] as string, 'a/');
  }
  // a/P b/P: both halves have the same length.
  if ((body.length - 1) % 2 !== 0) return null;
  const half = (body.length - 1) / 2;
  const a = body.slice(0, half);
  const b = body.slice(half + 1);
  if (!a.startsWith('a/') || !b.startsWith('b/') || a.slice(2) !== b.slice(2)) return null;
  return a.slice(2);
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** A unified diff as printed by diff-tree/log -p (any context size). Tolerates truncation. */
export function parseDiff(text: string): FileDiff[] {
  const files: FileDiff[] = [];
  let file: FileDiff | null = null;
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  let hunkIndex = -1;
  let deleted = false;
  const lines = text.split('\n');
  for (const raw of lines) {
    const line = raw.endsWith('\r') && !inHunk ? raw.slice(0, -1) : raw;
    if (line.startsWith('diff --git ')) {
      file = { path: pathFromDiffHeader(line) ?? '', oldPath: null, status: 'M', binary: false, added: [], removed: [] };
      files.push(file);
      inHunk = false;
      hunkIndex = -1;
      deleted = false;
      continue;
    }
    if (file === null) continue;
    if (inHunk) {
      const first = line[0];
      if (first === '+') {
        file.added.push({ line: newLine++, text: line.slice(1), hunk: hunkIndex });
        continue;
      }
      if (first === '-') {
        file.removed.push({ line: oldLine++, text: line.slice(1), hunk: hunkIndex });
        continue;
      }
      if (first === ' ') {
        oldLine++;
        newLine++;
        continue;
      }
      if (first === '\\') continue;
      inHunk = false;
    }
    const hunk = HUNK.exec(line);
    if (hunk !== null) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[3]);
      inHunk = true;
      hunkIndex++;
      continue;
    }
    if (line.startsWith('new file mode')) file.status = 'A';
    else if (line.startsWith('deleted file mode')) {
      file.status = 'D';
      deleted = true;
    } else if (line.startsWith('rename from ')) {
      file.oldPath = unquotePath(line.slice('rename from '.length));
      file.status = 'R';
    } else if (line.startsWith('rename to ')) file.path = unquotePath(line.slice('rename to '.length));
    else if (line.startsWith('copy from ')) {
      file.oldPath = unquotePath(line.slice('copy from '.length));
      file.status = 'C';
    } else if (line.startsWith('copy to ')) file.path = unquotePath(line.slice('copy to '.length));
    // Git ends these two lines with a tab when the name contains a space.
    else if (line.startsWith('--- ') && line !== '--- /dev/null') {
      const p = stripPrefix(line.slice(4).replace(/\t$/, ''), 'a/');
      if (deleted || file.path === '') file.path = p;
    } else if (line.startsWith('+++ ') && line !== '+++ /dev/null') file.path = stripPrefix(line.slice(4).replace(/\t$/, ''), 'b/');
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') file.binary = true;
  }
  for (const f of files) {
    if (f.oldPath === f.path) f.oldPath = null;
  }
  return files.filter((f) => f.path !== '');
}
