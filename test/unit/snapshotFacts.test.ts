// The repository's facts every issue asks again (HEAD, the target's and the client's version's
// commits) are asked of git once per scan, and again after a new scan.
import * as assert from 'node:assert/strict';
import { withSnapshotFacts } from '../../src/core/evidence/snapshotFacts';
import type { GitPort, RepoState } from '../../src/core/gitPort';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

/** A port answering from `refs` (changeable), counting every question it gets. */
function countingPort(refs: Map<string, string>, asked: string[], failOnce = new Set<string>()): GitPort {
  const port = {
    repoState: (): Promise<RepoState> => {
      asked.push('state');
      return Promise.resolve({ topLevel: '/r', gitCommonDir: '/r/.git', shallow: false, head: refs.get('HEAD') ?? null, headBranch: 'main' });
    },
    resolveCommit: (ref: string): Promise<string | null> => {
      asked.push(ref);
      if (failOnce.delete(ref)) return Promise.reject(new Error('git failed'));
      return Promise.resolve(refs.get(ref) ?? null);
    },
    isAncestor: (): Promise<boolean> => {
      asked.push('isAncestor');
      return Promise.resolve(true);
    },
  };
  return port as unknown as GitPort;
}

describe('repository facts shared by the issues of one scan', () => {
  it("asks git once per scan for HEAD and each revision, whichever issue's computation asks", async () => {
    const refs = new Map([
      ['HEAD', A],
      ['main', A],
      ['deployed', B],
    ]);
    const asked: string[] = [];
    const git = countingPort(refs, asked);
    const scan = { refs: { HEAD: A, 'refs/heads/main': A } };
    for (let issue = 0; issue < 3; issue++) {
      const port = withSnapshotFacts(git, scan);
      assert.equal((await port.repoState()).head, A);
      assert.equal(await port.resolveCommit('main'), A);
      assert.equal(await port.resolveCommit('deployed'), B);
      assert.equal(await port.isAncestor(A, B), true);
    }
    assert.deepEqual(asked, ['state', 'main', 'deployed', 'isAncestor', 'isAncestor', 'isAncestor'], 'asked again within one scan');
  });

  it('asks again after a new scan (the refs moved), and answers with the new state', async () => {
    const refs = new Map([
      ['HEAD', A],
      ['main', A],
    ]);
    const asked: string[] = [];
    const git = countingPort(refs, asked);
    assert.equal(await withSnapshotFacts(git, { refs: { main: A } }).resolveCommit('main'), A);
    refs.set('main', B);
    refs.set('HEAD', B);
    const rescanned = withSnapshotFacts(git, { refs: { main: B } });
    assert.equal(await rescanned.resolveCommit('main'), B);
    assert.equal((await rescanned.repoState()).head, B);
    assert.deepEqual(asked, ['main', 'main', 'state']);
  });

  it('keeps no failure: the next asker asks git again', async () => {
    const asked: string[] = [];
    const git = countingPort(new Map([['main', A]]), asked, new Set(['main']));
    const scan = { refs: { main: A } };
    await assert.rejects(withSnapshotFacts(git, scan).resolveCommit('main'), /git failed/);
    assert.equal(await withSnapshotFacts(git, scan).resolveCommit('main'), A);
    assert.deepEqual(asked, ['main', 'main']);
  });

  it('leaves a computation without a scan as it was', async () => {
    const asked: string[] = [];
    const git = countingPort(new Map([['main', A]]), asked);
    for (let i = 0; i < 2; i++) await withSnapshotFacts(git, undefined).resolveCommit('main');
    assert.deepEqual(asked, ['main', 'main']);
  });
});
