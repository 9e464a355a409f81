// The scan's read is parsed on git's bytes: only a marked commit becomes a record with strings,
// every other commit reaches the graph as its id line, and the marks are searched across messages
// with one cursor per mark. Pinned against the plain reading of the same records (each commit read
// in full alone, as rev-list --header prints it), whatever the chunks, and the typed id index
// against a Map.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { IdMark, MessageRecord } from '../../src/core/gitPort';
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
  /** The author line's text as git stores it: `name <email> seconds zone`. */
  author: string;
  message: string;
}

// Names with marks, accents and spaces (an author's name is never tested for marks).
const author = fc
  .record({ name: fc.constantFrom('Ana Dev', 'José Núñez', 'ACME-1 Bot', '#12 Team', ''), email: fc.constantFrom('a@b', 'x-1@y.example', ''), time: fc.nat(2 ** 31), zone: fc.constantFrom('+0000', '-0530', '+1400') })
  .map((a) => `${a.name} <${a.email}> ${a.time} ${a.zone}`);

const commits = (idLength: number): fc.Arbitrary<Commit[]> =>
  fc.array(fc.record({ sha: hexId(idLength), parents: fc.array(hexId(idLength), { maxLength: 3 }), author, message }), { minLength: 1, maxLength: 12 });

/** The scan's read (`log -z --date=raw --format=%H %P%n%an <%ae> %ad%n%B`): a root commit's line ends in a space; a stored message ends with a newline. */
function readBytes(list: Commit[]): Buffer {
  return Buffer.from(list.map((c) => `${c.sha} ${c.parents.join(' ')}\n${c.author}\n${c.message}\n\0`).join(''), 'utf8');
}

/**
 * The same commit as a read in full prints it (`rev-list --header --parents`): each message line
 * indented, its trailing white space dropped, and the blank lines before the first and after the last.
 */
function fullRecordBytes(c: Commit): Buffer {
  const head = [c.sha, ...c.parents].join(' ');
  const lines = c.message.split('\n').map((line) => line.replace(/[ \t\r]+$/, ''));
  while (lines[0] === '') lines.shift();
  while (lines.at(-1) === '') lines.pop();
  const indented = lines.map((line) => `    ${line}\n`).join('');
  return Buffer.from(`${head}\ntree ${'e'.repeat(c.sha.length)}\nauthor ${c.author}\ncommitter A <a@b> 1 +0000\n\n${indented}\0`, 'utf8');
}

/** What a record tells, as plain values. */
function factsOf(r: MessageRecord): unknown[] {
  return [r.sha, r.parents, r.authorName, r.authorEmail, r.time, r.zone, r.message];
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

function firstRead(chunks: Buffer[], marks: readonly IdMark[]): { marked: unknown[][]; lines: [string, string[]][] } {
  const marked: unknown[][] = [];
  const lines: [string, string[]][] = [];
  const stream = markedCommitStream(marks, {
    marked: (record) => marked.push(factsOf(record)),
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

/** The plain reading: the record read in full, alone, its bytes tested for a mark. */
function readAlone(c: Commit, marks: readonly IdMark[]): { shows: boolean; facts: unknown[] } {
  let read: { shows: boolean; facts: unknown[] } | undefined;
  const stream = scanRecordStream((r) => (read = { shows: r.hasIdMark?.(marks) === true, facts: factsOf(r) }));
  stream.push(fullRecordBytes(c));
  stream.end();
  assert.notEqual(read, undefined);
  return read as { shows: boolean; facts: unknown[] };
}

const markedAlone = (c: Commit, marks: readonly IdMark[]): boolean => readAlone(c, marks).shows;

describe('the scan read on bytes', () => {
  const marks = compileIdPatterns(DEFAULT_ID_PATTERNS).marks ?? [];
  const withPrefixes = compileIdPatterns({ keys: true, keyPrefixes: ['ACME'], hashes: true, custom: [] }).marks ?? [];

  it('hands over the commits the plain reading marks with its facts, and every other one with its parents, however the output is cut', () => {
    fc.assert(
      fc.property(fc.oneof(commits(40), commits(64)), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (list, points, prefixed) => {
        const m = prefixed ? withPrefixes : marks;
        const got = firstRead(cut(readBytes(list), points), m);
        const expectedMarked = list.filter((c) => markedAlone(c, m)).map((c) => readAlone(c, m).facts);
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
    const who = 'A <a@b> 1 +0000';
    const bytes = Buffer.from(`${'A'.repeat(40)} \n${who}\nupper case\0${'b'.repeat(40)} ${'c'.repeat(39)}\n${who}\nshort parent\0${good} \n${who}\nplain\0`);
    assert.deepEqual(firstRead([bytes], marks), { marked: [], lines: [[good, []]] });
  });

  it('finds a mark in the message after a long run of messages without one in the same chunk', () => {
    const list: Commit[] = Array.from({ length: 50 }, (_, i) => ({ sha: i.toString(16).padStart(40, '0'), parents: [], author: 'Ana <a@b> 1 +0000', message: i === 49 ? 'Fixes #12' : 'a-b c-d' }));
    const got = firstRead([readBytes(list)], marks);
    assert.deepEqual(
      got.marked.map((facts) => facts[0]),
      [list[49]?.sha],
    );
  });

  it('never reads a mark in the author line', () => {
    const list: Commit[] = [{ sha: 'a'.repeat(40), parents: [], author: 'ACME-12 Bot <bot-7@example.com> 1 +0000', message: 'Refresh #\n' }];
    assert.deepEqual(firstRead([readBytes(list)], marks).marked, []);
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
        stream.push(readBytes(list));
        stream.end();
        assert.deepEqual(fromLines.data, fromStrings.data);
        assert.equal(fromLines.missingParents, fromStrings.missingParents);
      }),
      { numRuns: 200 },
    );
  });
});
