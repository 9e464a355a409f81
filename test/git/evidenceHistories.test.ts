// The evidence on histories as real projects have them: an issue fixed on several release lines,
// files moved in several steps and in large moves, reverts in the forms people and forges write,
// per-commit releases, later changes on a merged old branch, other scripts and tag styles, and a
// linked commit the repository lacks. Each test builds the situation and asserts the verdict and
// the per-fix facts.
import * as assert from 'node:assert/strict';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import type { FixEvidence, IssueEvidence } from '../../src/core/evidence/model';
import { createGitPort } from '../../src/git/simpleGitPort';
import { runCliCaptured } from '../support/cli';
import type { TempRepo } from '../support/tempRepo';
import { lines, ME, OTHER, suiteRepos } from '../support/tempRepo';
import { evidenceBothWays } from '../support/evidenceBothWays';

const CART = lines('cart', 30);
// Main's fix of the cart crash: line 10 becomes a guard.
const CART_FIXED = CART.replace('cart 10\n', 'if (items.length === 0) return [];\nlog("empty cart");\n');

async function evidence(dir: string, request: EvidenceRequest): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { now: () => new Date('2026-01-01T00:00:00Z'), ...request });
}

function fixOf(e: IssueEvidence, sha: string): FixEvidence {
  const f = e.fixes.find((x) => x.sha === sha);
  assert.ok(f !== undefined, `no fix ${sha} in ${e.fixes.map((x) => x.sha).join(', ')}`);
  return f;
}

function counts(f: FixEvidence, at: 'survival' | 'survivalDeployed' = 'survival'): [number, number, number, number] | null {
  const s = f[at];
  return s === null ? null : [s.added, s.intact, s.modified, s.removed];
}

/** Commits (and merges) at a given date, for histories where "later" matters. */
function at(repo: TempRepo, date: string): Record<string, string> {
  return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: ME.name, GIT_AUTHOR_EMAIL: ME.email, GIT_COMMITTER_NAME: ME.name, GIT_COMMITTER_EMAIL: ME.email };
}

describe('evidence on messy histories', function () {
  this.timeout(60000);
  const make = suiteRepos();

  describe('an issue fixed on two release lines with different patches', () => {
    let repo: TempRepo;
    let mainFix: string;
    let backport: string;
    before(() => {
      repo = make();
      repo.commit('Initial', { files: { 'src/cart.js': CART } });
      repo.tag('v1.0.0');
      repo.checkout('release/1.x', true);
      // The maintenance line has its own history around the fixed line: the backport's context differs.
      repo.commit('Tweak cart on 1.x', { files: { 'src/cart.js': CART.replace('cart 12\n', 'cart twelve\n') } });
      repo.checkout('main');
      repo.commit('Rework cart header', { files: { 'src/cart.js': CART.replace('cart 2\n', 'cart two\n') } });
      mainFix = repo.commit('Fix crash when the cart is empty (fixes ACME-20)', { files: { 'src/cart.js': CART_FIXED.replace('cart 2\n', 'cart two\n') } });
      repo.tag('v2.0.0');
      repo.checkout('release/1.x');
      backport = repo.commit('[1.x] Fix crash when the cart is empty\n\nBackport of the main fix. Fixes ACME-20', {
        files: { 'src/cart.js': CART.replace('cart 12\n', 'cart twelve\n').replace('cart 10\n', 'if (items.length === 0) return [];\nlog("empty cart (1.x)");\n') },
      });
      repo.tag('v1.0.1');
      repo.checkout('main');
    });

    it('judges the target by its own fix and the client on 1.x by the backport', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-20', target: 'main', deployed: 'v1.0.1' });
      assert.equal(e.verdict, 'fix-intact');
      assert.equal(e.deployed?.containsFix, true);
      const m = fixOf(e, mainFix);
      const b = fixOf(e, backport);
      assert.deepEqual([m.reachable, m.inDeployed, m.counterpartOf], [true, false, []]);
      assert.deepEqual([b.reachable, b.equivalents, b.inDeployed, b.counterpartOf], [false, [], true, [mainFix]]);
      assert.deepEqual(counts(m), [2, 2, 0, 0]);
      assert.deepEqual(counts(b, 'survivalDeployed'), [2, 2, 0, 0]);
      // Each fix's releases are its own.
      assert.deepEqual([m.tags, m.firstTag?.name], [['v2.0.0'], 'v2.0.0']);
      assert.deepEqual([b.tags, b.firstTag?.name], [['v1.0.1'], 'v1.0.1']);
    });

    it('the CLI report says which fix is the same fix made on another release line', async () => {
      const run = await runCliCaptured(['evidence', '--repo', repo.dir, '--ref', 'ACME-20', '--deployed', 'v1.0.1'], repo.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`on target: no, the same fix made on another release line as ${mainFix.slice(0, 7)}`));
    });

    it('a client on a 1.x release before the backport does not have the fix', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-20', target: 'main', deployed: 'v1.0.0' });
      assert.equal(e.verdict, 'fix-not-deployed');
      assert.equal(e.deployed?.containsFix, false);
      assert.deepEqual(fixOf(e, backport).counterpartOf, [mainFix]);
    });

    it('the other way round: the maintenance branch as target, main as its counterpart', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-20', target: 'release/1.x', deployed: 'v2.0.0' });
      assert.equal(e.verdict, 'fix-intact');
      assert.deepEqual(fixOf(e, mainFix).counterpartOf, [backport]);
      assert.deepEqual(fixOf(e, backport).counterpartOf, []);
      assert.equal(e.deployed?.containsFix, true);
    });

    it('a revert of the target\'s own fix: fix-reverted for the target, fix-intact for a client whose line has the backport intact', async () => {
      const r = make();
      r.commit('Initial', { files: { 'src/cart.js': CART } });
      r.checkout('release/1.x', true);
      // A different patch from main's (its own log line): a counterpart, not a copy.
      const bp = r.commit('Fix crash when the cart is empty (1.x)\n\nFixes ACME-22', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");', 'log("empty cart (1.x)");') } });
      r.checkout('main');
      r.commit('Rework cart header', { files: { 'src/cart.js': CART.replace('cart 2\n', 'cart two\n') } });
      const fix = r.commit('Fix crash when the cart is empty (fixes ACME-22)', { files: { 'src/cart.js': CART_FIXED.replace('cart 2\n', 'cart two\n') } });
      const revert = r.revert(fix, OTHER);
      const e = await evidence(r.dir, { ref: 'ACME-22', target: 'main', deployed: 'release/1.x' });
      // The client's line runs the backport, intact; the revert is main's only.
      assert.equal(e.verdict, 'fix-intact');
      assert.equal(e.deployed?.containsFix, true);
      assert.equal((await evidence(r.dir, { ref: 'ACME-22', target: 'main', deployed: 'main' })).verdict, 'fix-reverted');
      assert.equal((await evidence(r.dir, { ref: 'ACME-22', target: 'main' })).verdict, 'fix-reverted');
      assert.equal(fixOf(e, fix).reverts[0]?.sha, revert);
      assert.deepEqual(fixOf(e, bp).counterpartOf, [fix]);
      assert.deepEqual(fixOf(e, bp).reverts, []);
    });

    it('a backport rewritten for the old code and released on its own line is a counterpart', async () => {
      const r = make();
      r.commit('Initial', { files: { 'src/cart.js': CART } });
      r.checkout('release/1.x', true);
      // Old code base, other code, other subject: only the release line and the file tell.
      const bp = r.commit('Security: stop the empty-cart crash on 1.x\n\nFixes ACME-24', { files: { 'src/cart.js': CART.replace('cart 10\n', 'var n = items ? items.length : 0;\nif (n === 0) { return []; }\n') } });
      r.tag('v1.0.1');
      r.checkout('main');
      const fix = r.commit('Guard the cart (fixes ACME-24)', { files: { 'src/cart.js': CART_FIXED } });
      r.tag('v2.0.0');
      const e = await evidence(r.dir, { ref: 'ACME-24', deployed: 'v1.0.1' });
      assert.deepEqual(fixOf(e, bp).counterpartOf, [fix]);
      assert.equal(e.verdict, 'fix-intact');
      // The same rewrite, unreleased, is a missing part: nothing says it is the fix made again.
      r.git(['tag', '-d', 'v1.0.1']);
      const unreleased = await evidence(r.dir, { ref: 'ACME-24' });
      assert.deepEqual(fixOf(unreleased, bp).counterpartOf, []);
      assert.equal(unreleased.verdict, 'fix-not-on-target');
    });

    it('part 2 of a fix missing from the target still counts as missing', async () => {
      const r = make();
      r.commit('Initial', { files: { 'src/cart.js': CART, 'src/checkout.js': lines('checkout', 10) } });
      const part1 = r.commit('Guard the empty cart, part 1 (fixes ACME-23)', { files: { 'src/cart.js': CART_FIXED } });
      r.checkout('part-2', true);
      // Built on part 1, in the same file: a later part of the same fix, not the fix made again.
      const part2 = r.commit('Guard the empty cart, part 2 (fixes ACME-23)', { files: { 'src/cart.js': CART_FIXED.replace('cart 20\n', 'if (!total) return 0;\n') } });
      r.checkout('main');
      const e = await evidence(r.dir, { ref: 'ACME-23', target: 'main' });
      assert.equal(e.verdict, 'fix-not-on-target');
      assert.deepEqual([fixOf(e, part1).reachable, fixOf(e, part2).reachable, fixOf(e, part2).counterpartOf], [true, false, []]);
    });
  });

  describe('files moved and renamed after the fix', () => {
    it('follows moves in several steps, with edits, .js to .ts, commit by commit', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/util.js': lines('util', 5) } });
      const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-30)', { files: { 'src/cart.js': CART_FIXED } });
      // Move with edits in the same commit, then a rename with edits, then a folder reorganisation
      // with edits: each step keeps most of the file, the two ends share less than half of it.
      const step = (text: string, from: number, to: number): string => {
        let out = text;
        for (let i = from; i <= to; i++) out = out.replace(`cart ${i}\n`, `cart ${i} (step)\n`);
        return out;
      };
      const one = step(CART_FIXED, 1, 8);
      const two = step(one, 12, 19);
      const three = step(two, 21, 29);
      repo.commit('Move sources to lib', { files: { 'src/cart.js': null, 'lib/cart.js': one, 'src/util.js': null, 'lib/util.js': lines('util', 5) } });
      repo.commit('Port cart to TypeScript', { files: { 'lib/cart.js': null, 'lib/cart.ts': two } });
      repo.commit('Reorganise into packages', { files: { 'lib/cart.ts': null, 'packages/core/lib/cart.ts': three }, author: OTHER });
      const ends = repo.git(['diff', '-M', '--name-status', `${fix}..HEAD`, '--', 'src/cart.js', 'packages/core/lib/cart.ts']);
      assert.match(ends, /^D\tsrc\/cart\.js$/m, 'one rename detection over the whole range does not pair the two ends');
      const e = await evidence(repo.dir, { ref: 'ACME-30', deployed: 'main' });
      const f = fixOf(e, fix);
      const file = f.survival?.files[0];
      assert.deepEqual([file?.path, file?.pathAtRef], ['src/cart.js', 'packages/core/lib/cart.ts']);
      assert.deepEqual(counts(f), [2, 2, 0, 0]);
      assert.equal(e.verdict, 'fix-intact');
      assert.deepEqual(f.reverts, []);
    });

    it('never reports a move of many files past diff.renameLimit as a removal', async () => {
      const repo = make();
      const files: Record<string, string> = {};
      for (let i = 1; i <= 40; i++) files[`src/f${i}.js`] = lines(`file ${i} line`, 30);
      files['src/cart.js'] = CART;
      repo.commit('Initial', { files });
      const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-31)', { files: { 'src/cart.js': CART_FIXED } });
      // One commit moves every file and edits each one: only inexact rename detection can pair them.
      const moved: Record<string, string | null> = {};
      for (let i = 1; i <= 40; i++) {
        moved[`src/f${i}.js`] = null;
        moved[`lib/f${i}.ts`] = `${lines(`file ${i} line`, 30)}// moved\n`;
      }
      moved['src/cart.js'] = null;
      moved['lib/cart.ts'] = `${CART_FIXED}// moved\n`;
      const move = repo.commit('Move everything to lib as TypeScript', { files: moved, author: OTHER });
      const warning = repo.git(['-c', 'diff.renameLimit=1', 'diff', '-M', '--name-status', `${fix}..${move}`]);
      assert.match(warning, /^D\tsrc\/cart\.js$/m, 'git itself does not pair the files at this limit');
      // The same situation as a move of more files than the default limit, at a small scale.
      const e = await computeEvidence(createGitPort(repo.dir, { renameLimit: 1 }), { ref: 'ACME-31', deployed: 'main' });
      const f = fixOf(e, fix);
      assert.equal(f.survival?.files[0]?.pathAtRef, 'lib/cart.ts');
      assert.deepEqual(counts(f), [2, 2, 0, 0]);
      assert.ok(!(f.survival?.changedBy ?? []).some((c) => c.sha === move), 'the pure move changed no line of the fix');
      assert.equal(e.verdict, 'fix-intact');
    });

    it('still reports a file that was really deleted as removed', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/other.js': lines('other', 5) } });
      const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-32)', { files: { 'src/cart.js': CART_FIXED } });
      const gone = repo.commit('Drop the cart', { files: { 'src/cart.js': null, 'src/basket.js': lines('basket', 3) }, author: OTHER });
      const e = await evidence(repo.dir, { ref: 'ACME-32', deployed: 'main' });
      const f = fixOf(e, fix);
      assert.deepEqual(counts(f), [2, 0, 0, 2]);
      assert.equal(f.survival?.files[0]?.pathAtRef, null);
      assert.equal(f.survival?.changedBy[0]?.sha, gone);
      assert.equal(e.verdict, 'fix-modified');
      assert.deepEqual(e.caveats, []);
    });
    it('a file dropped by a merge (deleted long before on the other line) is removed, not an error', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/other.js': lines('other', 5) } });
      repo.checkout('release/1.x', true);
      const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-33)', { files: { 'src/cart.js': CART_FIXED } });
      repo.checkout('main');
      repo.commit('Replace the cart with the basket package', { files: { 'src/cart.js': null } });
      assert.throws(() => repo.git(['merge', '-q', '--no-ff', '-m', 'Merge release/1.x', 'release/1.x']));
      repo.git(['rm', '-q', 'src/cart.js']);
      repo.git(['commit', '-q', '--no-edit']);
      const e = await evidence(repo.dir, { ref: 'ACME-33', deployed: 'main' });
      const f = fixOf(e, fix);
      assert.deepEqual(counts(f), [2, 0, 0, 2]);
      assert.equal(f.survival?.files[0]?.pathAtRef, null);
      assert.equal(e.verdict, 'fix-modified');
    });
  });

  describe('reverts as people and forges write them', () => {
    let repo: TempRepo;
    let fix: string;
    let merge: string;
    before(() => {
      repo = make();
      repo.commit('Initial', { files: { 'src/cart.js': CART } });
      repo.checkout('cart-fix', true);
      fix = repo.commit('Fix crash when the cart list is empty after checkout (fixes ACME-40)', { files: { 'src/cart.js': CART_FIXED } });
      repo.checkout('main');
      repo.commit('Docs', { files: { 'docs.md': 'docs\n' } });
      merge = repo.merge('cart-fix', "Merge branch 'cart-fix'");
      repo.tag('v1.0.0');
    });

    it('a fix that arrived through a merge is on the target and intact before any revert', async () => {
      const e = await evidence(repo.dir, { ref: 'ACME-40', deployed: 'v1.0.0' });
      const f = fixOf(e, fix);
      assert.deepEqual([f.reachable, f.isMerge, f.tags], [true, false, ['v1.0.0']]);
      assert.equal(e.verdict, 'fix-intact');
    });

    it('a revert of the merge that brought the fix reverts the fix', async () => {
      repo.checkout('revert-merge', true);
      repo.git(['revert', '--no-edit', '-m', '1', merge], { env: at(repo, '2024-02-01T10:00:00Z') });
      const revert = repo.head();
      repo.checkout('main');
      assert.match(repo.git(['log', '-1', '--format=%B', revert]), /reversing\s+changes made to/);
      const e = await evidence(repo.dir, { ref: 'ACME-40', target: 'revert-merge' });
      const r = fixOf(e, fix).reverts;
      assert.deepEqual(r.map((x) => [x.sha, x.how, x.reverts, x.viaMerge]), [[revert, 'message', fix, merge]]);
      assert.equal(e.verdict, 'fix-reverted');
    });

    it('a fix that only removes lines, brought by a merge that was reverted, is reverted', async () => {
      const r = make();
      r.commit('Initial', { files: { 'src/cart.js': CART } });
      r.checkout('drop-debug', true);
      const only = r.commit('Drop the debug line that crashed the cart (fixes ACME-41)', { files: { 'src/cart.js': CART.replace('cart 10\n', '') } });
      r.checkout('main');
      r.commit('Docs', { files: { 'docs.md': 'docs\n' } });
      const m = r.merge('drop-debug', "Merge branch 'drop-debug'");
      r.git(['revert', '--no-edit', '-m', '1', m]);
      const revert = r.head();
      const e = await evidence(r.dir, { ref: 'ACME-41' });
      assert.equal(fixOf(e, only).survival, null);
      assert.deepEqual(fixOf(e, only).reverts.map((x) => [x.sha, x.viaMerge]), [[revert, m]]);
      assert.equal(e.verdict, 'fix-reverted');
    });

    it('counts a `Revert <short sha>` subject and a forge-truncated subject', async () => {
      repo.checkout('revert-sha', true);
      const bySha = repo.commit(`Revert ${fix.slice(0, 8)}`, { files: { 'src/cart.js': CART } });
      repo.checkout('main');
      repo.checkout('revert-cut', true);
      // Only the subject says it; the patch leaves one of the fix's lines, so content alone would not.
      const cut = repo.commit('Revert "Fix crash when the cart list is empty af…\n\n…ter checkout (fixes ACME-40)"', {
        files: { 'src/cart.js': CART.replace('cart 10\n', 'log("empty cart");\n') },
      });
      repo.checkout('main');
      const a = await evidence(repo.dir, { ref: 'ACME-40', target: 'revert-sha' });
      assert.deepEqual(fixOf(a, fix).reverts.map((x) => [x.sha, x.how]), [[bySha, 'message']]);
      const b = await evidence(repo.dir, { ref: 'ACME-40', target: 'revert-cut' });
      assert.deepEqual(fixOf(b, fix).reverts.map((x) => [x.sha, x.how]), [[cut, 'subject']]);
      assert.equal(b.verdict, 'fix-reverted');
    });

    it('a revert on a branch the target does not contain does not count for the target', async () => {
      repo.checkout('experiment', true);
      repo.revert(fix, OTHER);
      repo.checkout('main');
      const e = await evidence(repo.dir, { ref: 'ACME-40', target: 'main', deployed: 'main' });
      assert.deepEqual(fixOf(e, fix).reverts, []);
      assert.equal(e.verdict, 'fix-intact');
      const there = await evidence(repo.dir, { ref: 'ACME-40', target: 'experiment' });
      assert.equal(there.verdict, 'fix-reverted');
    });

    it('finds by content a later commit that undoes the fix without saying so', async () => {
      repo.checkout('silent', true);
      const undo = repo.commit('Simplify cart code', { files: { 'src/cart.js': CART }, author: OTHER });
      repo.checkout('main');
      const e = await evidence(repo.dir, { ref: 'ACME-40', target: 'silent' });
      assert.deepEqual(fixOf(e, fix).reverts.map((x) => [x.sha, x.how]), [[undo, 'content']]);
    });
  });

  describe('releases and later changes are facts about each commit', () => {
    it('a release line whose newest tag predates the fix has no release with it', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/cart.js': CART } });
      repo.checkout('release/1.x', true);
      repo.commit('1.x work', { files: { 'a.txt': 'a\n' } });
      repo.tag('v1.0.1');
      repo.checkout('main');
      const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-50)', { files: { 'src/cart.js': CART_FIXED } });
      repo.checkout('release/1.x');
      // A tag on the old line made after the fix was written, still without it.
      repo.tag('v1.0.2');
      repo.checkout('main');
      repo.tag('v1.1.0');
      const e = await evidence(repo.dir, { ref: 'ACME-50', deployed: 'v1.0.2' });
      const f = fixOf(e, fix);
      assert.deepEqual([f.tags, f.firstTag?.name], [['v1.1.0'], 'v1.1.0']);
      assert.equal(e.verdict, 'fix-not-deployed');
    });

    it('lists as later changes only what came after the fix, saying why each counts', async () => {
      const repo = make();
      repo.git(['commit', '-q', '--allow-empty', '-m', 'root'], { env: at(repo, '2020-01-01T10:00:00Z') });
      repo.write('src/cart.js', CART);
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'Initial'], { env: at(repo, '2020-01-02T10:00:00Z') });
      repo.git(['branch', 'release/1.x']);
      // Main changed the lines next to the fixed one years before the fix was made on 1.x.
      repo.write('src/cart.js', CART.replace('cart 11\n', 'cart eleven\n'));
      // (Next to the fixed line: the merge below conflicts and is resolved by keeping both.)
      repo.git(['commit', '-q', '-am', 'Rename cart 11'], { env: at(repo, '2021-03-01T10:00:00Z') });
      const old = repo.head();
      repo.checkout('release/1.x');
      repo.write('src/cart.js', CART_FIXED);
      repo.git(['commit', '-q', '-am', 'Fix crash when the cart is empty (fixes ACME-51)'], { env: at(repo, '2024-05-01T10:00:00Z') });
      const fix = repo.head();
      repo.checkout('main');
      assert.throws(() => repo.git(['merge', '-q', '--no-ff', '-m', 'Merge release/1.x', 'release/1.x'], { env: at(repo, '2024-05-02T10:00:00Z') }));
      repo.write('src/cart.js', CART_FIXED.replace('cart 11\n', 'cart eleven\n'));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '--no-edit'], { env: at(repo, '2024-05-02T10:00:00Z') });
      repo.write('src/cart.js', repo.read('src/cart.js').replace('cart 9\n', 'cart nine\n'));
      repo.git(['commit', '-q', '-am', 'Rename cart 9'], { env: at(repo, '2025-01-01T10:00:00Z') });
      const later = repo.head();
      const e = await evidence(repo.dir, { ref: 'ACME-51' });
      const f = fixOf(e, fix);
      assert.deepEqual(counts(f), [2, 2, 0, 0]);
      assert.deepEqual(f.laterChanges.map((c) => [c.sha, c.why]), [[later, 'in-fixed-region']]);
      assert.ok(!f.laterChanges.some((c) => c.sha === old), 'a commit authored years before the fix is not a later change');
    });
  });

  describe('other scripts and tag styles', () => {
    it('reads CJK and Cyrillic messages, V and bare version tags, and ignores non-version tags', async () => {
      const repo = make();
      repo.commit('初始化', { files: { 'src/cart.js': CART, 'src/menu.js': lines('menu', 10) } });
      const cjk = repo.commit('修复空购物车崩溃\n\nFixes ACME-60', { files: { 'src/cart.js': CART_FIXED } });
      repo.tag('deploy-2024-05');
      repo.tag('stable');
      repo.tag('V1.3.0');
      const cyr = repo.commit('Исправлена ошибка меню (fixes ACME-61)', { files: { 'src/menu.js': lines('menu', 10).replace('menu 5\n', 'меню 5\n') } });
      repo.tag('2.0.0');
      repo.commit('Revert "Исправлена ошибка меню (fixes ACME-61)"', { files: { 'src/menu.js': lines('menu', 10) } });
      const a = await evidence(repo.dir, { ref: 'ACME-60', deployed: 'stable' });
      const f = fixOf(a, cjk);
      assert.equal(f.subject, '修复空购物车崩溃');
      assert.deepEqual([f.tags, f.firstTag?.name], [['V1.3.0', '2.0.0'], 'V1.3.0']);
      assert.equal(a.verdict, 'fix-intact');
      const b = await evidence(repo.dir, { ref: 'ACME-61' });
      const g = fixOf(b, cyr);
      assert.equal(g.subject, 'Исправлена ошибка меню (fixes ACME-61)');
      assert.deepEqual([g.tags, g.reverts.map((r) => r.how)], [['2.0.0'], ['subject']]);
      assert.equal(b.verdict, 'fix-reverted');
    });
  });

  describe('a linked commit the repository does not have', () => {
    it('is marked missing, builds no verdict, and reply refuses naming it', async () => {
      const repo = make();
      repo.commit('Initial', { files: { 'src/cart.js': CART } });
      const real = repo.commit('Fix crash when the cart is empty (fixes ACME-70)', { files: { 'src/cart.js': CART_FIXED } });
      const ghost = 'abcdef0123456789abcdef0123456789abcdef01';
      const e = await evidence(repo.dir, { fixes: [{ sha: real, linkedBy: 'manual' }, { sha: ghost, linkedBy: 'manual' }], deployed: 'main' });
      assert.equal(fixOf(e, ghost).exists, false);
      assert.deepEqual(e.caveats, [{ code: 'fix-missing', subjects: [ghost] }]);
      // The verdict stands on the commit that exists, not on the hole.
      assert.equal(e.verdict, 'fix-intact');
      const reply = await runCliCaptured(['reply', '--repo', repo.dir, '--fix', real, '--fix', ghost, '--deployed', 'main'], repo.dir);
      assert.equal(reply.code, 2);
      assert.equal(reply.stdout, '');
      assert.match(reply.stderr, new RegExp(`${ghost}.*(fetch|unshallow)`));
      const ok = await runCliCaptured(['reply', '--repo', repo.dir, '--fix', real, '--deployed', 'main'], repo.dir);
      assert.equal(ok.code, 0, ok.stderr);
    });
  });
});
