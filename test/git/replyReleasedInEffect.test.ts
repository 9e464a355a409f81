// A fix reverted on the target whose first release in effect is a pre-release of the target's line,
// while a final release of a maintenance line holds it too (jquery gh-1708: in 3.0.0-alpha1, reverted
// on main before 3.0.0; in 2.2.0, the 2.2 line's final release). The reply told only "released in a
// preview version (a test version published before the final one)" to a client running 2.2.0.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { buildReplyContext } from '../../src/core/reply/context';
import { renderReply } from '../../src/core/reply/render';
import { folderTemplateSource } from '../../src/core/reply/templateSource';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';

const CART = lines('cart', 20);
const CART_FIXED = CART.replace('cart 10\n', 'if (items.length === 0) return [];\n');

function replyFor(evidence: IssueEvidence, language: 'en' | 'es'): string {
  const rendered = renderReply(buildReplyContext({ evidence, language, audience: 'plain' }), { builtin: folderTemplateSource(path.resolve(__dirname, '../../../templates'), language, 'builtin'), timeZone: 'UTC' });
  assert.ok(rendered.ok, JSON.stringify(rendered));
  return rendered.text;
}

describe('reply: the first final release that had a reverted fix in effect', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a pre-release of the target first, then a final release of a maintenance line: the final one is told', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CART }, date: '2025-01-01T10:00:00Z' });
    const fix = repo.commit('Fix crash when the cart is empty (fixes #7)', { files: { 'src/cart.js': CART_FIXED }, date: '2025-02-01T10:00:00Z' });
    repo.tag('v2.0.0-alpha1', { date: '2025-02-05T10:00:00Z' });
    repo.checkout('release-1.x', true);
    repo.commit('Maintenance: docs', { files: { 'docs.md': 'docs\n' }, date: '2025-03-01T10:00:00Z' });
    repo.tag('v1.5.0', { date: '2025-03-02T10:00:00Z' });
    repo.checkout('main');
    repo.revert(fix, OTHER);
    repo.tag('v2.0.0', { date: '2025-06-01T10:00:00Z' });
    const e = await evidenceBothWays(createGitPort(repo.dir), { ref: '#7', issueId: '#7', deployed: 'v1.5.0', target: 'main', now: () => new Date('2026-01-01T00:00:00Z') });
    const f = e.fixes[0];
    assert.deepEqual([f?.firstTagInEffect?.name, f?.firstFinalTagInEffect?.name], ['v2.0.0-alpha1', 'v1.5.0']);
    assert.equal(e.deployed?.containsFix, true);
    const en = replyFor(e, 'en');
    assert.match(en, /The fix was released in version v1\.5\.0 on March 1, 2025\./);
    assert.doesNotMatch(en, /preview version/);
    assert.match(replyFor(e, 'es'), /La corrección se publicó en la versión v1\.5\.0 el 1 de marzo de 2025\./);
    // Without a final release in effect, the pre-release is still the one told.
    const early = await evidenceBothWays(createGitPort(repo.dir), { ref: '#7', issueId: '#7', deployed: 'v2.0.0-alpha1', target: 'main', now: () => new Date('2026-01-01T00:00:00Z') });
    assert.equal(early.fixes[0]?.firstFinalTagInEffect?.name, 'v1.5.0');
  });
});
