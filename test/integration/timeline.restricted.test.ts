// The timeline in Restricted Mode: no git runs, so the panel says why there is no timeline (with
// a link to trust the workspace) and runs no script; exporting a proof page is refused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProofOfFixApi } from '../../src/extension';
import { CommandIds } from '../../src/ui/commandIds';
import type { TimelineShown } from '../../src/ui/timelinePanel';
import { DEMO_IDS, writeDemoStore } from '../support/demoWorkspace';
import type { KeptFile } from './api';
import { activateApi, keepFile, workspaceRoot } from './api';

describe('timeline in Restricted Mode', function () {
  this.timeout(60_000);
  let api: ProofOfFixApi;
  let root: string;
  let clientsFile: KeptFile;

  before(async () => {
    api = await activateApi();
    assert.equal(vscode.workspace.isTrusted, false, 'this pass must run in Restricted Mode');
    root = workspaceRoot();
    clientsFile = keepFile(path.join(root, '.proof-of-fix', 'clients.json'));
    writeDemoStore(root);
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });

  after(async () => {
    for (const id of DEMO_IDS) fs.rmSync(path.join(root, '.proof-of-fix', 'issues', `${id}.json`), { force: true });
    clientsFile.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });

  it('says why there is no timeline, offers to manage trust, and runs no script', async () => {
    const shown = await vscode.commands.executeCommand<TimelineShown | undefined>(CommandIds.showTimeline, { issue: 'ACME-2' });
    assert.ok(shown);
    assert.equal(shown.state, 'restricted');
    assert.match(shown.html, /No timeline in Restricted Mode: it is drawn from the git history/);
    assert.match(shown.html, /<a href="command:workbench\.trust\.manage">/);
    assert.doesNotMatch(shown.html, /<script|<svg/);
    assert.equal(api.evidence.forFolder(api.issues.all()[0]!).get('ACME-2'), undefined, 'no evidence was computed');
  });

  it('refuses to export a proof page', async () => {
    const out = path.join(os.tmpdir(), `pof-restricted-${process.pid}.html`);
    const result = await vscode.commands.executeCommand(CommandIds.exportProofPage, { issue: 'ACME-2', out });
    assert.equal(result, undefined);
    assert.equal(fs.existsSync(out), false);
  });
});
