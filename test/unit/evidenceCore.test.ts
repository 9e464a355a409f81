// Pure parts of the evidence engine: verdict precedence, version order, patch equivalence, ref
// checks; the CLI's argument parsing; the scan's incremental logic on a
// fake port.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseArgs } from '../../src/cli/args';
import { configureCliMessages } from '../../src/cli/cliMessages';
import { parseEvidenceArgs } from '../../src/cli/evidenceOptions';
import type { FixEvidence, Verdict } from '../../src/core/evidence/model';
import { VERDICTS } from '../../src/core/evidence/model';
import { patchKey } from '../../src/core/evidence/patchId';
import { fixVerdict, issueVerdict } from '../../src/core/evidence/verdict';
import { compareVersions, DEFAULT_TAG_PATTERN, withoutAliases } from '../../src/core/evidence/versions';
import type { FileDiff, GitPort, RawCommit } from '../../src/core/gitPort';
import { isSafeRef } from '../../src/core/gitPort';
import { isSha } from '../../src/core/sha';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { fixEvidence } from '../support/evidenceFixtures';

const SURVIVAL = { ref: 'main', sha: 'a'.repeat(40), added: 2, intact: 2, modified: 0, removed: 0, files: [], changedBy: [], measuredFrom: 'f'.repeat(40) };

function fix(overrides: Partial<FixEvidence> = {}): FixEvidence {
  return fixEvidence(overrides);
}

describe('evidence core', () => {
  describe('verdict precedence', () => {
    it('gives each fix the first verdict that applies', () => {
      const revert = { sha: 'r', subject: 'Revert', authorName: 'B', authorEmail: 'b@x', date: '', byMe: false, how: 'message' as const, reverts: 'f' };
      const modified = { ...SURVIVAL, intact: 1, modified: 1 };
      assert.equal(fixVerdict(fix({ exists: false }), true), 'fix-not-on-target');
      assert.equal(fixVerdict(fix({ reachable: false }), true), 'fix-not-on-target');
      assert.equal(fixVerdict(fix({ reachable: false, equivalents: [{ ...fix(), how: 'patch-id' }] }), true), 'fix-intact');
      assert.equal(fixVerdict(fix({ reverts: [revert], inDeployed: false }), true), 'fix-reverted');
      assert.equal(fixVerdict(fix({ inDeployed: false, survival: modified }), true), 'fix-not-deployed');
      assert.equal(fixVerdict(fix({ survival: modified }), false), 'fix-modified');
      assert.equal(fixVerdict(fix({ survivalDeployed: modified }), true), 'fix-modified');
      assert.equal(fixVerdict(fix({ inDeployed: null }), false), 'deployed-unknown');
      assert.equal(fixVerdict(fix(), true), 'fix-intact');
    });

    it('gives the issue the most serious fix verdict, no-fix-linked without fixes', () => {
      assert.equal(issueVerdict([]), 'no-fix-linked');
      assert.equal(issueVerdict(['fix-intact', 'fix-modified', 'deployed-unknown']), 'fix-modified');
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...VERDICTS), { minLength: 1 }), (verdicts: Verdict[]) => {
          const got = issueVerdict(verdicts);
          assert.ok(verdicts.includes(got));
          for (const v of verdicts) assert.ok(VERDICTS.indexOf(got) <= VERDICTS.indexOf(v));
        }),
      );
    });
  });

  describe('release tags', () => {
    it('orders versions numerically, pre-releases first', () => {
      const tags = ['v1.10.0', 'v1.2.0', 'v1.2.0-rc.2', 'v1.2.0-rc.10', 'v1.2', 'v0.9.1', 'release-2.0'];
      assert.deepEqual([...tags].sort(compareVersions), ['v0.9.1', 'v1.2.0-rc.2', 'v1.2.0-rc.10', 'v1.2', 'v1.2.0', 'v1.10.0', 'release-2.0']);
    });

    it('reads versions whose numbers are joined by underscores (curl-7_88_1) as dotted ones', () => {
      const tags = ['curl-8_0_0', 'curl-7_88_1', 'curl-7_10', 'curl-7_9', 'curl-7_88_0', 'curl-7_6_1-pre1', 'curl-7_6_1'];
      assert.deepEqual([...tags].sort(compareVersions), ['curl-7_6_1-pre1', 'curl-7_6_1', 'curl-7_9', 'curl-7_10', 'curl-7_88_0', 'curl-7_88_1', 'curl-8_0_0']);
    });

    it('orders build metadata after the same version without it, and apart from pre-releases', () => {
      const tags = ['1.8.3+2', '1.8.3', '1.8.4-rc.1', '1.8.3+1', '1.8.3-rc.1+build.5', '1.8.3-rc.1', '1.8.4'];
      assert.deepEqual([...tags].sort(compareVersions), ['1.8.3-rc.1', '1.8.3-rc.1+build.5', '1.8.3', '1.8.3+1', '1.8.3+2', '1.8.4-rc.1', '1.8.4']);
    });

    it('names a release tagged twice on one commit once: as the client spells versions, else as most tags do', () => {
      const tags = [
        { name: '7.4.2', sha: 'a' },
        { name: 'v7.4.3', sha: 'b' },
        { name: '7.4.3', sha: 'b' },
        { name: '7.4.4', sha: 'c' },
      ];
      const names = (client: string | null): string[] => withoutAliases(tags, client).map((t) => t.name);
      assert.deepEqual(names('7.4.0'), ['7.4.2', '7.4.3', '7.4.4']);
      assert.deepEqual(names(null), ['7.4.2', '7.4.3', '7.4.4']);
      assert.deepEqual(names('v7.4.0'), ['7.4.2', 'v7.4.3', '7.4.4']);
      // Two releases on one commit (a pre-release promoted as it was) and one spelling on two commits stay.
      assert.deepEqual(withoutAliases([{ name: 'v2.0.0-rc.1', sha: 'd' }, { name: 'v2.0.0', sha: 'd' }, { name: 'v2.0.1', sha: 'e' }, { name: '2.0.1', sha: 'f' }], null).length, 4);
    });

    it('takes tags that look like versions by default', () => {
      const re = new RegExp(DEFAULT_TAG_PATTERN);
      for (const yes of ['v1', 'v1.2.3', '1.0', 'release-1.2', 'app/v2.0.1', 'v1.2.0-rc.1', 'v3.1.4+build.5', '2.0.0rc1', 'v1.2.3-x86', 'v2.0.0-next.1', '19.10b0', '21.4b2', '1.0a1', 'v2.1rc1', '0.9.dev3', '3.1.post1', 'curl-8_4_0', 'curl-7_88_1', 'OpenSSL_1_1_1w', 'rc-8_22_0-1']) assert.ok(re.test(yes), yes);
      for (const no of ['nightly', 'latest', 'deploy-prod', 'v', 'v.1', '1.1.x', '2.3.X', 'v0.x', 'v1.x-stable', 'release-2.x', 'deploy-2024b', 'build17b', 'build_17', 'before_ftp_statemachine']) assert.equal(re.test(no), false, no);
    });
  });

  describe('patch equivalence', () => {
    const diff = (path: string, removed: string[], added: string[]): FileDiff => ({
      path,
      oldPath: null,
      status: 'M',
      binary: false,
      removed: removed.map((text, i) => ({ line: i + 1, text, hunk: 0 })),
      added: added.map((text, i) => ({ line: i + 10, text, hunk: 0 })),
    });

    it('ignores line numbers, whitespace and file order', () => {
      const a = [diff('a.js', ['x'], ['if (a) b;']), diff('b.js', [], ['c'])];
      const b = [diff('b.js', [], ['c']), { ...diff('a.js', ['x'], ['if(a)  b;']), added: [{ line: 99, text: 'if(a)  b;', hunk: 3 }] }];
      assert.equal(patchKey(a), patchKey(b));
    });

    it('tells different changes apart, and an empty patch is empty', () => {
      assert.notEqual(patchKey([diff('a.js', [], ['x'])]), patchKey([diff('a.js', ['x'], [])]));
      assert.notEqual(patchKey([diff('a.js', [], ['x'])]), patchKey([diff('b.js', [], ['x'])]));
      assert.equal(patchKey([diff('a.js', [], [])]), '');
    });
  });

  describe('ref and sha checks', () => {
    it('accepts commit ids and ordinary refs', () => {
      for (const sha of ['abcd', 'ABCDEF0123', 'a'.repeat(40), 'b'.repeat(64)]) assert.ok(isSha(sha), sha);
      for (const notSha of ['abc', 'g123', 'a'.repeat(65), '-abcd', '']) assert.equal(isSha(notSha), false, notSha);
      for (const ref of ['main', 'release/1.x', 'v1.0.0', 'HEAD~2', 'HEAD^', 'origin/main', 'main@{1}', 'ACME-12']) assert.ok(isSafeRef(ref), ref);
    });

    it('rejects options, ranges, control characters and what check-ref-format forbids', () => {
      for (const ref of ['-x', '--upload-pack=x', 'a b', 'a\nb', 'a..b', 'a:b', 'a*', 'a?', 'a[', 'a\\b', 'x.lock', 'x/', 'x.', '', 'a'.repeat(256), 'a\u0000b']) {
        assert.equal(isSafeRef(ref), false, JSON.stringify(ref));
      }
    });
  });

  describe('CLI arguments', () => {
    it('parses --name value, --name=value, flags and repeatable options', () => {
      const parsed = parseArgs(['--a', 'x', '--b=y=z', '--f', '--r', '1', '--r=2'], { a: { type: 'string' }, b: { type: 'string' }, f: { type: 'boolean' }, r: { type: 'string', multiple: true } });
      assert.deepEqual(parsed, { ok: true, values: { a: 'x', b: 'y=z', f: true, r: ['1', '2'] }, positionals: [] });
    });

    it('returns words in order only where a subcommand takes them, - included', () => {
      const spec = { a: { type: 'string' as const } };
      assert.deepEqual(parseArgs(['one', '--a', 'x', '-', 'two'], spec, { positionals: true }), { ok: true, values: { a: 'x' }, positionals: ['one', '-', 'two'] });
      assert.deepEqual(parseArgs(['-h'], spec), { ok: true, values: { help: true }, positionals: [] });
    });

    it('takes a value that starts with - only as --name=value, and says so', () => {
      configureCliMessages({});
      const spec = { a: { type: 'string' as const }, f: { type: 'boolean' as const } };
      const refused = parseArgs(['--a', '--f'], spec);
      assert.ok(!refused.ok);
      assert.match(refused.message, /^option '--a' needs a value \(write --a=-… for a value that starts with -\)$/);
      assert.deepEqual(parseArgs(['--a=-x'], spec), { ok: true, values: { a: '-x' }, positionals: [] });
    });

    it('names the offending word in each refusal', () => {
      configureCliMessages({});
      const spec = { a: { type: 'string' as const }, f: { type: 'boolean' as const } };
      const message = (argv: string[]): string => {
        const r = parseArgs(argv, spec);
        return r.ok ? 'accepted' : r.message;
      };
      assert.equal(message(['--zz']), "unknown option '--zz'");
      assert.equal(message(['--a', '1', '--a', '2']), "option '--a' given more than once");
      assert.equal(message(['--f=1']), "option '--f' takes no value");
      assert.equal(message(['word']), "unexpected argument 'word'");
      assert.equal(message(['--a']), "option '--a' needs a value");
    });

    it('rejects unknown options, repeated single options, values on flags and stray words', () => {
      const spec = { a: { type: 'string' as const }, f: { type: 'boolean' as const } };
      assert.equal(parseArgs(['--zz'], spec).ok, false);
      assert.equal(parseArgs(['--a', '1', '--a', '2'], spec).ok, false);
      assert.equal(parseArgs(['--f=1'], spec).ok, false);
      assert.equal(parseArgs(['word'], spec).ok, false);
      assert.equal(parseArgs(['--a'], spec).ok, false);
      assert.equal(parseArgs(['--constructor'], spec).ok, false);
    });

    it('parses the shared evidence options and lets a subcommand add its own', () => {
      const parsed = parseEvidenceArgs(['--repo', 'r', '--ref', '#12', '--fix', 'abcd1234', '--me', 'a@x', '--me', 'b@y', '--json', '--lang', 'es'], { lang: { type: 'string' } });
      assert.ok(parsed.ok);
      assert.deepEqual(
        [parsed.options.repo, parsed.options.ref, parsed.options.fixes, parsed.options.me, parsed.options.json, parsed.values.lang],
        ['r', '#12', ['abcd1234'], ['a@x', 'b@y'], true, 'es'],
      );
      const help = parseEvidenceArgs(['--help']);
      assert.ok(help.ok && help.options.help);
    });

    it('never throws on arbitrary arguments', () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('--ref', '--fix', '--issue', '--target', '--json', '--me', '--', '-h', '--fix=')), { maxLength: 8 }), (argv) => {
          const parsed = parseEvidenceArgs(argv);
          assert.ok(parsed.ok || parsed.message.length > 0);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('scan on a fake port', () => {
    function commit(sha: string, message: string): RawCommit {
      return { sha, parents: [], authorName: 'A', authorEmail: 'a@x', date: '2024-01-01T00:00:00Z', subject: message.split('\n')[0] ?? '', message };
    }

    // A linear history, newest first, on main: excluding a commit excludes it and everything older.
    function fakePort(history: RawCommit[], calls: { include: 'all' | string[]; exclude: string[] }[]): GitPort {
      const port: Partial<GitPort> = {
        listTips: async () => (history[0] === undefined ? [] : [{ name: 'HEAD', sha: history[0].sha }, { name: 'refs/heads/main', sha: history[0].sha }]),
        isShallow: async () => false,
        scanMessages: async (range, onRecord) => {
          calls.push(range);
          const cut = Math.min(...range.exclude.map((e) => history.findIndex((c) => c.sha === e)).filter((i) => i >= 0), history.length);
          const read = history.slice(0, cut);
          for (const c of read) onRecord({ sha: c.sha, authorName: c.authorName, authorEmail: c.authorEmail, time: '1704067200', zone: '+0000', message: c.message });
          return read.length;
        },
      };
      return port as GitPort;
    }

    it('re-scans from the refs that moved, excluding where they were, and skips the log when none moved', async () => {
      const history = [commit('bbbb', 'see ACME-1'), commit('aaaa', 'fixes ACME-1')];
      const calls: { include: 'all' | string[]; exclude: string[] }[] = [];
      const port = fakePort(history, calls);
      const first = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS });
      assert.deepEqual([first.commitsRead, first.cache.refs, calls[0]], [2, { HEAD: 'bbbb', 'refs/heads/main': 'bbbb' }, { include: 'all', exclude: [] }]);
      const again = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS }, first.cache);
      assert.deepEqual([again.commitsRead, calls.length], [0, 1]);
      history.unshift(commit('dddd', 'Closes ACME-2'), commit('cccc', 'work'));
      const next = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS }, again.cache);
      assert.deepEqual(calls[1], { include: ['dddd'], exclude: ['bbbb'] });
      assert.equal(next.commitsRead, 2);
      assert.deepEqual(next.cache.tips, ['dddd']);
      assert.deepEqual(next.issues.map((i) => i.id), ['ACME-1', 'ACME-2']);
      assert.deepEqual(next.issues[1]?.fixes.map((f) => [f.sha, f.subject, f.date]), [['dddd', 'Closes ACME-2', '2024-01-01T00:00:00+00:00']]);
      // The caller's cache object is not mutated.
      assert.deepEqual(first.cache.tips, ['bbbb']);
    });

    it('reports an empty repository on a full scan', async () => {
      await assert.rejects(scanHistory(fakePort([], []), { patterns: DEFAULT_ID_PATTERNS }), { code: 'empty-repository' });
    });
  });
});
