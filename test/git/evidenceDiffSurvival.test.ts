// Survival read from one comparison of the fix with the ref (diffSurvival.ts) against survival read
// from blame alone (a port without treeDiff), on real repositories: renames, moved lines,
// whitespace changes, CRLF and binary files, a file deleted at the ref, partly rewritten lines and
// later lines inside the fixed region must get the same answer either way; a line taken away and
// put back exactly is the one deliberate difference. Each case also says whether blame ran.
import * as assert from 'node:assert/strict';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { FixEvidence } from '../../src/core/evidence/model';
import type { GitPort } from '../../src/core/gitPort';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';

const CART = lines('cart', 30);
const GUARD = 'if (items.length === 0) return [];\nlog("empty cart");\n';
const CART_FIXED = CART.replace('cart 10\n', GUARD);

interface Run {
  fix: FixEvidence;
  blames: number;
  /** Blames of whole files (without line ranges). */
  wholeBlames: number;
}

async function fixEvidence(dir: string, diff: boolean): Promise<Run> {
  const real = createGitPort(dir);
  let blames = 0;
  let wholeBlames = 0;
  const port: GitPort = {
    ...real,
    blame: (file, range, only) => {
      blames++;
      if (only === undefined) wholeBlames++;
      return real.blame(file, range, only);
    },
    ...(diff ? {} : { treeDiff: undefined }),
  };
  const e = await computeEvidence(port, { ref: 'ACME-1', target: 'main', now: () => new Date('2026-01-01T00:00:00Z') });
  const fix = e.fixes[0];
  assert.ok(fix !== undefined, 'the fix was found');
  return { fix, blames, wholeBlames };
}

/** What survival says, in a form two readings can be compared on. */
function summary(f: FixEvidence): unknown {
  const s = f.survival;
  return {
    counts: s === null ? null : [s.added, s.intact, s.modified, s.removed],
    lost: s?.files.map((x) => ({ path: x.path, at: x.pathAtRef, lost: x.lost })) ?? null,
    changedBy: s?.changedBy.map((c) => [c.sha, c.lines]) ?? null,
    later: f.laterChanges.map((c) => [c.sha, c.why]),
  };
}

/** Both readings; asserts they agree, and returns them. */
async function bothAgree(repo: TempRepo): Promise<{ diff: Run; blame: Run }> {
  const diff = await fixEvidence(repo.dir, true);
  const blame = await fixEvidence(repo.dir, false);
  assert.deepEqual(summary(diff.fix), summary(blame.fix));
  return { diff, blame };
}

describe('survival from one comparison with the ref, against blame', function () {
  this.timeout(60000);
  const newRepo = suiteRepos();

  it('an untouched fix is intact without any blame', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/other.js': lines('other', 10) } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    repo.commit('Other work', { files: { 'src/other.js': lines('other', 12) }, author: OTHER });
    repo.commit('Edit far from the fix', { files: { 'src/cart.js': CART_FIXED.replace('cart 25\n', 'cart twenty-five\n') }, author: OTHER });
    const { diff } = await bothAgree(repo);
    assert.deepEqual(summary(diff.fix), { counts: [2, 2, 0, 0], lost: [{ path: 'src/cart.js', at: 'src/cart.js', lost: [] }], changedBy: [], later: [] });
    assert.equal(diff.blames, 0);
  });

  it('lines partly rewritten by a later commit: the same lines, states and commits, without blame', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    const rewrite = repo.commit('Log through the logger', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart", 0);\n') }, author: OTHER });
    repo.commit('Drop line 20', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart", 0);\n').replace('cart 20\n', '') } });
    const { diff } = await bothAgree(repo);
    const s = diff.fix.survival;
    assert.deepEqual([s?.intact, s?.modified, s?.removed], [1, 1, 0]);
    assert.deepEqual(s?.changedBy.map((c) => c.sha), [rewrite]);
    assert.equal(diff.blames, 0);
  });

  it('a later line inside the fixed region is a later change, named without blame', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    const between = repo.commit('Count empty carts', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'metrics.count("empty");\nlog("empty cart");\n') }, author: OTHER });
    const { diff } = await bothAgree(repo);
    assert.deepEqual(diff.fix.laterChanges.map((c) => [c.sha, c.why]), [[between, 'in-fixed-region']]);
    assert.equal(diff.fix.survival?.intact, 2);
    assert.equal(diff.blames, 0);
  });

  it('a later line inside the fixed region brought by a merge: only the region is blamed, with blame\'s answer', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    repo.git(['branch', 'metrics']);
    // Above the region, on the other side of the merge and older: the patches alone cannot place the line.
    repo.commit('Split cart 2', { files: { 'src/cart.js': CART_FIXED.replace('cart 2\n', 'cart 2a\ncart 2b\n') } });
    repo.checkout('metrics');
    const counted = repo.commit('Count empty carts', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'metrics.count("empty");\nlog("empty cart");\n') }, author: OTHER });
    repo.checkout('main');
    repo.merge('metrics', 'Merge metrics');
    const { diff } = await bothAgree(repo);
    assert.deepEqual(diff.fix.laterChanges.map((c) => [c.sha, c.why]), [[counted, 'in-fixed-region']]);
    assert.equal(diff.fix.survival?.intact, 2);
    assert.deepEqual([diff.blames, diff.wholeBlames], [1, 0], 'one blame, of the region\'s lines only');
  });

  it('lines moved elsewhere in the file are left to blame, which follows them', async () => {
    const repo = newRepo();
    const block = 'function guardAgainstEmptyCarts(items) {\n  if (items.length === 0) return [];\n  return items.filter(Boolean);\n}\n';
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART.replace('cart 10\n', block) } });
    repo.commit('Move the guard to the end', { files: { 'src/cart.js': CART.replace('cart 10\n', '') + block }, author: OTHER });
    const { diff } = await bothAgree(repo);
    assert.equal(diff.fix.survival?.intact, 4);
    assert.ok(diff.blames > 0, 'blame decided');
  });

  it('a re-indented line is modified either way', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    const indent = repo.commit('Indent', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', '    log("empty cart");\n') }, author: OTHER });
    const { diff } = await bothAgree(repo);
    assert.deepEqual([diff.fix.survival?.intact, diff.fix.survival?.modified], [1, 1]);
    assert.deepEqual(diff.fix.survival?.changedBy.map((c) => c.sha), [indent]);
    assert.notEqual(indent, fix);
  });

  it('a renamed file is followed as before', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    repo.commit('Move to lib', { files: { 'src/cart.js': null, 'lib/cart.js': CART_FIXED.replace('cart 3\n', 'cart three\n') }, author: OTHER });
    const { diff } = await bothAgree(repo);
    assert.equal(diff.fix.survival?.files[0]?.pathAtRef, 'lib/cart.js');
    assert.equal(diff.fix.survival?.intact, 2);
  });

  it('CRLF files: intact and rewritten lines as blame reads them', async () => {
    const repo = newRepo();
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
    repo.commit('Initial', { files: { 'src/cart.js': crlf(CART) } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': crlf(CART_FIXED) } });
    repo.commit('Reword', { files: { 'src/cart.js': crlf(CART_FIXED.replace('log("empty cart");\n', 'log("cart is empty");\n')) }, author: OTHER });
    const { diff } = await bothAgree(repo);
    assert.deepEqual([diff.fix.survival?.intact, diff.fix.survival?.modified], [1, 1]);
    assert.equal(diff.blames, 0);
  });

  it('a binary file beside a text file: the text file is measured, the binary one listed', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART, 'img/logo.png': Buffer.from([0, 1, 2, 3, 0, 255]) } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED, 'img/logo.png': Buffer.from([0, 9, 9, 3, 0, 255]) } });
    repo.commit('New logo', { files: { 'img/logo.png': Buffer.from([0, 7, 7, 3, 0, 254]) }, author: OTHER });
    const { diff } = await bothAgree(repo);
    assert.deepEqual(diff.fix.survival?.files.map((f) => [f.path, f.binary]), [['src/cart.js', false], ['img/logo.png', true]]);
    assert.equal(diff.fix.survival?.intact, 2);
  });

  it('a file deleted at the ref: every line removed, by the commit that deleted it', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/other.js': lines('other', 5) } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    const gone = repo.commit('Drop the cart', { files: { 'src/cart.js': null }, author: OTHER });
    const { diff } = await bothAgree(repo);
    assert.deepEqual([diff.fix.survival?.intact, diff.fix.survival?.removed], [0, 2]);
    assert.deepEqual(diff.fix.survival?.changedBy.map((c) => c.sha), [gone]);
  });

  it('a line taken away and put back exactly is intact here, where blame names who put it back', async () => {
    const repo = newRepo();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    const quieter = repo.commit('Quieter cart', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', '') }, author: OTHER });
    const back = repo.commit('Bring the log line back', { files: { 'src/cart.js': CART_FIXED }, author: OTHER });
    assert.notEqual(back, quieter);
    const diff = await fixEvidence(repo.dir, true);
    const blame = await fixEvidence(repo.dir, false);
    assert.deepEqual([diff.fix.survival?.intact, diff.fix.survival?.modified, diff.fix.survival?.removed], [2, 0, 0]);
    assert.deepEqual(diff.fix.laterChanges, []);
    assert.equal(diff.blames, 0);
    // Blame reads the line as the last commit's: lost, taken away by the commit that first removed it.
    assert.equal(blame.fix.survival?.intact, 1);
    assert.deepEqual(blame.fix.survival?.changedBy.map((c) => c.sha), [quieter]);
  });

  describe("the client's version behind the target", () => {
    /** Evidence with the deployed ref, with or without the scan; counts the history logs read. */
    async function withDeployed(dir: string, scan: boolean): Promise<{ fix: FixEvidence; logs: number }> {
      const real = createGitPort(dir);
      let logs = 0;
      const port: GitPort = {
        ...real,
        logPatches: (options) => {
          logs++;
          return real.logPatches(options);
        },
      };
      const request = { ref: 'ACME-1', target: 'main', deployed: 'v1.1', now: () => new Date('2026-01-01T00:00:00Z') };
      const e = await computeEvidence(port, scan ? { ...request, scan: await scanHistory(real, { patterns: DEFAULT_ID_PATTERNS }) } : request);
      const fix = e.fixes[0];
      assert.ok(fix !== undefined);
      return { fix, logs };
    }

    function deployedSummary(f: FixEvidence): unknown {
      return { ...(summary(f) as object), deployed: f.survivalDeployed === null ? null : [f.survivalDeployed.intact, f.survivalDeployed.modified, f.survivalDeployed.removed, f.survivalDeployed.files.map((x) => x.lost), f.survivalDeployed.changedBy.map((c) => c.sha)] };
    }

    it('reads the history once on a straight line, with the same answers at both refs', async () => {
      const repo = newRepo();
      repo.commit('Initial', { files: { 'src/cart.js': CART } });
      repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
      const first = repo.commit('Log through the logger', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart");\n') }, author: OTHER });
      repo.tag('v1.1');
      const second = repo.commit('Guard every list', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart");\n').replace('if (items.length === 0) return [];\n', 'if (!items?.length) return [];\n') }, author: OTHER });
      const withScan = await withDeployed(repo.dir, true);
      const without = await withDeployed(repo.dir, false);
      assert.deepEqual(deployedSummary(withScan.fix), deployedSummary(without.fix));
      assert.deepEqual([withScan.logs, without.logs], [1, 2]);
      assert.deepEqual(withScan.fix.survival?.changedBy.map((c) => c.sha).sort(), [first, second].sort());
      assert.deepEqual(withScan.fix.survivalDeployed?.changedBy.map((c) => c.sha), [first]);
    });

    it('reads it again for the client when a merge stands between the two refs', async () => {
      const repo = newRepo();
      repo.commit('Initial', { files: { 'src/cart.js': CART, 'a.txt': 'a\n' } });
      repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
      repo.commit('Log through the logger', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart");\n') }, author: OTHER });
      repo.tag('v1.1');
      repo.checkout('side', true);
      repo.commit('Side work', { files: { 'a.txt': 'b\n' } });
      repo.checkout('main');
      repo.commit('Main work', { files: { 'src/cart.js': CART_FIXED.replace('log("empty cart");\n', 'logger.warn("cart");\n').replace('cart 25\n', 'cart 25b\n') } });
      repo.merge('side', 'Merge side');
      const withScan = await withDeployed(repo.dir, true);
      const without = await withDeployed(repo.dir, false);
      assert.deepEqual(deployedSummary(withScan.fix), deployedSummary(without.fix));
      assert.equal(withScan.logs, 2);
    });
  });
});
