// Pure parts behind the evidence tree, the status bar and the commit diff: which verdicts need a
// reply, a fix's facts in short, the commits that changed it, caveats per fix, cache keys, the
// commit-file URI query and git's name-status output.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isSafeRepoPath } from '../../src/core/commitContent';
import { isFullSha } from '../../src/core/sha';
import { looksBinary } from '../../src/git/parsers/blob';
import { parseParentsLine } from '../../src/git/parsers/commits';
import { parseNameStatus } from '../../src/git/parsers/nameStatus';
import type { CommitFacts, FixEvidence, IssueEvidence, LineChange, RevertFact, Survival, Verdict } from '../../src/core/evidence/model';
import { VERDICTS } from '../../src/core/evidence/model';
import {
  caveatsOfFix,
  countNeedingReply,
  decodeCommitFileQuery,
  digest,
  encodeCommitFileQuery,
  evidenceKey,
  fixChanges,
  fixSummary,
  issueCaveats,
  needsReply,
} from '../../src/core/evidenceView';

const SHA = (c: string): string => c.repeat(40);

function commit(sha: string, date: string, overrides: Partial<CommitFacts> = {}): CommitFacts {
  return { sha, subject: `commit ${sha.slice(0, 1)}`, authorName: 'Ana', authorEmail: 'ana@x', date, byMe: true, ...overrides };
}

function survival(overrides: Partial<Survival> = {}): Survival {
  return { ref: 'main', sha: SHA('a'), added: 4, intact: 4, modified: 0, removed: 0, files: [], changedBy: [], measuredFrom: SHA('f'), ...overrides };
}

function fix(overrides: Partial<FixEvidence> = {}): FixEvidence {
  return {
    ...commit(SHA('f'), '2026-02-10T16:40:00+01:00'),
    exists: true,
    linkedBy: 'message',
    authorDate: '2026-02-10T16:40:00+01:00',
    isMerge: false,
    reachable: true,
    equivalents: [],
    reachableDeployed: true,
    equivalentsDeployed: [],
    tags: ['v1.1.0', 'v1.2.0'],
    firstTag: { name: 'v1.1.0', date: '2026-02-20T09:00:00+01:00' },
    inDeployed: true,
    survival: survival(),
    survivalDeployed: survival(),
    reverts: [],
    laterChanges: [],
    files: ['src/cart.js'],
    ...overrides,
  };
}

function evidence(fixes: FixEvidence[], overrides: Partial<IssueEvidence> = {}): IssueEvidence {
  return {
    issueId: 'ACME-2',
    verdict: 'fix-intact',
    fixVerdicts: {},
    target: { ref: 'main', sha: SHA('a') },
    deployed: { ref: 'v1.2.0', sha: SHA('b'), containsFix: true },
    historyComplete: true,
    fixes,
    mentions: [],
    caveats: [],
    me: ['ana@x'],
    computedAt: '2026-11-23T02:00:00.000Z',
    ...overrides,
  };
}

describe('evidence tree logic', () => {
  describe('verdicts that need a reply', () => {
    it('are exactly fix reverted, fix modified and fix not deployed', () => {
      assert.deepEqual(
        VERDICTS.filter(needsReply),
        ['fix-reverted', 'fix-not-deployed', 'fix-modified'],
      );
    });

    it('counts them among any verdicts', () => {
      const verdicts: Verdict[] = ['fix-intact', 'fix-reverted', 'no-fix-linked', 'fix-modified', 'fix-not-deployed', 'deployed-unknown', 'fix-not-on-target'];
      assert.equal(countNeedingReply(verdicts), 3);
      assert.equal(countNeedingReply([]), 0);
    });
  });

  describe('fix summary', () => {
    it('reads the earliest release and the surviving lines at the target', () => {
      const f = fix({ survival: survival({ added: 4, intact: 3, modified: 1 }) });
      assert.deepEqual(fixSummary(f, evidence([f])), { exists: true, onTarget: true, release: 'v1.1.0', lines: { intact: 3, added: 4 }, inDeployed: true, deployedRef: 'v1.2.0', counterpartOf: [] });
    });

    it('falls back to survival at the client version, and says when nothing was measured', () => {
      const atDeployed = fix({ survival: null, survivalDeployed: survival({ added: 2, intact: 1 }) });
      assert.deepEqual(fixSummary(atDeployed, evidence([atDeployed])).lines, { intact: 1, added: 2 });
      const none = fix({ survival: null, survivalDeployed: null, reachable: false, firstTag: null, inDeployed: false });
      assert.deepEqual(fixSummary(none, evidence([none], { deployed: null })), { exists: true, onTarget: false, release: null, lines: null, inDeployed: false, deployedRef: null, counterpartOf: [] });
    });

    it('counts a copy on the target (cherry-pick) as on the target', () => {
      const f = fix({ reachable: false, equivalents: [{ ...commit(SHA('c'), '2026-03-01T00:00:00Z'), how: 'patch-id' }] });
      assert.equal(fixSummary(f, evidence([f])).onTarget, true);
    });

    it('names the target fix a backport on another release line is the same change as', () => {
      const backport = fix({ reachable: false, counterpartOf: [SHA('a')] });
      const summary = fixSummary(backport, evidence([backport]));
      assert.equal(summary.onTarget, false);
      assert.deepEqual(summary.counterpartOf, [SHA('a')]);
    });
  });

  describe('commits that changed a fix', () => {
    const revert: RevertFact = { ...commit(SHA('r'), '2026-03-09T08:45:00+01:00'), how: 'message', reverts: SHA('f') };
    const other = commit(SHA('o'), '2026-03-05T18:20:00+01:00', { byMe: false, authorName: 'Laura' });
    const newer = commit(SHA('n'), '2026-04-01T00:00:00Z');

    it('lists reverts first, then later changes newest first, each once', () => {
      const changedBy: LineChange[] = [{ ...other, lines: 1, paths: ['src/cart.js'] }];
      const f = fix({ reverts: [revert], laterChanges: [revert, other, newer], survival: survival({ changedBy }) });
      const changes = fixChanges(f);
      assert.deepEqual(
        changes.map((c) => [c.role, c.commit.sha, c.lines, c.how]),
        [
          ['revert', SHA('r'), null, 'message'],
          ['change', SHA('n'), null, null],
          ['change', SHA('o'), 1, null],
        ],
      );
      assert.equal(changes[2]?.commit.byMe, false);
    });

    it('includes a commit that changed the lines only at the client version', () => {
      const changedBy: LineChange[] = [{ ...other, lines: 2, paths: ['src/cart.js'] }];
      const f = fix({ survival: survival(), survivalDeployed: survival({ changedBy, intact: 2, modified: 2 }) });
      assert.deepEqual(fixChanges(f).map((c) => [c.role, c.commit.sha, c.lines]), [['change', SHA('o'), 2]]);
    });

    it('is empty for an untouched fix', () => {
      assert.deepEqual(fixChanges(fix()), []);
    });
  });

  describe('caveats', () => {
    const a = fix({ sha: SHA('a'), files: ['src/a.js'] });
    const b = fix({ sha: SHA('b'), files: ['src/b.js'] });
    const missing = fix({ sha: SHA('c'), exists: false, files: [] });
    const ev = evidence([a, b, missing], {
      caveats: [
        { code: 'shallow-history', subjects: [] },
        { code: 'uncommitted-changes', subjects: ['src/b.js', 'src/other.js'] },
        { code: 'fix-missing', subjects: [SHA('c')] },
        { code: 'deployed-ref-unresolved', subjects: ['v9'] },
      ],
    });

    it('gives each fix the caveats about it, narrowed to its files', () => {
      assert.deepEqual(caveatsOfFix(ev, a), []);
      assert.deepEqual(caveatsOfFix(ev, b), [{ code: 'uncommitted-changes', subjects: ['src/b.js'] }]);
      assert.deepEqual(caveatsOfFix(ev, missing), [{ code: 'fix-missing', subjects: [SHA('c')] }]);
    });

    it('keeps the rest for the issue', () => {
      assert.deepEqual(issueCaveats(ev).map((c) => c.code), ['shallow-history', 'deployed-ref-unresolved']);
    });

    it('keeps uncommitted changes to files no fix touched for the issue', () => {
      const only = evidence([a], { caveats: [{ code: 'uncommitted-changes', subjects: ['src/elsewhere.js'] }] });
      assert.deepEqual(issueCaveats(only).map((c) => c.code), ['uncommitted-changes']);
      assert.deepEqual(caveatsOfFix(only, a), []);
    });
  });

  describe('cache keys', () => {
    it('do not depend on the order or case of the fix links', () => {
      assert.equal(
        evidenceKey({ repository: 'r1', fixes: [SHA('a'), SHA('B')], deployedRef: 'v1.2.0' }),
        evidenceKey({ repository: 'r1', fixes: [SHA('b'), SHA('a')], deployedRef: 'v1.2.0' }),
      );
    });

    it('change with the repository, the links and the deployed ref', () => {
      const base = { repository: 'r1', fixes: [SHA('a')], deployedRef: 'v1.2.0' };
      const key = evidenceKey(base);
      assert.notEqual(evidenceKey({ ...base, repository: 'r2' }), key);
      assert.notEqual(evidenceKey({ ...base, fixes: [] }), key);
      assert.notEqual(evidenceKey({ ...base, deployedRef: null }), key);
    });

    it('digest is stable and spreads', () => {
      assert.equal(digest('abc'), digest('abc'));
      assert.match(digest('abc'), /^[0-9a-f]{16}$/);
      fc.assert(fc.property(fc.string(), fc.string(), (x, y) => x === y || digest(x) !== digest(y)));
    });
  });

  describe('commit file URIs', () => {
    it('round-trip the folder, commit and path', () => {
      const ref = { folder: 'file:///work/shop', sha: SHA('a'), path: 'src/ñandú & co/a b.js' };
      assert.deepEqual(decodeCommitFileQuery(encodeCommitFileQuery(ref)), ref);
      const empty = { folder: 'file:///work/shop', sha: null, path: 'src/new.js' };
      assert.deepEqual(decodeCommitFileQuery(encodeCommitFileQuery(empty)), empty);
    });

    it('refuse abbreviated or non-hex commits and unsafe paths', () => {
      const q = (sha: string, path: string): string => new URLSearchParams({ folder: 'file:///w', sha, path }).toString();
      assert.equal(decodeCommitFileQuery(q('abc1234', 'a.js')), null);
      assert.equal(decodeCommitFileQuery(q('HEAD', 'a.js')), null);
      assert.equal(decodeCommitFileQuery(q(`--output=${'a'.repeat(31)}`, 'a.js')), null);
      for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../b', '-p', 'a\0b', 'C:/x', 'a\\b', '', 'a//b', './a']) {
        assert.equal(decodeCommitFileQuery(q(SHA('a'), bad)), null, bad);
      }
      assert.equal(decodeCommitFileQuery('sha=' + SHA('a')), null);
    });

    it('accept SHA-256 ids', () => {
      assert.equal(isFullSha('a'.repeat(64)), true);
      assert.equal(isFullSha('A'.repeat(40)), false);
      assert.equal(isSafeRepoPath('.github/workflows/ci.yml'), true);
    });
  });

  describe('git output for the diff view', () => {
    it('parses name-status records, renames included, and skips a truncated last record', () => {
      const raw = ['M', 'src/a.js', 'A', 'src/new file.js', 'R087', 'old/x.js', 'new/x.js', 'D', 'gone.js', 'X', 'weird', 'C100', 'a.js'].join('\0');
      assert.deepEqual(parseNameStatus(raw), [
        { status: 'M', path: 'src/a.js', oldPath: null },
        { status: 'A', path: 'src/new file.js', oldPath: null },
        { status: 'R', path: 'new/x.js', oldPath: 'old/x.js' },
        { status: 'D', path: 'gone.js', oldPath: null },
      ]);
      assert.deepEqual(parseNameStatus(''), []);
    });

    it('parses a commit and its parents', () => {
      assert.deepEqual(parseParentsLine(`${SHA('a')} ${SHA('b')} ${SHA('c')}\n`), { sha: SHA('a'), parents: [SHA('b'), SHA('c')] });
      assert.deepEqual(parseParentsLine(`${SHA('a')}\n`), { sha: SHA('a'), parents: [] });
      assert.equal(parseParentsLine('fatal: bad revision'), null);
    });

    it('tells binary content as git does', () => {
      assert.equal(looksBinary('PNG\0\0'), true);
      assert.equal(looksBinary('plain text\n'), false);
      assert.equal(looksBinary('x'.repeat(9000) + '\0'), false);
    });
  });
});
