// The files of git's "files" ref storage and the start of a loose object, read as git reads them
// (refs/files-backend.c, refs/packed-backend.c, tag.c). Every parser here is strict: anything git
// would read differently, warn about or refuse is `null`, and the caller asks git instead.
import { isFullSha } from '../../core/sha';

/** A loose ref file: an object id, or a symbolic ref naming another ref. */
export type LooseRef = { id: string } | { target: string };

/** A loose ref's content: `<id>\n` or `ref: <name>\n` (git trims trailing white space first). */
export function parseLooseRef(text: string): LooseRef | null {
  const body = text.replace(/\s+$/, '');
  if (body.startsWith('ref:')) {
    const target = body.slice(4).replace(/^\s+/, '');
    return isRefName(target) ? { target } : null;
  }
  return isFullSha(body) ? { id: body } : null;
}

/**
 * A ref name git accepts (check_refname_format with one-level names allowed), checked a little
 * more strictly: no control or non-ASCII characters. A name refused here makes the caller ask git.
 */
export function isRefName(name: string): boolean {
  if (name === '' || name === '@' || name.endsWith('.') || name.includes('..') || name.includes('@{')) return false;
  if (!/^[\x21-\x7e]+$/.test(name) || /[~^:?*[\\]/.test(name)) return false;
  return name.split('/').every((c) => c !== '' && !c.startsWith('.') && !c.endsWith('.lock'));
}

export interface PackedRef {
  name: string;
  id: string;
  /** What git knows of its peeled value without reading the object: an id, `null` (not a tag), or `undefined` (read the object). */
  peeled: string | null | undefined;
}

/**
 * `packed-refs`: an optional `# pack-refs with: <traits>` header, then `<id> <name>` lines, each
 * optionally followed by `^<peeled id>`. The traits say what a missing `^` line means: with
 * `fully-peeled`, that the ref is not peelable; with `peeled`, the same for refs under refs/tags/
 * only; with neither, nothing (the object must be read). Refs come back in the file's order.
 */
export function parsePackedRefs(text: string): PackedRef[] | null {
  const lines = text.split('\n');
  // git refuses a file whose last line is not terminated.
  if (lines.pop() !== '') return null;
  let traits: string[] = [];
  if (lines[0]?.startsWith('#')) {
    const header = lines.shift() as string;
    if (!header.startsWith('# pack-refs with:')) return null;
    traits = header.slice('# pack-refs with:'.length).split(' ');
  }
  const fully = traits.includes('fully-peeled');
  const tags = !fully && traits.includes('peeled');
  const out: PackedRef[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.startsWith('^')) {
      const last = out[out.length - 1];
      const id = line.slice(1);
      if (last === undefined || !isFullSha(id) || id.length !== last.id.length || (last.peeled !== undefined && last.peeled !== null)) return null;
      last.peeled = id;
      continue;
    }
    const space = line.indexOf(' ');
    const id = line.slice(0, space);
    const name = line.slice(space + 1);
    if (space < 0 || !isFullSha(id) || !isRefName(name) || seen.has(name)) return null;
    seen.add(name);
    out.push({ name, id, peeled: fully || (tags && name.startsWith('refs/tags/')) ? null : undefined });
  }
  return out;
}

/** What a loose object's start says: its type, and for a tag the object it names and that object's type. */
export type ObjectStart = { type: 'commit' | 'tree' | 'blob' } | { type: 'tag'; object: string; objectType: string };

/** The inflated start of a loose object (`<type> <size>\0` then, for a tag, its `object` and `type` lines, in that order as git requires). */
export function parseObjectStart(data: Buffer): ObjectStart | null {
  const nul = data.indexOf(0);
  if (nul < 0) return null;
  const m = /^(commit|tree|blob|tag) (\d+)$/.exec(data.subarray(0, nul).toString('latin1'));
  if (m === null) return null;
  const type = m[1] as 'commit' | 'tree' | 'blob' | 'tag';
  if (type !== 'tag') return { type };
  const lines = data.subarray(nul + 1, nul + 200).toString('latin1').split('\n');
  // Both lines whole (a newline after the type line): a cut-off start is no answer.
  if (lines.length < 3) return null;
  const [objectLine = '', typeLine = ''] = lines;
  const object = objectLine.startsWith('object ') ? objectLine.slice(7) : '';
  const objectType = typeLine.startsWith('type ') ? typeLine.slice(5) : '';
  if (!isFullSha(object) || !['commit', 'tree', 'blob', 'tag'].includes(objectType)) return null;
  return { type, object, objectType };
}

/** Whether `text` is a line of `show-ref` output for a peeled value (`<id> <name>^{}`). */
function peeledLine(line: string | undefined, name: string): string | undefined {
  if (line === undefined || !line.endsWith(`${name}^{}`) || line.length !== line.indexOf(' ') + 1 + name.length + 3) return undefined;
  const id = line.slice(0, line.indexOf(' '));
  return isFullSha(id) ? id : undefined;
}

/**
 * What `git show-ref --dereference` output proves about objects: each listed id exists (show-ref
 * dies on a missing one), and is a tag peeling to the id on the `^{}` line after it, or is not a tag
 * (no such line). Returned as id → peeled id or `null`.
 */
export function objectsShownByShowRef(text: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const space = line.indexOf(' ');
    const id = line.slice(0, space);
    const name = line.slice(space + 1);
    if (space < 0 || !isFullSha(id) || name.endsWith('^{}')) continue;
    const peeled = peeledLine(lines[i + 1], name);
    out.set(id, peeled ?? null);
    if (peeled !== undefined) i++;
  }
  return out;
}
