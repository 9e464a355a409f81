// The evidence in Restricted Mode: no git runs, so no evidence is computed; each issue says why
// under it, and the status bar count stays hidden.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProofOfFixApi } from '../../src/extension';
import { CommandIds } from '../../src/ui/commandIds';
import type { IssueTreeNode } from '../../src/ui/issueNodes';
import { DEMO_IDS, writeDemoStore } from '../support/demoWorkspace';
import type { KeptFile } from './api';
import { activateApi, assertRefused, keepFile, runCommand, workspaceRoot } from './api';

describe('evidence in Restricted Mode', function () {
  this.timeout(60_000);
  let api: ProofOfFixApi;
  let root: string;
  let clientsFile: KeptFile;

  before(async () => {
    api = await activateApi();
    assert.equal(vscode.workspace.isTrusted, false, 'this pass must run in Restricted Mode');
    root = workspaceRoot();
    clientsFile = keepFile(path.join(root, '.proof-of-fix', 'clients.json'));
    // As if the store came with a git checkout.
    writeDemoStore(root);
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });

  after(async () => {
    for (const id of DEMO_IDS) fs.rmSync(path.join(root, '.proof-of-fix', 'issues', `${id}.json`), { force: true });
    clientsFile.restore();
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });

  it('shows the issues with a node saying why there is no evidence, and computes none', async () => {
    const tree = api.issuesTree;
    const clients = tree.getChildren().flatMap((n) => (n.kind === 'folder' ? tree.getChildren(n) : [n]));
    const acme = clients.find((n) => n.kind === 'client' && n.name === 'Acme Logística');
    assert.ok(acme, 'the demo client is not shown');
    const issue = tree.getChildren(acme).find((n) => n.kind === 'issue' && n.issue.id === 'ACME-2') as IssueTreeNode;
    assert.ok(issue);
    const children = tree.getChildren(issue);
    assert.equal(children[0]?.kind, 'evidenceStatus');
    assert.equal(tree.getTreeItem(children[0] as IssueTreeNode).contextValue, 'proofOfFix.evidence.restricted');
    assert.ok(!children.some((c) => c.kind === 'verdict' || c.kind === 'commit'));
    assert.doesNotMatch(String(tree.getTreeItem(issue).description), /checking/);
    await api.evidence.whenIdle();
    const folder = api.issues.all()[0];
    assert.ok(folder);
    assert.equal(api.evidence.forFolder(folder).get('ACME-2'), undefined);
    assert.equal(api.evidence.forFolder(folder).commitContent(), undefined);
    assert.deepEqual(api.evidence.needingReply(), []);
  });

  it('keeps the status bar count hidden', () => {
    assert.equal(api.statusBar.state.visible, false);
  });

  it('refuses to open a commit diff', async () => {
    const outcome = await runCommand(api, CommandIds.openCommitDiff, { sha: 'a'.repeat(40) });
    assertRefused(outcome, /Restricted Mode/);
    assert.equal(outcome.result, undefined);
  });
});
