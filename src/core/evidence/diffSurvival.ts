// Survival from one comparison of the fix's version of a file with the ref's (`git diff-tree -U0
// <fix> <ref> -- <file>`), without walking the history in between: a line the fix added that the
// comparison leaves untouched is at the ref in the fix's place, as the fix wrote it. This is what
// a reader checks by hand, and it costs one tree comparison instead of a blame walk. It answers
// only where it is as good as blame; otherwise the caller blames the file as before:
// - a lost line whose text still appears among the ref's new lines (moved, re-indented) might be
//   one blame follows (`-M`), so the comparison cannot tell;
// - later lines standing in the fixed region are traced back through the later commits' patches
//   (as blame does, line by line, newest first) to the commit that added them; when a merge is on
//   the way, the file was renamed, or a traced line's text is not what that commit added, blame.
// One difference from blame is deliberate: a line a later commit removed and another put back
// exactly as it was counts as intact here (its text is at the ref, in its place), where blame
// names the commit that put it back. A change undone in full changed nothing at the ref.
import type { CommitPatch, DiffLine, FileDiff } from '../gitPort';
import { squash } from './patchId';

export interface DiffLostLine {
  /** The line in the fix's version of the file. */
  line: number;
  text: string;
  state: 'modified' | 'removed';
}

export interface DiffReading {
  intact: number;
  lost: DiffLostLine[];
  /** The ref's lines inside the fixed regions that are not the fix's (ref numbering): whose they are is read from the patches. */
  regionLines: DiffLine[];
}

interface Hunk {
  /** Old-side lines removed (ascending); empty for a pure insertion. */
  removed: number[];
  added: DiffLine[];
  /** The old line after which the hunk's new lines stand (the line before its first removed one). */
  after: number;
  /** How many new-side lines come before the hunk. */
  newBefore: number;
  /** Lines added minus lines removed. */
  delta: number;
}

function hunksOf(diff: FileDiff): Hunk[] {
  const byIndex = new Map<number, { removed: number[]; added: DiffLine[] }>();
  const entry = (i: number): { removed: number[]; added: DiffLine[] } => {
    let e = byIndex.get(i);
    if (e === undefined) byIndex.set(i, (e = { removed: [], added: [] }));
    return e;
  };
  for (const r of diff.removed) entry(r.hunk).removed.push(r.line);
  for (const a of diff.added) entry(a.hunk).added.push(a);
  const out: Hunk[] = [];
  let shift = 0;
  for (const i of [...byIndex.keys()].sort((a, b) => a - b)) {
    const e = byIndex.get(i) as { removed: number[]; added: DiffLine[] };
    e.removed.sort((a, b) => a - b);
    // A pure insertion's new lines start right after old line (first new line - 1 - shift so far).
    const after = e.removed.length > 0 ? (e.removed[0] as number) - 1 : (e.added[0] as DiffLine).line - 1 - shift;
    const delta = e.added.length - e.removed.length;
    out.push({ removed: e.removed, added: e.added, after, newBefore: after + shift, delta });
    shift += delta;
  }
  return out;
}

/**
 * Reads the comparison (`toRef`: the file's change from the fix's version to the ref's, same path;
 * undefined when the comparison did not list it, i.e. it is unchanged) against the lines the fix
 * added. Null when the comparison cannot decide (see the top of the file).
 */
export function readAgainstRef(fixAdded: readonly DiffLine[], toRef: FileDiff | undefined): DiffReading | null {
  if (toRef === undefined || (toRef.added.length === 0 && toRef.removed.length === 0)) {
    return { intact: fixAdded.length, lost: [], regionLines: [] };
  }
  if (toRef.binary || toRef.status === 'D' || toRef.status === 'A') return null;
  const hunks = hunksOf(toRef);
  const removedIn = new Map<number, Hunk>();
  for (const h of hunks) for (const l of h.removed) removedIn.set(l, h);
  // Where an old line that survives stands at the ref: shifted by every hunk before it.
  const atRef = (oldLine: number): number => {
    let shift = 0;
    for (const h of hunks) if (h.after < oldLine && !h.removed.includes(oldLine)) shift += h.delta;
    return oldLine + shift;
  };
  const newTexts = new Set(toRef.added.map((a) => squash(a.text)).filter((t) => t !== ''));
  const lost: DiffLostLine[] = [];
  for (const l of fixAdded) {
    const hunk = removedIn.get(l.line);
    if (hunk === undefined) continue;
    const text = squash(l.text);
    // Still somewhere among the new lines: perhaps moved or re-indented; blame decides.
    if (text !== '' && newTexts.has(text)) return null;
    lost.push({ line: l.line, text: l.text, state: hunk.added.length > 0 ? 'modified' : 'removed' });
  }
  // The fixed regions at the ref: from the surviving line before each block of added lines to the
  // surviving line after it (as blame's reading does); the new lines in between are later lines.
  const regionLines: DiffLine[] = [];
  const taken = new Set<DiffLine>();
  const lines = fixAdded.map((l) => l.line);
  for (let k = 0; k < lines.length; ) {
    let end = k;
    while (end + 1 < lines.length && (lines[end + 1] as number) === (lines[end] as number) + 1) end++;
    let before = (lines[k] as number) - 1;
    while (before > 0 && removedIn.has(before)) before--;
    let after = (lines[end] as number) + 1;
    while (removedIn.has(after)) after++;
    const from = atRef(before);
    const to = atRef(after);
    for (const a of toRef.added) {
      if (a.line > from && a.line < to && !taken.has(a)) {
        taken.add(a);
        regionLines.push(a);
      }
    }
    k = end + 1;
  }
  return { intact: fixAdded.length - lost.length, lost, regionLines };
}

/**
 * The later commit that added each region line (`regionLines`, numbered as at the ref), found as
 * blame finds it without a walk of its own: from the newest patch (`patches`, the file's history
 * from the fix to the ref, newest first) back, a line inside a patch's new lines is that commit's,
 * any other moves back by the lines the patch added and removed before it. Null when the patches
 * cannot be read that way (a merge on the way, the file renamed) or a traced line's text is not
 * the text that commit added at that place (then the history is not the chain it looked like).
 */
export function regionOwners(regionLines: readonly DiffLine[], patches: readonly CommitPatch[], path: string): string[] | null {
  const owners = new Set<string>();
  let pending = regionLines.map((l) => ({ at: l.line, text: l.text }));
  for (const patch of patches) {
    if (pending.length === 0) break;
    // A merge is listed without a patch (git log -p shows none for merges), yet it may have moved
    // the lines, or its sides may come in any order: the positions cannot be traced across it.
    if (patch.commit.parents.length > 1) return null;
    const files = patch.files.filter((f) => f.path === path || f.oldPath === path);
    if (files.length === 0) continue;
    const file = files[0] as FileDiff;
    if (files.length > 1 || file.oldPath !== null || file.binary) return null;
    const hunks = hunksOf(file);
    const next: typeof pending = [];
    for (const line of pending) {
      let shift = 0;
      let owned = false;
      for (const h of hunks) {
        if (line.at <= h.newBefore) break;
        if (line.at <= h.newBefore + h.added.length) {
          if (h.added[line.at - h.newBefore - 1]?.text !== line.text) return null;
          owners.add(patch.commit.sha);
          owned = true;
          break;
        }
        shift += h.delta;
      }
      if (!owned) next.push({ at: line.at - shift, text: line.text });
    }
    pending = next;
  }
  // Lines traced back past every patch were there at the fix: not later lines.
  return [...owners];
}
