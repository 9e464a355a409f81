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
 * Where a line stands in a later commit's parent: (the commit that wrote it, its line in that
 * commit's version) → line there (absent: gone by then). The base's own lines are named by the base.
 * One blame of the parent's lines asked about (`parentLines`: a line standing elsewhere reads as
 * absent), limited to the commits after the base; null when the reading is not made (past its budget).
 */
export type LinesAtParent = (commit: RawCommit, path: string, parentLines: readonly number[]) => Promise<((sha: string, line: number) => number | undefined) | null>;

// Blames of a commit's parent per measured ref, at most: a line of a busy file whose remover no
// patch shows (a merge's resolution) would otherwise cost one blame per commit that removed a line
// with its text. Past it, such a line is told with the commit standing in its place, or with none.
const MAX_PARENT_BLAMES = 8;

// A text put back that says which line it is: a blank line or a brace put back anywhere in the
// file is not the fix's line coming back.
const telling = (text: string): boolean => /[A-Za-z0-9]/.test(text);

/**
 * Attributes lost lines to the oldest later commit that removed a line with the same text. A text
 * that more than one removal or more than one lost line share (a blank line, a closing brace) says
 * nothing about which line went: then the line must also stand, in that commit's parent, where the
 * commit removed one. A line taken away and put back later (a revert, then the revert's revert) was
 * not lost by that first removal: a later commit that removes the line as put back is the one that
 * took it away (curl #7144: 14 lines told as changed by the revert its own revert had undone).
 */
export async function attributeLostLines(works: LostLineWork[], patches: CommitPatch[], linesAtParent: LinesAtParent): Promise<void> {
  const oldestFirst = [...patches].reverse();
  const removals = new Map<string, number>();
  for (const patch of patches) for (const file of patch.files) for (const r of file.removed) {
    const text = squash(r.text);
    removals.set(text, (removals.get(text) ?? 0) + 1);
  }
  for (const work of works) {
    // Each pending line squashed once, not once per removed line of every later patch. `at` is the
    // line's writer ('' for the fix) and its places there: the commit that put it back may have put
    // back other lines with that text, and the removal's place tells which one this is.
    const pending = work.lost
      .filter((l) => l.by === null)
      .map((line) => ({ line, text: squash(line.text), at: { sha: '', lines: [line.line] }, putBack: false, doubt: false }));
    if (pending.length === 0) continue;
    const open = (p: (typeof pending)[number]): boolean => p.line.by === null || p.putBack;
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
        // The parent's lines this commit removed with a shared text some open line still has.
        const asked = file.removed.filter((r) => {
          const text = squash(r.text);
          return ambiguous(text) && pending.some((p) => open(p) && p.text === text);
        }).map((r) => r.line);
        let before: ((sha: string, line: number) => number | undefined) | null | undefined;
        for (const r of file.removed) {
          const text = squash(r.text);
          const same = pending.filter((p) => open(p) && p.text === text);
          if (same.length === 0) continue;
          let hit = same[0];
          if (ambiguous(text)) {
            if (before === undefined) before = await linesAtParent(patch.commit, file.oldPath ?? file.path, asked);
            const at = before;
            hit = at === null ? undefined : same.find((p) => p.at.lines.some((l) => at(p.at.sha, l) === r.line));
          }
          // A line put back whose text this commit removed somewhere it cannot place: maybe this one.
          for (const p of same) if (p !== hit && p.putBack) p.doubt = true;
          if (hit === undefined) continue;
          hit.line.by = patch.commit.sha;
          hit.putBack = false;
          hit.doubt = false;
          // The commit that took the line away says what happened to it: replaced or dropped.
          hit.line.state = replacing.has(r.hunk) ? 'modified' : 'removed';
        }
        // Put back as it was: the removal told so far stands only if no later commit takes it again.
        for (const back of pending) {
          if (back.line.by === null || back.line.by === patch.commit.sha || back.putBack || !telling(back.text)) continue;
          const places = file.added.filter((a) => squash(a.text) === back.text).map((a) => a.line);
          if (places.length === 0) continue;
          back.putBack = true;
          back.at = { sha: patch.commit.sha, lines: places };
        }
      }
    }
    // Put back, then a removal of its text that could not be placed (past the blames it can
    // afford): the first removal was undone, so it is not the answer; none is better than a wrong
    // one. Put back and never removed again (blame reads it as the putter's), the first removal stands.
    for (const p of pending) if (p.putBack && p.doubt) p.line.by = null;
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
 * Reads, once per commit, path and lines, where the lines of the base (and of the commits after it)
 * stand at those lines of a later commit's parent. Only the lines asked are blamed (`-L`): a blame
 * of a busy file's every line, once per commit that removed a shared text, took seconds each on a
 * long history (prometheus scrape_test.go, 5,000 lines: 6-10 s per blame at load 12).
 */
export function parentLineReader(port: GitPort, base: string): LinesAtParent {
  const readings = new Map<string, Promise<((sha: string, line: number) => number | undefined) | null>>();
  let blames = 0;
  return (commit, path, parentLines) => {
    const ranges = lineRanges(parentLines);
    const key = `${commit.sha}\0${path}\0${ranges.join(' ')}`;
    let reading = readings.get(key);
    if (reading === undefined) {
      reading = (async (): Promise<((sha: string, line: number) => number | undefined) | null> => {
        const parent = commit.parents[0];
        if (parent === undefined || ranges.length === 0) return () => undefined;
        // The base itself: every line is where the base put it.
        if (parent === base) return (sha, line) => (sha === '' ? line : undefined);
        if (blames >= MAX_PARENT_BLAMES) return null;
        blames++;
        // A blame that fails throws: never read as "the line was not there".
        const blame = await port.blame(path, { include: [parent], exclude: [base] }, ranges);
        const at = new Map<string, number>();
        for (const e of blame.lines) at.set(`${e.sha === base ? '' : e.sha}\0${e.origLine}`, e.finalLine);
        return (sha, line) => at.get(`${sha}\0${line}`);
      })();
      readings.set(key, reading);
    }
    return reading;
  };
}
