// A person's request arriving while the session's first history scan runs stops that scan (its git
// is killed, nothing is reported to the person) and is answered from the snapshot without the scan;
// the next read of the full snapshot scans again and succeeds. A request outside a person's command
// (a row expanded as the window opens) leaves the scan running.
import * as assert from 'node:assert/strict';
import { isEvidenceCancelled } from '../../src/core/evidence/cancel';
import type { GitPort } from '../../src/core/gitPort';
import { FolderSnapshot } from '../../src/ui/folderSnapshot';
import type { FolderIssues } from '../../src/ui/issueWorkspace';
import { runRequest } from '../../src/ui/requestProgress';
import { writeDemoStore } from '../support/demoWorkspace';
import { activateApi, workspaceRoot } from './api';

interface GatedScan {
  snapshots: FolderSnapshot;
  /** How the first full read ended: 'read', 'stopped' or a failure. */
  outcome: Promise<string>;
  release(): void;
}

/** A first scan that waits at its listing of the refs until released, as a long scan would. */
async function gatedFirstScan(folder: FolderIssues, port: GitPort): Promise<GatedScan> {
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
  const snapshots = new FolderSnapshot(folder, () => undefined);
  const outcome = snapshots.full(slowPort).then(
    () => 'read',
    (error: unknown) => (isEvidenceCancelled(error) ? 'stopped' : `failed: ${String(error)}`),
  );
  for (let i = 0; i < 200 && listed === 0; i++) await new Promise((r) => setTimeout(r, 25));
  assert.equal(listed, 1, 'the first scan never began listing the refs');
  return { snapshots, outcome, release };
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
});
