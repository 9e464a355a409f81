// The two ways the extension reads a repository for an issue's evidence give one answer: the full
// snapshot (the history scanned once, its commit graph answering containment) and the snapshot
// without the scan that a user's request takes while that scan still runs (the history searched by
// the issue's id). Same digest for the same state, so evidence computed either way serves the other,
// and the same evidence and verdict, issue by issue, on a real repository with every kind of fate.
import * as assert from 'node:assert/strict';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { EvidenceDetail, IssueEvidence } from '../../src/core/evidence/model';
import type { SnapshotSettings } from '../../src/core/evidence/repositorySnapshot';
import { readRepositorySnapshot, readSnapshotWithoutScan } from '../../src/core/evidence/repositorySnapshot';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { lines, ME, OTHER, suiteRepos } from '../support/tempRepo';
import { assertVerdictLevelAgrees } from '../support/evidenceBothWays';

const SETTINGS: SnapshotSettings = { targetBranch: 'main', releaseTagPattern: '', issueIdPatterns: [], myIdentities: [ME.email] };
const BASE = lines('line', 30);

describe('the snapshot without the history scan', function () {
  this.timeout(60000);
  const make = suiteRepos();
  let repo: TempRepo;
  const ISSUES = ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4', 'ACME-5'];

  before(() => {
    repo = make();
    repo.commit('Initial', { files: { 'src/app.js': BASE, 'src/total.js': BASE } });
    // ACME-1: intact, released.
    repo.commit('Fix login crash\n\nFixes ACME-1', { files: { 'src/app.js': BASE.replace('line 3\n', 'guard();\n') } });
    repo.tag('v1.0.0', { message: 'Release 1.0.0' });
    // ACME-2: reverted by someone else.
    const two = repo.commit('Fix rounding (fixes ACME-2)', { files: { 'src/total.js': BASE.replace('line 20\n', 'round(total);\n') } });
    repo.revert(two, OTHER);
    // ACME-3: two fixes, the later one's line changed since.
    const app = repo.read('src/app.js');
    repo.commit('Fix export, part 1 (fixes ACME-3)', { files: { 'src/app.js': app.replace('line 10\n', 'exportAll();\n') } });
    repo.tag('v1.1.0');
    repo.commit('Fix export, part 2 (fixes ACME-3)', { files: { 'src/app.js': repo.read('src/app.js').replace('line 12\n', 'flush();\n') } });
    repo.commit('Tidy the export, see ACME-3', { files: { 'src/app.js': repo.read('src/app.js').replace('flush();\n', 'flush(true);\n') }, author: OTHER });
    // ACME-4: on a side branch only.
    repo.checkout('side', true);
    repo.commit('Fix the header (fixes ACME-4)', { files: { 'src/total.js': repo.read('src/total.js').replace('line 1\n', 'header();\n') } });
    repo.checkout('main');
    // ACME-5: mentioned, never fixed.
    repo.commit('Look into ACME-5', { files: { 'notes.txt': 'ACME-5\n' } });
  });

  it('has the full snapshot\'s digest for the same state of the repository', async () => {
    const port = createGitPort(repo.dir);
    const full = await readRepositorySnapshot(port, SETTINGS, undefined, () => undefined);
    const quick = await readSnapshotWithoutScan(port, SETTINGS);
    assert.equal(quick.scan, null);
    assert.equal(quick.repository, full.repository);
    assert.deepEqual([quick.target, quick.me, quick.patterns, quick.tagPattern], [full.target, full.me, full.patterns, full.tagPattern]);
  });

  it('changes its digest as the full one does when a branch moves', async () => {
    const port = createGitPort(repo.dir);
    const before = (await readSnapshotWithoutScan(port, SETTINGS)).repository;
    repo.checkout('side');
    const moved = repo.commit('More on the side', { files: { 'side.txt': 'x\n' } });
    repo.checkout('main');
    try {
      const quick = await readSnapshotWithoutScan(port, SETTINGS);
      const full = await readRepositorySnapshot(port, SETTINGS, undefined, () => undefined);
      assert.notEqual(quick.repository, before);
      assert.equal(quick.repository, full.repository);
    } finally {
      repo.git(['update-ref', 'refs/heads/side', `${moved}^`]);
    }
  });

  it('gives every issue the evidence and verdict of the scan\'s path', async () => {
    const port = createGitPort(repo.dir);
    const full = await readRepositorySnapshot(port, SETTINGS, undefined, () => undefined);
    const quick = await readSnapshotWithoutScan(port, SETTINGS);
    const verdicts: string[] = [];
    for (const id of ISSUES) {
      const ask = async (snapshot: typeof full | typeof quick, detail: EvidenceDetail): Promise<IssueEvidence> => {
        const e = await computeEvidence(port, {
          issueId: id, ref: id, target: snapshot.target, deployed: 'v1.1.0', me: snapshot.me, patterns: snapshot.patterns,
          tagPattern: snapshot.tagPattern, scan: snapshot.scan, detail, now: () => new Date('2024-06-01T00:00:00Z'),
        });
        return { ...e, computedAt: '' };
      };
      const searched = await ask(quick, 'full');
      assert.deepEqual(searched, await ask(full, 'full'), `evidence of ${id}`);
      // A user's request asks for the full evidence; the view's verdict-level checks of either path agree with it too.
      assertVerdictLevelAgrees(searched, await ask(quick, 'verdict'));
      assertVerdictLevelAgrees(searched, await ask(full, 'verdict'));
      verdicts.push(searched.verdict);
    }
    // The repository holds the fates it was built for: the comparison is not between empty answers.
    assert.deepEqual(verdicts.slice(0, 2), ['fix-intact', 'fix-reverted']);
    assert.ok(['fix-modified', 'fix-not-deployed'].includes(verdicts[2] ?? ''), `ACME-3: ${verdicts[2]}`);
    assert.equal(verdicts[3], 'fix-not-on-target');
    assert.equal(verdicts[4], 'no-fix-linked');
  });
});
