// The client's version is what the reply speaks of: when it holds the fix with its lines as they
// were, a change the target made after it (or on another release line) is not what the client
// runs, so the fix is not "modified" for them and the reply never says it was changed in their
// version. Seen on axios: a client on v0.28.1 (the CVE fix backported, intact) was told that 11 of
// its lines "have been changed or removed in the version you run" by changes made on v1.x only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { checkTone } from '../../src/core/tone/check';
import { replyJson as reply, runCliCaptured } from '../support/cli';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';

const BASE = lines('cart', 12);
const FIXED = BASE.replace('cart 6\n', 'if (items.length === 0) return [];\nlog("empty cart");\n');
const REWORKED = FIXED.replace('log("empty cart");\n', 'logger.warn("cart");\n');

describe("reply: the client's version holds the fix intact, the target changed it later", function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('same line: fix-intact for the client on the release, with the later change told as not in their version', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': BASE } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-7)', { files: { 'src/cart.js': FIXED } });
    repo.tag('v1.0.0');
    repo.commit('Log through the logger', { files: { 'src/cart.js': REWORKED }, author: OTHER });
    const onRelease = await reply(repo.dir, ['--ref', 'ACME-7', '--deployed', 'v1.0.0', '--lang', 'en']);
    assert.equal(onRelease.verdict, 'fix-intact');
    assert.match(onRelease.text, /The fix is intact in that version/);
    // A plain reply says how much of the fix the current code changed in words; the count of lines is the technical reply's.
    assert.match(onRelease.text, /In the current code, later changes have altered part of the fix; the version you run does not have them\./);
    assert.doesNotMatch(onRelease.text, /in the version you run:|none of them changed the fix|no longer as it was/);
    assert.deepEqual(checkTone(onRelease.text, 'en'), []);
    const es = await reply(repo.dir, ['--ref', 'ACME-7', '--deployed', 'v1.0.0', '--lang', 'es', '--audience', 'technical']);
    assert.match(es.text, /En `main`, cambios posteriores han modificado o eliminado 1 de las 2 líneas que añadió la corrección; la versión que tiene publicada no los incluye\./);
    assert.deepEqual(checkTone(es.text, 'es'), []);
    // The client on the code as it is now does run the change: fix-modified, told as in their version.
    const onMain = await reply(repo.dir, ['--ref', 'ACME-7', '--deployed', 'main', '--lang', 'en']);
    assert.equal(onMain.verdict, 'fix-modified');
    assert.match(onMain.text, /a later change has altered part of it in the version you run/);
  });

  it('a revert on the target after the client\'s release: their version runs the fix, the revert is told as not in it', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': BASE } });
    const fix = repo.commit('Fix crash when the cart is empty (fixes ACME-6)', { files: { 'src/cart.js': FIXED } });
    repo.tag('v1.0.0');
    repo.revert(fix, OTHER);
    const onRelease = await reply(repo.dir, ['--ref', 'ACME-6', '--deployed', 'v1.0.0', '--lang', 'en']);
    assert.equal(onRelease.verdict, 'fix-intact');
    assert.match(onRelease.text, /The fix is intact in that version/);
    assert.match(onRelease.text, /In the current code, a change by Bob Other undid the fix on [A-Z][a-z]+ \d+(, \d{4})?; the version you run does not have that change\./);
    assert.doesNotMatch(onRelease.text, /would explain why the problem is back/);
    assert.deepEqual(checkTone(onRelease.text, 'en'), []);
    const es = await reply(repo.dir, ['--ref', 'ACME-6', '--deployed', 'v1.0.0', '--lang', 'es', '--register', 'tu']);
    assert.match(es.text, /En el código actual, un cambio de Bob Other deshizo la corrección el .+; la versión que tienes publicada no incluye ese cambio\./);
    assert.deepEqual(checkTone(es.text, 'es'), []);
    // The proof page says so too: the revert's mark is not the client's.
    const page = async (deployed: string): Promise<string> => {
      const out = repo.sibling(`page-${deployed}.html`);
      const r = await runCliCaptured(['report', '--repo', repo.dir, '--ref', 'ACME-6', '--deployed', deployed, '--lang', 'en', '--out', out], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      return fs.readFileSync(out, 'utf8');
    };
    assert.match(await page('v1.0.0'), /A change by Bob Other undid the fix · not in the client&#x27;s version|A change by Bob Other undid the fix · not in the client's version/);
    assert.doesNotMatch(await page('main'), /not in the client/);
    // Everyone else (the code as it is now, or a version unknown) is told the fix was undone.
    assert.equal((await reply(repo.dir, ['--ref', 'ACME-6', '--deployed', 'main', '--lang', 'en'])).verdict, 'fix-reverted');
    assert.equal((await reply(repo.dir, ['--ref', 'ACME-6', '--lang', 'en'])).verdict, 'fix-reverted');
  });

  it('my own later change is told in the first person', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': BASE } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-8)', { files: { 'src/cart.js': FIXED } });
    repo.tag('v1.0.0');
    repo.commit('Log through the logger', { files: { 'src/cart.js': REWORKED } });
    for (const [lang, said] of [
      ['en', /In the current code, I later changed part of the fix; the version you run does not have those changes\./],
      ['es', /En el código actual, desde entonces he modificado una parte de la corrección; la versión que tiene publicada no incluye esos cambios\./],
    ] as const) {
      const r = await reply(repo.dir, ['--ref', 'ACME-8', '--deployed', 'v1.0.0', '--lang', lang]);
      assert.equal(r.verdict, 'fix-intact');
      assert.match(r.text, said);
      assert.deepEqual(checkTone(r.text, lang), []);
    }
  });

  it('another line: a backport intact in the client\'s version stands in, whatever the target changed', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': BASE } });
    repo.git(['branch', 'release/1.x']);
    repo.commit('Unrelated main work', { files: { 'src/other.js': lines('other', 4) } });
    repo.commit('Fix crash when the cart is empty (fixes ACME-9)', { files: { 'src/cart.js': FIXED } });
    repo.commit('Log through the logger', { files: { 'src/cart.js': REWORKED }, author: OTHER });
    repo.checkout('release/1.x');
    repo.commit('[1.x] Fix crash when the cart is empty (fixes ACME-9)', { files: { 'src/cart.js': FIXED.replace('cart 1\n', 'cart one\n') } });
    repo.tag('v1.0.1');
    repo.checkout('main');
    const r = await reply(repo.dir, ['--ref', 'ACME-9', '--deployed', 'v1.0.1', '--lang', 'en']);
    assert.equal(r.verdict, 'fix-intact');
    assert.match(r.text, /The fix is intact in that version/);
    assert.match(r.text, /the version you run does not have them/);
    assert.doesNotMatch(r.text, /in the version you run:/);
  });
});
