// The scan's first read is parsed on git's bytes: only a marked commit's id becomes a string, every
// other commit reaches the graph as its id line, and the marks are searched across messages with
// one cursor per mark. Pinned against the plain reading of the same records (each message tested
// alone, each id line split into strings), whatever the chunks, and the typed id index against a Map.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { IdMark } from '../../src/core/gitPort';
import { CommitGraphBuilder } from '../../src/core/linking/commitGraphData';
import { CommitIdIndex } from '../../src/core/linking/commitIdIndex';
import { compileIdPatterns, DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { markedCommitStream, scanRecordStream } from '../../src/git/parsers/log';

const hexId = (length: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: length, maxLength: length }).map((a) => a.join(''));

// Messages built from what sits around marks: keys, hashes, dashes without digits, standard names.
const PIECES = ['#', '-', '1', '42', 'ACME', 'SHA', 'CVE', 'Signed-off-by: A <a@b>', 'z', 'é', ' ', '\n', '\n\n', 'Fixes ', '(', ')', 'x86', '&', 'B2'];
const message = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((a) => a.join(''));

interface Commit {
  sha: string;
  parents: string[];
  message: string;
}

const commits = (idLength: number): fc.Arbitrary<Commit[]> =>
  fc.array(fc.record({ sha: hexId(idLength), parents: fc.array(hexId(idLength), { maxLength: 3 }), message }), { minLength: 1, maxLength: 12 });

/** The first read's output (`log -z --format=%H %P%n%B`): a root commit's line ends in a space. */
function firstReadBytes(list: Commit[]): Buffer {
  return Buffer.from(list.map((c) => `${c.sha} ${c.parents.join(' ')}\n${c.message}\0`).join(''), 'utf8');
}

/** The same commit as the second read prints it (`rev-list --header --parents`, message indented). */
function fullRecordBytes(c: Commit): Buffer {
  const head = [c.sha, ...c.parents].join(' ');
  const indented = c.message.split('\n').map((line) => `    ${line}`).join('\n');
  return Buffer.from(`${head}\ntree ${'e'.repeat(c.sha.length)}\nauthor A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000\n\n${indented}\n\0`, 'utf8');
}

/** The bytes cut at the given points (any byte, even inside a character). */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of at) {
    out.push(Buffer.from(bytes.subarray(from, p)));
    from = p;
  }
  out.push(Buffer.from(bytes.subarray(from)));
  return out;
}

function firstRead(chunks: Buffer[], marks: readonly IdMark[]): { marked: string[]; lines: [string, string[]][] } {
  const marked: string[] = [];
  const lines: [string, string[]][] = [];
  const stream = markedCommitStream(marks, {
    marked: (sha) => marked.push(sha),
    other: {
      addLine(bytes, start, idLength, parentCount) {
        const id = (k: number): string => Buffer.from(bytes.subarray(start + k * (idLength + 1), start + k * (idLength + 1) + idLength)).toString('latin1');
        lines.push([id(0), Array.from({ length: parentCount }, (_, k) => id(k + 1))]);
      },
    },
  });
  for (const c of chunks) stream.push(c);
  stream.end();
  return { marked, lines };
}

/** Whether the plain reading finds a mark: the record read in full, alone, its bytes tested. */
function markedAlone(c: Commit, marks: readonly IdMark[]): boolean {
  let shows: boolean | undefined;
  const stream = scanRecordStream((r) => (shows = r.hasIdMark?.(marks)));
  stream.push(fullRecordBytes(c));
  stream.end();
  assert.notEqual(shows, undefined);
  return shows as boolean;
}

describe('the scan first read on bytes', () => {
  const marks = compileIdPatterns(DEFAULT_ID_PATTERNS).marks ?? [];
  const withPrefixes = compileIdPatterns({ keys: true, keyPrefixes: ['ACME'], hashes: true, custom: [] }).marks ?? [];

  it('marks the commits the plain reading marks and hands every other one over with its parents, however the output is cut', () => {
    fc.assert(
      fc.property(fc.oneof(commits(40), commits(64)), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (list, points, prefixed) => {
        const m = prefixed ? withPrefixes : marks;
        const got = firstRead(cut(firstReadBytes(list), points), m);
        const expectedMarked = list.filter((c) => markedAlone(c, m)).map((c) => c.sha);
        assert.deepEqual(got.marked, expectedMarked);
        assert.deepEqual(
          got.lines,
          list.filter((c) => !markedAlone(c, m)).map((c) => [c.sha, c.parents]),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('skips a record whose id line is not ids of one length, and keeps reading after it', () => {
    const good = 'a'.repeat(40);
    const bytes = Buffer.from(`${'A'.repeat(40)} \nupper case\0${'b'.repeat(40)} ${'c'.repeat(39)}\nshort parent\0${good} \nplain\0`);
    assert.deepEqual(firstRead([bytes], marks), { marked: [], lines: [[good, []]] });
  });

  it('finds a mark in the message after a long run of messages without one in the same chunk', () => {
    const list: Commit[] = Array.from({ length: 50 }, (_, i) => ({ sha: i.toString(16).padStart(40, '0'), parents: [], message: i === 49 ? 'Fixes #12' : 'a-b c-d' }));
    const got = firstRead([firstReadBytes(list)], marks);
    assert.deepEqual(got.marked, [list[49]?.sha]);
  });
});

describe('commit id index', () => {
  it('numbers ids as a Map would, for ids that share their first and last digits too', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hexId(40), fc.nat(300).map((n) => n.toString(16).padStart(40, '0')), hexId(64)), { maxLength: 3000 }), (ids) => {
        const index = new CommitIdIndex(4);
        const map = new Map<string, number>();
        for (const id of ids) {
          const expected = map.get(id) ?? map.size;
          map.set(id, expected);
          assert.equal(index.add(id), expected);
        }
        assert.equal(index.size, map.size);
        for (const [id, n] of map) {
          assert.equal(index.get(id), n);
          assert.equal(index.idAt(n), id);
        }
        assert.deepEqual(index.idsOf([...map.values()], map.size), [...map.keys()]);
        assert.equal(index.get('f'.repeat(40)), map.get('f'.repeat(40)));
        assert.equal(index.get('not an id'), undefined);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the graph built from id lines the graph built from strings', () => {
    fc.assert(
      fc.property(commits(40), (list) => {
        const fromStrings = new CommitGraphBuilder();
        for (const c of list) fromStrings.add(c.sha, c.parents);
        const fromLines = new CommitGraphBuilder();
        const stream = markedCommitStream([], { marked: () => assert.fail('no marks'), other: fromLines });
        stream.push(firstReadBytes(list));
        stream.end();
        assert.deepEqual(fromLines.data, fromStrings.data);
        assert.equal(fromLines.missingParents, fromStrings.missingParents);
      }),
      { numRuns: 200 },
    );
  });
});
