// The commit graph's stored form and its builder: the scan appends every commit it reads, with its
// parents; commitGraph.ts answers questions over it. Data is replaced, never changed, once built.

/**
 * The stored form, kept in the scan cache: commit ids, and each commit's parents by index, in two
 * flat arrays (one per history, not one array per commit: 100k small arrays were most of the cost
 * of building, storing and loading the graph).
 */
export interface CommitGraphData {
  shas: string[];
  /** Commit i's parents are parentIds[parentStart[i] .. parentStart[i + 1]), in git's order. */
  parentStart: Int32Array;
  /** Indices into `shas`; -1: a parent never read. */
  parentIds: Int32Array;
}

// Graph data built here, or already checked: a re-scan does not check 100k commit ids again.
const trusted = new WeakSet<CommitGraphData>();
// The id index a builder made while adding, handed to the query structure instead of a second one.
const indexes = new WeakMap<CommitGraphData, Map<string, number>>();

/** The id index made while building `data`, when one was (a walk from nothing), for the query structure. */
export function builtIndexOf(data: CommitGraphData): Map<string, number> | undefined {
  return indexes.get(data);
}

export function emptyGraphData(): CommitGraphData {
  const data = { shas: [], parentStart: new Int32Array(1), parentIds: new Int32Array(0) };
  trusted.add(data);
  return data;
}

/**
 * Appends commits to graph data as a walk prints them (children before or after their parents).
 * The data it extends is copied, never changed: a cache handed to a scan stays as it was. Parents
 * are kept by id while the walk runs and turned into indices once, when the data is asked for: a
 * walk prints children before their parents.
 */
export class CommitGraphBuilder {
  private readonly from: CommitGraphData;
  /** Commits added by this builder, by id, with their index in the data. */
  private readonly added = new Map<string, number>();
  /** Parents of the added commits by id, all in one list, and how many each commit has. */
  private readonly parentIds: string[] = [];
  private readonly parentCounts: number[] = [];
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
      this.known = indexes.get(this.from) ?? null;
      if (this.known === null) {
        this.known = new Map();
        for (let i = 0; i < base.length; i++) this.known.set(base[i] as string, i);
      }
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
    for (const p of parents) this.parentIds.push(p);
    this.parentCounts.push(parents.length);
    this.built = null;
  }

  /** The extended data, with every parent as an index (-1: never read). */
  get data(): CommitGraphData {
    if (this.built !== null) return this.built;
    const from = this.from;
    const base = from.shas.length;
    const baseEdges = from.parentIds.length;
    const parentStart = new Int32Array(base + this.shas.length + 1);
    parentStart.set(from.parentStart.subarray(0, base + 1));
    const parentIds = new Int32Array(baseEdges + this.parentIds.length);
    parentIds.set(from.parentIds);
    const missing = new Set<string>();
    let edge = baseEdges;
    let first = 0;
    for (let i = 0; i < this.parentCounts.length; i++) {
      const count = this.parentCounts[i] as number;
      for (let k = first; k < first + count; k++) {
        const p = this.parentIds[k] as string;
        // A walk prints a commit's first parent right after it along every straight stretch of
        // history (every commit of a linear one, half of git/git's): a comparison, not a lookup.
        const at = k === first && this.shas[i + 1] === p ? base + i + 1 : (this.added.get(p) ?? this.indexOfKnown(p) ?? -1);
        if (at < 0) missing.add(p);
        parentIds[edge++] = at;
      }
      first += count;
    }
    edge = baseEdges;
    for (let i = 0; i < this.parentCounts.length; i++) {
      edge += this.parentCounts[i] as number;
      parentStart[base + i + 1] = edge;
    }
    const data = { shas: base === 0 ? this.shas.slice() : from.shas.concat(this.shas), parentStart, parentIds };
    trusted.add(data);
    // A walk from nothing indexed every commit on the way: the query structure reuses that index.
    if (base === 0) indexes.set(data, this.added);
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

/** Whether the parts have the graph data's shape: indices in range, every commit's parents in order. */
function validParents(n: number, parentStart: Int32Array, parentIds: Int32Array): boolean {
  if (parentStart.length !== n + 1 || parentStart[0] !== 0 || parentStart[n] !== parentIds.length) return false;
  for (let i = 0; i < n; i++) if ((parentStart[i + 1] as number) < (parentStart[i] as number)) return false;
  for (let e = 0; e < parentIds.length; e++) {
    const p = parentIds[e] as number;
    if (p < -1 || p >= n) return false;
  }
  return true;
}

/** Whether a value read from disk has the graph data's shape (indices in range, ids as git prints them). */
export function isCommitGraphData(value: unknown, isId: (text: string) => boolean): value is CommitGraphData {
  if (typeof value !== 'object' || value === null) return false;
  if (trusted.has(value as CommitGraphData)) return true;
  const v = value as Partial<CommitGraphData>;
  if (!Array.isArray(v.shas) || !(v.parentStart instanceof Int32Array) || !(v.parentIds instanceof Int32Array)) return false;
  const shas: unknown[] = v.shas;
  if (!shas.every((sha) => typeof sha === 'string' && isId(sha))) return false;
  if (!validParents(shas.length, v.parentStart, v.parentIds)) return false;
  trusted.add(value as CommitGraphData);
  return true;
}

/**
 * Graph data from the parts a file stored, checked: null unless every index is in range. The ids
 * come from the file's own encoding (hex digits of a fixed length), so they are not checked again.
 */
export function graphDataFromParts(shas: string[], parentStart: Int32Array, parentIds: Int32Array): CommitGraphData | null {
  if (!validParents(shas.length, parentStart, parentIds)) return null;
  const data = { shas, parentStart, parentIds };
  trusted.add(data);
  return data;
}

