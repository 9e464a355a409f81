// The evidence kept for the next session: a new window of the same workspace (here, a second
// evidence service on the same storage folder) answers an issue from the file while the repository is
// as it was, shows it before any git has run, and computes again when the file is not of its version.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ProofOfFixApi } from '../../src/extension';
import { CommandIds } from '../../src/ui/commandIds';
import { EvidenceService } from '../../src/ui/evidenceService';
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
    const answered = await second.forFolder(folder).compute('ACME-2');
    assert.equal(answered.verdict, computed.verdict);
    assert.equal(answered.computedAt, computed.computedAt, 'computed again although the repository did not change');
    second.dispose();

    await waitFor('the evidence file', () => (fs.readdirSync(dir).some((f) => f.endsWith('.json')) ? true : undefined));
    const other = session('2.0.0');
    const recomputed = await other.forFolder(folder).compute('ACME-2');
    assert.equal(recomputed.verdict, computed.verdict);
    assert.notEqual(recomputed.computedAt, computed.computedAt, "another version's file was used");
  });
});
