// The commit graph's stored form and its builder: the scan appends every commit it reads, with its
// parents; commitGraph.ts answers questions over it. Data is replaced, never changed, once built.
import type { CommitLineSink } from '../gitPort';
import type { CommitLookup } from './commitIdIndex';
import { isHexBytes } from '../sha';
import { CommitIdIndex } from './commitIdIndex';

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
const indexes = new WeakMap<CommitGraphData, CommitLookup>();

/** The id index made while building `data`, when one was (a walk from nothing), for the query structure. */
export function builtIndexOf(data: CommitGraphData): CommitLookup | undefined {
  return indexes.get(data);
}

export function emptyGraphData(): CommitGraphData {
  const data = { shas: [], parentStart: new Int32Array(1), parentIds: new Int32Array(0) };
  trusted.add(data);
  return data;
}

// An id the builder met only as a parent so far.
const NOT_PLACED = -1;

/** An Int32Array twice as long, with the same first values and `fill` after them. */
function grown(array: Int32Array, fill = 0): Int32Array<ArrayBuffer> {
  const out = new Int32Array(array.length * 2);
  if (fill !== 0) out.fill(fill, array.length);
  out.set(array);
  return out;
}

/**
 * A builder's id numbers seen as the data's indices: a commit's number maps to its place in the
 * data; a parent that was never read as a commit is not in the data.
 */
class BuiltLookup implements CommitLookup {
  constructor(
    private readonly ids: CommitIdIndex,
    private readonly placeOf: Int32Array,
    readonly size: number,
  ) {}

  get(sha: string): number | undefined {
    const n = this.ids.get(sha);
    if (n === undefined) return undefined;
    // Commits added after the data was built have places past its end.
    const at = this.placeOf[n] as number;
    return at < 0 || at >= this.size ? undefined : at;
  }

  has(sha: string): boolean {
    return this.get(sha) !== undefined;
  }
}

/**
 * Appends commits to graph data as a walk prints them (children before or after their parents).
 * The data it extends is copied, never changed: a cache handed to a scan stays as it was. Every id
 * the builder meets (a commit's or a parent's) gets a number in a typed id index (commitIdIndex.ts);
 * parents are kept by number while the walk runs and turned into indices once, when the data is
 * asked for: a walk prints children before their parents.
 */
export class CommitGraphBuilder implements CommitLineSink {
  private readonly from: CommitGraphData;
  /** Ids met by this builder: the commits added and their parents. */
  private readonly ids = new CommitIdIndex();
  /** By id number: the commit's place among the added ones, NOT_PLACED while it is only a parent. */
  private placeOf = new Int32Array(1024).fill(NOT_PLACED);
  /** By place: the commit's id number. */
  private order = new Int32Array(1024);
  private count = 0;
  /** The added commits' parents by id number, all in one list, and where each commit's start. */
  private parents = new Int32Array(4096);
  private parentStart = new Int32Array(1025);
  private edges = 0;
  /** Index of the commits it started from; built only when enough of them are looked up. */
  private known: Map<string, number> | null = null;
  private lookups = 0;
  private built: CommitGraphData | null = null;
  private missing = 0;
  /** Scratch bytes for commits given as strings. */
  private line = new Uint8Array(0);

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
    const built = indexes.get(this.from);
    if (built !== undefined) return built.get(sha);
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
    const n = this.ids.get(sha);
    return (n !== undefined && (this.placeOf[n] as number) >= 0) || this.indexOfKnown(sha) !== undefined;
  }

  /** Adds one commit; a commit already known is left as it is (commits never change). */
  add(sha: string, parents: readonly string[]): void {
    const length = sha.length;
    const size = (parents.length + 1) * (length + 1);
    if (this.line.length < size) this.line = new Uint8Array(size * 2);
    const line = this.line;
    let at = 0;
    for (const id of [sha, ...parents]) {
      // Every id of one commit has one length (git prints them so): one of another length is no id.
      if (id.length !== length) throw new Error(`commit ids of two lengths: ${sha}, ${id}`);
      // A character beyond ASCII becomes 0, no hex digit: masked to a byte, it could pass for one.
      for (let i = 0; i < length; i++) line[at + i] = id.charCodeAt(i) > 0x7f ? 0 : id.charCodeAt(i);
      line[at + length] = 32;
      at += length + 1;
    }
    for (let k = 0; k <= parents.length; k++) if (!isHexBytes(line, k * (length + 1), length)) throw new Error(`not a commit id: ${sha}`);
    this.addLine(line, 0, length, parents.length);
  }

  /**
   * Adds one commit from its id line as git prints it (the id, then each parent after one space;
   * every id `idLength` lower-case hex digits, checked by the caller): no string is made.
   */
  addLine(bytes: Uint8Array, start: number, idLength: number, parentCount: number): void {
    const n = this.ids.addBytes(bytes, start, idLength);
    if (n >= this.placeOf.length) this.placeOf = grown(this.placeOf, NOT_PLACED);
    if ((this.placeOf[n] as number) >= 0) return;
    // Known before: only a builder that extends data asks (a string, for the few commits of a re-scan).
    if (this.from.shas.length > 0 && this.indexOfKnown(this.ids.idAt(n)) !== undefined) return;
    const place = this.count++;
    if (place >= this.order.length) {
      this.order = grown(this.order);
      this.parentStart = grown(this.parentStart);
    }
    this.placeOf[n] = place;
    this.order[place] = n;
    while (this.edges + parentCount > this.parents.length) this.parents = grown(this.parents);
    for (let k = 1; k <= parentCount; k++) {
      const p = this.ids.addBytes(bytes, start + k * (idLength + 1), idLength);
      if (p >= this.placeOf.length) this.placeOf = grown(this.placeOf, NOT_PLACED);
      this.parents[this.edges++] = p;
    }
    this.parentStart[place + 1] = this.edges;
    this.built = null;
  }

  /** The extended data, with every parent as an index (-1: never read). */
  get data(): CommitGraphData {
    if (this.built !== null) return this.built;
    const from = this.from;
    const base = from.shas.length;
    const baseEdges = from.parentIds.length;
    const count = this.count;
    const parentStart = new Int32Array(base + count + 1);
    parentStart.set(from.parentStart.subarray(0, base + 1));
    for (let i = 1; i <= count; i++) parentStart[base + i] = baseEdges + (this.parentStart[i] as number);
    const parentIds = new Int32Array(baseEdges + this.edges);
    parentIds.set(from.parentIds);
    // A parent the builder met only as a parent may be one of the commits it started from.
    const resolved = new Map<number, number>();
    const missing = new Set<number>();
    for (let e = 0; e < this.edges; e++) {
      const p = this.parents[e] as number;
      const place = this.placeOf[p] as number;
      let at = place >= 0 ? base + place : -1;
      if (at < 0) {
        let old = resolved.get(p);
        if (old === undefined) {
          old = this.indexOfKnown(this.ids.idAt(p)) ?? -1;
          resolved.set(p, old);
        }
        at = old;
        if (at < 0) missing.add(p);
      }
      parentIds[baseEdges + e] = at;
    }
    const added = this.ids.idsOf(this.order, count);
    const data = { shas: base === 0 ? added : from.shas.concat(added), parentStart, parentIds };
    trusted.add(data);
    // A walk from nothing indexed every commit on the way: the query structure reuses that index.
    if (base === 0) indexes.set(data, new BuiltLookup(this.ids, this.placeOf, count));
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

