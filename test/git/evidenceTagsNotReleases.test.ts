// Tags that hold a fix but do not read as releases (a freelancer's `deploy-2025-05-01`, a monorepo's
// `shop@1.2.0`): whether the fix was released is not known, so no reply says it was not.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { buildReplyContext } from '../../src/core/reply/context';
import { renderReply } from '../../src/core/reply/render';
import { folderTemplateSource } from '../../src/core/reply/templateSource';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { lines, suiteRepos } from '../support/tempRepo';
import type { TempRepo } from '../support/tempRepo';

const CART = lines('cart', 20);
const CART_FIXED = CART.replace('cart 10\n', 'if (items.length === 0) return [];\n');

function evidenceFor(dir: string, deployed?: string): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { ref: '#7', issueId: '#7', target: 'main', ...(deployed === undefined ? {} : { deployed }), now: () => new Date('2026-01-01T00:00:00Z') });
}

function replyFor(evidence: IssueEvidence, language: 'en' | 'es'): string {
  const rendered = renderReply(buildReplyContext({ evidence, language }), { builtin: folderTemplateSource(path.resolve(__dirname, '../../../templates'), language, 'builtin'), timeZone: 'UTC' });
  assert.ok(rendered.ok, JSON.stringify(rendered));
  return rendered.text;
}

/** A deployment tagged before the fix, the fix, and `later` tags on the commit after it. */
function deployments(repo: TempRepo, later: string[]): void {
  repo.commit('Initial', { files: { 'src/cart.js': CART }, date: '2025-04-01T10:00:00Z' });
  repo.tag('deploy-2025-04-01', { date: '2025-04-01T11:00:00Z' });
  repo.commit('Fix crash when the cart is empty (fixes #7)', { files: { 'src/cart.js': CART_FIXED }, date: '2025-04-20T10:00:00Z' });
  repo.commit('Copy edits', { files: { 'README.md': 'shop\n' }, date: '2025-04-30T10:00:00Z' });
  for (const name of later) repo.tag(name, { date: '2025-05-01T10:00:00Z' });
}

describe('evidence: tags that hold the fix but do not read as releases', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a caveat names them, and neither reply says the fix was not released', async () => {
    const repo = make();
    deployments(repo, ['deploy-2025-05-01', 'shop@1.2.0']);
    const e = await evidenceFor(repo.dir, 'deploy-2025-04-01');
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.deepEqual(e.caveats.find((c) => c.code === 'tags-not-releases')?.subjects, ['deploy-2025-05-01', 'shop@1.2.0']);
    const en = replyFor(e, 'en');
    assert.doesNotMatch(en, /not been released/);
    assert.match(en, /does not include this fix/);
    assert.doesNotMatch(replyFor(e, 'es'), /ninguna versión publicada/);
    const unknown = await evidenceFor(repo.dir);
    assert.equal(unknown.verdict, 'deployed-unknown');
    assert.match(replyFor(unknown, 'en'), /- The fix is in the code\.\n/);
    assert.match(replyFor(unknown, 'es'), /- La corrección está en el código\.\n/);
  });

  it('no tag holds the fix, or a release does: no caveat, and the replies say what the releases show', async () => {
    const repo = make();
    deployments(repo, []);
    const none = await evidenceFor(repo.dir, 'deploy-2025-04-01');
    assert.equal(none.caveats.some((c) => c.code === 'tags-not-releases'), false);
    assert.match(replyFor(none, 'en'), /The fix has not been released in any version yet\./);
    assert.match(replyFor(none, 'es'), /La corrección aún no está en ninguna versión publicada\./);
    repo.tag('deploy-2025-05-01', { date: '2025-05-01T10:00:00Z' });
    repo.tag('v1.1.0', { date: '2025-05-02T10:00:00Z' });
    const released = await evidenceFor(repo.dir, 'deploy-2025-04-01');
    assert.equal(released.caveats.some((c) => c.code === 'tags-not-releases'), false, 'a release holds it: the other tags say nothing more');
    assert.match(replyFor(released, 'en'), /released in version v1\.1\.0/);
  });
});
