// The evidence engine against real repositories, one per verdict and per hard case named in the
// issue: survival, revert, overwrite by someone else, cherry-pick, not deployed, rename, merge fix,
// shallow clone. Each repository is built with fixed authors and dates.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { lines, ME, OTHER, suiteRepos } from '../support/tempRepo';
import { assertVerdictLevelAgrees, evidenceBothWays } from '../support/evidenceBothWays';

const BASE = lines('line', 20);
// The fix replaces line 10 with two guard lines.
const FIXED = BASE.replace('line 10\n', 'if (!user) return null;\nlog("guarded");\n');

async function evidence(dir: string, request: EvidenceRequest): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { now: () => new Date('2024-06-01T00:00:00Z'), ...request });
}

function only<T>(items: readonly T[]): T {
  assert.equal(items.length, 1, `expected one item, got ${items.length}`);
  return items[0] as T;
}

describe('evidence on real repositories', function () {
  this.timeout(60000);
  const make = suiteRepos();

  describe('a fix that survives', () => {
    let repo: TempRepo;
    let fix: string;
    before(() => {
      repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      fix = repo.commit('Fix crash on login\n\nFixes ACME-12', { files: { 'src/app.js': FIXED } });
      repo.tag('v1.0.0', { message: 'Release 1.0.0' });
      repo.commit('Unrelated work, see ACME-12', { files: { 'README.md': 'readme\n' }, author: OTHER });
      repo.tag('v1.1.0');
    });

    it('is fix-intact when the deployed tag contains it', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.0.0' });
      assert.equal(e.verdict, 'fix-intact');
      const f = only(e.fixes);
      assert.equal(f.sha, fix);
      assert.equal(f.linkedBy, 'message');
      assert.equal(f.reachable, true);
      assert.equal(f.inDeployed, true);
      assert.deepEqual(f.tags, ['v1.0.0', 'v1.1.0']);
      assert.equal(f.firstTag?.name, 'v1.0.0');
      assert.match(f.firstTag?.date ?? '', /^2024-01-01T/);
      assert.deepEqual(
        { added: f.survival?.added, intact: f.survival?.intact, modified: f.survival?.modified, removed: f.survival?.removed },
        { added: 2, intact: 2, modified: 0, removed: 0 },
      );
      assert.equal(f.survivalDeployed?.intact, 2);
      assert.equal(e.deployed?.containsFix, true);
      assert.equal(e.target.ref, 'main');
      assert.equal(e.historyComplete, true);
      assert.deepEqual(e.caveats, []);
      assert.equal(only(e.mentions).authorEmail, OTHER.email);
      assert.equal(f.byMe, true);
      assert.deepEqual(e.me, [ME.email]);
    });

    it('is deployed-unknown without a deployed ref', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-12' });
      assert.equal(e.verdict, 'deployed-unknown');
      assert.equal(e.deployed, null);
      assert.equal(only(e.fixes).inDeployed, null);
    });

    it('is no-fix-linked for an issue no commit fixes', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-99' });
      assert.equal(e.verdict, 'no-fix-linked');
      assert.deepEqual(e.fixes, []);
    });

    it('does not take ACME-1 for ACME-12', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-1' });
      assert.equal(e.verdict, 'no-fix-linked');
      assert.deepEqual(e.mentions, []);
    });

    it('takes --fix commits directly, abbreviated or not', async () => {
      const e = await evidence(repo.dir, { fixes: [{ sha: fix.slice(0, 8), linkedBy: 'argument' }], deployed: 'v1.0.0' });
      assert.equal(e.verdict, 'fix-intact');
      assert.equal(only(e.fixes).sha, fix);
      assert.equal(only(e.fixes).linkedBy, 'argument');
    });

    it('reports uncommitted changes to the fixed files', async () => {
      repo.write('src/app.js', FIXED + 'local edit\n');
      try {
        const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.0.0' });
        assert.deepEqual(e.caveats, [{ code: 'uncommitted-changes', subjects: ['src/app.js'] }]);
      } finally {
        repo.git(['checkout', '--', 'src/app.js']);
      }
    });

    it('takes the fixes from a scan result instead of searching the history again', async () => {
      const port = createGitPort(repo.dir);
      const scan = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS });
      const log: string[] = [];
      const e = await computeEvidence(createGitPort(repo.dir, { log: (l) => log.push(l) }), { ref: 'ACME-12', deployed: 'v1.0.0', scan });
      assertVerdictLevelAgrees(e, await computeEvidence(port, { ref: 'ACME-12', deployed: 'v1.0.0', scan, detail: 'verdict' }));
      const searched = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.0.0' });
      assert.deepEqual({ ...e, computedAt: '' }, { ...searched, computedAt: '' });
      assert.equal(log.filter((l) => l.includes('--grep')).length, 0);
    });

    it('marks later changes by me using the identities given', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-12', me: [OTHER.email] });
      assert.equal(only(e.fixes).byMe, false);
      assert.equal(only(e.mentions).byMe, true);
    });
  });

  describe('a reverted fix', () => {
    it('is fix-reverted by "This reverts commit"', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      const fix = repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      repo.tag('v1.0.0');
      const revert = repo.revert(fix, OTHER);
      const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'main' });
      assert.equal(e.verdict, 'fix-reverted');
      // The client's v1.0.0 predates the revert and holds the fix intact: it runs the fix.
      assert.equal((await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.0.0' })).verdict, 'fix-intact');
      const r = only(only(e.fixes).reverts);
      assert.deepEqual([r.sha, r.how, r.reverts, r.authorEmail, r.byMe], [revert, 'message', fix, OTHER.email, false]);
      const s = only(e.fixes).survival;
      // The revert put "line 10" back where the two fix lines were: both were replaced.
      assert.deepEqual([s?.intact, s?.modified, s?.removed], [0, 2, 0]);
      assert.equal(only(only(e.fixes).survival?.changedBy ?? []).sha, revert);
      // The revert quotes the fix's subject: it mentions the issue, it does not fix it.
      assert.equal(only(e.mentions).sha, revert);
    });

    it('is fix-reverted by a subject Revert "<fix subject>" without the trailer line', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      const revert = repo.commit('Revert "Fix crash on login (fixes ACME-12)"\n\nIt broke the export.', { files: { 'src/app.js': BASE } });
      const e = await evidence(repo.dir, { ref: 'ACME-12' });
      assert.equal(e.verdict, 'fix-reverted');
      const r = only(only(e.fixes).reverts);
      assert.equal(r.sha, revert);
      assert.equal(r.how, 'subject');
    });

    it('is fix-reverted by content when the inverse patch has another message', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      const undo = repo.commit('Simplify login', { files: { 'src/app.js': BASE, 'other.txt': 'x\n' }, author: OTHER });
      const e = await evidence(repo.dir, { ref: 'ACME-12' });
      assert.equal(e.verdict, 'fix-reverted');
      const r = only(only(e.fixes).reverts);
      assert.deepEqual([r.sha, r.how], [undo, 'content']);
    });

    it('is not reverted any more once the revert was reverted', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      const fix = repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      const revert = repo.revert(fix);
      repo.revert(revert);
      const e = await evidence(repo.dir, { ref: 'ACME-12' });
      assert.deepEqual(only(e.fixes).reverts, []);
      assert.notEqual(e.verdict, 'fix-reverted');
    });
  });

  describe('a fix overwritten by someone else', () => {
    it('is fix-modified, naming the commit and its author', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      const fix = repo.commit('Corrige el cierre de sesión (corrige ACME-3)', { files: { 'src/app.js': FIXED } });
      repo.tag('v2.0.0');
      const overwrite = repo.commit('Refactor login', {
        files: { 'src/app.js': FIXED.replace('if (!user) return null;\n', 'if (!user) { return undefined; }\n') },
        author: OTHER,
      });
      const removal = repo.commit('Remove logging', { files: { 'src/app.js': FIXED.replace('if (!user) return null;\n', 'if (!user) { return undefined; }\n').replace('log("guarded");\n', '') } });
      const e = await evidence(repo.dir, { ref: 'ACME-3', deployed: 'v2.0.0' });
      // The client's v2.0.0 has the fix intact: what the target changed since is not what they run.
      assert.equal(e.verdict, 'fix-intact');
      assert.equal((await evidence(repo.dir, { ref: 'ACME-3', deployed: 'main' })).verdict, 'fix-modified');
      assert.equal((await evidence(repo.dir, { ref: 'ACME-3' })).verdict, 'fix-modified', 'the client\'s version unknown: the code as it is now');
      const f = only(e.fixes);
      assert.equal(f.sha, fix);
      const s = f.survival;
      assert.ok(s !== null);
      assert.deepEqual([s.added, s.intact, s.modified, s.removed], [2, 0, 1, 1]);
      const file = only(s.files);
      assert.deepEqual(file.lost, [
        { line: 10, state: 'modified', by: overwrite },
        { line: 11, state: 'removed', by: removal },
      ]);
      // Newest first.
      assert.deepEqual(s.changedBy.map((c) => [c.sha, c.lines, c.byMe]), [[removal, 1, true], [overwrite, 1, false]]);
      assert.equal(s.changedBy[1]?.authorEmail, OTHER.email);
      assert.deepEqual(f.laterChanges.map((c) => c.sha), [removal, overwrite]);
      // The deployed tag still has the fix intact.
      assert.equal(f.survivalDeployed?.intact, 2);
    });
  });

  describe('later changes', () => {
    it('lists a commit that inserted a line inside the fixed block, the fix staying intact', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      const inside = repo.commit('Trace guard', { files: { 'src/app.js': FIXED.replace('log("guarded");\n', 'trace();\nlog("guarded");\n') }, author: OTHER });
      repo.commit('Elsewhere', { files: { 'src/app.js': FIXED.replace('log("guarded");\n', 'trace();\nlog("guarded");\n').replace('line 1\n', 'line one\n') } });
      const e = await evidence(repo.dir, { ref: 'ACME-12' });
      const f = only(e.fixes);
      assert.equal(f.survival?.intact, 2);
      assert.deepEqual(f.laterChanges.map((c) => [c.sha, c.byMe]), [[inside, false]]);
      assert.equal(e.verdict, 'deployed-unknown');
    });

    it('counts the lines of a deleted file as removed, by the commit that deleted it', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE, 'keep.txt': 'k\n' } });
      repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      const deletion = repo.commit('Drop the old login', { files: { 'src/app.js': null }, author: OTHER });
      const e = await evidence(repo.dir, { ref: 'ACME-12' });
      const s = only(e.fixes).survival;
      assert.ok(s !== null);
      assert.deepEqual([s.intact, s.modified, s.removed, only(s.files).pathAtRef], [0, 0, 2, null]);
      assert.deepEqual(s.changedBy.map((c) => [c.sha, c.lines, c.authorEmail]), [[deletion, 2, OTHER.email]]);
      // Deleting the file does not put back the line the fix replaced: not the inverse patch.
      assert.deepEqual(only(e.fixes).reverts, []);
      assert.equal(e.verdict, 'fix-modified');
    });
  });

  describe('a fix cherry-picked to a release branch', () => {
    let repo: TempRepo;
    let fix: string;
    let pick: string;
    before(() => {
      repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE, 'src/other.js': lines('other', 5) } });
      repo.tag('v1.0.0');
      repo.checkout('release/1.x', true);
      repo.checkout('main');
      repo.commit('Feature work', { files: { 'src/other.js': lines('other', 6) } });
      fix = repo.commit('Fix crash on login\n\nCloses: #45', { files: { 'src/app.js': FIXED } });
      repo.checkout('release/1.x');
      pick = repo.cherryPick(fix);
      repo.tag('v1.0.1');
      repo.checkout('main');
    });

    it('finds the copy on the target by patch id', async () => {
      const e = await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'argument' }], target: 'release/1.x', deployed: 'v1.0.1' });
      const f = only(e.fixes);
      assert.equal(f.sha, fix);
      assert.equal(f.reachable, false);
      assert.equal(only(f.equivalents).sha, pick);
      assert.equal(only(f.equivalents).how, 'patch-id');
      assert.equal(f.inDeployed, true);
      // The release holds the copy, not the original: each commit's releases are its own.
      assert.deepEqual(f.tags, []);
      assert.equal(f.firstTag, null);
      assert.deepEqual(only(f.equivalents).tags, ['v1.0.1']);
      assert.equal(only(f.equivalents).firstTag?.name, 'v1.0.1');
      assert.equal(f.survival?.measuredFrom, pick);
      assert.equal(f.survival?.intact, 2);
      assert.equal(e.verdict, 'fix-intact');
    });

    it('lists the original and the cherry-pick when both messages say they fix the issue', async () => {
      const e = await evidence(repo.dir, { ref: '#45', target: 'release/1.x', deployed: 'v1.0.1' });
      assert.deepEqual(new Set(e.fixes.map((f) => f.sha)), new Set([fix, pick]));
      assert.ok(e.fixes.every((f) => f.linkedBy === 'trailer'));
      assert.equal(e.fixes.find((f) => f.sha === fix)?.equivalents[0]?.sha, pick);
      assert.equal(e.fixes.find((f) => f.sha === pick)?.reachable, true);
      assert.equal(e.verdict, 'fix-intact');
    });

    it('finds the copy in a deployed tag of the other branch', async () => {
      const e = await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'argument' }], deployed: 'v1.0.1' });
      const f = only(e.fixes);
      assert.equal(f.reachable, true);
      assert.equal(f.reachableDeployed, false);
      assert.equal(only(f.equivalentsDeployed).sha, pick);
      assert.equal(f.inDeployed, true);
      assert.equal(e.verdict, 'fix-intact');
    });

    it('is fix-not-on-target when the fix is only on an unmerged branch', async () => {
      repo.checkout('feature', true);
      repo.commit('Fix export (fixes ACME-77)', { files: { 'src/other.js': lines('other', 7) } });
      repo.checkout('main');
      const e = await evidence(repo.dir, { ref: 'ACME-77' });
      assert.equal(e.verdict, 'fix-not-on-target');
      assert.equal(only(e.fixes).reachable, false);
      assert.deepEqual(only(e.fixes).equivalents, []);
    });
  });

  describe('a fix not yet in the deployed tag', () => {
    it('is fix-not-deployed and names the first release that has it', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      repo.tag('v1.0.0', { message: 'Release 1.0.0' });
      repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      repo.tag('v1.10.0');
      repo.tag('v1.2.0');
      repo.tag('nightly');
      const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.0.0' });
      assert.equal(e.verdict, 'fix-not-deployed');
      const f = only(e.fixes);
      assert.equal(f.inDeployed, false);
      assert.equal(e.deployed?.containsFix, false);
      assert.deepEqual(f.tags, ['v1.2.0', 'v1.10.0']);
      assert.equal(f.firstTag?.name, 'v1.2.0');
      assert.equal(f.survivalDeployed, null);
    });
  });

  describe('a renamed file', () => {
    it('follows the rename and still sees the lines intact', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      repo.git(['mv', 'src/app.js', 'src/main.js']);
      repo.commit('Rename app to main', { author: OTHER });
      repo.commit('Edit elsewhere in the file', { files: { 'src/main.js': FIXED.replace('line 1\n', 'line one\n') } });
      const e = await evidence(repo.dir, { ref: 'ACME-12' });
      const s = only(e.fixes).survival;
      assert.ok(s !== null);
      const file = only(s.files);
      assert.deepEqual([file.path, file.pathAtRef, file.intact, file.modified, file.removed], ['src/app.js', 'src/main.js', 2, 0, 0]);
      assert.equal(e.verdict, 'deployed-unknown');
    });
  });

  describe('a merge commit as the fix', () => {
    it('uses the change the merge brought in (first-parent diff)', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      repo.checkout('login-fix', true);
      repo.commit('Guard user', { files: { 'src/app.js': FIXED } });
      repo.commit('Add test', { files: { 'test/app.test.js': 'test 1\ntest 2\n' } });
      repo.checkout('main');
      repo.commit('Unrelated on main', { files: { 'docs.md': 'docs\n' } });
      const merge = repo.merge('login-fix', "Merge branch 'login-fix'\n\nFixes ACME-7");
      const e = await evidence(repo.dir, { ref: 'ACME-7', deployed: 'main' });
      const f = only(e.fixes);
      assert.equal(f.sha, merge);
      assert.equal(f.isMerge, true);
      assert.deepEqual([...f.files].sort(), ['src/app.js', 'test/app.test.js']);
      // The code's two lines are measured; the test's are listed (a fix's tests are not what the client runs).
      assert.equal(f.survival?.added, 2);
      assert.equal(f.survival?.intact, 2);
      assert.deepEqual(f.survival?.files.filter((x) => x.test === true).map((x) => x.path), ['test/app.test.js']);
      assert.equal(e.verdict, 'fix-intact');
    });
  });

  describe('binary files', () => {
    it('counts them as changed files without line survival', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE, 'logo.png': Buffer.from([0, 1, 2, 3, 0, 255]) } });
      repo.commit('Fix logo and login (fixes ACME-5)', { files: { 'src/app.js': FIXED, 'logo.png': Buffer.from([0, 9, 9, 9, 0, 254]) } });
      const e = await evidence(repo.dir, { ref: 'ACME-5' });
      const f = only(e.fixes);
      assert.deepEqual([...f.files].sort(), ['logo.png', 'src/app.js']);
      const binary = f.survival?.files.find((x) => x.path === 'logo.png');
      assert.deepEqual([binary?.binary, binary?.added], [true, 0]);
      assert.equal(f.survival?.added, 2);
    });
  });

  describe('a shallow clone', () => {
    let repo: TempRepo;
    let fix: string;
    let clone: string;
    before(() => {
      repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      fix = repo.commit('Fix crash on login (fixes ACME-12)', { files: { 'src/app.js': FIXED } });
      repo.commit('Later 1', { files: { 'a.txt': '1\n' } });
      repo.commit('Later 2', { files: { 'a.txt': '2\n' } });
      clone = repo.shallowClone('shallow', 1);
    });

    it('says the history is incomplete when the fix is not visible', async () => {
      const e = await evidence(clone, { ref: 'ACME-12' });
      assert.equal(e.historyComplete, false);
      assert.equal(e.verdict, 'no-fix-linked');
      assert.deepEqual(e.caveats, [{ code: 'shallow-history', subjects: [] }]);
    });

    it('reports a linked fix that does not exist as fix-missing', async () => {
      const e = await evidence(clone, { fixes: [{ sha: fix, linkedBy: 'manual' }] });
      // A commit the repository lacks is no evidence: no verdict is built on it.
      assert.equal(e.verdict, 'no-fix-linked');
      assert.equal(only(e.fixes).exists, false);
      assert.deepEqual(e.caveats.map((c) => c.code), ['shallow-history', 'fix-missing']);
      assert.deepEqual(e.caveats[1]?.subjects, [fix]);
    });
  });

  describe('manual links', () => {
    it('replace the fixes found by message', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/app.js': BASE } });
      const real = repo.commit('Guard the user', { files: { 'src/app.js': FIXED } });
      const claimed = repo.commit('Fixes ACME-12 (no, it does not)', { files: { 'b.txt': 'b\n' } });
      const e = await evidence(repo.dir, { ref: 'ACME-12', fixes: [{ sha: real, linkedBy: 'manual' }] });
      assert.deepEqual(e.fixes.map((f) => [f.sha, f.linkedBy]), [[real, 'manual']]);
      assert.deepEqual(e.mentions.map((m) => m.sha), [claimed]);
    });
  });

  describe('errors', () => {
    it('rejects an unknown target and an unknown deployed ref with codes', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'a.txt': 'a\n' } });
      await assert.rejects(evidence(repo.dir, { ref: 'ACME-1', target: 'nope' }), { code: 'bad-target' });
      await assert.rejects(evidence(repo.dir, { ref: 'ACME-1', deployed: 'v9' }), { code: 'bad-deployed' });
      await assert.rejects(evidence(repo.dir, { ref: 'ACME-1', target: '--upload-pack=touch /tmp/x' }), { code: 'bad-target' });
      const lenient = await evidence(repo.dir, { ref: 'ACME-1', deployed: 'v9', deployedStrict: false });
      assert.deepEqual(lenient.caveats, [{ code: 'deployed-ref-unresolved', subjects: ['v9'] }]);
      assert.equal(lenient.deployed, null);
    });

    it('reports an empty repository and a folder that is not a repository', async () => {
      const repo = make();
      await assert.rejects(evidence(repo.dir, { ref: 'ACME-1' }), { code: 'empty-repository' });
      const plain = repo.sibling('plain');
      fs.mkdirSync(plain);
      await assert.rejects(evidence(plain, { ref: 'ACME-1' }), { code: 'not-a-repository' });
      await assert.rejects(evidence(path.join(plain, 'missing'), { ref: 'ACME-1' }), { code: 'not-a-repository' });
    });
  });
});
