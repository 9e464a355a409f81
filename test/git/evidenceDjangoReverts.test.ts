// Reverts as Django writes them: `Reverted "Fixed #35564 -- …"` (past tense), and on a release line
// `[4.2.x] Reverted "[4.2.x] Fixed …"` with "Backport of <sha> from main". Seen on django/django:
// the revert was read as a second fix of the ticket (its quoted subject says "Fixed #35564"), so
// #28248's reply said the revert "corrected this problem", and #30565, reverted in 2020, was
// "fix-intact"; a client running the fix before its revert was told their version lacked the fix.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { IssueEvidence } from '../../src/core/evidence/model';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import { buildReplyContext } from '../../src/core/reply/context';
import { renderReply } from '../../src/core/reply/render';
import { folderTemplateSource } from '../../src/core/reply/templateSource';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import type { TempRepo } from '../support/tempRepo';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';

async function evidence(dir: string, request: EvidenceRequest): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { ref: '#12', issueId: '#12', now: () => new Date('2026-01-01T00:00:00Z'), ...request });
}

function replyFor(evidence: IssueEvidence, language: 'en' | 'es'): string {
  const rendered = renderReply(buildReplyContext({ evidence, language, audience: 'technical' }), { builtin: folderTemplateSource(path.resolve(__dirname, '../../../templates'), language, 'builtin'), timeZone: 'UTC' });
  assert.ok(rendered.ok, JSON.stringify(rendered));
  return rendered.text;
}

const SRC = lines('check', 20);
const FIXED = SRC.replace('check 8\n', 'if is_subclass(cls):\n    return errors\n');
const SUBJECT = 'Fixed #12 -- Improved readability of subclass identification.';

/** main with the fix (released on the 1.0.x line as a backport); returns the fix and its backport. */
function fixedOnBothLines(repo: TempRepo): { fix: string; backport: string } {
  repo.commit('Initial', { files: { 'checks.py': SRC } });
  repo.tag('1.0');
  repo.checkout('stable/1.0.x', true);
  repo.checkout('main');
  const fix = repo.commit(SUBJECT, { files: { 'checks.py': FIXED } });
  repo.checkout('stable/1.0.x');
  const backport = repo.commit(`[1.0.x] ${SUBJECT}\n\nBackport of ${fix} from main.`, { files: { 'checks.py': FIXED } });
  repo.tag('1.0.1');
  repo.checkout('main');
  return { fix, backport };
}

describe('evidence: reverts written "Reverted" and backported under a release marker', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a "Reverted" commit is the fix\'s revert, not a second fix', async () => {
    const repo = make();
    const { fix } = fixedOnBothLines(repo);
    const revert = repo.commit(`Reverted "${SUBJECT}"\n\nThis reverts commit ${fix} due to a performance regression.`, { files: { 'checks.py': SRC }, author: OTHER });
    const e = await evidence(repo.dir, { target: 'main', deployed: 'main' });
    assert.ok(!e.fixes.some((f) => f.sha === revert), 'the revert is no fix');
    assert.ok(e.mentions.some((m) => m.sha === revert), 'the revert mentions the ticket');
    assert.equal(e.verdict, 'fix-reverted');
    // A client on the fix's own commit runs the fix: the target undid it later.
    const before = await evidence(repo.dir, { target: 'main', deployed: fix });
    assert.equal(before.verdict, 'fix-intact');
    assert.equal(before.deployed?.containsFix, true);
  });

  it('a revert by subject alone, in the past tense, is found', async () => {
    const repo = make();
    const { fix } = fixedOnBothLines(repo);
    const revert = repo.commit(`Reverted "${SUBJECT}"`, { files: { 'checks.py': SRC.replace('check 19\n', 'check nineteen\n') }, author: OTHER });
    const e = await evidence(repo.dir, { target: 'main', fixes: [{ sha: fix, linkedBy: 'manual' }] });
    assert.deepEqual(e.fixes[0]?.reverts.map((r) => [r.sha, r.how]), [[revert, 'subject']]);
  });

  it('a backported revert on the release line reverts the backport there, and only there', async () => {
    const repo = make();
    const { fix, backport } = fixedOnBothLines(repo);
    repo.checkout('stable/1.0.x');
    // Django's backport of a revert quotes the line's subject without its marker.
    const revert = repo.commit(`[1.0.x] Reverted "${SUBJECT}"\n\nBackport of 0123456789abcdef0123456789abcdef01234567 from main.`, { files: { 'checks.py': SRC }, author: OTHER });
    repo.checkout('main');
    const line = await evidence(repo.dir, { target: 'stable/1.0.x', deployed: 'stable/1.0.x' });
    assert.ok(!line.fixes.some((f) => f.sha === revert), 'the backported revert is no fix');
    assert.equal(line.verdict, 'fix-reverted');
    // 1.0.1 was released before the revert: its clients run the fix.
    assert.equal((await evidence(repo.dir, { target: 'stable/1.0.x', deployed: '1.0.1' })).verdict, 'fix-intact');
    const onLine = line.fixes.find((f) => f.sha === backport);
    assert.deepEqual(onLine?.reverts.map((r) => [r.sha, r.how]), [[revert, 'subject']]);
    const main = await evidence(repo.dir, { target: 'main', deployed: 'main' });
    assert.equal(main.verdict, 'fix-intact', 'main never reverted its fix');
    assert.ok(main.fixes.some((f) => f.sha === fix));
  });

  it('reverted on main before main released it, released on the old line and kept there: some release had the fix', async () => {
    // wagtail #13915: the reply to a client on 7.3 said no published version had ever had the fix in
    // place; 7.3.1 … 7.3.4 had the backport, never reverted on 7.3.x.
    const repo = make();
    const { fix } = fixedOnBothLines(repo);
    repo.commit(`Reverted "${SUBJECT}"\n\nThis reverts commit ${fix}.`, { files: { 'checks.py': SRC }, author: OTHER });
    repo.tag('2.0');
    const e = await evidence(repo.dir, { target: 'main', deployed: '1.0' });
    assert.equal(e.verdict, 'fix-reverted');
    assert.doesNotMatch(replyFor(e, 'en'), /No published version has had the fix/);
    assert.doesNotMatch(replyFor(e, 'es'), /Ninguna versión publicada ha tenido la corrección/);
    // Without the old line's release, the claim stands: 2.0 has the fix and its revert.
    const repo2 = make();
    repo2.commit('Initial', { files: { 'checks.py': SRC } });
    const fix2 = repo2.commit(SUBJECT, { files: { 'checks.py': FIXED } });
    repo2.commit(`Reverted "${SUBJECT}"\n\nThis reverts commit ${fix2}.`, { files: { 'checks.py': SRC }, author: OTHER });
    repo2.tag('2.0');
    assert.match(replyFor(await evidence(repo2.dir, { target: 'main', deployed: 'main' }), 'en'), /No published version has had the fix/);
  });
});
