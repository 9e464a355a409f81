// A fix reverted and later brought back. Seen on prometheus (#16628: reverted the day it landed,
// landed again weeks later under its subject without the request number, released in v3.12.0) and
// on curl (#5634: the revert in 7.74.0, its revert first in 7.77.0). A client on a version with the
// revert and without the restore was told the fix was undone and "I will ask why and restore it"
// (already done), or that the fix was modified by the revert's lines. Each history is judged on its
// own: the target's, and the client's version's.
import * as assert from 'node:assert/strict';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import type { FixEvidence, IssueEvidence } from '../../src/core/evidence/model';
import { checkTone } from '../../src/core/tone/check';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { replyJson as reply } from '../support/cli';
import type { TempRepo } from '../support/tempRepo';
import { lines, ME, OTHER, suiteRepos } from '../support/tempRepo';

async function evidence(dir: string, request: EvidenceRequest): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { now: () => new Date('2026-01-01T00:00:00Z'), me: [ME.email], target: 'main', ...request });
}

const BASE = lines('cart', 20);
const FIXED = BASE.replace('cart 6\n', 'if (items.length === 0) {\n  return [];\n}\nlog("empty cart");\n');
const SUBJECT = 'Fix crash when the cart is empty (#12)';

function only(e: IssueEvidence): FixEvidence {
  assert.equal(e.fixes.length, 1);
  return e.fixes[0] as FixEvidence;
}

/** The fix in v1.0, its revert in v1.1; returns both. */
function fixedThenReverted(repo: TempRepo): { fix: string; revert: string } {
  repo.commit('Initial', { files: { 'src/cart.js': BASE } });
  const fix = repo.commit(`${SUBJECT}\n\nFixes ACME-12`, { files: { 'src/cart.js': FIXED } });
  repo.tag('v1.0');
  const revert = repo.revert(fix, OTHER);
  repo.tag('v1.1');
  return { fix, revert };
}

describe('evidence: a fix reverted and restored', function () {
  this.timeout(120000);
  const make = suiteRepos();

  it('a revert of the revert restores it: a client with the revert only gets the restore\'s release, one with both has the fix intact', async () => {
    const repo = make();
    const { fix, revert } = fixedThenReverted(repo);
    const restore = repo.revert(revert, OTHER);
    repo.tag('v1.2');
    const onMain = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'main' });
    assert.equal(onMain.verdict, 'fix-intact', 'restored on main: not reverted');
    assert.deepEqual(only(onMain).reverts, []);

    const onV11 = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.1' });
    assert.equal(onV11.verdict, 'fix-not-deployed', 'v1.1 has the revert and not the restore');
    assert.deepEqual(onV11.deployed?.update?.name, 'v1.2');
    assert.equal(onV11.deployed?.containsFix, false);
    const f = only(onV11);
    assert.deepEqual(f.revertsDeployed?.map((r) => r.sha), [revert]);
    assert.deepEqual(f.reverts, []);
    assert.deepEqual(f.restores?.map((r) => [r.sha, r.how, r.revert.sha, r.firstTag?.name]), [[restore, 'revert-of-revert', revert, 'v1.2']]);
    assert.deepEqual([f.survival?.measuredFrom, f.survival?.added, f.survival?.intact], [restore, 4, 4], 'the restore\'s lines are the fix\'s');
    assert.equal(only(onV11).firstTagInEffect?.name, 'v1.0', 'v1.0 had the fix in place, before the revert');

    const onV12 = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.2' });
    assert.equal(onV12.verdict, 'fix-intact');
    assert.equal((await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.0' })).verdict, 'fix-intact');
    void fix;
  });

  it('`Reapply "…"` restores it', async () => {
    const repo = make();
    fixedThenReverted(repo);
    const restore = repo.commit(`Reapply "${SUBJECT}"\n\nThe crash is back without it.`, { files: { 'src/cart.js': FIXED } });
    repo.tag('v1.2');
    const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.1' });
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.deepEqual(only(e).restores?.map((r) => [r.sha, r.how]), [[restore, 'reapply']]);
    assert.equal(e.deployed?.update?.name, 'v1.2');
  });

  it('the fix landed again under its subject without the request number restores it, its lines measured as landed again', async () => {
    const repo = make();
    fixedThenReverted(repo);
    // Landed again with one line written otherwise, and a test in a new file.
    const again = FIXED.replace('log("empty cart");\n', 'log("the cart is empty");\n');
    const restore = repo.commit('Fix crash when the cart is empty', { files: { 'src/cart.js': again, 'test/cart.test.js': 'test empty cart\n' }, author: OTHER });
    repo.tag('v1.2');
    const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.1' });
    assert.equal(e.verdict, 'fix-not-deployed');
    const f = only(e);
    assert.deepEqual(f.restores?.map((r) => [r.sha, r.how]), [[restore, 'same-subject']]);
    // The fix's three lines that came back as they were; the rewritten one is not the fix's line.
    assert.deepEqual([f.survival?.measuredFrom, f.survival?.added, f.survival?.intact], [restore, 3, 3]);
    assert.equal((await evidence(repo.dir, { ref: 'ACME-12', deployed: 'main' })).verdict, 'fix-intact');
  });

  it('a commit putting the fix\'s change back under another message restores it (its patch)', async () => {
    const repo = make();
    fixedThenReverted(repo);
    const restore = repo.commit('Bring the empty cart guard back', { files: { 'src/cart.js': FIXED } });
    const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.1' });
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.deepEqual(only(e).restores?.map((r) => [r.sha, r.how]), [[restore, 'patch']]);
    assert.equal(e.deployed?.update, null, 'no release holds the restore yet');
  });

  it('restored on the target only: a client on a maintenance line with the revert is pointed to the restore\'s release, not the next patch of their line', async () => {
    const repo = make();
    fixedThenReverted(repo);
    repo.checkout('release/1.1', true);
    repo.commit('Tidy the readme', { files: { 'README.md': 'cart\n' } });
    repo.tag('v1.1.1');
    repo.checkout('main');
    const restore = repo.commit(`Reapply "${SUBJECT}"`, { files: { 'src/cart.js': FIXED } });
    repo.tag('v1.2');
    const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'v1.1.1' });
    assert.equal(e.verdict, 'fix-not-deployed');
    // v1.2 does not descend from v1.1.1 (another line): no update of their version has it, and
    // the fix's own v1.0 is no answer either (it is older than their version).
    assert.equal(e.deployed?.update, null, 'v1.1.1 holds the fix and its revert only');
    assert.deepEqual(only(e).restores?.map((r) => [r.sha, r.firstTag?.name]), [[restore, 'v1.2']]);
    assert.deepEqual(only(e).restoresDeployed, undefined);
    // Judged on the maintenance line itself, the revert is in effect there.
    assert.equal((await evidence(repo.dir, { ref: 'ACME-12', target: 'release/1.1', deployed: 'v1.1.1' })).verdict, 'fix-reverted');
  });

  it('a revert of the restore undoes the fix again', async () => {
    const repo = make();
    const { revert } = fixedThenReverted(repo);
    const restore = repo.revert(revert, OTHER);
    const again = repo.revert(restore, OTHER);
    const e = await evidence(repo.dir, { ref: 'ACME-12', deployed: 'main' });
    assert.equal(e.verdict, 'fix-reverted');
    assert.deepEqual(only(e).reverts.map((r) => r.sha), [again]);
    assert.deepEqual(only(e).restores?.map((r) => r.sha), [restore]);
  });
});

describe('reply: a fix undone in the client\'s version and restored since', function () {
  this.timeout(120000);
  const make = suiteRepos();

  it('says it was undone in their version and put back since, and which update has it (en, es; plain, technical)', async () => {
    const repo = make();
    const { revert } = fixedThenReverted(repo);
    const restore = repo.revert(revert, OTHER);
    repo.tag('v1.2');
    const en = await reply(repo.dir, ['--ref', 'ACME-12', '--target', 'main', '--deployed', 'v1.1', '--lang', 'en']);
    assert.equal(en.verdict, 'fix-not-deployed');
    assert.match(en.text, /- The version you run \(v1\.1\) includes that fix, but also a change from [A-Z][a-z]+ \d+, 2024 by Bob Other that undid it\. On [A-Z][a-z]+ \d+, 2024, Bob Other put it back in place\./);
    assert.match(en.text, /version v1\.2, released on/);
    assert.match(en.text, /has the change that undid the fix, but not the later one that put it back/);
    assert.match(en.text, /updating to version v1\.2 or a later one brings the fix/);
    assert.doesNotMatch(en.text, /does not include this fix|I will ask|restore it|has not reached it yet/);
    assert.deepEqual(checkTone(en.text, 'en'), []);
    const tech = await reply(repo.dir, ['--ref', 'ACME-12', '--target', 'main', '--deployed', 'v1.1', '--lang', 'en', '--audience', 'technical']);
    assert.match(tech.text, new RegExp(`also commit ${revert.slice(0, 7)} \\(“Revert .*, which reverted it\\. On [A-Z][a-z]+ \\d+, 2024, commit ${restore.slice(0, 7)} \\(“Revert "Revert`));
    assert.deepEqual(checkTone(tech.text, 'en'), []);
    const es = await reply(repo.dir, ['--ref', 'ACME-12', '--target', 'main', '--deployed', 'v1.1', '--lang', 'es', '--register', 'tu']);
    assert.match(es.text, /- La versión que tienes publicada \(v1\.1\) incluye esa corrección, pero también un cambio de Bob Other del \d+ de [a-z]+ de 2024 que la deshizo\. El \d+ de [a-z]+ de 2024, Bob Other la volvió a incorporar\./);
    assert.match(es.text, /en la versión que tienes publicada está el cambio que deshizo la corrección, pero no el posterior que la volvió a incorporar/);
    assert.match(es.text, /actualizar a la versión v1\.2 o a una posterior/);
    assert.doesNotMatch(es.text, /no incluye esta corrección|preguntaré/);
    assert.deepEqual(checkTone(es.text, 'es'), []);
    const checked = await reply(repo.dir, ['--ref', 'ACME-12', '--target', 'main', '--deployed', 'v1.1', '--lang', 'en', '--appendix']);
    assert.match(checked.text, new RegExp(`- ${revert.slice(0, 7)} reverts [0-9a-f]{7} \\(its message says so\\):`));
    assert.match(checked.text, new RegExp(`- ${restore.slice(0, 7)} brought [0-9a-f]{7} back after its revert .*:\\n  \`git show --stat ${restore}\``));
    assert.match(checked.text, new RegExp(`- ${restore.slice(0, 7)} is not in \`v1\\.1\` \\(prints “no”\\):`));
    const esTech = await reply(repo.dir, ['--ref', 'ACME-12', '--target', 'main', '--deployed', 'v1.1', '--lang', 'es', '--audience', 'technical']);
    assert.match(esTech.text, new RegExp(`incluye ese commit y también el ${revert.slice(0, 7)} .*que lo revirtió\\. El \\d+ de [a-z]+ de 2024, el commit ${restore.slice(0, 7)} .*volvió a incorporar la corrección\\.`));
    assert.deepEqual(checkTone(esTech.text, 'es'), []);
  });

  it('with no release holding the restore yet, the next step is a new version, and the restore is still told', async () => {
    const repo = make();
    const { fix } = fixedThenReverted(repo);
    repo.commit(`Reapply "${SUBJECT}"`, { files: { 'src/cart.js': FIXED }, author: ME });
    const en = await reply(repo.dir, ['--fix', fix, '--target', 'main', '--deployed', 'v1.1', '--lang', 'en']);
    assert.equal(en.verdict, 'fix-not-deployed');
    assert.match(en.text, /I put it back in place\./);
    assert.match(en.text, /I will prepare a new version that includes the fix/);
    assert.deepEqual(checkTone(en.text, 'en'), []);
    // With the date the user chose (without one, the tone check flags the template's own next step,
    // "prepararé una versión nueva que incluya la corrección", as dodging: not this reply's words).
    const es = await reply(repo.dir, ['--fix', fix, '--target', 'main', '--deployed', 'v1.1', '--lang', 'es', '--by', '2026-02-03']);
    assert.match(es.text, /El \d+ de [a-z]+ de 2024 la volví a incorporar\./);
    assert.match(es.text, /prepararé una versión nueva que incluya la corrección/);
    assert.deepEqual(checkTone(es.text, 'es'), []);
  });
});
