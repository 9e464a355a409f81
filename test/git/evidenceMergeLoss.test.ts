// Two lines developed side by side (express: 4.x fixes merged into 5.0 for years). A fix made on one
// line reaches the other by a merge that keeps the other line's version of its lines: those lines
// were lost at that merge, not "changed" by the older commit of the other line that blame names.
import * as assert from 'node:assert/strict';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { lines, suiteRepos } from '../support/tempRepo';
import type { TempRepo } from '../support/tempRepo';

const CODE = lines('code', 20);

async function evidenceFor(dir: string, target: string): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { ref: '#5', issueId: '#5', target, now: () => new Date('2026-01-01T00:00:00Z') });
}

/** main and next from one start; next rewrites line 10 first; main fixes line 10 later. */
function sideBySide(repo: TempRepo): { older: string; fix: string } {
  repo.commit('Initial', { files: { 'src/code.js': CODE }, date: '2025-01-01T10:00:00Z' });
  repo.checkout('next', true);
  const older = repo.commit('Rewrite the parser for the next major', { files: { 'src/code.js': CODE.replace('code 10\n', 'parse(next)\n') }, date: '2025-01-05T10:00:00Z' });
  repo.checkout('main');
  const fix = repo.commit('Guard the parser (fixes #5)', { files: { 'src/code.js': CODE.replace('code 10\n', 'if (input) parse(input)\n') }, date: '2025-02-01T10:00:00Z' });
  return { older, fix };
}

describe('evidence: a fix lost where two lines meet', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('the merge that kept the other line\'s version is the change, dated when it happened; not the older commit', async () => {
    const repo = make();
    const { older } = sideBySide(repo);
    repo.checkout('next');
    repo.git(['merge', '-q', '--no-ff', '-X', 'ours', '-m', 'Merge branch main into next', 'main'], { env: { GIT_AUTHOR_DATE: '2025-03-01T10:00:00Z', GIT_COMMITTER_DATE: '2025-03-01T10:00:00Z' } });
    const merge = repo.head();
    const e = await evidenceFor(repo.dir, 'next');
    assert.equal(e.verdict, 'fix-modified');
    const changedBy = e.fixes[0]?.survival?.changedBy ?? [];
    assert.deepEqual(changedBy.map((c) => c.sha), [merge]);
    assert.equal(changedBy[0]?.subject, 'Merge branch main into next');
    assert.ok(!changedBy.some((c) => c.sha === older));
    assert.ok((e.fixes[0]?.laterChanges ?? []).every((c) => Date.parse(c.date) >= Date.parse('2025-02-01T10:00:00Z')), 'no later change dated before the fix');
  });

  it('a file the other line deleted before the fix: every line of the fix went at the merge that kept it deleted', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/code.js': CODE, 'src/keep.js': 'keep\n' }, date: '2025-01-01T10:00:00Z' });
    repo.checkout('next', true);
    const older = repo.commit('Move the parser to its own package', { files: { 'src/code.js': null }, date: '2025-01-05T10:00:00Z' });
    repo.checkout('main');
    repo.commit('Guard the parser (fixes #5)', { files: { 'src/code.js': CODE.replace('code 10\n', 'if (input) {\n  parse(input)\n}\n') }, date: '2025-02-01T10:00:00Z' });
    repo.checkout('next');
    // The merge conflicts (modified on main, deleted on next); next keeps the file deleted.
    assert.throws(() => repo.git(['merge', '-q', '--no-ff', '--no-commit', 'main']));
    repo.git(['rm', '-q', 'src/code.js']);
    repo.git(['commit', '-q', '-m', 'Merge branch main into next'], { env: { GIT_AUTHOR_DATE: '2025-03-01T10:00:00Z', GIT_COMMITTER_DATE: '2025-03-01T10:00:00Z' } });
    const merge = repo.head();
    const e = await evidenceFor(repo.dir, 'next');
    const survival = e.fixes[0]?.survival;
    assert.equal(survival?.intact, 0);
    assert.equal(survival?.removed, 3);
    // Every lost line is someone's: the change list adds up to the lines lost.
    assert.deepEqual(survival?.changedBy.map((c) => [c.sha, c.lines]), [[merge, 3]]);
    assert.ok(!survival?.changedBy.some((c) => c.sha === older));
  });

  it('a commit authored before the fix but made after it (a rebase) is still the change', async () => {
    const repo = make();
    const { fix } = sideBySide(repo);
    repo.git(['branch', '-f', 'next', fix]);
    repo.checkout('next');
    // Authored in January, committed on top of the fix in March: it descends from the fix.
    const rebased = repo.commit('Rewrite the parser for the next major', { files: { 'src/code.js': CODE.replace('code 10\n', 'parse(next)\n') }, date: '2025-01-05T10:00:00Z' });
    const e = await evidenceFor(repo.dir, 'next');
    assert.deepEqual(e.fixes[0]?.survival?.changedBy.map((c) => c.sha), [rebased]);
  });
});
