// The scan cache file's bytes. A JSON file of the whole cache was 6.4 MB at 100k commits, and
// reading it back (parse, check every part, build the graph) held the extension host for 1-3 s. This
// format keeps what is small and varied as JSON (the refs, the commits that reference an issue) and
// the graph as it is held in memory: the parents as two arrays of 32-bit integers, the ids as bytes.
// Reading it is a few copies plus a check of every index, done in slices with a pause between them.
//
//   magic "PoFscan\n" | u32 format | u32 header bytes | header JSON | commits as JSON parts |
//   zero padding to 4 bytes |
//   i32 parentStart[size + 1] | i32 parentIds[edges] | ids: size × idLength / 2 bytes
//
// Integers are little-endian. Anything that does not read back exactly (another format, a cut or
// damaged file, an index out of range) is no cache: the scan reads the history again.
import { endianness } from 'node:os';
import { ENGINE_BUILD } from '../engineBuild';
import { graphDataFromParts } from './commitGraphData';
import { isSha } from '../sha';
import type { CachedCommit, ScanCache } from './scan';
import { isCachedCommit, isScanCache } from './scan';

const MAGIC = Buffer.from('PoFscan\n', 'latin1');
/** The file's format; another number is another format, read as no cache. */
const FORMAT = 4;
const BIG_ENDIAN = endianness() === 'BE';
/** Ids turned into strings per slice, between two pauses. */
const IDS_PER_SLICE = 10000;
/** Commits per JSON part: each part is parsed and checked between two pauses. */
const COMMITS_PER_PART = 1000;

/** The JSON part: the cache without its graph and commits, the graph's sizes, the commits' parts. */
interface Header extends Omit<ScanCache, 'graph' | 'commits'> {
  size: number;
  edges: number;
  /** Hex digits per id: 40 (SHA-1) or 64 (SHA-256). */
  idLength: number;
  /** Byte length of each part of the commits (JSON objects, one after another after the header). */
  commitParts: number[];
  /** The build of the scan's code that wrote it (core/engineBuild.ts): another build's is no cache. */
  engine: string;
}

function int32Bytes(values: Int32Array): Buffer {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return BIG_ENDIAN ? Buffer.from(bytes).swap32() : bytes;
}

function int32From(bytes: Buffer, at: number, count: number): Int32Array {
  // Copied into an array of its own: aligned, and the file's buffer is not kept alive by it.
  const values = new Int32Array(count);
  const target = Buffer.from(values.buffer);
  bytes.copy(target, 0, at, at + count * 4);
  if (BIG_ENDIAN) target.swap32();
  return values;
}

// What the last file held, by the very objects it was made of: a re-scan's cache shares its first
// commits (the same objects, in the same order) and its graph's first ids with the cache it
// extended, so only the parts that changed are turned into bytes again (at 100k commits, encoding
// every part took 100-400 ms for a re-scan that added one commit).
interface EncodedPart {
  shas: string[];
  commits: CachedCommit[];
  bytes: Buffer;
}
const encodedParts = new WeakMap<CachedCommit, EncodedPart>();
let encodedIds: { shas: readonly string[]; bytes: Buffer } | null = null;

/** A part's bytes: those encoded before when it holds the same commits, in the same order. */
function partBytes(entries: [string, CachedCommit][]): Buffer {
  const first = (entries[0] as [string, CachedCommit])[1];
  // Whatever a caller stores is written as it is (a test writes damaged caches): only objects are remembered.
  if (typeof first !== 'object' || first === null) return Buffer.from(JSON.stringify(Object.fromEntries(entries)), 'utf8');
  const known = encodedParts.get(first);
  if (known !== undefined && known.shas.length === entries.length && entries.every(([sha, c], i) => known.shas[i] === sha && known.commits[i] === c)) return known.bytes;
  const bytes = Buffer.from(JSON.stringify(Object.fromEntries(entries)), 'utf8');
  encodedParts.set(first, { shas: entries.map(([sha]) => sha), commits: entries.map(([, c]) => c), bytes });
  return bytes;
}

/** The ids as bytes, or null when one is not `idLength` hex digits; the last file's ids are reused when they are the first ones. */
function idBytes(shas: readonly string[], idLength: number): Buffer | null {
  const last = encodedIds;
  let reused = 0;
  if (last !== null && last.shas.length <= shas.length && last.shas.every((sha, i) => shas[i] === sha) && (last.shas.length === 0 || (last.shas[0] as string).length === idLength)) reused = last.shas.length;
  const added = shas.slice(reused);
  if (added.some((sha) => sha.length !== idLength)) return null;
  const tail = Buffer.from(added.join(''), 'hex');
  if (tail.length !== (added.length * idLength) / 2) return null;
  const bytes = reused === 0 ? tail : Buffer.concat([(last as { bytes: Buffer }).bytes, tail]);
  // Graph data is replaced, never changed: the array itself says which ids the bytes hold.
  encodedIds = { shas, bytes };
  return bytes;
}

/** The file's bytes for a cache; null when its ids are not all of one length (then it is not kept). */
export function encodeScanCache(cache: ScanCache): Buffer | null {
  const { graph, commits, ...rest } = cache;
  const size = graph.shas.length;
  const idLength = size === 0 ? 40 : (graph.shas[0] as string).length;
  if (idLength !== 40 && idLength !== 64) return null;
  const ids = idBytes(graph.shas, idLength);
  if (ids === null) return null;
  const entries = Object.entries(commits);
  const parts: Buffer[] = [];
  for (let i = 0; i < entries.length; i += COMMITS_PER_PART) parts.push(partBytes(entries.slice(i, i + COMMITS_PER_PART)));
  const header: Header = { ...rest, size, edges: graph.parentIds.length, idLength, commitParts: parts.map((p) => p.length), engine: ENGINE_BUILD };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const fixed = Buffer.alloc(MAGIC.length + 8);
  MAGIC.copy(fixed);
  fixed.writeUInt32LE(FORMAT, MAGIC.length);
  fixed.writeUInt32LE(json.length, MAGIC.length + 4);
  const textLength = fixed.length + json.length + parts.reduce((n, p) => n + p.length, 0);
  const padding = Buffer.alloc((4 - (textLength % 4)) % 4);
  return Buffer.concat([fixed, json, ...parts, padding, int32Bytes(graph.parentStart), int32Bytes(graph.parentIds), ids]);
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Partial<Header>;
  return (
    Number.isInteger(h.size) &&
    (h.size as number) >= 0 &&
    Number.isInteger(h.edges) &&
    (h.edges as number) >= 0 &&
    (h.idLength === 40 || h.idLength === 64) &&
    Array.isArray(h.commitParts) &&
    h.commitParts.every((n) => Number.isInteger(n) && n > 0) &&
    h.engine === ENGINE_BUILD
  );
}

/** JSON of a part of the file, or undefined when it does not parse. */
function parseJson(bytes: Buffer, from: number, to: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', from, to));
  } catch {
    // A damaged part: no cache, a full scan.
    return undefined;
  }
}

/**
 * The cache the bytes hold, checked as a cache from anywhere is, or undefined. Long steps run in
 * slices with `pause()` between them, so that no single step holds the thread long.
 */
export async function decodeScanCache(bytes: Buffer, pause: () => Promise<void>): Promise<ScanCache | undefined> {
  const fixed = MAGIC.length + 8;
  if (bytes.length < fixed || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.readUInt32LE(MAGIC.length) !== FORMAT) return undefined;
  const headerEnd = fixed + bytes.readUInt32LE(MAGIC.length + 4);
  if (headerEnd > bytes.length) return undefined;
  const header = parseJson(bytes, fixed, headerEnd);
  if (!isHeader(header)) return undefined;
  const { size, edges, idLength, commitParts, engine: _engine, ...rest } = header;
  // The commits, one part at a time: parsed and checked between pauses.
  const commits: Record<string, CachedCommit> = {};
  let at = headerEnd;
  for (const length of commitParts) {
    if (at + length > bytes.length) return undefined;
    await pause();
    const part = parseJson(bytes, at, at + length);
    if (typeof part !== 'object' || part === null || Array.isArray(part)) return undefined;
    const read: EncodedPart = { shas: [], commits: [], bytes: Buffer.from(bytes.subarray(at, at + length)) };
    for (const [sha, commit] of Object.entries(part as Record<string, unknown>)) {
      if (!isSha(sha) || !isCachedCommit(commit)) return undefined;
      commits[sha] = commit;
      read.shas.push(sha);
      read.commits.push(commit);
    }
    // The next file written (after a re-scan that adds commits) reuses the parts as they were read.
    if (read.commits.length > 0) encodedParts.set(read.commits[0] as CachedCommit, read);
    at += length;
  }
  const starts = at + ((4 - (at % 4)) % 4);
  const ids = starts + (size + 1 + edges) * 4;
  if (ids + (size * idLength) / 2 !== bytes.length) return undefined;
  await pause();
  const parentStart = int32From(bytes, starts, size + 1);
  const parentIds = int32From(bytes, starts + (size + 1) * 4, edges);
  // One hex string of every id, cut into ids in slices (each a view of it, no copy).
  const hex = bytes.toString('hex', ids, bytes.length);
  const shas = new Array<string>(size);
  for (let i = 0; i < size; i++) {
    shas[i] = hex.slice(i * idLength, (i + 1) * idLength);
    if (i % IDS_PER_SLICE === IDS_PER_SLICE - 1) await pause();
  }
  await pause();
  const graph = graphDataFromParts(shas, parentStart, parentIds);
  if (graph === null) return undefined;
  // The rest (refs, tips, counts) is checked as any cache is; its commits and graph are checked above.
  const cache: unknown = { ...rest, commits: {}, graph };
  if (!isScanCache(cache)) return undefined;
  encodedIds = { shas, bytes: Buffer.from(bytes.subarray(ids)) };
  cache.commits = commits;
  return cache;
}
