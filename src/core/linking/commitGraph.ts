// The history's shape in memory: every commit the scan read, with its parents and a generation
// number (1 for a root, else one more than its highest parent). The scan already walks every
// commit, so the parents come with it; with them, "does X contain F" and "which tags contain F"
// are walks of milliseconds instead of git walking the history once per question
// (`for-each-ref --contains` without a commit-graph file takes seconds on a large history).
//
// Truth first: a question the graph cannot answer for sure (a commit it never read, or a walk that
// reaches a parent it never read) answers null, and the caller asks git.

import type { CommitGraphData } from './commitGraphData';
import { builtIndexOf } from './commitGraphData';
import type { CommitLookup } from './commitIdIndex';

// Evidence code imports the data's type from here, beside the queries over it.
export type { CommitGraphData } from './commitGraphData';

const UNKNOWN = -1;

/** How many steps of building the query structure run between two pauses (see prepareCommitGraph). */
const STEPS_PER_SLICE = 10000;

/**
 * The query structure's parts, built step by step: the id index, then each commit's generation
 * (iterative post-order, so a history of any depth fits the stack). Yields every STEPS_PER_SLICE
 * steps, so that a caller can pause between slices.
 */
function* buildParts(data: CommitGraphData): Generator<void, { index: CommitLookup; generation: Int32Array; incomplete: Uint8Array }> {
  const n = data.shas.length;
  const hint = builtIndexOf(data);
  let index: CommitLookup;
  if (hint !== undefined && hint.size === n) index = hint;
  else {
    const map = new Map<string, number>();
    index = map;
    for (let i = 0; i < n; i++) {
      map.set(data.shas[i] as string, i);
      if (i % STEPS_PER_SLICE === STEPS_PER_SLICE - 1) yield;
    }
  }
  const { parentStart, parentIds } = data;
  const generation = new Int32Array(n);
  const incomplete = new Uint8Array(n);
  const stack: number[] = [];
  let steps = 0;
  for (let root = 0; root < n; root++) {
    if (generation[root] !== 0) continue;
    stack.push(root);
    while (stack.length > 0) {
      if (++steps % STEPS_PER_SLICE === 0) yield;
      const c = stack[stack.length - 1] as number;
      if (generation[c] !== 0) {
        stack.pop();
        continue;
      }
      let ready = true;
      let gen = 1;
      let gap = 0;
      for (let e = parentStart[c] as number; e < (parentStart[c + 1] as number); e++) {
        const p = parentIds[e] as number;
        if (p === UNKNOWN) {
          gap = 1;
          continue;
        }
        const g = generation[p] as number;
        if (g === 0) {
          ready = false;
          stack.push(p);
        } else {
          gen = Math.max(gen, g + 1);
          gap |= incomplete[p] as number;
        }
      }
      if (!ready) continue;
      generation[c] = gen;
      incomplete[c] = gap;
      stack.pop();
    }
  }
  return { index, generation, incomplete };
}

/** Queries over graph data; built once per data (see commitGraphOf), read-only. */
export class CommitGraph {
  private readonly index: CommitLookup;
  /** Parents of commit i: parentIds[parentStart[i] .. parentStart[i+1]); -1 = never read. */
  private readonly parentStart: Int32Array;
  private readonly parentIds: Int32Array;
  private readonly generation: Int32Array;
  /** Commits whose ancestry includes a parent that was never read: their walks are not conclusive. */
  private readonly incomplete: Uint8Array;
  private childStart: Int32Array | null = null;
  private childIds: Int32Array | null = null;
  private readonly mark: Uint32Array;
  private epoch = 0;

  constructor(data: CommitGraphData, parts?: { index: CommitLookup; generation: Int32Array; incomplete: Uint8Array }) {
    if (parts === undefined) {
      const steps = buildParts(data);
      let step = steps.next();
      while (step.done !== true) step = steps.next();
      parts = step.value;
    }
    this.index = parts.index;
    this.parentStart = data.parentStart;
    this.parentIds = data.parentIds;
    this.generation = parts.generation;
    this.incomplete = parts.incomplete;
    this.mark = new Uint32Array(data.shas.length);
  }

  get size(): number {
    return this.generation.length;
  }

  has(sha: string): boolean {
    return this.index.has(sha);
  }

  private nextEpoch(): number {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.mark.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }

  /**
   * Is `ancestor` reachable from `descendant` (or the same commit)? A walk down from the descendant
   * that never goes below the ancestor's generation: an ancestor's generation is always smaller.
   * Null when either commit is unknown, or the answer is no and the walk passed a gap.
   */
  isAncestor(ancestor: string, descendant: string): boolean | null {
    const a = this.index.get(ancestor);
    const d = this.index.get(descendant);
    if (a === undefined || d === undefined) return null;
    if (a === d) return true;
    const floor = this.generation[a] as number;
    if ((this.generation[d] as number) <= floor) return this.incomplete[d] === 1 ? null : false;
    const epoch = this.nextEpoch();
    const stack = [d];
    this.mark[d] = epoch;
    let gap = false;
    while (stack.length > 0) {
      const c = stack.pop() as number;
      for (let e = this.parentStart[c] as number; e < (this.parentStart[c + 1] as number); e++) {
        const p = this.parentIds[e] as number;
        if (p === a) return true;
        if (p === UNKNOWN) {
          gap = true;
          continue;
        }
        if (this.mark[p] === epoch) continue;
        this.mark[p] = epoch;
        if ((this.generation[p] as number) > floor) stack.push(p);
        else if (this.incomplete[p] === 1) gap = true;
      }
    }
    return gap ? null : false;
  }

  /**
   * Which of `commits` are reachable from `tip` (or are it), in their order: one walk down from the
   * tip that never goes below the lowest of their generations. Null when any is unknown, or a
   * commit was not reached and the walk passed a gap.
   */
  reachableFrom(tip: string, commits: readonly string[]): boolean[] | null {
    const t = this.index.get(tip);
    const wanted = commits.map((c) => this.index.get(c));
    if (t === undefined || wanted.some((w) => w === undefined)) return null;
    let floor = Number.MAX_SAFE_INTEGER;
    for (const w of wanted) floor = Math.min(floor, this.generation[w as number] as number);
    const epoch = this.nextEpoch();
    const stack = [t];
    this.mark[t] = epoch;
    let gap = false;
    while (stack.length > 0) {
      const c = stack.pop() as number;
      for (let e = this.parentStart[c] as number; e < (this.parentStart[c + 1] as number); e++) {
        const p = this.parentIds[e] as number;
        if (p === UNKNOWN) {
          gap = true;
          continue;
        }
        if (this.mark[p] === epoch) continue;
        this.mark[p] = epoch;
        if ((this.generation[p] as number) > floor) stack.push(p);
        else if (this.incomplete[p] === 1) gap = true;
      }
    }
    const out = wanted.map((w) => this.mark[w as number] === epoch);
    return gap && out.some((r) => !r) ? null : out;
  }

  /**
   * No merge among the commits reachable from `tip` above `ancestor`'s generation (which include
   * every commit of `ancestor..tip`): a walk from the tip then reads the ancestor's history the
   * way a walk from the ancestor does. Null when a commit is unknown or the walk passed a gap.
   */
  linearAbove(tip: string, ancestor: string): boolean | null {
    const t = this.index.get(tip);
    const a = this.index.get(ancestor);
    if (t === undefined || a === undefined) return null;
    const floor = this.generation[a] as number;
    const epoch = this.nextEpoch();
    const stack = (this.generation[t] as number) > floor ? [t] : [];
    this.mark[t] = epoch;
    while (stack.length > 0) {
      const c = stack.pop() as number;
      const start = this.parentStart[c] as number;
      const end = this.parentStart[c + 1] as number;
      if (end - start > 1) return false;
      for (let e = start; e < end; e++) {
        const p = this.parentIds[e] as number;
        if (p === UNKNOWN) return null;
        if (this.mark[p] === epoch) continue;
        this.mark[p] = epoch;
        if ((this.generation[p] as number) > floor) stack.push(p);
      }
    }
    return true;
  }

  private children(): { start: Int32Array; ids: Int32Array } {
    if (this.childStart !== null && this.childIds !== null) return { start: this.childStart, ids: this.childIds };
    const n = this.size;
    const count = new Int32Array(n + 1);
    for (const p of this.parentIds) if (p !== UNKNOWN) count[p + 1] = (count[p + 1] as number) + 1;
    for (let i = 0; i < n; i++) count[i + 1] = (count[i + 1] as number) + (count[i] as number);
    const ids = new Int32Array(count[n] as number);
    const fill = count.slice(0, n);
    for (let c = 0; c < n; c++) {
      for (let e = this.parentStart[c] as number; e < (this.parentStart[c + 1] as number); e++) {
        const p = this.parentIds[e] as number;
        if (p === UNKNOWN) continue;
        const at = fill[p] as number;
        ids[at] = c;
        fill[p] = at + 1;
      }
    }
    this.childStart = count;
    this.childIds = ids;
    return { start: count, ids };
  }

  /**
   * Which of `tips` contain any of `commits` (reach it through parents, or are it): one walk up
   * through the children of the commits, whatever the number of tips. Null when a commit or a tip
   * is unknown to the graph. A tip the graph read has all its history read with it, so every path
   * from it down to a commit is among the edges walked: the answer is exact.
   */
  containing<T extends { sha: string }>(commits: readonly string[], tips: readonly T[]): T[] | null {
    const starts: number[] = [];
    for (const sha of commits) {
      const i = this.index.get(sha);
      if (i === undefined) return null;
      starts.push(i);
    }
    const tipIndex: number[] = [];
    for (const t of tips) {
      const i = this.index.get(t.sha);
      if (i === undefined) return null;
      tipIndex.push(i);
    }
    const { start, ids } = this.children();
    const epoch = this.nextEpoch();
    const stack: number[] = [];
    for (const s of starts) {
      if (this.mark[s] === epoch) continue;
      this.mark[s] = epoch;
      stack.push(s);
    }
    while (stack.length > 0) {
      const c = stack.pop() as number;
      for (let e = start[c] as number; e < (start[c + 1] as number); e++) {
        const child = ids[e] as number;
        if (this.mark[child] === epoch) continue;
        this.mark[child] = epoch;
        stack.push(child);
      }
    }
    // A tip not reached whose own history has a gap might reach a commit through it: not known.
    if (tipIndex.some((t) => this.mark[t] !== epoch && this.incomplete[t] === 1)) return null;
    return tips.filter((_, k) => this.mark[tipIndex[k] as number] === epoch);
  }
}

// One query structure per graph data: the data object is replaced, never changed, once a scan is done.
const built = new WeakMap<CommitGraphData, CommitGraph>();

/**
 * Builds the query structure of `data` ahead of its first question, in slices with `pause()`
 * between them (the extension host answers other requests meanwhile); commitGraphOf then returns
 * it at once.
 */
export async function prepareCommitGraph(data: CommitGraphData, pause: () => Promise<void>): Promise<void> {
  if (built.has(data)) return;
  const steps = buildParts(data);
  let step = steps.next();
  while (step.done !== true) {
    await pause();
    step = steps.next();
  }
  if (!built.has(data)) built.set(data, new CommitGraph(data, step.value));
}

export function commitGraphOf(data: CommitGraphData): CommitGraph {
  let graph = built.get(data);
  if (graph === undefined) {
    graph = new CommitGraph(data);
    built.set(data, graph);
  }
  return graph;
}
