// A project's release step consumes the changelog fragments its fixes added (pytest: every fix adds
// changelog/<issue>.bugfix.rst; the release commit deletes them and writes CHANGELOG.rst). Those lines
// tell of the fix: removing them is not a change to the fix, and the fix stays intact.
import * as assert from 'node:assert/strict';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { lines, suiteRepos } from '../support/tempRepo';
import type { TempRepo } from '../support/tempRepo';

const CODE = lines('code', 20);

async function evidenceFor(dir: string, deployed: string): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { ref: '#12', issueId: '#12', deployed, target: 'main', now: () => new Date('2026-01-01T00:00:00Z') });
}

function fixWithFragment(repo: TempRepo): string {
  repo.commit('Initial', { files: { 'src/code.py': CODE, 'CHANGELOG.rst': 'Changelog\n=========\n' }, date: '2025-01-01T10:00:00Z' });
  return repo.commit('Fix the crash on empty input (fixes #12)', {
    files: { 'src/code.py': CODE.replace('code 5\n', 'if not data: return None\n'), 'changelog/12.bugfix.rst': 'Fixed the crash on empty input.\n' },
    date: '2025-01-02T10:00:00Z',
  });
}

describe('evidence: release notes are not the fix', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('the release step deletes the fix\'s changelog fragment: the fix is intact, and the fragment is listed as release notes', async () => {
    const repo = make();
    fixWithFragment(repo);
    repo.commit('Prepare release 1.1', {
      files: { 'changelog/12.bugfix.rst': null, 'CHANGELOG.rst': 'Changelog\n=========\n\n1.1\n---\n\n- Fixed the crash on empty input.\n' },
      date: '2025-01-03T10:00:00Z',
    });
    repo.tag('1.1', { date: '2025-01-03T11:00:00Z' });
    const e = await evidenceFor(repo.dir, '1.1');
    assert.equal(e.verdict, 'fix-intact');
    const survival = e.fixes[0]?.survival;
    assert.equal(survival?.added, 1, 'only the code line is measured');
    assert.equal(survival?.modified ?? 0, 0);
    assert.equal(survival?.removed ?? 0, 0);
    assert.deepEqual(survival?.files.filter((f) => f.releaseNote === true).map((f) => f.path), ['changelog/12.bugfix.rst']);
    assert.equal(e.fixes[0]?.laterChanges.length, 0);
  });

  it('the code line changed later is still told, whatever happened to the notes', async () => {
    const repo = make();
    fixWithFragment(repo);
    repo.commit('Prepare release 1.1', { files: { 'changelog/12.bugfix.rst': null }, date: '2025-01-03T10:00:00Z' });
    repo.tag('1.1', { date: '2025-01-03T11:00:00Z' });
    repo.commit('Refactor input checks', { files: { 'src/code.py': CODE.replace('code 5\n', 'if data is None or len(data) == 0: return None\n') }, date: '2025-01-04T10:00:00Z' });
    const e = await evidenceFor(repo.dir, 'main');
    assert.equal(e.verdict, 'fix-modified');
    assert.equal((await evidenceFor(repo.dir, '1.1')).verdict, 'fix-intact', 'the refactor came after the client\'s 1.1');
    assert.equal(e.fixes[0]?.survival?.modified, 1);
    assert.deepEqual(e.fixes[0]?.survival?.changedBy.map((c) => c.subject), ['Refactor input checks']);
  });

  it('a fix that is only a changelog line has no measured lines (no survival), not a modified fix', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'CHANGES.md': '# Changes\n' }, date: '2025-01-01T10:00:00Z' });
    repo.commit('Document the workaround (fixes #12)', { files: { 'CHANGES.md': '# Changes\n\n- Workaround for #12.\n' }, date: '2025-01-02T10:00:00Z' });
    repo.commit('Reorder the changelog', { files: { 'CHANGES.md': '# Changes\n\n## 1.1\n- Workaround for issue 12.\n' }, date: '2025-01-03T10:00:00Z' });
    const e = await evidenceFor(repo.dir, 'main');
    assert.equal(e.fixes[0]?.survival, null);
    assert.equal(e.verdict, 'fix-intact');
  });
});
