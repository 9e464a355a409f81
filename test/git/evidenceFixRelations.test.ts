// Two facts that only the other linked fixes and the reverts can tell, on real repositories: a
// forge's merge linked as a fix is the change it brought in, not a second part of it; a reverted
// fix was shipped only by the releases that hold it without the revert; and a fix reverted, then
// fixed again, was an attempt: the issue is judged by the fix that replaced it.
import * as assert from 'node:assert/strict';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { buildReplyContext } from '../../src/core/reply/context';
import * as path from 'node:path';
import { renderReply } from '../../src/core/reply/render';
import { folderTemplateSource } from '../../src/core/reply/templateSource';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { lines, suiteRepos } from '../support/tempRepo';
import type { TempRepo } from '../support/tempRepo';

const CART = lines('cart', 20);
const CART_FIXED = CART.replace('cart 10\n', 'if (items.length === 0) return [];\n');

async function evidenceFor(dir: string, ref: string): Promise<IssueEvidence> {
  return computeEvidence(createGitPort(dir), { ref, issueId: ref, now: () => new Date('2026-01-01T00:00:00Z') });
}

/** The same evidence, checked to agree with the verdict-level computation (the view's rows). */
async function bothWaysFor(dir: string, ref: string, deployed?: string): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { ref, issueId: ref, ...(deployed !== undefined ? { deployed } : {}), now: () => new Date('2026-01-01T00:00:00Z') });
}

/** A cart fix (linked to `issue`) made on `branch`, then other work on main: the fix is not yet on main. */
function fixOnBranch(repo: TempRepo, branch: string, issue: string): string {
  repo.commit('Initial', { files: { 'src/cart.js': CART } });
  repo.checkout(branch, true);
  const fix = repo.commit(`Fix crash when the cart is empty (fixes ${issue})`, { files: { 'src/cart.js': CART_FIXED } });
  repo.checkout('main');
  repo.commit('Unrelated work', { files: { 'README.md': 'readme\n' } });
  return fix;
}

describe('evidence: merges that bring a fix in, and releases of a reverted fix', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a merge whose message links the issue brought the fix in: marked, and told once in the reply', async () => {
    const repo = make();
    const fix = fixOnBranch(repo, 'fix-cart', '#12');
    const merge = repo.merge('fix-cart', 'Merge pull request #13 from dev/fix-cart\n\nFix crash when the cart is empty (fixes #12)');
    const e = await evidenceFor(repo.dir, '#12');
    assert.deepEqual(e.fixes.map((f) => f.sha).sort(), [fix, merge].sort());
    assert.deepEqual(e.fixes.find((f) => f.sha === merge)?.mergeOf, [fix]);
    assert.equal(e.fixes.find((f) => f.sha === fix)?.mergeOf, undefined);
    const context = buildReplyContext({ evidence: e, language: 'en' });
    assert.deepEqual(context.fixes.map((f) => f.sha), [fix]);
    // A merge that brings no linked fix (the fix commit itself is not linked) stays a fix of its own.
    const plain = await computeEvidence(createGitPort(repo.dir), { fixes: [{ sha: merge, linkedBy: 'argument' }], now: () => new Date('2026-01-01T00:00:00Z') });
    assert.equal(plain.fixes[0]?.mergeOf, undefined);
  });

  it('a fix reverted before any release: no release had it in place; one released first keeps its release', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.tag('v1.0.0');
    const early = repo.commit('Fix crash when the cart is empty (fixes #20)', { files: { 'src/cart.js': CART_FIXED } });
    repo.revert(early);
    repo.tag('v1.1.0');
    const e = await evidenceFor(repo.dir, '#20');
    const fix = e.fixes.find((f) => f.sha === early);
    assert.equal(e.verdict, 'fix-reverted');
    assert.deepEqual(fix?.tags, ['v1.1.0']);
    assert.equal(fix?.firstTagInEffect, null);
    const context = buildReplyContext({ evidence: e, language: 'en' });
    assert.equal(context.release, undefined, 'no release is named as having shipped the fix');
    assert.equal(context.undoneBeforeRelease, true);

    const late = repo.commit('Guard the cart again (fixes #21)', { files: { 'src/cart.js': CART_FIXED } });
    repo.tag('v1.2.0', { message: 'v1.2.0' });
    repo.revert(late);
    repo.tag('v1.3.0', { message: 'v1.3.0' });
    const f = (await evidenceFor(repo.dir, '#21')).fixes[0];
    assert.deepEqual(f?.tags, ['v1.2.0', 'v1.3.0']);
    assert.equal(f?.firstTagInEffect?.name, 'v1.2.0');
    const again = buildReplyContext({ evidence: await evidenceFor(repo.dir, '#21'), language: 'en' });
    assert.equal(again.release?.name, 'v1.2.0');
    assert.equal(again.undoneBeforeRelease, false);
  });

  it('a fix reverted and then fixed again: the attempt is history, the fix that replaced it is judged and told', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CART, 'CHANGES.md': 'changes\n' } });
    const attempt = repo.commit('Start the cart guard early (fixes #30)', { files: { 'src/cart.js': CART.replace('cart 3\n', 'guard();\n') } });
    const undo = repo.revert(attempt);
    const fix = repo.commit('Fix crash when the cart is empty (fixes #30)', { files: { 'src/cart.js': CART_FIXED } });
    repo.tag('v2.0.0');
    const e = await bothWaysFor(repo.dir, '#30', 'v2.0.0');
    assert.deepEqual(e.fixes.find((f) => f.sha === attempt)?.supersededBy, [fix]);
    assert.equal(e.fixes.find((f) => f.sha === fix)?.supersededBy, undefined);
    assert.equal(e.fixVerdicts[attempt], 'fix-reverted', 'the attempt itself stays reverted');
    assert.equal(e.verdict, 'fix-intact');
    assert.equal(e.deployed?.containsFix, true);
    const context = buildReplyContext({ evidence: e, language: 'en' });
    assert.deepEqual(context.fixes.map((f) => f.sha), [fix]);
    assert.deepEqual(context.attempts.map((a) => [a.sha, a.undo.sha]), [[attempt, undo]]);
    assert.deepEqual(context.reverts, [], 'the fix that stands was not reverted');
    for (const language of ['en', 'es'] as const) {
      const rendered = renderReply(buildReplyContext({ evidence: e, language }), { builtin: folderTemplateSource(path.resolve(__dirname, '../../../templates'), language, 'builtin'), timeZone: 'UTC' });
      assert.ok(rendered.ok, JSON.stringify(rendered));
      const text = rendered.text;
      assert.match(text, language === 'en' ? /a first attempt at the fix; the same day, .*undid it/ : /un primer intento de corrección; ese mismo día,? .*lo deshi(?:ce|zo)/);
      assert.doesNotMatch(text, /cart\.js/, 'a plain reply names no file');
      assert.doesNotMatch(text, language === 'en' ? /part of the fix/ : /parte de la corrección/);
    }

    // Fixed again another way (another file): still a replacement, made after the revert.
    const other = make();
    other.commit('Initial', { files: { 'src/cart.js': CART, 'src/total.js': 'total\n' } });
    const lone = other.commit('Guard the cart (fixes #31)', { files: { 'src/cart.js': CART_FIXED } });
    other.revert(lone);
    const again = other.commit('Clamp the total instead (fixes #31)', { files: { 'src/total.js': 'total\nclamp\n' } });
    const replaced = await bothWaysFor(other.dir, '#31');
    assert.deepEqual(replaced.fixes.find((f) => f.sha === lone)?.supersededBy, [again]);
    assert.notEqual(replaced.verdict, 'fix-reverted');
  });

  it('a part of the fix reverted after the other parts were made is still a fix undone', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    const first = repo.commit('Guard the empty cart (fixes #32)', { files: { 'src/cart.js': CART_FIXED } });
    repo.commit('Guard the cart total too (fixes #32)', { files: { 'src/cart.js': CART_FIXED.replace('cart 15\n', 'if (total < 0) total = 0;\n') } });
    repo.revert(first);
    const e = await bothWaysFor(repo.dir, '#32');
    assert.equal(e.fixes.find((f) => f.sha === first)?.supersededBy, undefined, 'the other part was made before the revert: it replaces nothing');
    assert.equal(e.verdict, 'fix-reverted');
  });

  it('a cherry-pick linked as well as its original is one change: told once, its lines counted once', async () => {
    const repo = make();
    const original = fixOnBranch(repo, 'stable', '#40');
    const copy = repo.cherryPick(original);
    const e = await bothWaysFor(repo.dir, '#40');
    assert.deepEqual(e.fixes.map((f) => f.sha).sort(), [original, copy].sort(), 'both commits are linked');
    const context = buildReplyContext({ evidence: e, language: 'en' });
    assert.deepEqual(context.fixes.map((f) => f.sha), [copy]);
    assert.equal(context.survival?.added, 1, 'the one added line, not twice');
  });

  it('a fix and its rebased copy, both in the history, are one change: told once', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CART } });
    repo.checkout('feature', true);
    const original = repo.commit('Fix crash when the cart is empty (fixes #41)', { files: { 'src/cart.js': CART_FIXED } });
    repo.checkout('main');
    const copy = repo.cherryPick(original);
    repo.merge('feature', 'Merge branch feature');
    const e = await bothWaysFor(repo.dir, '#41');
    assert.deepEqual(e.fixes.map((f) => f.reachable), [true, true]);
    const repeated = e.fixes.filter((f) => f.sameChangeAs !== undefined);
    assert.equal(repeated.length, 1);
    assert.deepEqual([repeated[0]?.sha, repeated[0]?.sameChangeAs].sort(), [original, copy].sort());
    const context = buildReplyContext({ evidence: e, language: 'en' });
    assert.equal(context.fixes.length, 1);
    assert.equal(context.survival?.added, 1);
  });
});
