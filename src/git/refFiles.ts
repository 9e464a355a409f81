// The tips `git show-ref --head --dereference` lists (HEAD, refs/heads, refs/tags, refs/remotes,
// each with its fully peeled id), read from the files of git's "files" ref storage without a git
// process: a re-scan after one commit then costs no process start. It answers only when it is
// certain to give what show-ref would have given, and `null` otherwise (the caller runs show-ref):
// another ref storage, a lock being written, a file that changed while read, a name or content git
// would read differently, or an object whose existence or type is not known for certain.
//
// Objects: show-ref lists a ref only when its object exists, and peels tags by reading them. An
// object is known when an earlier show-ref listed it (objects never change; the memo is kept per
// common dir for the life of the process) or when it is a loose object file (a new local commit
// is one). An object that is neither (say a tag fetched into a pack) makes the answer `null`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { RefTip } from '../core/gitPort';
import { isFullSha } from '../core/sha';
import type { LooseRef, PackedRef } from './parsers/refStorage';
import { isRefName, objectsShownByShowRef, parseLooseRef, parseObjectStart, parsePackedRefs } from './parsers/refStorage';

/** Objects known to exist, each with its fully peeled id (`null`: not a tag). */
export type ObjectMemo = Map<string, string | null>;

const memos = new Map<string, ObjectMemo>();

/** The memo of one repository (by its common dir), shared by every port opened on it in this process. */
export function objectMemoFor(commonDir: string): ObjectMemo {
  const key = path.resolve(commonDir);
  let memo = memos.get(key);
  if (memo === undefined) {
    memo = new Map();
    memos.set(key, memo);
  }
  return memo;
}

/** Learns from show-ref's output which objects exist and what each peels to. */
export function learnFromShowRef(memo: ObjectMemo, text: string): void {
  for (const [id, peeled] of objectsShownByShowRef(text)) if (!memo.has(id)) memo.set(id, peeled);
}

// Why an answer cannot be given; caught once, at the top.
class Unsure extends Error {}

function unsure(why: string): never {
  throw new Unsure(why);
}

// Symbolic refs git follows at most (SYMREF_MAXDEPTH), and tags of tags we follow.
const MAX_SYMREF_DEPTH = 5;
const MAX_TAG_DEPTH = 10;
const LISTED = /^refs\/(heads|tags|remotes)\//;

/** The file's content, `undefined` when absent; anything but a regular file is unsure. */
function readRegular(file: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    unsure(`cannot read ${file}`);
  }
  if (!stat.isFile()) unsure(`not a regular file: ${file}`);
  try {
    return fs.readFileSync(file, 'latin1');
  } catch {
    unsure(`cannot read ${file}`);
  }
}

function stamp(file: string): string {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    unsure(`cannot stat ${file}`);
  }
}

// A loose ref is an id and a newline, or `ref: <name>`: anything longer than this is unsure.
const REF_FILE_MAX = 1024;
const refBuffer = Buffer.alloc(REF_FILE_MAX);

/**
 * A loose ref file the listing said is a regular file: open (never through a symbolic link, which
 * fails), read, close; `undefined` when deleted meanwhile. Three system calls, hundreds of refs.
 */
function readRefFile(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    unsure(`cannot read ${file}`);
  }
  try {
    const n = fs.readSync(fd, refBuffer, 0, REF_FILE_MAX, 0);
    if (n === REF_FILE_MAX) unsure(`a ref file too long: ${file}`);
    return refBuffer.toString('latin1', 0, n);
  } catch (e) {
    if (e instanceof Unsure) throw e;
    unsure(`cannot read ${file}`);
  } finally {
    fs.closeSync(fd);
  }
}

/** The loose refs under one directory of refs/, nested, as git lists them (names starting with `.` and `*.lock` files skipped). */
function readLooseDir(commonDir: string, prefix: string, out: Map<string, LooseRef>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(commonDir, prefix), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    unsure(`cannot list ${prefix}`);
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.endsWith('.lock')) continue;
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) readLooseDir(commonDir, `${name}/`, out);
    else if (!entry.isFile()) unsure(`not a file or folder: ${name}`);
    else {
      if (!isRefName(name)) unsure(`a name git refuses: ${name}`);
      const text = readRefFile(path.join(commonDir, name));
      // Deleted between the listing and the read: git, reading at that moment, would not list it either.
      if (text === undefined) continue;
      const ref = parseLooseRef(text);
      if (ref === null) unsure(`content git would not read as a ref: ${name}`);
      out.set(name, ref);
    }
  }
}

interface Reading {
  commonDir: string;
  memo: ObjectMemo;
  loose: Map<string, LooseRef>;
  packed: Map<string, PackedRef>;
  /** Peeled values packed-refs records (from the objects when it was written). */
  packedPeels: Map<string, string>;
}

/** A loose object's inflated start, `undefined` when there is no loose file for it. */
function looseObjectStart(commonDir: string, id: string): Buffer | undefined {
  const file = path.join(commonDir, 'objects', id.slice(0, 2), id.slice(2));
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    unsure(`cannot read object ${id}`);
  }
  try {
    const buf = Buffer.alloc(1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    // A prefix of the stream: a sync flush inflates what it holds (the header and a tag's first lines).
    return zlib.inflateSync(buf.subarray(0, n), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch {
    unsure(`cannot inflate object ${id}`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the object exists and what it fully peels to (`null`: not a tag), as git's peel_object finds it. */
function peelObject(r: Reading, id: string, depth = 0): string | null {
  const known = r.memo.get(id);
  if (known !== undefined) return known;
  if (r.memo.has(id)) return null;
  const start = looseObjectStart(r.commonDir, id);
  if (start === undefined) unsure(`object neither listed before nor loose: ${id}`);
  const parsed = parseObjectStart(start);
  if (parsed === null) unsure(`object git may read differently: ${id}`);
  let peeled: string | null = null;
  if (parsed.type === 'tag') {
    if (parsed.object.length !== id.length) unsure(`tag of another hash: ${id}`);
    if (parsed.objectType !== 'tag') peeled = parsed.object;
    else {
      if (depth >= MAX_TAG_DEPTH) unsure(`tags nested too deep: ${id}`);
      const inner = r.packedPeels.get(parsed.object) ?? peelObject(r, parsed.object, depth + 1);
      // A tag naming a tag that is not one: git fails to peel it; ask git.
      if (inner === null) unsure(`tag of a non-tag: ${id}`);
      peeled = inner;
    }
  }
  r.memo.set(id, peeled);
  return peeled;
}

/** What a ref name resolves to (through symbolic refs), `undefined` for none (dangling or absent). */
function resolve(r: Reading, name: string, depth = 0): string | undefined {
  if (!LISTED.test(name)) unsure(`a ref outside heads, tags and remotes: ${name}`);
  const loose = r.loose.get(name);
  if (loose === undefined) return r.packed.get(name)?.id;
  if ('id' in loose) return loose.id;
  if (depth >= MAX_SYMREF_DEPTH) unsure(`symbolic refs nested too deep: ${name}`);
  return resolve(r, loose.target, depth + 1);
}

/** One listed ref: its id, which must exist, and its peeled id when it is a tag. */
function tip(r: Reading, name: string, id: string, knownPeel?: string | null): RefTip {
  const peeled = peelObject(r, id);
  return { name, sha: (knownPeel === undefined ? peeled : knownPeel) ?? id };
}

function readAll(gitDir: string, commonDir: string, memo: ObjectMemo): RefTip[] {
  const config = readRegular(path.join(commonDir, 'config')) ?? '';
  if (/refstorage/i.test(config) || fs.existsSync(path.join(commonDir, 'reftable'))) unsure('another ref storage');
  const packedFile = path.join(commonDir, 'packed-refs');
  if (fs.existsSync(`${packedFile}.lock`)) unsure('packed-refs is being rewritten');
  const before = stamp(packedFile);
  // As git does: HEAD, then every loose ref, then packed-refs (so a ref moving into packed-refs meanwhile is seen in one or the other).
  const headText = readRegular(path.join(gitDir, 'HEAD'));
  if (headText === undefined) unsure('no HEAD');
  const head = parseLooseRef(headText);
  if (head === null) unsure('HEAD git would read differently');
  const loose = new Map<string, LooseRef>();
  for (const dir of ['heads', 'tags', 'remotes']) readLooseDir(commonDir, `refs/${dir}/`, loose);
  const packedText = readRegular(packedFile);
  if (stamp(packedFile) !== before || fs.existsSync(`${packedFile}.lock`)) unsure('packed-refs changed while read');
  const packedList = packedText === undefined ? [] : parsePackedRefs(packedText);
  if (packedList === null) unsure('packed-refs git would read differently');
  const packed = new Map(packedList.map((p) => [p.name, p]));
  const packedPeels = new Map(packedList.flatMap((p) => (typeof p.peeled === 'string' ? [[p.id, p.peeled] as const] : [])));
  const r: Reading = { commonDir, memo, loose, packed, packedPeels };

  const out: RefTip[] = [];
  // HEAD: show-ref --head lists it when it resolves (not on an unborn branch), peeled like any object.
  const headId = 'id' in head ? head.id : resolve(r, head.target);
  if (headId !== undefined) out.push(tip(r, 'HEAD', headId));
  const names = [...new Set([...loose.keys(), ...packed.keys()])].filter((n) => LISTED.test(n));
  // show-ref's order: by name, byte by byte.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const l = loose.get(name);
    if (l !== undefined) {
      // A loose ref hides a packed one; a symbolic one is listed under its target's id, or not at all when dangling.
      const id = 'id' in l ? l.id : resolve(r, l.target, 1);
      if (id !== undefined) out.push(tip(r, name, id));
      continue;
    }
    const p = packed.get(name) as PackedRef;
    out.push(tip(r, name, p.id, p.peeled));
  }
  for (const t of out) if (!isFullSha(t.sha)) unsure(`not an object id: ${t.sha}`);
  return out;
}

/**
 * The tips as `parseShowRefTips(git show-ref --head --dereference)` gives them, read from the ref
 * files of `gitDir` (the worktree's: its HEAD) and `commonDir` (the shared refs and objects), or
 * `null` when that answer is not certain. Runs no git and reads nothing outside those two folders.
 */
export function readRefFiles(gitDir: string, commonDir: string, memo: ObjectMemo): RefTip[] | null {
  try {
    return readAll(gitDir, commonDir, memo);
  } catch (e) {
    if (e instanceof Unsure) return null;
    throw e;
  }
}
