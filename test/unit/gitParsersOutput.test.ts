// The parsers of git output, on literal fixtures copied from real git (2.39), including truncated
// and odd records, and property tests that they never throw.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { commitFromRecord, subjectOf } from '../../src/core/commitRecord';
import { parseBlamePorcelain } from '../../src/git/parsers/blame';
import { parseDiff, unquotePath } from '../../src/git/parsers/diff';
import { commitFormat, parseCommitPatches, parseCommits } from '../../src/git/parsers/commits';
import { scanRecordStream } from '../../src/git/parsers/log';
import { parseFollowLog } from '../../src/git/parsers/followLog';
import { parseNameStatus, parseNulList, parseRenames } from '../../src/git/parsers/nameStatus';
import { declareFormat } from '../../src/git/parsers/records';
import { parseRefs, parseShowRefTips, parseTags, tagFormat } from '../../src/git/parsers/refs';
import { parseTouchedLog } from '../../src/git/parsers/touchedLog';
import type { MessageRecord } from '../../src/core/gitPort';

// The separators git prints for our formats (NUL-led, the record one with this process's nonce).
const RS = commitFormat.separators.record;
const FS = commitFormat.separators.field;
const SHA1 = '54f82817fa914739f1059b6a3de5fb62b520ca21';
const SHA2 = '0375bce95b780f27230e28c2e5c00abfa05c2864';
const SHA3 = 'b0b31d30a3b68145b7c7b84d97126b4ce36575fd';

function record(sha: string, parents: string, subject: string, body: string): string {
  return `${RS}${sha}${FS}${parents}${FS}Ana Dev${FS}ana@example.com${FS}2024-01-01T12:00:00+01:00${FS}${subject}${FS}${body}\n${FS}\n`;
}

const DIFF = [
  'diff --git a/added.txt b/added.txt',
  'new file mode 100644',
  'index 0000000..8ba3a16',
  '--- /dev/null',
  '+++ b/added.txt',
  '@@ -0,0 +1 @@',
  '+n',
  'diff --git a/bin.dat b/bin.dat',
  'index bdc955b..8835708 100644',
  'Binary files a/bin.dat and b/bin.dat differ',
  'diff --git a/f.txt b/f.txt',
  'index de98044..f8f7a32 100644',
  '--- a/f.txt',
  '+++ b/f.txt',
  '@@ -2 +2 @@ a',
  '-b',
  '+B',
  '@@ -3,0 +4 @@ c',
  '+d',
  '\\ No newline at end of file',
  'diff --git a/old.txt "b/new \\303\\251.txt"',
  'similarity index 50%',
  'rename from old.txt',
  'rename to "new \\303\\251.txt"',
  'index 587be6b..b77b4eb 100644',
  '--- a/old.txt',
  '+++ "b/new \\303\\251.txt"',
  '@@ -1,0 +2 @@ x',
  '+y',
  '',
].join('\n');

const BLAME = [
  `${SHA3} 1 1 1`,
  'author A',
  'author-mail <a@x>',
  'author-time 1704103200',
  'author-tz +0100',
  'committer A',
  'committer-mail <a@x>',
  'committer-time 1704103200',
  'committer-tz +0100',
  'summary init',
  'boundary',
  'filename old.txt',
  '\tx',
  `${SHA2} 2 2 2`,
  'author Bob Other',
  'author-mail <bob@client.example>',
  'author-time 1704110400',
  'author-tz -0230',
  'committer A',
  'committer-mail <a@x>',
  'committer-time 1704110400',
  'committer-tz +0000',
  'summary two',
  `previous ${SHA3} old.txt`,
  'filename "new \\303\\251.txt"',
  '\ty',
  `${SHA2} 3 3`,
  '\tz',
  '',
].join('\n');


/**
 * A record as `git rev-list --header --parents` prints it: id and parents, the commit's header
 * lines, a blank line, the message with every line indented by four spaces, one NUL.
 */
function revListRecord(sha: string, parents: string, author: string, message: string): string {
  const parentLines = parents === '' ? '' : parents.split(' ').map((p) => `parent ${p}\n`).join('');
  const body = message.split('\n').map((line) => `    ${line}`).join('\n');
  return `${sha}${parents === '' ? '' : ` ${parents}`}\ntree ${'e'.repeat(40)}\n${parentLines}author ${author}\ncommitter Bo <bo@example.com> 1704103300 +0000\n\n${body}\n\0`;
}
describe('git parsers', () => {
  describe('declared formats', () => {
    it('generates the --format argument from the field mapping', () => {
      const nonce = RS.slice(1, -1);
      assert.match(nonce, /^[0-9a-f]{16}$/);
      assert.equal(commitFormat.format, `%x00${nonce}%x1e%H%x00%x1d%P%x00%x1d%an%x00%x1d%ae%x00%x1d%aI%x00%x1d%s%x00%x1d%B%x00%x1d`);
      assert.equal(tagFormat.format, `%00${nonce}%1e%(refname)%00%1d%(creatordate:iso-strict)%00%1d%(objectname)%00%1d%(*objectname)%00%1d`);
    });

    it('drops a truncated last record; what follows the last field is the record tail (a patch)', () => {
      const f = declareFormat({ a: '%a', b: '%b' });
      const text = `${RS}1${FS}x${FS}y${FS}\n${RS}2${FS}tail`;
      assert.deepEqual(f.parse(text).map((r) => [r.fields, r.rest]), [[{ a: '1', b: 'x' }, `y${FS}\n`]]);
    });

    it('reads the old 0x1E/0x1D separators, a bare NUL and a guessed nonce as field text', () => {
      const f = declareFormat({ a: '%a', b: '%b' });
      const text = `${RS}1${FS}x\x1e2\x1dy\0\x1e\0${'0'.repeat(16)}\x1ez${FS}`;
      assert.deepEqual(f.parse(text).map((r) => r.fields), [{ a: '1', b: `x\x1e2\x1dy\0\x1e\0${'0'.repeat(16)}\x1ez` }]);
    });
  });

  describe('commits', () => {
    it('parses log records: parents, author, date, subject, full message', () => {
      const text = record(SHA1, SHA2, 'Fix crash', 'Fix crash\n\nFixes ACME-12') + record(SHA2, `${SHA3} ${SHA1}`, 'Merge', 'Merge');
      const commits = parseCommits(text);
      assert.equal(commits.length, 2);
      assert.deepEqual(commits[0], {
        sha: SHA1,
        parents: [SHA2],
        authorName: 'Ana Dev',
        authorEmail: 'ana@example.com',
        date: '2024-01-01T12:00:00+01:00',
        subject: 'Fix crash',
        message: 'Fix crash\n\nFixes ACME-12',
      });
      assert.deepEqual(commits[1]?.parents, [SHA3, SHA1]);
    });

    it('parses a root commit (no parents)', () => {
      assert.deepEqual(parseCommits(record(SHA1, '', 'Initial', 'Initial'))[0]?.parents, []);
    });

    it('ignores a record cut in the middle of its message', () => {
      const full = record(SHA1, '', 'One', 'One');
      const cut = record(SHA2, '', 'Two', 'Two\n\nlong body').slice(0, -8);
      assert.deepEqual(parseCommits(full + cut).map((c) => c.sha), [SHA1]);
    });

    it('ignores records whose sha is not hex, and text before the first record', () => {
      assert.deepEqual(parseCommits(`warning: junk\n${record('not-a-sha', '', 's', 'b')}`), []);
    });

    it('keeps the patch that follows each record in log -p output', () => {
      const text = record(SHA1, SHA2, 'Fix', 'Fix') + '\n' + DIFF + record(SHA2, '', 'Root', 'Root');
      const patches = parseCommitPatches(text);
      assert.deepEqual(patches.map((p) => [p.commit.sha, p.files.length]), [[SHA1, 4], [SHA2, 0]]);
    });
  });

  describe('the log that follows a file', () => {
    // `git log --reverse -M -z --name-status --format=@%H %P -- src/a.js`, as git 2.39 prints it.
    const log = [`@${SHA1} ${SHA2}`, '\nM', 'src/a.js', `@${SHA2} ${SHA3}`, '\nR087', 'src/a.js', 'lib/a.js', 'A', 'lib/b.js', `@${SHA3}`, '\nD', 'lib/a.js', ''].join('\0');

    it('finds the first commit that renamed the path, with the files it added', () => {
      assert.deepEqual(parseFollowLog(log, 'src/a.js'), { commit: SHA2, parent: SHA3, status: 'R', to: 'lib/a.js', added: ['lib/b.js'] });
      assert.deepEqual(parseFollowLog(log, 'lib/a.js'), { commit: SHA3, parent: null, status: 'D', to: null, added: [] });
      assert.equal(parseFollowLog(log, 'other.js'), null);
    });

    it('reads a path that looks like a header as a path, and drops a truncated record', () => {
      const odd = [`@${SHA1} ${SHA2}`, '\nD', `@${SHA3} ${SHA2}`, ''].join('\0');
      assert.deepEqual(parseFollowLog(odd, `@${SHA3} ${SHA2}`), { commit: SHA1, parent: SHA2, status: 'D', to: null, added: [] });
      assert.equal(parseFollowLog(log.slice(0, log.indexOf('lib/a.js')), 'src/a.js'), null);
    });
  });

  describe('the paths each commit changed', () => {
    it('reads each commit with its paths, a path that looks like a header as a path', () => {
      // `git log -z --name-status --no-renames --full-diff --format=@%H -- …`, as git 2.39 prints it.
      const log = [`@${SHA1}`, '\nM', 'src/a.js', 'A', `@${SHA3}`, 'D', 'old name.js', `@${SHA2}`, '\nT', 'link', ''].join('\0');
      assert.deepEqual(parseTouchedLog(log), [
        { sha: SHA1, paths: ['src/a.js', `@${SHA3}`, 'old name.js'] },
        { sha: SHA2, paths: ['link'] },
      ]);
      assert.deepEqual(parseTouchedLog(''), []);
    });
  });

  describe('scan records, streamed', () => {
    // `--date=raw --format=%H %P%n%an%n%ae%n%ad%n%B%x00` (tformat adds a newline after each record).
    const scanRecord = (sha: string, parents: string, message: string): string => revListRecord(sha, parents, 'Ana Dev <ana@example.com> 1704103200 -0230', message);
    const messages: [string, string, string][] = [
      [SHA1, `${SHA2} ${SHA3}`, 'Fix crash\nin login\n\nFixes ACME-1'],
      [SHA2, SHA3, 'Ver señal ñ ACME-2'],
      [SHA3, '', 'Last'],
    ];
    const output = messages.map(([sha, parents, message]) => scanRecord(sha, parents, message)).join('');

    function streamed(chunks: (string | Buffer)[]): MessageRecord[] {
      const out: MessageRecord[] = [];
      const stream = scanRecordStream((r) => out.push(r));
      for (const c of chunks) stream.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
      stream.end();
      return out;
    }

    /** A record's fields as plain data (records read their fields from the bytes they were cut from). */
    const plain = (r: MessageRecord): MessageRecord => ({ sha: r.sha, parents: r.parents, authorName: r.authorName, authorEmail: r.authorEmail, time: r.time, zone: r.zone, message: r.message });

    it('reads raw dates and turns a record into commit facts (ISO date in its zone, git-style subject)', () => {
      const records = streamed([output]);
      const [first] = records;
      assert.deepEqual([first?.authorName, first?.authorEmail, first?.time, first?.zone], ['Ana Dev', 'ana@example.com', '1704103200', '-0230']);
      assert.deepEqual(
        records.map((r) => r.parents),
        [[SHA2, SHA3], [SHA3], []],
        'parents of a merge, a commit and a root',
      );
      assert.deepEqual(
        records.map((r) => r.message),
        messages.map(([, , m]) => `${m}\n`),
      );
      const commit = commitFromRecord(first as MessageRecord);
      assert.deepEqual([commit.date, commit.subject, commit.message], ['2024-01-01T07:30:00-02:30', 'Fix crash in login', 'Fix crash\nin login\n\nFixes ACME-1']);
      assert.equal(subjectOf('\n\n  One\n  two  \n\nbody'), 'One two');
    });

    it('gives the same records however the output is cut into pieces, inside a character too', () => {
      const whole = streamed([output]).map(plain);
      assert.equal(whole.length, 3);
      const bytes = Buffer.from(output, 'utf8');
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 }), (cuts) => {
          const points = [...new Set(cuts)].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let at = 0;
          for (const p of points) {
            chunks.push(bytes.subarray(at, p));
            at = p;
          }
          chunks.push(bytes.subarray(at));
          assert.deepEqual(streamed(chunks).map(plain), whole);
        }),
      );
    });

    it('drops a cut last record, and a record without its header lines', () => {
      assert.deepEqual(streamed([output.slice(0, -10)]).map((r) => r.sha), [SHA1, SHA2]);
      assert.deepEqual(streamed([output.slice(0, -2)]).map((r) => r.sha), [SHA1, SHA2]);
      assert.deepEqual(streamed([`${SHA1.slice(1)}\n\0${scanRecord(SHA2, '', 'x')}`]).map((r) => r.sha), [SHA2]);
      assert.deepEqual(streamed([`${SHA1} ${SHA2.slice(2)}\n\0${scanRecord(SHA2, '', 'x')}`]).map((r) => r.sha), [SHA2]);
    });
  });

  describe('diffs', () => {
    const files = parseDiff(DIFF);

    it('reads added, binary, modified and renamed files', () => {
      assert.deepEqual(
        files.map((f) => [f.path, f.oldPath, f.status, f.binary]),
        [
          ['added.txt', null, 'A', false],
          ['bin.dat', null, 'M', true],
          ['f.txt', null, 'M', false],
          ['new é.txt', 'old.txt', 'R', false],
        ],
      );
    });

    it('numbers added lines on the new side and removed lines on the old side, by hunk', () => {
      const f = files[2];
      assert.deepEqual(f?.removed, [{ line: 2, text: 'b', hunk: 0 }]);
      assert.deepEqual(f?.added, [
        { line: 2, text: 'B', hunk: 0 },
        { line: 4, text: 'd', hunk: 1 },
      ]);
      assert.deepEqual(files[3]?.added, [{ line: 2, text: 'y', hunk: 0 }]);
    });

    it('reads deleted files and names with spaces (trailing tab)', () => {
      const deleted = parseDiff('diff --git a/f.txt b/f.txt\ndeleted file mode 100644\n--- a/f.txt\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n');
      assert.deepEqual(deleted.map((f) => [f.path, f.status, f.removed.length]), [['f.txt', 'D', 2]]);
      const spaced = parseDiff('diff --git a/my file.txt b/my file.txt\n--- a/my file.txt\t\n+++ b/my file.txt\t\n@@ -1 +1 @@\n-a\n+b\n');
      assert.equal(spaced[0]?.path, 'my file.txt');
    });

    it('reads a pure rename and a binary file from the diff header alone', () => {
      const pure = parseDiff('diff --git a/a.txt b/b.txt\nsimilarity index 100%\nrename from a.txt\nrename to b.txt\n');
      assert.deepEqual(pure.map((f) => [f.path, f.oldPath, f.status]), [['b.txt', 'a.txt', 'R']]);
      const bin = parseDiff('diff --git a/x y.png b/x y.png\nindex 1..2 100644\nBinary files a/x y.png and b/x y.png differ\n');
      assert.deepEqual(bin.map((f) => [f.path, f.binary]), [['x y.png', true]]);
    });

    it('keeps what it read of a truncated hunk', () => {
      const cut = parseDiff('diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n-a\n+b\n-');
      assert.deepEqual(cut[0]?.added.map((l) => l.text), ['b']);
    });

    it('unquotes C-style quoted paths', () => {
      assert.equal(unquotePath('"new \\303\\251.txt"'), 'new é.txt');
      assert.equal(unquotePath('"tab\\there \\"q\\" back\\\\"'), 'tab\there "q" back\\');
      assert.equal(unquotePath('plain.txt'), 'plain.txt');
      assert.equal(unquotePath('"'), '"');
    });
  });

  describe('blame --porcelain', () => {
    const blame = parseBlamePorcelain(BLAME);

    it('reads each line with its commit, original line and original path', () => {
      assert.deepEqual(blame.lines, [
        { sha: SHA3, origLine: 1, finalLine: 1, origPath: 'old.txt' },
        { sha: SHA2, origLine: 2, finalLine: 2, origPath: 'new é.txt' },
        { sha: SHA2, origLine: 3, finalLine: 3, origPath: 'new é.txt' },
      ]);
    });

    it('reads commit facts once, with the boundary flag and the author date in its own zone', () => {
      assert.deepEqual(blame.commits.get(SHA3), {
        sha: SHA3,
        authorName: 'A',
        authorEmail: 'a@x',
        date: '2024-01-01T11:00:00+01:00',
        subject: 'init',
        boundary: true,
      });
      assert.equal(blame.commits.get(SHA2)?.date, '2024-01-01T09:30:00-02:30');
      assert.equal(blame.commits.get(SHA2)?.boundary, false);
    });

    it('keeps the complete lines of a truncated output', () => {
      const cut = BLAME.slice(0, BLAME.indexOf('\ty'));
      assert.deepEqual(parseBlamePorcelain(cut).lines.map((l) => l.finalLine), [1]);
    });
  });

  describe('refs, tags, renames, path lists', () => {
    it('reads tags peeled to their commit', () => {
      const text = `${RS}refs/heads/main${FS}2024-01-01T12:00:00+00:00${FS}${SHA1}${FS}${FS}\n${RS}refs/tags/v1.0.0${FS}2024-01-01T12:00:00+00:00${FS}${SHA1}${FS}${SHA2}${FS}\n${RS}refs/tags/v1.1.0${FS}2024-02-01T12:00:00+00:00${FS}${SHA3}${FS}${FS}\n${RS}broken`;
      assert.deepEqual(parseTags(text), [
        { name: 'v1.0.0', date: '2024-01-01T12:00:00+00:00', sha: SHA2 },
        { name: 'v1.1.0', date: '2024-02-01T12:00:00+00:00', sha: SHA3 },
      ]);
      assert.deepEqual(parseRefs(`${RS}refs/heads/main${FS}${SHA1}${FS}${FS}\n`), [{ name: 'refs/heads/main', sha: SHA1 }]);
    });

    it('reads show-ref tips: HEAD, branches, tags peeled, remotes; not stash or notes', () => {
      const text = [`${SHA1} HEAD`, `${SHA1} refs/heads/main`, `${SHA2} refs/tags/v1`, `${SHA3} refs/tags/v1^{}`, `${SHA2} refs/stash`, `${SHA3} refs/remotes/origin/main`, `${SHA2} refs/notes/commits`, 'garbage'].join('\n');
      assert.deepEqual(parseShowRefTips(text), [
        { name: 'HEAD', sha: SHA1 },
        { name: 'refs/heads/main', sha: SHA1 },
        { name: 'refs/tags/v1', sha: SHA3 },
        { name: 'refs/remotes/origin/main', sha: SHA3 },
      ]);
    });

    it('reads -z rename lists and path lists', () => {
      assert.deepEqual([...parseRenames('R087\0old.js\0new.js\0R100\0a\0b\0')], [['old.js', 'new.js'], ['a', 'b']]);
      // One walker for every --name-status -z output: unmodelled statuses are skipped with their path.
      assert.deepEqual(parseNameStatus('U\0M\0M\0f\0X\0x\0A\0a\0'), [
        { status: 'M', path: 'f', oldPath: null },
        { status: 'A', path: 'a', oldPath: null },
      ]);
      assert.deepEqual(parseNameStatus('M\0a\0R100\0old'), [{ status: 'M', path: 'a', oldPath: null }]);
      assert.deepEqual([...parseRenames('R100\0only-one\0')], []);
      assert.deepEqual(parseNulList('a b\0c\0'), ['a b', 'c']);
    });
  });

  describe('properties', function () {
    this.timeout(60000);
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.constantFrom(RS, FS, '\n', '\t', '@@ -1,2 +3 @@', 'diff --git a/x b/x', '+', '-', ' ', '"', '\\', SHA1, ' 1 2 3', 'R100', '\0'), { maxLength: 60 }).map((a) => a.join('')),
    );
    const parsers: [string, (text: string) => unknown][] = [
      ['parseCommits', parseCommits],
      ['parseCommitPatches', parseCommitPatches],
      ['parseDiff', parseDiff],
      ['parseBlamePorcelain', parseBlamePorcelain],
      ['parseTags', parseTags],
      ['parseRefs', parseRefs],
      ['parseRenames', parseRenames],
      ['parseNameStatus', parseNameStatus],
      ['parseFollowLog', (t: string) => parseFollowLog(t, 'a')],
      ['parseShowRefTips', parseShowRefTips],
      ['subjectOf', subjectOf],
      ['unquotePath', unquotePath],
    ];
    for (const [name, parse] of parsers) {
      it(`${name} never throws on arbitrary text`, () => {
        fc.assert(
          fc.property(anyText, (text) => {
            parse(text);
          }),
          { numRuns: 200 },
        );
      });
    }

    // What a commit may hold: any text at all, written before this process drew its nonce: our old
    // separators, NUL bytes, the field separator, a record separator with a guessed nonce.
    const guessed = `\0${'0123456789abcdef'}\x1e`;
    const anyMessage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.array(fc.constantFrom('\x1e', '\x1d', '\0', guessed, FS, SHA2, 'Fixes ACME-9', '\n', 'Boss'), { maxLength: 12 }).map((a) => a.join('')),
    );
    const shaOf = fc.constantFrom(SHA1, SHA2, SHA3);

    it('no commit message can forge or shift a record: shas and count are what git listed, messages read back', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(shaOf, anyMessage, anyMessage), { minLength: 1, maxLength: 5 }), (commits) => {
          const text = commits.map(([sha, subject, body]) => record(sha, SHA3, subject, body)).join('');
          const parsed = parseCommits(text);
          assert.deepEqual(
            parsed.map((c) => c.sha),
            commits.map(([sha]) => sha),
          );
          commits.forEach(([, subject, body], i) => {
            // Git prints no NUL inside a field; text without one reads back exactly.
            if (!subject.includes('\0') && !body.includes('\0')) assert.equal(parsed[i]?.message, `${body}\n`.replace(/\n+$/, ''));
          });
        }),
        { numRuns: 300 },
      );
    });

    it('no message can forge a scan record either, however the output is cut into chunks', () => {
      // The scan's format ends a record with one NUL, which git never prints inside a message.
      const scanRecord = (sha: string, message: string): string => revListRecord(sha, '', 'Ana Dev <ana@example.com> 1704103200 +0000', message);
      const noNul = anyMessage.map((m) => m.replaceAll('\0', ''));
      fc.assert(
        fc.property(fc.array(fc.tuple(shaOf, noNul), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (commits, cuts) => {
          // Cut at any byte, inside a character too, as a pipe delivers it.
          const bytes = Buffer.from(commits.map(([sha, message]) => scanRecord(sha, message)).join(''), 'utf8');
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length));
          const out: MessageRecord[] = [];
          const stream = scanRecordStream((r) => out.push(r));
          for (const c of chunks) stream.push(c);
          stream.end();
          assert.deepEqual(
            out.map((r) => [r.sha, r.message]),
            commits.map(([sha, message]) => [sha, `${message}\n`]),
          );
        }),
        { numRuns: 300 },
      );
    });

    it('parseCommits returns every complete record of any prefix of valid output, and no partial one', () => {
      const full = record(SHA1, SHA2, 'One', 'One\n\nbody') + record(SHA2, '', 'Two', 'Two');
      fc.assert(
        fc.property(fc.integer({ min: 0, max: full.length }), (cut) => {
          const shas = parseCommits(full.slice(0, cut)).map((c) => c.sha);
          const expected = cut >= full.length - 1 ? [SHA1, SHA2] : cut >= full.indexOf(RS, 1) - 1 ? [SHA1] : [];
          assert.deepEqual(shas, expected);
        }),
      );
    });
  });
});
