// Several fixes of one issue across release lines. A fix that is not on the target is a
// counterpart of a fix that is (the same fix made on another line: a backport, or the forward
// port of a fix first made on a maintenance branch) when the two were made on diverging histories
// (neither contains the other), touch a file of the same name, and either are the same change (most
// of the smaller one's added lines in the other, or the same subject once backport markers are
// taken off) or the other one was released on a line of its own (a release tag contains it and not
// the target's fix: a backport rewritten for an old code base). Any other fix missing from the
// target is a missing part of the fix. See the README.
import type { FileDiff } from '../gitPort';
import { squash } from './patchId';

export interface FixShape {
  subject: string;
  files: readonly FileDiff[];
}

// A trailing note that only names the issue or the line: `(fixes ACME-3)`, `(#123)`, `[backport 1.x]`.
// Other notes stay: "(part 2)" tells two parts of one fix apart.
const TRAILING_NOTE =
  /\s*[([](?:(?:backport|cherry[- ]pick|cherry picked)\b[^)\]]*|(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?|refs?|see|corrige|arregla|soluciona|resuelve|cierra)\b[^)\]]*|(?:#\d+|[A-Za-z][A-Za-z0-9]*-\d+)(?:\s*,\s*(?:#\d+|[A-Za-z][A-Za-z0-9]*-\d+))*)[)\]]\s*$/i;

/**
 * The subject without backport and cherry-pick markers (`[1.x] `, `Backport: `, `(cherry picked
 * from …)`) and without a trailing note naming the issue (`(fixes ACME-3)`), lower case.
 */
export function plainSubject(subject: string): string {
  let out = subject.replace(/^\s*(?:\[[^\]]*\]\s*|\((?:backport|cherry[- ]pick)[^)]*\)\s*|(?:backport|cherry[- ]pick)(?:ed)?(?:\s+of|\s+to\s+\S+)?\s*:?\s+)+/i, '');
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(TRAILING_NOTE, '');
  }
  return out.trim().toLowerCase();
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

/** They change a file of the same name (a backport's file may sit in another folder). */
export function shareAFile(a: FixShape, b: FixShape): boolean {
  const namesA = new Set(a.files.map((f) => baseName(f.path)));
  return b.files.some((f) => namesA.has(baseName(f.path)));
}

/** The two commits make the same change (see the header): one fix made twice, not two parts. */
export function sameChange(a: FixShape, b: FixShape): boolean {
  if (!shareAFile(a, b)) return false;
  if (plainSubject(a.subject) === plainSubject(b.subject) && plainSubject(a.subject) !== '') return true;
  const linesA = addedLines(a.files);
  const linesB = addedLines(b.files);
  const smaller = Math.min(linesA.size, linesB.size);
  if (smaller === 0) return false;
  let shared = 0;
  for (const t of linesA) if (linesB.has(t)) shared++;
  return shared * 2 >= smaller;
}
