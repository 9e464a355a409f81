// The scan's shortcut: a record whose bytes show no id mark is not decoded or parsed. Pinned
// against the plain path (the same record as plain data, its message decoded and parsed): every
// message, pattern set and encoding oddity must give the same references either way.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { MessageRecord } from '../../src/core/gitPort';
import type { IdPatterns } from '../../src/core/linking/messageParser';
import { compileIdPatterns, DEFAULT_ID_PATTERNS, parseReferences } from '../../src/core/linking/messageParser';
import { emptyScanCache, recordCommit } from '../../src/core/linking/scan';
import { scanRecordStream } from '../../src/git/parsers/log';

const SHA = '54f82817fa914739f1059b6a3de5fb62b520ca21';

/** One `git rev-list --header --parents` record, as git prints it (message lines indented by four spaces). */
function revListBytes(message: Buffer): Buffer {
  const head = `${SHA}\ntree ${'e'.repeat(40)}\nauthor Ana <ana@example.com> 1704103200 +0000\ncommitter Bo <bo@example.com> 1704103300 +0000\n\n    `;
  const lines: Buffer[] = [];
  let at = 0;
  for (let nl = message.indexOf(10); nl >= 0; nl = message.indexOf(10, at)) {
    lines.push(message.subarray(at, nl + 1), Buffer.from('    '));
    at = nl + 1;
  }
  lines.push(message.subarray(at));
  return Buffer.concat([Buffer.from(head), ...lines, Buffer.from('\n\0')]);
}

function streamed(bytes: Buffer): MessageRecord {
  const out: MessageRecord[] = [];
  const stream = scanRecordStream((r) => out.push(r));
  stream.push(bytes);
  stream.end();
  assert.equal(out.length, 1);
  return out[0] as MessageRecord;
}

const plain = (r: MessageRecord): MessageRecord => ({ sha: r.sha, parents: r.parents, authorName: r.authorName, authorEmail: r.authorEmail, time: r.time, zone: r.zone, message: r.message });

function recorded(r: MessageRecord, patterns: IdPatterns): unknown {
  const cache = emptyScanCache(patterns);
  const any = recordCommit(cache, r, patterns);
  return { any, commits: cache.commits };
}

const PATTERN_SETS: IdPatterns[] = [
  DEFAULT_ID_PATTERNS,
  { keys: true, hashes: false, custom: [] },
  { keys: false, hashes: true, custom: [] },
  { keys: true, keyPrefixes: ['ACME', 'X_', 'shop'], hashes: true, custom: [] },
  { keys: true, keyPrefixes: ['CLIENTÉ'], hashes: true, custom: [] },
  { keys: true, hashes: true, custom: ['TICKET(\\d+)'] },
];

// Pieces that sit next to a mark: digits (ASCII and not), letters of both cases, look-alikes that
// NFC turns into ASCII (the Kelvin sign), bytes that are not UTF-8, line breaks (git indents after them).
const PIECES = ['#', '-', '0', '1', '42', '9', '٣', 'A', 'ACME', 'X_', 'shop', 'CLIENTÉ', 'CVE', 'z', 'é', 'K', '\u212A', ' ', '\n', '\n\n', 'Fixes ', 'fix ', 'no corrige ', ', ', '(', ')', 'Fixes: ', 'TICKET'];
// Pieces around a key's run and a hash: its neighbours, standard names, runs too long to be a key.
const KEY_PIECES = ['SHA', 'UTF', 'CP', 'B2', '2024', 'ABCDEFGHIJ', 'ABCDEFGHIJK', 'x86', '_', '&', '/', 'a', 'Z9', '-', '#', '0', '7'];
const message = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((a) => Buffer.from(a.join(''), 'utf8')),
  fc.array(fc.constantFrom(...PIECES, ...KEY_PIECES), { maxLength: 16 }).map((a) => Buffer.from(a.join(''), 'utf8')),
  fc.array(fc.oneof(fc.constantFrom(...PIECES).map((p) => Buffer.from(p, 'utf8')), fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => Buffer.from(b.filter((x) => x !== 0)))), { maxLength: 12 }).map((a) => Buffer.concat(a)),
);

describe('scan: messages without an id mark are not decoded', () => {
  it('gives the references the plain path gives, for any message and pattern set', () => {
    fc.assert(
      fc.property(message, fc.constantFrom(...PATTERN_SETS), (bytes, patterns) => {
        const record = streamed(revListBytes(bytes));
        assert.deepEqual(recorded(record, patterns), recorded(plain(record), patterns));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips decoding exactly when the message shows no mark, and never misses an id', () => {
    const marks = compileIdPatterns(DEFAULT_ID_PATTERNS).marks ?? [];
    const cases: [string, boolean][] = [
      ['Signed-off-by: Ana\nutf-8 and t5510-fetch', false],
      ['Fixes #12', true],
      ['See SHA-1', false],
      ['x\n-1 at a line start', false],
      ['Fixes\nACME-3', true],
      // What made one git/git message in ten show a mark: standard names, dates, lower case and long runs.
      ['SHA-256 and UTF-8, ISO-8859-1, CP-1252', false],
      ['Released 2024-06-01', false],
      ['t5510-fetch, x86-64, A-1', false],
      ['Ab-1, a_AB-1, ABCDEFGHIJK-1', false],
      ['(AB-1)', true],
      ['SHAX-1', true],
      ['ABCDEFGHIJ-1', true],
      // A character outside ASCII before the run may join the key in NFC: the wider net.
      ['\u212AA-1', true],
      ['issue#1, a&#1, /#1, #0', false],
      ['issue #1', true],
      ['(#9)', true],
    ];
    for (const [text, shows] of cases) {
      const record = streamed(revListBytes(Buffer.from(text, 'utf8')));
      assert.equal(record.hasIdMark?.(marks), shows, text);
      if (!shows) assert.deepEqual(parseReferences(record.message, DEFAULT_ID_PATTERNS), [], text);
    }
  });
});
