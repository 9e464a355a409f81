// Which later commit took each lost line of a fix away (see survival.ts): the oldest later commit
// that removed a line with the same text, checked against where the line stood when the text is
// one many lines share.
import type { CommitPatch, FileDiff, GitPort, RawCommit } from '../gitPort';
import type { LostLine } from './model';
import { squash } from './patchId';

/** A fixed file's lost lines, as survival.ts measures them. */
export interface LostLineWork {
  diff: FileDiff;
  pathAtRef: string | null;
  lost: (LostLine & { text: string; candidates: string[] })[];
}

/**
 * Which of the base's lines stand at given lines of a later commit's parent: parent line → base
 * line (absent: a later line stands there). One blame of those lines only, limited to the commits
 * after the base; null when the reading is not made (past its budget).
 */
export type LinesAtParent = (commit: RawCommit, path: string, parentLines: readonly number[]) => Promise<((parentLine: number) => number | undefined) | null>;

// Blames of a commit's parent per measured ref, at most: a line of a busy file whose remover no
// patch shows (a merge's resolution) would otherwise cost one blame per commit that removed a line
// with its text. Past it, such a line is told with the commit standing in its place, or with none.
const MAX_PARENT_BLAMES = 8;

/**
 * Attributes lost lines to the oldest later commit that removed a line with the same text. A text
 * that more than one removal or more than one lost line share (a blank line, a closing brace) says
 * nothing about which line went: then the line must also stand, in that commit's parent, where the
 * commit removed one.
 */
export async function attributeLostLines(works: LostLineWork[], patches: CommitPatch[], linesAtParent: LinesAtParent): Promise<void> {
  const oldestFirst = [...patches].reverse();
  const removals = new Map<string, number>();
  for (const patch of patches) for (const file of patch.files) for (const r of file.removed) {
    const text = squash(r.text);
    removals.set(text, (removals.get(text) ?? 0) + 1);
  }
  for (const work of works) {
    // Each pending line squashed once, not once per removed line of every later patch.
    const pending = work.lost.filter((l) => l.by === null).map((line) => ({ line, text: squash(line.text) }));
    if (pending.length === 0) continue;
    const sharing = new Map<string, number>();
    for (const p of pending) sharing.set(p.text, (sharing.get(p.text) ?? 0) + 1);
    const ambiguous = (text: string): boolean => (removals.get(text) ?? 0) > 1 || (sharing.get(text) ?? 0) > 1;
    const chain = new Set([work.diff.path]);
    if (work.pathAtRef !== null) chain.add(work.pathAtRef);
    for (const patch of oldestFirst) {
      for (const file of patch.files) {
        const touches = chain.has(file.path) || (file.oldPath !== null && chain.has(file.oldPath));
        if (!touches) continue;
        chain.add(file.path);
        const replacing = new Set(file.added.map((a) => a.hunk));
        // The parent's lines this commit removed with a shared text some lost line still has.
        const asked = file.removed.filter((r) => {
          const text = squash(r.text);
          return ambiguous(text) && pending.some((p) => p.line.by === null && p.text === text);
        }).map((r) => r.line);
        let before: ((parentLine: number) => number | undefined) | null | undefined;
        for (const r of file.removed) {
          const text = squash(r.text);
          const same = pending.filter((p) => p.line.by === null && p.text === text);
          if (same.length === 0) continue;
          let hit = same[0]?.line;
          if (ambiguous(text)) {
            if (before === undefined) before = await linesAtParent(patch.commit, file.oldPath ?? file.path, asked);
            const standing = before === null ? undefined : before(r.line);
            hit = standing === undefined ? undefined : same.find((p) => p.line.line === standing)?.line;
          }
          if (hit === undefined) continue;
          hit.by = patch.commit.sha;
          // The commit that took the line away says what happened to it: replaced or dropped.
          hit.state = replacing.has(r.hunk) ? 'modified' : 'removed';
        }
      }
    }
    // No commit removed that exact text (whitespace-only rewrites, conflict resolutions in merges):
    // fall back to the later commit now standing in the line's place.
    for (const l of work.lost) if (l.by === null && l.candidates.length > 0) l.by = l.candidates[0] as string;
  }
}

/** Line numbers (any order, repeats allowed) as ascending inclusive ranges of consecutive lines, for `blame -L`. */
export function lineRanges(lines: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const l of [...lines].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last !== undefined && l <= last[1] + 1) last[1] = Math.max(last[1], l);
    else out.push([l, l]);
  }
  return out;
}

/**
 * Reads, once per commit, path and lines, which of the base's lines stand at those lines of the
 * commit's parent. Only the lines asked are blamed (`-L`): a blame of a busy file's every line,
 * once per commit that removed a shared text, took seconds each on a long history.
 */
export function parentLineReader(port: GitPort, base: string): LinesAtParent {
  const readings = new Map<string, Promise<((parentLine: number) => number | undefined) | null>>();
  let blames = 0;
  return (commit, path, parentLines) => {
    const ranges = lineRanges(parentLines);
    const key = `${commit.sha}\0${path}\0${ranges.join(' ')}`;
    let reading = readings.get(key);
    if (reading === undefined) {
      reading = (async (): Promise<((parentLine: number) => number | undefined) | null> => {
        const parent = commit.parents[0];
        if (parent === undefined || ranges.length === 0) return () => undefined;
        // The base itself: every line is where the base put it.
        if (parent === base) return (line) => line;
        if (blames >= MAX_PARENT_BLAMES) return null;
        blames++;
        // A blame that fails throws: never read as "the line was not there".
        const blame = await port.blame(path, { include: [parent], exclude: [base] }, ranges);
        const at = new Map<number, number>();
        for (const e of blame.lines) if (e.sha === base) at.set(e.finalLine, e.origLine);
        return (line) => at.get(line);
      })();
      readings.set(key, reading);
    }
    return reading;
  };
}
