// A user's request arriving while the session's first history scan runs stops that scan (its git is
// killed, nothing is reported to the person) and is answered from the snapshot without the scan; the
// next read of the full snapshot scans again and succeeds.
import * as assert from 'node:assert/strict';
import { isEvidenceCancelled } from '../../src/core/evidence/cancel';
import type { GitPort } from '../../src/core/gitPort';
import { FolderSnapshot } from '../../src/ui/folderSnapshot';
import { writeDemoStore } from '../support/demoWorkspace';
import { activateApi, workspaceRoot } from './api';

describe('the first history scan steps aside for the user', function () {
  this.timeout(120_000);

  it("stops the session's first scan for a user's request, and scans again on the next read", async () => {
    const api = await activateApi();
    writeDemoStore(workspaceRoot());
    const folder = api.issues.all()[0]!;
    const port = folder.gitPort()!;
    // The scan waits at its listing of the refs until the request has come, as a long scan would.
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let scans = 0;
    const slowPort: GitPort = new Proxy(port, {
      get(target, name, receiver): unknown {
        const value: unknown = Reflect.get(target, name, receiver);
        if (name !== 'listTips' || typeof value !== 'function') return value;
        return async (...args: unknown[]): Promise<unknown> => {
          scans++;
          await gate;
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
    const snapshots = new FolderSnapshot(folder, () => undefined);
    const first = snapshots.full(slowPort);
    const firstOutcome = first.then(
      () => 'read',
      (error: unknown) => (isEvidenceCancelled(error) ? 'stopped' : `failed: ${String(error)}`),
    );
    // Until the scan has begun its history read.
    for (let i = 0; i < 200 && scans === 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(scans, 1, 'the first scan never began listing the refs');

    const request = await snapshots.forRequest(port, folder.requestGitPort() ?? port);
    assert.equal(request.snapshot.scan, null, 'the request waited for the scan instead of reading without it');
    release();
    assert.equal(await firstOutcome, 'stopped', 'the first scan was not stopped for the request');
    assert.equal(snapshots.ready, false);

    const again = await snapshots.full(port);
    assert.ok(again.scan.commitsKnown > 0, 'the scan after the request knows no commits');
    assert.equal(again.repository, request.snapshot.repository, 'the full snapshot and the request\'s differ for the same state');
    assert.ok(snapshots.ready);
  });
});
