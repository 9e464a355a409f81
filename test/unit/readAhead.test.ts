// The search by id started ahead of the engine: the engine's same call takes that answer (git runs
// once), any other call runs as asked, and a search nobody took is stopped when the request ends.
import * as assert from 'node:assert/strict';
import { currentCancelSignal, isEvidenceCancelled } from '../../src/core/evidence/cancel';
import { idSearch, messageSearchAhead } from '../../src/core/evidence/readAhead';
import type { GitPort, RawCommit } from '../../src/core/gitPort';

const commit = (sha: string): RawCommit => ({ sha, parents: [], authorName: 'A', authorEmail: 'a@x', date: '2024-01-01T00:00:00Z', subject: sha, message: sha }) as RawCommit;

/** A port whose searches are recorded and end when told (or when their signal fires). */
function searchingPort(): { port: GitPort; asked: string[]; finish: (sha: string, id?: string) => void; stopped: () => number } {
  const asked: string[] = [];
  const waiting: { id: string; end: (sha: string) => void }[] = [];
  let stopped = 0;
  const port = {
    logMessages(options: { grep?: string[] }): Promise<RawCommit[]> {
      asked.push(JSON.stringify(options));
      const signal = currentCancelSignal();
      return new Promise<RawCommit[]>((resolve, reject) => {
        waiting.push({ id: options.grep?.[0] ?? '', end: (sha) => resolve([commit(sha)]) });
        signal?.addEventListener('abort', () => {
          stopped++;
          reject(new Error('killed'));
        });
      });
    },
    async userEmail(): Promise<string | null> {
      return 'me@x';
    },
  } as unknown as GitPort;
  const finish = (sha: string, id?: string): void => {
    const at = waiting.findIndex((w) => id === undefined || w.id === id);
    waiting.splice(at, 1)[0]?.end(sha);
  };
  return { port, asked, finish, stopped: () => stopped };
}

describe('the search by id started ahead', () => {
  it("gives the engine's same search the answer started ahead: git searched once", async () => {
    const git = searchingPort();
    const ahead = messageSearchAhead(git.port, idSearch('ACME-4'));
    ahead.start();
    ahead.start();
    assert.equal(git.asked.length, 1, 'started twice');
    const taken = ahead.port.logMessages({ include: 'all', exclude: [], grep: ['ACME-4'] });
    git.finish('f1');
    assert.deepEqual((await taken).map((c) => c.sha), ['f1']);
    assert.equal(git.asked.length, 1);
    // A second search of the same id is a new one: the answer ahead is handed over once.
    const again = ahead.port.logMessages(idSearch('ACME-4'));
    git.finish('f2');
    assert.deepEqual((await again).map((c) => c.sha), ['f2']);
    assert.equal(git.asked.length, 2);
    ahead.end();
    assert.equal(await ahead.port.userEmail(), 'me@x', 'other reads pass through');
  });

  it('runs another search as asked, and stops the one ahead nobody took when the request ends', async () => {
    const git = searchingPort();
    const ahead = messageSearchAhead(git.port, idSearch('ACME-4'));
    ahead.start();
    const other = ahead.port.logMessages(idSearch('ACME-5'));
    assert.deepEqual(git.asked.map((a) => JSON.parse(a) as { grep: string[] }).map((a) => a.grep), [['ACME-4'], ['ACME-5']]);
    git.finish('x', 'ACME-5');
    await other;
    ahead.end();
    assert.equal(git.stopped(), 1, 'the untaken search still runs');
    // Ended before it started: it never starts.
    const late = messageSearchAhead(git.port, idSearch('ACME-6'));
    late.end();
    late.start();
    assert.equal(git.asked.length, 2);
    // Not enabled (the evidence is in memory): nothing starts.
    const off = messageSearchAhead(git.port, idSearch('ACME-7'), false);
    off.start();
    assert.equal(git.asked.length, 2);
    off.end();
  });

  it("hands a failed search ahead to its taker as the failure it was", async () => {
    const git = searchingPort();
    const ahead = messageSearchAhead(git.port, idSearch('ACME-4'));
    ahead.start();
    const taken = ahead.port.logMessages(idSearch('ACME-4'));
    ahead.end();
    await assert.rejects(taken, (error: unknown) => isEvidenceCancelled(error) || (error instanceof Error && error.message === 'killed'));
  });

  it('is the search the engine runs without a scan (links.ts asks idSearch)', () => {
    assert.deepEqual(idSearch(' ACME-4 '), { include: 'all', exclude: [], grep: ['ACME-4'] });
  });
});
