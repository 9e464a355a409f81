// A person's request arriving while the session's first history scan runs stops that scan (its git
// is killed, nothing is reported to the person) and is answered from the snapshot without the scan;
// the next read of the full snapshot scans again and succeeds. A request outside a person's command
// (a row expanded as the window opens) leaves the scan running. A background check waiting for that
// scan steps out of the user's way at once, not when the scan's git has ended.
import * as assert from 'node:assert/strict';
import { isEvidenceCancelled } from '../../src/core/evidence/cancel';
import type { GitPort } from '../../src/core/gitPort';
import { FolderEvidence } from '../../src/ui/folderEvidence';
import { FolderSnapshot } from '../../src/ui/folderSnapshot';
import type { FolderIssues } from '../../src/ui/issueWorkspace';
import { runRequest } from '../../src/ui/requestProgress';
import { writeDemoStore } from '../support/demoWorkspace';
import { waitFor } from '../support/wait';
import { activateApi, workspaceRoot } from './api';

interface GatedScan {
  snapshots: FolderSnapshot;
  /** How the first full read ended: 'read', 'stopped' or a failure. */
  outcome: Promise<string>;
  release(): void;
}

/** `port`, but its listing of the refs waits until released, as a long scan would. */
function gatedPort(port: GitPort): { port: GitPort; listed: () => number; release: () => void } {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let listed = 0;
  const slowPort: GitPort = new Proxy(port, {
    get(target, name, receiver): unknown {
      const value: unknown = Reflect.get(target, name, receiver);
      if (name !== 'listTips' || typeof value !== 'function') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        listed++;
        await gate;
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return { port: slowPort, listed: () => listed, release };
}

/** A first scan that waits at its listing of the refs until released, as a long scan would. */
async function gatedFirstScan(folder: FolderIssues, port: GitPort): Promise<GatedScan> {
  const { port: slowPort, listed: listedNow, release } = gatedPort(port);
  const listed = (): number => listedNow();
  const snapshots = new FolderSnapshot(folder, () => undefined);
  const outcome = snapshots.full(slowPort).then(
    () => 'read',
    (error: unknown) => (isEvidenceCancelled(error) ? 'stopped' : `failed: ${String(error)}`),
  );
  await until(() => listed() > 0);
  assert.equal(listed(), 1, 'the first scan never began listing the refs');
  return { snapshots, outcome, release };
}

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe('the first history scan steps aside for the user', function () {
  this.timeout(120_000);
  let folder: FolderIssues;
  let port: GitPort;

  before(async () => {
    const api = await activateApi();
    writeDemoStore(workspaceRoot());
    folder = api.issues.all()[0]!;
    port = folder.gitPort()!;
  });

  it("stops the session's first scan for a person's request, and scans again on the next read", async () => {
    const { snapshots, outcome, release } = await gatedFirstScan(folder, port);
    // As a person's command asks (the journey, Draft Reply): a request of the funnel is running.
    const request = await runRequest(() => snapshots.forRequest(port, folder.requestGitPort() ?? port));
    assert.equal(request.snapshot.scan, null, 'the request waited for the scan instead of reading without it');
    release();
    assert.equal(await outcome, 'stopped', 'the first scan was not stopped for the request');
    assert.equal(snapshots.ready, false);

    const again = await snapshots.full(port);
    assert.ok(again.scan.commitsKnown > 0, 'the scan after the request knows no commits');
    assert.equal(again.repository, request.snapshot.repository, "the full snapshot and the request's differ for the same state");
    assert.ok(snapshots.ready);
  });

  it('leaves the first scan running for a request outside a command (a row expanded as the window opens)', async () => {
    const { snapshots, outcome, release } = await gatedFirstScan(folder, port);
    const request = await snapshots.forRequest(port, folder.requestGitPort() ?? port);
    assert.equal(request.snapshot.scan, null);
    release();
    assert.equal(await outcome, 'read', 'the first scan was stopped though no command asked');
    assert.ok(snapshots.ready);
  });

  it("answers a person's request while a background check still waits for the first scan, without waiting for that scan to end", async () => {
    // A new folder's evidence (no scan, no cache) whose background lanes' scan waits at its listing;
    // the request's own port is the real one.
    const gated = gatedPort(port);
    const lanes = new Proxy(folder, {
      get(target, name, receiver): unknown {
        if (name === 'laneGitPort') return () => gated.port;
        return Reflect.get(target, name, receiver) as unknown;
      },
    });
    const evidence = new FolderEvidence(lanes, undefined, () => undefined);
    const ids = await waitFor('two issues in the demo store', () => (folder.store.issues().length >= 2 ? folder.store.issues().map((i) => i.id) : undefined));
    try {
      let ended = '';
      const background = evidence.compute(ids[0]!, undefined, 'background', 'verdict').then(
        () => (ended = 'answered'),
        (error: unknown) => (ended = `failed: ${String(error)}`),
      );
      await until(() => gated.listed() > 0 || ended !== '');
      assert.equal(gated.listed(), 1, `the background check never began the first scan (${ended || 'still running'})`);
      const answer = await runRequest(() => evidence.compute(ids[1]!, undefined, 'user'));
      assert.ok(answer.verdict, 'the request got no verdict');
      // The scan is still held at its gate: the request did not wait for it, nor for the check.
      assert.equal(gated.listed(), 1);
      gated.release();
      // Done again after the request: answered, or stopped with the scan the request stopped (a later pass asks again).
      const outcome = await background;
      assert.ok(outcome === 'answered' || /Canceled/i.test(outcome), outcome);
    } finally {
      gated.release();
      evidence.dispose();
    }
  });
});
