// The update that brings a fix to a client whose version lacks it, on real repositories with a
// maintenance line: a client on 1.0 whose fix was backported and released in 1.0.1 is told 1.0.1,
// not the next line's 2.0 (a redis client on 7.2.4 was told 7.4-rc1 when 7.2.5 had the fix).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { buildReplyContext } from '../../src/core/reply/context';
import { buildTimeline } from '../../src/core/timeline/build';
import { gatherTimelineDates } from '../../src/core/timeline/gather';
import type { Timeline } from '../../src/core/timeline/model';
import { renderReply } from '../../src/core/reply/render';
import { folderTemplateSource } from '../../src/core/reply/templateSource';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { lines, suiteRepos } from '../support/tempRepo';
import type { TempRepo } from '../support/tempRepo';

const CART = lines('cart', 20);
const CART_FIXED = CART.replace('cart 10\n', 'if (items.length === 0) return [];\n');

async function evidenceFor(dir: string, deployed: string): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { ref: '#7', issueId: '#7', deployed, target: 'main', now: () => new Date('2026-01-01T00:00:00Z') });
}

function replyFor(evidence: IssueEvidence, language: 'en' | 'es', audience: 'plain' | 'technical' = 'plain'): string {
  const rendered = renderReply(buildReplyContext({ evidence, language, audience }), { builtin: folderTemplateSource(path.resolve(__dirname, '../../../templates'), language, 'builtin'), timeZone: 'UTC' });
  assert.ok(rendered.ok, JSON.stringify(rendered));
  return rendered.text;
}

/** 1.0 released and a 1.x maintenance line from it, one commit ahead; back on main. */
function maintenanceLine(repo: TempRepo, maintenanceDate?: string): void {
  repo.commit('Initial', { files: { 'src/cart.js': CART }, date: '2025-01-01T10:00:00Z' });
  repo.tag('v1.0', { date: '2025-01-01T11:00:00Z' });
  repo.checkout('release-1.x', true);
  repo.commit('Maintenance: docs', { files: { 'docs.md': 'docs\n' }, ...(maintenanceDate === undefined ? {} : { date: maintenanceDate }) });
  repo.checkout('main');
}

/** 1.0 released; a 1.x maintenance line from it; the fix on main, released in 2.0 a month later. */
function twoLines(repo: TempRepo): string {
  maintenanceLine(repo, '2025-01-02T10:00:00Z');
  const fix = repo.commit('Fix crash when the cart is empty (fixes #7)', { files: { 'src/cart.js': CART_FIXED }, date: '2025-02-01T10:00:00Z' });
  repo.commit('New feature', { files: { 'feature.js': 'feature\n' }, date: '2025-02-20T10:00:00Z' });
  repo.tag('v2.0', { date: '2025-03-01T10:00:00Z' });
  return fix;
}

describe('evidence: the update that brings the fix to the client', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a fix cherry-picked to the client\'s line: the update is that line\'s release, and the reply proposes it', async () => {
    const repo = make();
    const fix = twoLines(repo);
    repo.checkout('release-1.x');
    repo.cherryPick(fix);
    repo.tag('v1.0.1', { date: '2025-02-10T10:00:00Z' });
    repo.commit('Maintenance: more docs', { files: { 'docs.md': 'docs 2\n' } });
    repo.tag('v1.0.2', { date: '2025-04-10T10:00:00Z' });
    repo.checkout('main');
    const e = await evidenceFor(repo.dir, 'v1.0');
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.equal(e.deployed?.update?.name, 'v1.0.1');
    const en = replyFor(e, 'en');
    assert.match(en, /released in version v2\.0/);
    assert.match(en, /does not include this fix\.\n- An update of that version includes it: version v1\.0\.1/);
    assert.match(en, /Next step: updating to version v1\.0\.1 or a later one/);
    const es = replyFor(e, 'es');
    assert.match(es, /actualizar a la versión v1\.0\.1 o a una posterior/);
  });

  it('a copy made on the client\'s line after their version, whose message names no issue: the update is that line\'s release', async () => {
    // prometheus: a fix on main cherry-picked to the LTS line release-3.5 under its own message and
    // released in v3.5.3; a client on v3.5.2 was told to update to the next line's release.
    const repo = make();
    twoLines(repo);
    repo.checkout('release-1.x');
    repo.tag('v1.0.1', { date: '2025-02-05T10:00:00Z' });
    repo.commit('Backport the empty cart guard', { files: { 'src/cart.js': CART_FIXED }, date: '2025-02-08T10:00:00Z' });
    repo.tag('v1.0.2', { date: '2025-02-10T10:00:00Z' });
    repo.checkout('main');
    const e = await evidenceFor(repo.dir, 'v1.0.1');
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.equal(e.fixes.length, 1, 'the copy is not linked: its message names no issue');
    assert.equal(e.deployed?.update?.name, 'v1.0.2');
    assert.match(replyFor(e, 'en'), /Next step: updating to version v1\.0\.2 or a later one/);
    assert.match(replyFor(e, 'es'), /actualizar a la versión v1\.0\.2 o a una posterior/);
  });

  it('the fix cherry-picked to two older lines: each copy stands in for the other (wagtail #13137, backported to 6.2 … 7.0)', async () => {
    const repo = make();
    const fix = twoLines(repo);
    repo.checkout('release-1.x');
    repo.cherryPick(fix);
    repo.tag('v1.0.1', { date: '2025-02-10T10:00:00Z', message: 'v1.0.1' });
    repo.checkout('main');
    repo.checkout('release-1.5.x', true);
    repo.git(['reset', '-q', '--hard', 'v1.0']);
    repo.commit('Maintenance of 1.5', { files: { 'other.md': 'other\n' } });
    repo.tag('v1.5', { date: '2025-01-20T10:00:00Z' });
    repo.cherryPick(fix);
    repo.tag('v1.5.1', { date: '2025-02-11T10:00:00Z', message: 'v1.5.1' });
    repo.checkout('main');
    const e = await evidenceFor(repo.dir, 'v1.0');
    assert.equal(e.fixes.length, 3, 'the fix and its two copies, each saying "fixes #7"');
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.equal(e.deployed?.update?.name, 'v1.0.1');
    assert.equal((await evidenceFor(repo.dir, 'v1.5')).deployed?.update?.name, 'v1.5.1');
    // v2.0 is main's first release with the fix, not the fix's first release: the copies came out before.
    const en = replyFor(e, 'en', 'technical');
    assert.match(en, /The fix was released in version v2\.0, on February 20, 2025/);
    assert.doesNotMatch(en, /first released/);
    const es = replyFor(e, 'es', 'technical');
    assert.match(es, /La corrección se publicó en la versión v2\.0, del 20 de febrero de 2025/);
    assert.doesNotMatch(es, /por primera vez/);
  });

  it('a backport rewritten for the old line (another patch, the same subject) stands in as well', async () => {
    const repo = make();
    twoLines(repo);
    repo.checkout('release-1.x');
    repo.commit('Fix crash when the cart is empty (fixes #7)', { files: { 'src/cart.js': CART.replace('cart 10\n', 'if (!items.length) { return []; }\n') } });
    repo.tag('v1.0.1', { date: '2025-02-10T10:00:00Z' });
    repo.checkout('main');
    const e = await evidenceFor(repo.dir, 'v1.0');
    assert.ok(e.fixes.some((f) => (f.counterpartOf ?? []).length > 0), 'the backport is the same fix made on the 1.x line');
    assert.equal(e.deployed?.update?.name, 'v1.0.1');
  });

  it('no backport: the update is the first release after the client\'s that has the fix, told once', async () => {
    const repo = make();
    twoLines(repo);
    const e = await evidenceFor(repo.dir, 'v1.0');
    assert.equal(e.deployed?.update?.name, 'v2.0');
    const context = buildReplyContext({ evidence: e, language: 'en' });
    assert.equal(context.notDeployed?.update, undefined, 'the same release as `release`: no second line');
    assert.equal(context.notDeployed?.updateTo?.name, 'v2.0');
    assert.match(replyFor(e, 'en'), /updating to version v2\.0 or a later one/);
  });

  it('a client on a line no release of which has the fix: no update, and the reply names the release that has it', async () => {
    const repo = make();
    twoLines(repo);
    repo.checkout('release-1.x');
    repo.tag('v1.0.1', { date: '2025-02-10T10:00:00Z' });
    repo.checkout('main');
    const e = await evidenceFor(repo.dir, 'v1.0.1');
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.equal(e.deployed?.update, null);
    assert.match(replyFor(e, 'en'), /updating to version v2\.0 or a later one/);
  });

  it('the fix not yet in a release of the target, but backported and released on the client\'s line: the reply says so, not "not released"', async () => {
    const repo = make();
    maintenanceLine(repo);
    const fix = repo.commit('Fix crash when the cart is empty (fixes #7)', { files: { 'src/cart.js': CART_FIXED } });
    repo.checkout('release-1.x');
    repo.cherryPick(fix);
    repo.tag('v1.0.1', { date: '2025-02-10T10:00:00Z' });
    repo.checkout('main');
    const e = await evidenceFor(repo.dir, 'v1.0');
    assert.equal(e.deployed?.update?.name, 'v1.0.1');
    const en = replyFor(e, 'en');
    assert.doesNotMatch(en, /has not been released in any version/);
    assert.match(en, /version v1\.0\.1/);
    assert.doesNotMatch(replyFor(e, 'es'), /aún no está en ninguna versión publicada/);
  });

  it('the fix merged through a pull request that says "fixes" too, then backported: the merge is the same change, and the update is the backport\'s release', async () => {
    // pytest #10447: "fix #10447 …" merged by "Merge pull request #11155 … fix #10447 …", then
    // backported to 7.4.x and released in 7.4.3; a client on 7.4.0 had been told no update has it.
    const repo = make();
    maintenanceLine(repo);
    repo.checkout('fix-7', true);
    const fix = repo.commit('Fix crash when the cart is empty (fixes #7)', { files: { 'src/cart.js': CART_FIXED } });
    repo.checkout('main');
    repo.commit('Unrelated work', { files: { 'other.js': 'other\n' } });
    const merge = repo.merge('fix-7', 'Merge pull request #20 from me/fix-7\n\nFix crash when the cart is empty (fixes #7)');
    repo.tag('v2.0', { date: '2025-03-01T10:00:00Z' });
    repo.checkout('release-1.x');
    repo.cherryPick(fix);
    repo.tag('v1.0.1', { date: '2025-03-10T10:00:00Z' });
    repo.checkout('main');
    const e = await evidenceFor(repo.dir, 'v1.0');
    assert.deepEqual(e.fixes.find((f) => f.sha === merge)?.mergeOf, [fix]);
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.equal(e.deployed?.update?.name, 'v1.0.1');
    const onLine = await evidenceFor(repo.dir, 'v1.0.1');
    assert.equal(onLine.deployed?.containsFix, true);
    // The release the client's line got it in is named as that line's; the release named right after
    // the fix is the fix's own (main's v2.0), never the other line's as if it were the fix's.
    const en = replyFor(onLine, 'en');
    assert.match(en, /The fix was released in version v2\.0 on .+?, and for the series of versions you use, in version v1\.0\.1 on /);
    assert.match(replyFor(onLine, 'es'), /La corrección se publicó en la versión v2\.0 el .+?, y en la v1\.0\.1, de la serie de versiones que usa, el /);

    // The proof page: one lane for the change (the merge is not a second fix), the backport and
    // its release drawn on it, and the headline names the update of the client's version.
    const timeline = async (ev: IssueEvidence): Promise<Timeline> =>
      buildTimeline({ evidence: ev, language: 'en', audience: 'plain', perspective: 'user', today: '2026-01-01', ...(await gatherTimelineDates(createGitPort(repo.dir), ev)) });
    const lacking = await timeline(e);
    assert.deepEqual(lacking.lanes.map((l) => l.id), ['client', `fix:${fix}`]);
    assert.ok(lacking.marks.some((m) => m.kind === 'release' && m.label === 'v1.0.1'), 'the backport\'s release is drawn');
    const backport = lacking.marks.find((m) => m.kind === 'fix' && m.id.endsWith(e.fixes.find((f) => !f.reachable)?.sha ?? '-'));
    assert.equal(backport?.facts[0], 'A copy of the fix, on another release line');
    assert.equal(lacking.sentence, "The fix is in release v2.0, but not in the client's version (v1.0); update v1.0.1 of that version has it.");
    const es = buildTimeline({ evidence: e, language: 'es', audience: 'plain', perspective: 'user', today: '2026-01-01' });
    assert.equal(es.sentence, 'La corrección está en la versión v2.0, pero no en la del cliente (v1.0); la actualización v1.0.1 de esa versión sí la tiene.');
  });

  /** A release made beside its line, as jQuery makes them: a detached commit adding the built file, tagged; nothing is built on it. */
  function releaseBeside(repo: TempRepo, name: string, date: string): void {
    const line = repo.git(['rev-parse', '--abbrev-ref', 'HEAD']).trim();
    repo.git(['checkout', '-q', '--detach']);
    repo.commit(name, { files: { 'dist/cart.js': `built ${name}\n` }, date });
    repo.tag(name, { date });
    repo.checkout(line);
  }

  it('releases tagged beside their line (nothing contains them): the next release built from the client\'s line is the update', async () => {
    // jquery: 3.7.0 and 3.7.1 each tag a commit that adds dist/ beside 3.x-stable; gh-5264 was fixed
    // on main and cherry-picked to 3.x-stable before 3.7.1. A client on 3.7.0 was told "no update has
    // it" and to move to 4.0.0, released two years after 3.7.1.
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CART }, date: '2025-01-01T10:00:00Z' });
    repo.checkout('stable-1.x', true);
    releaseBeside(repo, 'v1.0.0', '2025-01-02T10:00:00Z');
    repo.checkout('main');
    const fix = repo.commit('Fix crash when the cart is empty (fixes #7)', { files: { 'src/cart.js': CART_FIXED }, date: '2025-02-01T10:00:00Z' });
    repo.checkout('stable-1.x');
    repo.cherryPick(fix);
    releaseBeside(repo, 'v1.0.1', '2025-02-10T10:00:00Z');
    repo.commit('Maintenance: docs', { files: { 'docs.md': 'docs\n' }, date: '2025-03-01T10:00:00Z' });
    releaseBeside(repo, 'v1.0.2', '2025-03-02T10:00:00Z');
    repo.checkout('main');
    releaseBeside(repo, 'v2.0.0', '2025-06-01T10:00:00Z');
    const e = await evidenceFor(repo.dir, 'v1.0.0');
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.equal(e.deployed?.update?.name, 'v1.0.1');
    assert.match(replyFor(e, 'en'), /Next step: updating to version v1\.0\.1 or a later one/);
    assert.match(replyFor(e, 'es'), /actualizar a la versión v1\.0\.1 o a una posterior/);
    // The releases beside the line that have the fix need no update.
    for (const v of ['v1.0.1', 'v1.0.2']) assert.equal((await evidenceFor(repo.dir, v)).deployed?.containsFix, true, v);
  });

  it('a commit no release names, beside the line: only releases containing it are updates', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CART }, date: '2025-01-01T10:00:00Z' });
    repo.git(['checkout', '-q', '-b', 'experiment']);
    const side = repo.commit('Experiment', { files: { 'x.js': 'x\n' }, date: '2025-01-05T10:00:00Z' });
    repo.checkout('main');
    repo.commit('Fix crash when the cart is empty (fixes #7)', { files: { 'src/cart.js': CART_FIXED }, date: '2025-02-01T10:00:00Z' });
    repo.tag('v1.1.0', { date: '2025-02-10T10:00:00Z' });
    const e = await evidenceFor(repo.dir, side);
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.equal(e.deployed?.update ?? null, null, 'v1.1.0 lacks the experiment: it is not an update of that version');
  });

  it('a client version that has the fix, or a fix missing from the target: no update is computed', async () => {
    const repo = make();
    twoLines(repo);
    const e = await evidenceFor(repo.dir, 'v2.0');
    assert.equal(e.deployed?.containsFix, true);
    assert.equal(e.deployed?.update, undefined);
  });
});
