// Client issues in Restricted Mode: the files are shown, nothing is written and no git port exists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProofOfFixApi } from '../../src/extension';
import { CommandIds } from '../../src/ui/commandIds';
import type { IssueTreeNode } from '../../src/ui/issueNodes';
import { activateApi, assertRefused, runCommand, workspaceRoot } from './api';

const ISSUE_ID = 'RSTR-1';

describe('client issues in Restricted Mode', function () {
  this.timeout(60_000);
  let api: ProofOfFixApi;
  let issuesDir: string;
  let file: string;

  before(async () => {
    api = await activateApi();
    issuesDir = path.join(workspaceRoot(), '.proof-of-fix', 'issues');
    file = path.join(issuesDir, `${ISSUE_ID}.json`);
    fs.mkdirSync(issuesDir, { recursive: true });
    // As if it came with a git checkout.
    fs.writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 1, id: ISSUE_ID, client: 'Restricted Client', title: 'Shown read-only', status: 'open', created: '2026-02-01', reports: [], fixes: [], replies: [] }, null, 2) + '\n',
    );
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });

  after(() => {
    fs.rmSync(file, { force: true });
  });

  it('shows the issues of the workspace', () => {
    const tree = api.issuesTree;
    const clients = tree.getChildren().flatMap((n) => (n.kind === 'folder' ? tree.getChildren(n) : [n]));
    const client = clients.find((n) => n.kind === 'client' && n.name === 'Restricted Client');
    assert.ok(client, 'the client is not shown');
    const issue = tree.getChildren(client).find((n): n is Extract<IssueTreeNode, { kind: 'issue' }> => n.kind === 'issue');
    assert.equal(issue?.issue.id, ISSUE_ID);
  });

  it('creates no git port', () => {
    assert.equal(api.issues.all()[0]?.gitPort(), undefined);
  });

  it('writes nothing through the commands', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const names = fs.readdirSync(issuesDir).sort();
    const created = await runCommand(api, CommandIds.newIssue, { client: 'Restricted Client', title: 'x' });
    assertRefused(created, /read-only in Restricted Mode/);
    assert.equal(created.severity, 'info');
    assertRefused(await runCommand(api, CommandIds.setStatus, { issue: ISSUE_ID, status: 'fixed' }), /read-only in Restricted Mode/);
    assertRefused(await runCommand(api, CommandIds.deleteIssue, { issue: ISSUE_ID, confirmed: true }), /read-only in Restricted Mode/);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    assert.deepEqual(fs.readdirSync(issuesDir).sort(), names);
  });
});
