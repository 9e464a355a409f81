import * as assert from 'node:assert/strict';
import { withRepeatedReads } from '../../src/core/evidence/repeatedReads';
import type { GitPort } from '../../src/core/gitPort';

/** A port whose blame and repoState count their calls; each answer a fresh object, as git's would be. */
function countingPort(): { port: GitPort; calls: { blame: number; repoState: number; pathsAt: number } } {
  const calls = { blame: 0, repoState: 0, pathsAt: 0 };
  const port = {
    blame: async (path: string) => {
      calls.blame++;
      return { path, lines: [{ line: 1, sha: 'a'.repeat(40) }], commits: new Map([['a'.repeat(40), { author: 'Ana' }]]) };
    },
    pathsAt: async (_commit: string, paths: string[]) => {
      calls.pathsAt++;
      if ([...paths].includes('bad')) throw new Error('git failed');
      return [...paths];
    },
    repoState: async () => {
      calls.repoState++;
      return { head: null };
    },
  } as unknown as GitPort;
  return { port, calls };
}

describe('evidence: a history read asked again in one computation', () => {
  it('asks git once per question, and gives each asker an answer of its own', async () => {
    const { port, calls } = countingPort();
    const memo = withRepeatedReads(port);
    const range = { include: ['b'.repeat(40)], exclude: ['c'.repeat(40)] };
    const [one, two] = await Promise.all([memo.blame('src/db.c', range), memo.blame('src/db.c', range)]);
    const three = await memo.blame('src/db.c', { include: ['b'.repeat(40)], exclude: ['c'.repeat(40)] });
    assert.equal(calls.blame, 1);
    assert.deepEqual(one, two);
    assert.deepEqual(two, three);
    assert.notEqual(one, two, 'each asker its own copy');
    (one.lines as unknown[]).length = 0;
    assert.equal(three.lines.length, 1, 'a change to one answer is not seen by another');
    await memo.blame('src/db.c', { include: ['b'.repeat(40)], exclude: ['d'.repeat(40)] });
    await memo.blame('src/db.c', range, [[3, 4]]);
    assert.equal(calls.blame, 3, 'another range, or other lines, is another question');
  });

  it('keeps a failure as the answer (the same command fails again), and leaves other questions and the repository state alone', async () => {
    const { port, calls } = countingPort();
    const memo = withRepeatedReads(port);
    await assert.rejects(memo.pathsAt('e'.repeat(40), ['bad']), /git failed/);
    await assert.rejects(memo.pathsAt('e'.repeat(40), ['bad']), /git failed/);
    assert.equal(calls.pathsAt, 1);
    await memo.repoState();
    await memo.repoState();
    assert.equal(calls.repoState, 2, 'the repository state is not a history read');
  });

  it('asks again when an argument is not plain data (a Set would read as {} in a key)', async () => {
    const { port, calls } = countingPort();
    const memo = withRepeatedReads(port);
    const odd = new Set(['x']) as unknown as string[];
    await memo.pathsAt('e'.repeat(40), odd);
    await memo.pathsAt('e'.repeat(40), odd);
    assert.equal(calls.pathsAt, 2);
  });
});
