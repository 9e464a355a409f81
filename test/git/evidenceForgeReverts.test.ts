// Reverts as a forge writes them for squash-merged requests, on a fix that also added a changelog
// entry. Seen on black: `Fix … expressions (#4883)` was undone by `Revert "Fix … expressions"
// (#4893)` (the request's title, without its number, and no "This reverts commit" line), which
// also took the CHANGES.md entry away; the evidence called the fix "modified", not reverted.
import * as assert from 'node:assert/strict';
import type { FixEvidence, IssueEvidence } from '../../src/core/evidence/model';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import type { TempRepo } from '../support/tempRepo';
import { lines, ME, OTHER, suiteRepos } from '../support/tempRepo';

async function evidence(dir: string, request: EvidenceRequest): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { now: () => new Date('2026-01-01T00:00:00Z'), ...request });
}

const SRC = lines('skip', 20);
const FIXED = SRC.replace('skip 8\n', 'if nested:\n    keep_fmt_skip(node)\n    return\n');
const CHANGES = '# Changes\n\n## Unreleased\n\n- Older entry\n';
const CHANGES_FIXED = CHANGES.replace('## Unreleased\n\n', '## Unreleased\n\n- Fix `# fmt: skip` in nested expressions (#12)\n');

function only(e: IssueEvidence): FixEvidence {
  assert.equal(e.fixes.length, 1);
  return e.fixes[0] as FixEvidence;
}

/** The fix, squash-merged with its request number and a changelog entry; v1.0 released with it. */
function fixed(repo: TempRepo): string {
  repo.commit('Initial', { files: { 'src/comments.py': SRC, 'CHANGES.md': CHANGES } });
  const fix = repo.commit('Fix `# fmt: skip` ignored in nested expressions (#12)', { files: { 'src/comments.py': FIXED, 'CHANGES.md': CHANGES_FIXED } });
  repo.tag('v1.0');
  return fix;
}

describe('evidence: reverts of squash-merged fixes that carried a changelog entry', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a revert quoting the request title without its number is a revert of the fix', async () => {
    const repo = make();
    const fix = fixed(repo);
    const revert = repo.commit('Revert "Fix `# fmt: skip` ignored in nested expressions" (#14)', { files: { 'src/comments.py': SRC, 'CHANGES.md': CHANGES }, author: OTHER });
    const f = only(await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'manual' }], target: 'main', me: [ME.email] }));
    assert.deepEqual(f.reverts.map((r) => [r.sha, r.how]), [[revert, 'subject']]);
    const e = await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'manual' }], target: 'main', deployed: 'v1.0', me: [ME.email] });
    assert.equal(e.verdict, 'fix-intact', 'the client on v1.0 runs the fix intact: the revert came later');
    assert.equal((await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'manual' }], target: 'main', deployed: 'main', me: [ME.email] })).verdict, 'fix-reverted');
  });

  it('a revert that names nothing is found by content, changelog entry and all', async () => {
    const repo = make();
    const fix = fixed(repo);
    const undo = repo.commit('Back out the nested skip handling, it broke decorators', { files: { 'src/comments.py': SRC, 'CHANGES.md': CHANGES }, author: OTHER });
    const e = await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'manual' }], target: 'main', deployed: 'main', me: [ME.email] });
    assert.equal(e.verdict, 'fix-reverted');
    assert.deepEqual(only(e).reverts.map((r) => [r.sha, r.how]), [[undo, 'content']]);
  });

  it('a later rewrite that drops the changelog entry with the fix but writes new code is not a revert', async () => {
    const repo = make();
    const fix = fixed(repo);
    repo.commit('Rework skip handling', {
      files: { 'src/comments.py': SRC.replace('skip 8\n', 'for child in node.children:\n    visit(child)\n    mark(child)\n    note(child)\n'), 'CHANGES.md': CHANGES },
      author: OTHER,
    });
    const e = await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'manual' }], target: 'main', deployed: 'main', me: [ME.email] });
    assert.equal(e.verdict, 'fix-modified');
    assert.deepEqual(only(e).reverts, []);
  });

  it('a subject that says revert in its own words, after a follow-up edited part of the fix, is a revert when it takes most of the fix away', async () => {
    // traefik: `Disable domain fronting`, then a follow-up edit, then `Revert domain fronting fix`.
    const repo = make();
    const fix = fixed(repo);
    repo.commit('Keep the skip marker on nested nodes', { files: { 'src/comments.py': FIXED.replace('    keep_fmt_skip(node)\n', '    keep_fmt_skip(node, nested=True)\n') }, author: OTHER });
    const undo = repo.commit('Revert nested skip fix', { files: { 'src/comments.py': SRC, 'CHANGES.md': CHANGES }, author: OTHER });
    const e = await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'manual' }], target: 'main', deployed: 'main', me: [ME.email] });
    assert.equal(e.verdict, 'fix-reverted');
    assert.deepEqual(only(e).reverts.map((r) => [r.sha, r.how]), [[undo, 'content']]);
  });

  it('a subject that says revert but takes one line of the fix away is a change, not a revert', async () => {
    const repo = make();
    const fix = fixed(repo);
    repo.commit('Revert to the old early return', { files: { 'src/comments.py': FIXED.replace('    return\n', '    return None\n') }, author: OTHER });
    const e = await evidence(repo.dir, { fixes: [{ sha: fix, linkedBy: 'manual' }], target: 'main', deployed: 'main', me: [ME.email] });
    assert.equal(e.verdict, 'fix-modified');
    assert.deepEqual(only(e).reverts, []);
  });
});
