// Several fixes of one issue across release lines. A fix that is not on the target is a
// counterpart of a fix that is (the same fix made on another line: a backport, or the forward
// port of a fix first made on a maintenance branch) when the two were made on diverging histories
// (neither contains the other) and are the same change: a common file and most of the smaller
// one's added lines in the other, or the same subject once backport markers are taken off. Any
// other fix missing from the target is a missing part of the fix. See the README.
import type { FileDiff } from '../gitPort';
import { squash } from './patchId';

export interface FixShape {
  subject: string;
  files: readonly FileDiff[];
}

/** The subject without backport and cherry-pick markers: `[1.x] `, `Backport: `, `(cherry picked from …)`. */
export function plainSubject(subject: string): string {
  return subject
    .replace(/^\s*(?:\[[^\]]*\]\s*|\((?:backport|cherry[- ]pick)[^)]*\)\s*|(?:backport|cherry[- ]pick)(?:ed)?(?:\s+of|\s+to\s+\S+)?\s*:?\s+)+/i, '')
    .replace(/\s*[([](?:backport|cherry[- ]pick|cherry picked)[^)\]]*[)\]]\s*$/i, '')
    .trim()
    .toLowerCase();
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function addedLines(files: readonly FileDiff[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) for (const l of f.added) {
    const t = squash(l.text);
    if (t !== '') out.add(t);
  }
  return out;
}

/** The two commits make the same change (see the header): one fix made twice, not two parts. */
export function sameChange(a: FixShape, b: FixShape): boolean {
  const namesA = new Set(a.files.map((f) => baseName(f.path)));
  if (!b.files.some((f) => namesA.has(baseName(f.path)))) return false;
  if (plainSubject(a.subject) === plainSubject(b.subject) && plainSubject(a.subject) !== '') return true;
  const linesA = addedLines(a.files);
  const linesB = addedLines(b.files);
  const smaller = Math.min(linesA.size, linesB.size);
  if (smaller === 0) return false;
  let shared = 0;
  for (const t of linesA) if (linesB.has(t)) shared++;
  return shared * 2 >= smaller;
}
