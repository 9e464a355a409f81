// Cancelling the evidence engine through the request's signal: an already-aborted signal runs no
// git at all, and an abort during any git call stops the computation before the next one.
import * as assert from 'node:assert/strict';
import { isEvidenceCancelled } from '../../src/core/evidence/cancel';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { GitPort, RepoState } from '../../src/core/gitPort';

const HEAD = 'a'.repeat(40);

const ANSWERS: Partial<Record<keyof GitPort, unknown>> = {
  repoState: { topLevel: '/repo', gitCommonDir: '/repo/.git', shallow: false, head: HEAD, headBranch: 'main' } satisfies RepoState,
  defaultBranch: 'main',
  resolveCommit: HEAD,
  userEmail: 'ana@example.com',
  logMessages: [],
  commits: [],
  uncommittedChanges: [],
};

/** A port that answers an issue without fixes, records its calls and runs `onCall` after each. */
function fakePort(onCall: (count: number) => void = () => undefined): { port: GitPort; calls: string[] } {
  const calls: string[] = [];
  const port = new Proxy({} as GitPort, {
    get(_target, name): unknown {
      return async (): Promise<unknown> => {
        const method = String(name) as keyof GitPort;
        if (!(method in ANSWERS)) throw new Error(`unexpected git call ${method}`);
        calls.push(method);
        onCall(calls.length);
        return ANSWERS[method];
      };
    },
  });
  return { port, calls };
}

describe('evidence engine cancellation', () => {
  it('answers without a signal (the fake port covers every call)', async () => {
    const { port, calls } = fakePort();
    const evidence = await computeEvidence(port, { ref: 'ACME-1' });
    assert.equal(evidence.verdict, 'no-fix-linked');
    assert.ok(calls.length > 3, calls.join(', '));
  });

  it('runs no git when the signal is already aborted', async () => {
    const { port, calls } = fakePort();
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(computeEvidence(port, { ref: 'ACME-1', signal: abort.signal }), (error: unknown) => isEvidenceCancelled(error));
    assert.deepEqual(calls, []);
  });

  it('stops before the next git call when aborted during any of them', async () => {
    const total = fakePort();
    await computeEvidence(total.port, { ref: 'ACME-1' });
    // The last call has no next one: the computation completes with it.
    for (let n = 1; n < total.calls.length; n++) {
      const abort = new AbortController();
      const { port, calls } = fakePort((count) => {
        if (count === n) abort.abort();
      });
      await assert.rejects(computeEvidence(port, { ref: 'ACME-1', signal: abort.signal }), { name: 'EvidenceCancelled', code: 'cancelled' }, `aborted on call ${n}`);
      assert.deepEqual(calls, total.calls.slice(0, n));
    }
  });
});
