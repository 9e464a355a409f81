// The history's shape in memory: every commit the scan read, with its parents and a generation
// number (1 for a root, else one more than its highest parent). The scan already walks every
// commit, so the parents come with it; with them, "does X contain F" and "which tags contain F"
// are walks of milliseconds instead of git walking the history once per question
// (`for-each-ref --contains` without a commit-graph file takes seconds on a large history).
//
// Truth first: a question the graph cannot answer for sure (a commit it never read, or a walk that
// reaches a parent it never read) answers null, and the caller asks git.

/** The serialisable form, kept in the scan cache: commit ids, and each commit's parents by index. */
export interface CommitGraphData {
  shas: string[];
  /** parents[i]: indices into `shas` of commit i's parents, in git's order. */
  parents: number[][];
}

// Graph data built here, or already checked: a re-scan does not check 100k commit ids again.
const trusted = new WeakSet<CommitGraphData>();

export function emptyGraphData(): CommitGraphData {
  const data = { shas: [], parents: [] };
  trusted.add(data);
  return data;
}

/**
 * Appends commits to graph data as a walk prints them (children before or after their parents).
 * The data it extends is copied, never changed: a cache handed to a scan stays as it was. Parents
 * are kept by id while the walk runs and turned into indices once, when the data is asked for: a
 * walk prints children before their parents, so resolving them on the way cost several map
 * operations and two allocations per commit of a 100k-commit scan.
 */
export class CommitGraphBuilder {
  private readonly from: CommitGraphData;
  /** Commits added by this builder, by id, with their index in the data. */
  private readonly added = new Map<string, number>();
  /** Parents of the added commits by id, in the order added. */
  private readonly parentIds: (readonly string[])[] = [];
  private readonly shas: string[] = [];
  /** Index of the commits it started from; built only when enough of them are looked up. */
  private known: Map<string, number> | null = null;
  private lookups = 0;
  private built: CommitGraphData | null = null;
  private missing = 0;

  constructor(from: CommitGraphData = emptyGraphData()) {
    this.from = from;
  }

  /**
   * A re-scan after a few commits looks up a handful of ids: a linear search of the known ones
   * costs less than indexing 100k of them; past a few dozen lookups the index pays.
   */
  private indexOfKnown(sha: string): number | undefined {
    const base = this.from.shas;
    if (base.length === 0) return undefined;
    if (this.known === null && ++this.lookups > 32) {
      this.known = new Map();
      for (let i = 0; i < base.length; i++) this.known.set(base[i] as string, i);
    }
    if (this.known !== null) return this.known.get(sha);
    const at = base.indexOf(sha);
    return at >= 0 ? at : undefined;
  }

  /** Whether the commit was added or known before. */
  has(sha: string): boolean {
    return this.added.has(sha) || this.indexOfKnown(sha) !== undefined;
  }

  /** Adds one commit; a commit already known is left as it is (commits never change). */
  add(sha: string, parents: readonly string[]): void {
    if (this.has(sha)) return;
    this.added.set(sha, this.from.shas.length + this.shas.length);
    this.shas.push(sha);
    this.parentIds.push(parents);
    this.built = null;
  }

  /** The extended data, with every parent as an index (-1: never read). */
  get data(): CommitGraphData {
    if (this.built !== null) return this.built;
    const parents = this.from.parents.slice();
    const missing = new Set<string>();
    for (const ids of this.parentIds) {
      const slots: number[] = [];
      for (const p of ids) {
        const at = this.added.get(p) ?? this.indexOfKnown(p) ?? -1;
        if (at < 0) missing.add(p);
        slots.push(at);
      }
      parents.push(slots);
    }
    const data = { shas: this.from.shas.concat(this.shas), parents };
    trusted.add(data);
    this.missing = missing.size;
    this.built = data;
    return data;
  }

  /** Parents that were named but never read (a walk cut short); a complete walk leaves none. */
  get missingParents(): number {
    void this.data;
    return this.missing;
  }
}

/** Whether a value read from disk has the graph data's shape (indices in range, ids as git prints them). */
export function isCommitGraphData(value: unknown, isId: (text: string) => boolean): value is CommitGraphData {
  if (typeof value !== 'object' || value === null) return false;
  if (trusted.has(value as CommitGraphData)) return true;
  const v = value as Partial<CommitGraphData>;
  if (!Array.isArray(v.shas) || !Array.isArray(v.parents) || v.shas.length !== v.parents.length) return false;
  const n = v.shas.length;
  for (let i = 0; i < n; i++) {
    const sha: unknown = v.shas[i];
    const ps: unknown = v.parents[i];
    if (typeof sha !== 'string' || !isId(sha) || !Array.isArray(ps)) return false;
    for (const p of ps as unknown[]) if (typeof p !== 'number' || !Number.isInteger(p) || p < -1 || p >= n) return false;
  }
  trusted.add(value as CommitGraphData);
  return true;
}

const UNKNOWN = -1;

/** Queries over graph data; built once per data (see commitGraphOf), read-only. */
export class CommitGraph {
  private readonly index = new Map<string, number>();
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

  constructor(data: CommitGraphData) {
    const n = data.shas.length;
    data.shas.forEach((sha, i) => this.index.set(sha, i));
    this.parentStart = new Int32Array(n + 1);
    let edges = 0;
    for (let i = 0; i < n; i++) {
      this.parentStart[i] = edges;
      edges += (data.parents[i] as number[]).length;
    }
    this.parentStart[n] = edges;
    this.parentIds = new Int32Array(edges);
    for (let i = 0, e = 0; i < n; i++) for (const p of data.parents[i] as number[]) this.parentIds[e++] = p;
    this.generation = new Int32Array(n);
    this.incomplete = new Uint8Array(n);
    this.mark = new Uint32Array(n);
    this.computeGenerations();
  }

  get size(): number {
    return this.generation.length;
  }

  has(sha: string): boolean {
    return this.index.has(sha);
  }

  /** Iterative post-order, so a history of any depth fits the stack. */
  private computeGenerations(): void {
    const n = this.size;
    const stack: number[] = [];
    for (let root = 0; root < n; root++) {
      if (this.generation[root] !== 0) continue;
      stack.push(root);
      while (stack.length > 0) {
        const c = stack[stack.length - 1] as number;
        if (this.generation[c] !== 0) {
          stack.pop();
          continue;
        }
        let ready = true;
        let gen = 1;
        let incomplete = 0;
        for (let e = this.parentStart[c] as number; e < (this.parentStart[c + 1] as number); e++) {
          const p = this.parentIds[e] as number;
          if (p === UNKNOWN) {
            incomplete = 1;
            continue;
          }
          const g = this.generation[p] as number;
          if (g === 0) {
            ready = false;
            stack.push(p);
          } else {
            gen = Math.max(gen, g + 1);
            incomplete |= this.incomplete[p] as number;
          }
        }
        if (!ready) continue;
        this.generation[c] = gen;
        this.incomplete[c] = incomplete;
        stack.pop();
      }
    }
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

export function commitGraphOf(data: CommitGraphData): CommitGraph {
  let graph = built.get(data);
  if (graph === undefined) {
    graph = new CommitGraph(data);
    built.set(data, graph);
  }
  return graph;
}
