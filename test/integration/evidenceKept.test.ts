// The evidence kept for the next session: a new window of the same workspace (here, a second
// evidence service on the same storage folder) answers an issue from the file while the repository is
// as it was, shows it before any git has run, and computes again when the file is not of its version;
// its background checks wait for the window's start (a quiet time), a request does not.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ProofOfFixApi } from '../../src/extension';
import { isClosedStatus } from '../../src/core/store/model';
import { CommandIds } from '../../src/ui/commandIds';
import { EvidenceService } from '../../src/ui/evidenceService';
import { runRequest } from '../../src/ui/requestProgress';
import { writeDemoStore } from '../support/demoWorkspace';
import { makeTempDir } from '../support/tempDir';
import { waitFor } from '../support/wait';
import { activateApi, workspaceRoot } from './api';

describe('evidence kept for the next session', function () {
  this.timeout(120_000);
  let api: ProofOfFixApi;
  let dir: string;
  const services: EvidenceService[] = [];
  const session = (version: string): EvidenceService => {
    const service = new EvidenceService(api.issues, { storage: { dir, version } });
    services.push(service);
    return service;
  };

  before(async () => {
    api = await activateApi();
    writeDemoStore(workspaceRoot());
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
    await waitFor('the demo issues', () => api.issues.all()[0]?.store.issue('ACME-2'));
    dir = makeTempDir('pof-evidence-kept-');
  });

  after(() => {
    for (const s of services) s.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the last session while the repository is unchanged, and recomputes for another version', async () => {
    const folder = api.issues.all()[0]!;
    const first = session('1.0.0');
    const computed = await first.forFolder(folder).compute('ACME-2');
    // The window closes: the pending write goes out.
    first.dispose();
    await waitFor('the evidence file', () => (fs.readdirSync(dir).some((f) => f.startsWith('evidence-') && f.endsWith('.json')) ? true : undefined));

    const second = session('1.0.0');
    const shown = await waitFor('the kept evidence shown before any computation', () => second.forFolder(folder).state('ACME-2').evidence);
    assert.equal(shown.computedAt, computed.computedAt);
    assert.equal(second.forFolder(folder).state('ACME-2').fromLastSession, true, "shown as the last session's until checked again");
    const answered = await second.forFolder(folder).compute('ACME-2');
    assert.equal(second.forFolder(folder).state('ACME-2').fromLastSession, false);
    assert.equal(answered.verdict, computed.verdict);
    assert.equal(answered.computedAt, computed.computedAt, 'computed again although the repository did not change');
    second.dispose();

    await waitFor('the evidence file', () => (fs.readdirSync(dir).some((f) => f.endsWith('.json')) ? true : undefined));
    const other = session('2.0.0');
    const recomputed = await other.forFolder(folder).compute('ACME-2');
    assert.equal(recomputed.verdict, computed.verdict);
    assert.notEqual(recomputed.computedAt, computed.computedAt, "another version's file was used");
  });

  it("a window showing the last session's evidence starts its background checks only after its quiet time; a request answers at once", async () => {
    const folder = api.issues.all()[0]!;
    const own = makeTempDir('pof-evidence-quiet-');
    const open = (quietMs: number): EvidenceService => {
      const service = new EvidenceService(api.issues, { storage: { dir: own, version: '3.0.0', quietMs } });
      services.push(service);
      return service;
    };
    try {
      const first = open(0);
      const computed = await first.forFolder(folder).compute('ACME-2');
      first.dispose();
      await waitFor('the evidence file', () => (fs.readdirSync(own).some((f) => f.startsWith('evidence-') && f.endsWith('.json')) ? true : undefined));

      const quietMs = 6000;
      const second = open(quietMs);
      const opened = Date.now();
      const evidence = second.forFolder(folder);
      await waitFor('the kept evidence shown', () => evidence.state('ACME-2').evidence);
      // Long enough for a background check of the small demo repository to confirm the kept verdict.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.ok(Date.now() - opened < quietMs, 'the machine was too slow for this test: the quiet time is over');
      const before = evidence.state('ACME-2');
      assert.equal(before.stale, true, 'a background check confirmed the kept evidence during the quiet time');
      assert.equal(before.checking, false, 'a background check runs during the quiet time');
      assert.equal(evidence.backgroundRunning, 0);
      // A request does not wait for the quiet time: answered from the file (the repository is unchanged).
      const answered = await evidence.compute('ACME-2');
      assert.ok(Date.now() - opened < quietMs, 'the request waited for the quiet time');
      assert.equal(answered.computedAt, computed.computedAt);
      // After the quiet time the background checks run: every other open issue with fixes is confirmed too.
      await second.whenIdle();
      assert.ok(Date.now() - opened >= quietMs - 50, 'the background checks started before the quiet time was over');
      // The issues the extension's own window has evidence for (fixes in the file or found by the scan).
      await api.evidence.whenIdle();
      const others = folder.store.issues().filter((i) => !isClosedStatus(i.status) && i.id !== 'ACME-2' && api.evidence.forFolder(folder).state(i.id).evidence !== undefined);
      assert.ok(others.length > 0, 'the demo store has other open issues with evidence');
      for (const issue of others) {
        const after = evidence.state(issue.id);
        assert.ok(after.evidence !== undefined && !after.stale, `${issue.id} was not checked after the quiet time`);
      }

      // Another window: its first request ended, so its background checks start before the quiet time is over.
      second.dispose();
      const third = open(60_000);
      const reopened = Date.now();
      const again = third.forFolder(folder);
      await waitFor('the kept evidence shown again', () => again.state('ACME-2').evidence);
      await runRequest(() => Promise.resolve());
      await third.whenIdle();
      assert.ok(Date.now() - reopened < 45_000, 'the background checks waited for the whole quiet time after a request had ended');
      assert.equal(again.state('ACME-2').stale, false);
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });
});
