// A fix undone somewhere, and a client whose version does not hold it. Seen on click (#3700): the
// fix was made on main and on the stable line, and undone on stable. A client on a stable release
// from before it was told, for the stable line, that the revert "would explain why the problem is
// back" (their version never had the fix); a client on the stable line after the revert was told
// "Nothing has undone the fix" (the copy made for their line had been undone).
import * as assert from 'node:assert/strict';
import { checkTone } from '../../src/core/tone/check';
import { replyJson as reply } from '../support/cli';
import type { TempRepo } from '../support/tempRepo';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';

const BASE = lines('cart', 12);
const FIXED = BASE.replace('cart 6\n', 'if (items.length === 0) return [];\nlog("empty cart");\n');
const FIXED_1X = BASE.replace('cart 6\n', 'if (!items.length) { return []; }\n');

/** main and release/1.x each with their own fix of ACME-9; 1.x's is undone; v1.0.1 before it, v1.0.2 after. */
function twoLines(repo: TempRepo): void {
  repo.commit('Initial', { files: { 'src/cart.js': BASE } });
  repo.tag('v1.0.0');
  repo.checkout('release/1.x', true);
  repo.commit('Tidy the readme', { files: { 'README.md': 'cart\n' } });
  repo.tag('v1.0.1');
  const backport = repo.commit('Guard the empty cart on 1.x (fixes ACME-9)', { files: { 'src/cart.js': FIXED_1X } });
  repo.revert(backport, OTHER);
  repo.tag('v1.0.2');
  repo.checkout('main');
  repo.commit('Fix crash when the cart is empty (fixes ACME-9)', { files: { 'src/cart.js': FIXED } });
  repo.tag('v2.0.0');
}

describe('reply: a fix undone on one line, a client whose version lacks it', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('target the line where it was undone, client on a release from before the fix: the reply says their version never had it', async () => {
    const repo = make();
    twoLines(repo);
    const en = await reply(repo.dir, ['--ref', 'ACME-9', '--target', 'release/1.x', '--deployed', 'v1.0.1', '--lang', 'en']);
    assert.equal(en.verdict, 'fix-reverted');
    assert.match(en.text, /- The version you run \(v1\.0\.1\) does not include this fix\./);
    assert.match(en.text, /the version you run has never had the fix, so the problem you see there is most likely the original one/);
    assert.doesNotMatch(en.text, /would explain why the problem is back/);
    assert.deepEqual(checkTone(en.text, 'en'), []);
    const es = await reply(repo.dir, ['--ref', 'ACME-9', '--target', 'release/1.x', '--deployed', 'v1.0.1', '--lang', 'es', '--register', 'tu']);
    assert.match(es.text, /- La versión que tienes publicada \(v1\.0\.1\) no incluye esta corrección\./);
    assert.match(es.text, /nunca ha tenido la corrección, así que lo más probable es que el problema que ves en ella sea el original/);
    assert.doesNotMatch(es.text, /explicaría que el problema haya vuelto/);
    assert.deepEqual(checkTone(es.text, 'es'), []);
  });

  it('target main, client on the maintenance line after the copy made for it was undone: never "nothing has undone the fix"', async () => {
    const repo = make();
    twoLines(repo);
    const en = await reply(repo.dir, ['--ref', 'ACME-9', '--target', 'main', '--deployed', 'v1.0.2', '--lang', 'en']);
    assert.equal(en.verdict, 'fix-not-deployed');
    assert.doesNotMatch(en.text, /Nothing has undone the fix|has not reached it yet/);
    assert.match(en.text, /made the same fix for the version you run; on [A-Z][a-z]+ \d+, 2024, a change by Bob Other undid it\./);
    assert.match(en.text, /because the copy of the fix made for it is no longer in its code/);
    // Updating to the release of main that has the fix is still the way out.
    assert.match(en.text, /updating to version v2\.0\.0 or a later one brings the fix/);
    assert.deepEqual(checkTone(en.text, 'en'), []);
    const es = await reply(repo.dir, ['--ref', 'ACME-9', '--target', 'main', '--deployed', 'v1.0.2', '--lang', 'es', '--audience', 'technical']);
    assert.doesNotMatch(es.text, /Ningún cambio posterior la ha deshecho|aún no ha llegado/);
    assert.match(es.text, /hice la misma corrección para la versión que tiene publicada \(commit [0-9a-f]{7}\); el \d+ de [a-z]+ de 2024, un cambio de Bob Other la deshizo \(commit [0-9a-f]{7}, «Revert/);
    assert.deepEqual(checkTone(es.text, 'es'), []);
  });

  it('the fix released, then undone on the client\'s maintenance line only: the reply says so, and never proposes the release they are already past', async () => {
    // jquery gh-1835: "don't auto-insert tbody" was in 2.2.0 and reverted on 2.2-stable for 2.2.1;
    // main kept it. A client on 2.2.1 was told "Nothing has undone the fix" and to update to 2.2.0.
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': BASE } });
    const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-9)', { files: { 'src/cart.js': FIXED } });
    repo.tag('v1.0.0');
    repo.checkout('release/1.x', true);
    repo.revert(fix, OTHER);
    repo.tag('v1.0.1');
    repo.checkout('main');
    repo.commit('New feature', { files: { 'feature.js': 'feature\n' } });
    const en = await reply(repo.dir, ['--ref', 'ACME-9', '--target', 'main', '--deployed', 'v1.0.1', '--lang', 'en']);
    assert.equal(en.verdict, 'fix-not-deployed');
    assert.doesNotMatch(en.text, /Nothing has undone the fix|has not reached it yet|updating to version v1\.0\.0/);
    assert.match(en.text, /- The version you run \(v1\.0\.1\) includes that fix, but also a change from [A-Z][a-z]+ \d+, 2024 by Bob Other that undid it\.\n/);
    assert.match(en.text, /What it means: the version you run has the change that undid the fix, so the problem you see there is most likely the original one\./);
    assert.match(en.text, /Next step: I will prepare a new version that includes the fix\./);
    assert.deepEqual(checkTone(en.text, 'en'), []);
    const es = await reply(repo.dir, ['--ref', 'ACME-9', '--target', 'main', '--deployed', 'v1.0.1', '--lang', 'es']);
    assert.doesNotMatch(es.text, /Ningún cambio posterior la ha deshecho|aún no ha llegado|volvió a incorporar/);
    assert.match(es.text, /incluye esa corrección, pero también un cambio de Bob Other del \d+ de [a-z]+ de 2024 que la deshizo\.\n/);
    assert.match(es.text, /está el cambio que deshizo la corrección, así que lo más probable/);
    // Checked as the editor checks it: the change that undid the fix is another person's.
    assert.deepEqual(es.tone, []);
    const technical = await reply(repo.dir, ['--ref', 'ACME-9', '--target', 'main', '--deployed', 'v1.0.1', '--lang', 'en', '--audience', 'technical']);
    assert.match(technical.text, /includes that commit and also commit [0-9a-f]{7} \(“Revert "Fix crash when the cart is empty \(fixes ACME-9\)"”\) from [A-Z][a-z]+ \d+, 2024, which reverted it\.\n/);
  });
});
