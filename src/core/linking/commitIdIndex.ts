// Commit ids by number, in typed arrays: the scan's graph looks up every commit and parent of a
// whole history (git/git: 82k commits, 103k parents). A Map of id strings made each of them a
// string and an entry on the heap, and collecting them was a third of the scan's Node time; here
// an id is hex digits copied into one byte array, found through an open-addressing table.
import { HEX_VALUE, isHexBytes } from '../sha';

// Read once: an import read in a loop is a property read through the module object in the
// per-file build the tests and the benchmark run.
const HEX = HEX_VALUE;
const isHex = isHexBytes;

/** What the graph's queries need of an id index (a Map<string, number> is one too). */
export interface CommitLookup {
  get(sha: string): number | undefined;
  has(sha: string): boolean;
  readonly size: number;
}

/** A hash of an id's hex digits: its first and last eight, mixed (ids are hashes; tests' ids are not). */
function hashOf(bytes: Uint8Array, at: number, length: number): number {
  let a = 0;
  let b = 0;
  const last = at + length - 8;
  for (let i = 0; i < 8; i++) {
    a = (a << 4) | (HEX[bytes[at + i] as number] as number);
    b = (b << 4) | (HEX[bytes[last + i] as number] as number);
  }
  return Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ b;
}

/**
 * Ids numbered 0, 1, 2… in the order they are first added. All ids of an index have one length
 * (a repository's ids are SHA-1 or SHA-256); an id of another length is kept in a plain Map.
 */
export class CommitIdIndex implements CommitLookup {
  private idLength = 0;
  /** A Buffer: Node makes strings of its bytes natively (TextDecoder took 20 ms for a history's ids). */
  private ids = Buffer.alloc(0);
  private hashes = new Int32Array(0);
  /** Slot → number + 1 (0: empty). */
  private table = new Int32Array(0);
  private mask = 0;
  private count = 0;
  private odd: Map<string, number> | null = null;
  /** Scratch bytes for ids given as strings. */
  private scratch = new Uint8Array(64);

  constructor(expected = 1024) {
    this.grow(expected);
  }

  get size(): number {
    return this.count;
  }

  private grow(capacity: number): void {
    const stride = this.idLength === 0 ? 40 : this.idLength;
    let slots = 1024;
    while (slots < capacity * 2) slots *= 2;
    const ids = Buffer.alloc(Math.max(capacity, 16) * stride);
    ids.set(this.ids.subarray(0, this.count * stride));
    this.ids = ids;
    const hashes = new Int32Array(Math.max(capacity, 16));
    hashes.set(this.hashes.subarray(0, this.count));
    this.hashes = hashes;
    if (slots !== this.table.length) {
      this.table = new Int32Array(slots);
      this.mask = slots - 1;
      for (let n = 0; n < this.count; n++) {
        let slot = (this.hashes[n] as number) & this.mask;
        while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
        this.table[slot] = n + 1;
      }
    }
  }

  private sameId(n: number, bytes: Uint8Array, at: number): boolean {
    const length = this.idLength;
    const ids = this.ids;
    const from = n * length;
    for (let i = 0; i < length; i++) if (ids[from + i] !== bytes[at + i]) return false;
    return true;
  }

  /**
   * The number of the id at bytes[at, at + length) (hex digits, checked by the caller), adding it
   * when `add` is set; -1 when absent and not added.
   */
  private lookup(bytes: Uint8Array, at: number, length: number, add: boolean): number {
    if (this.idLength === 0) {
      if (!add) return -1;
      this.idLength = length;
      this.ids = Buffer.alloc(this.hashes.length * length);
    }
    if (length !== this.idLength) return this.oddLookup(bytes, at, length, add);
    const hash = hashOf(bytes, at, length);
    let slot = hash & this.mask;
    for (let entry = this.table[slot] as number; entry !== 0; entry = this.table[slot] as number) {
      const n = entry - 1;
      if (this.hashes[n] === hash && this.sameId(n, bytes, at)) return n;
      slot = (slot + 1) & this.mask;
    }
    if (!add) return -1;
    if (this.count === this.hashes.length) {
      this.grow(this.count * 2);
      return this.lookup(bytes, at, length, add);
    }
    const n = this.count++;
    const ids = this.ids;
    const to = n * length;
    for (let i = 0; i < length; i++) ids[to + i] = bytes[at + i] as number;
    this.hashes[n] = hash;
    this.table[slot] = n + 1;
    return n;
  }

  private oddLookup(bytes: Uint8Array, at: number, length: number, add: boolean): number {
    let id = '';
    for (let i = at; i < at + length; i++) id += String.fromCharCode(bytes[i] as number);
    if (this.odd === null && !add) return -1;
    this.odd ??= new Map();
    const known = this.odd.get(id);
    if (known !== undefined) return known;
    if (!add) return -1;
    // Numbers stay dense: an odd id takes the next one, with an empty slot in the byte array.
    if (this.count === this.hashes.length) this.grow(this.count * 2);
    const n = this.count++;
    this.hashes[n] = 0;
    this.odd.set(id, n);
    return n;
  }

  private bytesOf(sha: string): Uint8Array | null {
    if (sha.length < 8 || sha.length > 64) return null;
    const out = this.scratch;
    for (let i = 0; i < sha.length; i++) {
      const c = sha.charCodeAt(i);
      // Masked to a byte, a character beyond ASCII could pass for a hex digit.
      if (c > 0x7f) return null;
      out[i] = c;
    }
    return isHex(out, 0, sha.length) ? out : null;
  }

  /** The number of the id at bytes[at, at + length), added when new. */
  addBytes(bytes: Uint8Array, at: number, length: number): number {
    return this.lookup(bytes, at, length, true);
  }

  /** The number of the id at bytes[at, at + length), or -1. */
  findBytes(bytes: Uint8Array, at: number, length: number): number {
    return this.lookup(bytes, at, length, false);
  }

  /** The number of a full id (lower-case hex), added when new. */
  add(sha: string): number {
    const bytes = this.bytesOf(sha);
    if (bytes === null) throw new Error(`not a commit id: ${sha}`);
    return this.lookup(bytes, 0, sha.length, true);
  }

  get(sha: string): number | undefined {
    const bytes = this.bytesOf(sha);
    const n = bytes === null ? -1 : this.lookup(bytes, 0, sha.length, false);
    return n < 0 ? undefined : n;
  }

  has(sha: string): boolean {
    return this.get(sha) !== undefined;
  }

  /** The id numbered n. */
  idAt(n: number): string {
    if (this.odd !== null && this.hashes[n] === 0) for (const [id, k] of this.odd) if (k === n) return id;
    const length = this.idLength;
    return this.ids.toString('latin1', n * length, (n + 1) * length);
  }

  /**
   * The ids numbered numbers[0, count): for a whole history, one decoding of every id and a slice
   * per commit, rather than a string built per commit.
   */
  idsOf(numbers: ArrayLike<number>, count: number): string[] {
    const out: string[] = new Array<string>(count);
    const length = this.idLength;
    if (count < 64 || this.odd !== null) {
      for (let k = 0; k < count; k++) out[k] = this.idAt(numbers[k] as number);
      return out;
    }
    const all = this.ids.toString('latin1', 0, this.count * length);
    for (let k = 0; k < count; k++) {
      const from = (numbers[k] as number) * length;
      out[k] = all.slice(from, from + length);
    }
    return out;
  }
}
