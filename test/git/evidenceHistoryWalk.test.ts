// Survival walks the history git blame walks (git's default history simplification), no longer the
// whole ancestry path (`--ancestry-path`, which compares every commit of the range with each of its
// parents: seconds per walk on a large history). On messy histories both walks must give the same
// evidence: a reference port below walks the old way (the follow of a moved file and the later
// patches with `--ancestry-path`) and the two evidences are compared whole, at the target and in
// the client's version, with and without the scan. The one deliberate difference: a change a merge
// threw away (`-s ours`) is not in the file's history any more, as blame does not see it either.
import * as assert from 'node:assert/strict';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import type { IssueEvidence } from '../../src/core/evidence/model';
import type { GitPort } from '../../src/core/gitPort';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { followPath } from '../../src/git/followPath';
import { DIFF_ARGS, LOG_ARGS } from '../../src/git/hardening';
import { commitFormat, parseCommitPatches } from '../../src/git/parsers/commits';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';

const CART = lines('cart', 30);
const GUARD = 'if (items.length === 0) return [];\nlog("empty cart");\n';
const CART_FIXED = CART.replace('cart 10\n', GUARD);
const NOW = (): Date => new Date('2026-01-01T00:00:00Z');

/** The port as it walked before: every history walk of survival on the ancestry path. */
function ancestryPathPort(repo: TempRepo): GitPort {
  const real = createGitPort(repo.dir);
  const withAncestryPath = (args: string[]): string[] => (args[0] === 'log' ? ['log', '--ancestry-path', ...args.slice(1)] : args);
  return {
    ...real,
    followPath: (file, from, to) => followPath(async (args) => repo.git(withAncestryPath(args)), DIFF_ARGS, file, from, to),
    logPatches: async (o) => {
      const args = ['log', ...LOG_ARGS, '-p', '-U0', '-M', ...DIFF_ARGS, `--format=${commitFormat.format}`];
      if (o.fullDiff) args.push('--full-diff');
      if (o.noMerges) args.push('--no-merges');
      // Survival's own walk (not the copies' search) was the one on the ancestry path.
      if (!o.fullDiff) args.push('--ancestry-path');
      return parseCommitPatches(repo.git([...args, ...o.range.include, ...o.range.exclude.map((e) => `^${e}`), '--', ...o.paths]));
    },
  };
}

async function bothWalks(repo: TempRepo, request: EvidenceRequest): Promise<{ now: IssueEvidence; before: IssueEvidence }> {
  const port = createGitPort(repo.dir);
  const scan = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS });
  const now = await computeEvidence(port, { now: NOW, ...request });
  const before = await computeEvidence(ancestryPathPort(repo), { now: NOW, ...request });
  assert.deepEqual(now, before, 'the same evidence from both walks');
  // Through the scan (the commit graph answers containment; an earlier ref may reuse the patches).
  assert.deepEqual(await computeEvidence(port, { now: NOW, ...request, scan }), now, 'the same evidence through the scan');
  return { now, before };
}

describe('survival walks the history blame walks, with the evidence the ancestry path gave', function () {
  this.timeout(60000);
  const newRepo = suiteRepos();

  it('a file moved in several steps with edits, lines changed on the way and after, a release in between', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/util.js': lines('util', 8) } });
    const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED, 'src/util.js': lines('util', 8).replace('util 4\n', 'guard util\n') } });
    repo.commit('Log through the logger', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart");\n') }, author: OTHER });
    const one = CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart");\n').replace('cart 2\n', 'cart two\n');
    repo.commit('Move sources to lib', { files: { 'src/cart.js': null, 'lib/cart.js': one } });
    repo.tag('v1.0');
    repo.checkout('feature', true);
    repo.commit('Feature on the moved file', { files: { 'lib/cart.js': one.replace('cart 25\n', 'cart 25 feature\n') }, author: OTHER });
    repo.checkout('main');
    repo.commit('Port to TypeScript', { files: { 'lib/cart.js': null, 'lib/cart.ts': one.replace('cart 3\n', 'cart three\n') } });
    repo.merge('feature', 'Merge feature');
    repo.commit('Drop the util guard', { files: { 'src/util.js': null }, author: OTHER });
    const { now } = await bothWalks(repo, { ref: 'ACME-1', target: 'main', deployed: 'v1.0' });
    const f = now.fixes.find((x) => x.sha === fix);
    assert.deepEqual(f?.survival?.files.map((x) => [x.path, x.pathAtRef, x.intact, x.modified + x.removed]), [
      ['src/cart.js', 'lib/cart.ts', 1, 1],
      ['src/util.js', null, 0, 1],
    ]);
    assert.equal(f?.survivalDeployed?.files[0]?.pathAtRef, 'lib/cart.js');
  });

  it('a file deleted and added again under its name, and a merge of a branch that edited the fixed lines', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/other.js': lines('other', 5) } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-2)', { files: { 'src/cart.js': CART_FIXED } });
    repo.checkout('rework', true);
    repo.commit('Rework the guard', { files: { 'src/cart.js': CART_FIXED.replace('if (items.length === 0) return [];\n', 'if (!items.length) return [];\n') }, author: OTHER });
    repo.checkout('main');
    repo.commit('Drop the cart', { files: { 'src/cart.js': null } });
    repo.commit('Bring the cart back', { files: { 'src/cart.js': CART_FIXED.replace('cart 20\n', 'cart twenty\n') } });
    repo.tag('v2.0');
    repo.merge('rework', 'Merge rework');
    assert.equal(repo.read('src/cart.js'), CART_FIXED.replace('cart 20\n', 'cart twenty\n').replace('if (items.length === 0) return [];\n', 'if (!items.length) return [];\n'));
    const { now } = await bothWalks(repo, { ref: 'ACME-2', target: 'main', deployed: 'v2.0' });
    // The merge's edit came after v2.0: the client's version has the fix's lines as they were.
    assert.equal(now.verdict, 'fix-intact');
    assert.ok((now.fixes[0]?.survival?.modified ?? 0) > 0, 'the target lost a line to the merged edit');
  });

  it('reverts: of the fix, of the revert, of the merge that brought a second fix, and one by content', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/total.js': lines('total', 10) } });
    const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-3)', { files: { 'src/cart.js': CART_FIXED } });
    const revert = repo.revert(fix);
    repo.revert(revert);
    repo.checkout('total', true);
    repo.commit('Clamp the total (fixes ACME-3)', { files: { 'src/total.js': lines('total', 10).replace('total 5\n', 'total = Math.max(0, total);\n') } });
    repo.checkout('main');
    repo.commit('Main work', { files: { 'src/cart.js': CART_FIXED.replace('cart 28\n', 'cart 28b\n') } });
    const merge = repo.merge('total', 'Merge total');
    repo.tag('v3.0');
    repo.git(['revert', '--no-edit', '-m', '1', merge]);
    repo.commit('Simplify cart code', { files: { 'src/cart.js': CART.replace('cart 28\n', 'cart 28b\n') }, author: OTHER });
    const { now } = await bothWalks(repo, { ref: 'ACME-3', target: 'main', deployed: 'main' });
    assert.equal(now.verdict, 'fix-reverted');
    assert.ok(now.fixes.every((f) => f.reverts.length > 0), 'both fixes reverted');
  });

  it('a fix on a maintenance branch merged into main, with main changes from before and after it', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.git(['branch', 'release/1.x']);
    repo.commit('Rename cart 12', { files: { 'src/cart.js': CART.replace('cart 12\n', 'cart twelve\n') } });
    repo.checkout('release/1.x');
    repo.commit('Fix crash when the cart is empty (fixes ACME-4)', { files: { 'src/cart.js': CART_FIXED } });
    repo.tag('v1.0.1');
    repo.checkout('main');
    repo.merge('release/1.x', 'Merge release/1.x');
    repo.commit('Log through the logger', { files: { 'src/cart.js': CART_FIXED.replace('cart 12\n', 'cart twelve\n').replace('log("empty cart");\n', 'logger.warn("cart");\n') }, author: OTHER });
    const { now } = await bothWalks(repo, { ref: 'ACME-4', target: 'main', deployed: 'v1.0.1' });
    assert.deepEqual(now.fixes.map((f) => [f.survival?.intact, f.survival?.modified, f.survivalDeployed?.intact]), [[1, 1, 2]]);
  });

  it('a hop of a follow already walked is not walked again (the history it names never changes)', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    const first = repo.commit('Fix crash when the cart is empty (fixes ACME-6)', { files: { 'src/cart.js': CART_FIXED } });
    const second = repo.commit('Guard again (fixes ACME-6)', { files: { 'src/cart.js': CART_FIXED.replace('cart 20\n', 'guard();\n') } });
    repo.commit('Move to lib', { files: { 'src/cart.js': null, 'lib/cart.js': CART_FIXED.replace('cart 20\n', 'guard();\n') } });
    const moved = repo.head();
    repo.commit('Port to TypeScript', { files: { 'lib/cart.js': null, 'lib/cart.ts': CART_FIXED.replace('cart 20\n', 'guard();\n') } });
    const walks: string[] = [];
    const port = createGitPort(repo.dir, { log: (line) => (line.startsWith('git log --reverse') ? walks.push(line) : undefined) });
    const head = repo.head();
    const a = await port.followPath('src/cart.js', first, head);
    assert.deepEqual([a.path, walks.length], ['lib/cart.ts', 3]);
    // The second fix's follow shares every hop after its first with the first fix's.
    const b = await port.followPath('src/cart.js', second, head);
    assert.deepEqual([b.path, b.steps.map((s) => s.commit)], ['lib/cart.ts', [moved, head]]);
    assert.equal(walks.length, 4);
    assert.deepEqual(await port.followPath('src/cart.js', first, head), a);
    assert.equal(walks.length, 4);
  });

  it('the deliberate difference: a revert a merge threw away (-s ours) is not a revert at the target, as blame sees it', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-5)', { files: { 'src/cart.js': CART_FIXED } });
    repo.checkout('experiment', true);
    const thrown = repo.revert(fix);
    repo.checkout('main');
    repo.commit('Log through the logger', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart");\n') }, author: OTHER });
    repo.git(['merge', '-q', '-s', 'ours', '-m', 'Merge experiment, keeping main', 'experiment']);
    const request = { ref: 'ACME-5', target: 'main', now: NOW };
    const now = await computeEvidence(createGitPort(repo.dir), request);
    const before = await computeEvidence(ancestryPathPort(repo), request);
    assert.deepEqual(before.fixes[0]?.reverts.map((r) => r.sha), [thrown], 'the ancestry path saw the thrown-away revert');
    assert.deepEqual(now.fixes[0]?.reverts, []);
    assert.equal(now.verdict, 'fix-modified');
    assert.equal(repo.git(['blame', '--porcelain', 'main', '--', 'src/cart.js']).includes(thrown), false, 'blame does not see it either');
  });
});
