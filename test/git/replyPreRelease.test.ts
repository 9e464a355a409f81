// A pre-release is not told as a release: a client reading "the fix was released in version
// v3.3.0-rc.1" (prometheus) or "rc-8_22_0-2" (curl) takes a test version for the real one. A plain
// reply names the first final release that holds the fix, and a pre-release only as a preview
// version when no final one holds it; the update it proposes is a final release whenever one has it.
import * as assert from 'node:assert/strict';
import { checkTone } from '../../src/core/tone/check';
import { runCliCaptured, replyJson as reply } from '../support/cli';
import { lines, suiteRepos } from '../support/tempRepo';

const BASE = lines('cart', 12);
const FIXED = BASE.replace('cart 6\n', 'if (items.length === 0) return [];\n');

describe('reply: a pre-release is told as a preview, and a final release leads', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a fix first in v2.0.0-rc.1, then in v2.0.0: the plain reply names v2.0.0 and proposes it, never the pre-release', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': BASE } });
    repo.tag('v1.0.0', { message: 'v1.0.0' });
    repo.commit('Fix crash when the cart is empty (fixes ACME-8)', { files: { 'src/cart.js': FIXED } });
    repo.tag('v2.0.0-rc.1', { message: 'v2.0.0-rc.1', date: '2026-03-20T10:00:00Z' });
    repo.commit('Update the readme', { files: { 'README.md': 'shop\n' }, date: '2026-04-01T10:00:00Z' });
    repo.tag('v2.0.0', { message: 'v2.0.0', date: '2026-04-02T10:00:00Z' });

    const evidence = await runCliCaptured(['evidence', '--repo', repo.dir, '--ref', 'ACME-8', '--json'], repo.dir);
    const fix = (JSON.parse(evidence.stdout) as { fixes: { firstTag: { name: string }; firstFinalTag?: { name: string } }[] }).fixes[0]!;
    assert.equal(fix.firstTag.name, 'v2.0.0-rc.1');
    assert.equal(fix.firstFinalTag?.name, 'v2.0.0');

    for (const lang of ['en', 'es'] as const) {
      const unknown = await reply(repo.dir, ['--ref', 'ACME-8', '--lang', lang]);
      assert.equal(unknown.verdict, 'deployed-unknown');
      assert.match(unknown.text, lang === 'en' ? /The fix was released in version v2\.0\.0 on April 2(?:, 2026)?\b/ : /La corrección se publicó en la versión v2\.0\.0 el 2 de abril(?: de 2026)?/);
      assert.match(unknown.text, lang === 'en' ? /whether it is v2\.0\.0 or later/ : /si es la v2\.0\.0 o una posterior/);
      assert.doesNotMatch(unknown.text, /rc\.1/);
      assert.deepEqual(checkTone(unknown.text, lang), []);

      const behind = await reply(repo.dir, ['--ref', 'ACME-8', '--deployed', 'v1.0.0', '--lang', lang]);
      assert.equal(behind.verdict, 'fix-not-deployed');
      assert.match(behind.text, lang === 'en' ? /updating to version v2\.0\.0 or a later one brings the fix/ : /actualizar a la versión v2\.0\.0 o a una posterior/);
      assert.doesNotMatch(behind.text, /rc\.1/);
      assert.deepEqual(checkTone(behind.text, lang), []);
    }
    // The technical reply keeps both, the final release first.
    const technical = await reply(repo.dir, ['--ref', 'ACME-8', '--lang', 'en', '--audience', 'technical']);
    assert.match(technical.text, /The fix was released in version v2\.0\.0, on April 2(?:, 2026)?, and before that, first, in the pre-release v2\.0\.0-rc\.1, on March 20(?:, 2026)?\./);
    const tecnica = await reply(repo.dir, ['--ref', 'ACME-8', '--lang', 'es', '--audience', 'technical']);
    assert.match(tecnica.text, /La corrección se publicó en la versión v2\.0\.0, del 2 de abril(?: de 2026)?, y antes, por primera vez, en la versión preliminar v2\.0\.0-rc\.1, del 20 de marzo(?: de 2026)?\./);
    assert.deepEqual(checkTone(tecnica.text, 'es'), []);
  });

  it("only in a pre-release, named as curl names them (rc-8_22_0-2): told as a preview version, and proposed as one", async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'lib/cart.c': BASE } });
    repo.tag('curl-8_21_0', { message: 'curl-8_21_0' });
    repo.commit('Fix crash when the cart is empty (fixes ACME-9)', { files: { 'lib/cart.c': FIXED } });
    repo.tag('rc-8_22_0-2', { message: 'rc-8_22_0-2', date: '2026-03-20T10:00:00Z' });
    for (const lang of ['en', 'es'] as const) {
      const unknown = await reply(repo.dir, ['--ref', 'ACME-9', '--lang', lang]);
      assert.match(unknown.text, lang === 'en' ? /The fix was released on March 20(?:, 2026)? in a preview version, rc-8_22_0-2 \(a test version published before the final one\)\./ : /La corrección se publicó el 20 de marzo(?: de 2026)? en una versión preliminar, la rc-8_22_0-2 \(una versión de prueba que se publica antes de la definitiva\)\./);
      assert.doesNotMatch(unknown.text, /released in version rc|se publicó en la versión rc|whether it is rc|si es la rc/);
      assert.deepEqual(checkTone(unknown.text, lang), []);
      const behind = await reply(repo.dir, ['--ref', 'ACME-9', '--deployed', 'curl-8_21_0', '--lang', lang]);
      assert.equal(behind.verdict, 'fix-not-deployed');
      assert.match(behind.text, lang === 'en' ? /updating to the preview version rc-8_22_0-2, or to a later version, brings the fix/ : /actualizar a la versión preliminar rc-8_22_0-2 o a una posterior/);
      assert.deepEqual(checkTone(behind.text, lang), []);
    }
  });
});
