// Client issues inside a real VS Code: the commands create, report, link, unlink, re-status and
// delete issues in the workspace's git repository, and the tree provider shows the result.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Client, Issue } from '../../src/core/store/model';
import type { ProofOfFixApi } from '../../src/extension';
import { CommandIds } from '../../src/ui/commandIds';
import type { IssueTreeNode } from '../../src/ui/issueNodes';
import { waitFor } from '../support/wait';
import type { KeptFile } from './api';
import { activateApi, assertRefused, keepFile, runCommand, workspaceRoot } from './api';

const CLIENT = 'Integration Test Co';
const PREFIX = 'ITEST';

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

describe('client issues in a real VS Code', function () {
  this.timeout(120_000);
  let api: ProofOfFixApi;
  let root: string;
  let issuesDir: string;
  let clientsFile: KeptFile;
  const created = new Set<string>();

  const tree = (): ProofOfFixApi['issuesTree'] => api.issuesTree;
  const clientNode = (): IssueTreeNode | undefined => {
    const top = tree().getChildren();
    const clients = top.flatMap((n) => (n.kind === 'folder' ? tree().getChildren(n) : [n]));
    return clients.find((n) => n.kind === 'client' && n.name === CLIENT);
  };
  const issueNode = (id: string): IssueTreeNode | undefined => {
    const client = clientNode();
    return client ? tree().getChildren(client).find((n) => n.kind === 'issue' && n.issue.id === id) : undefined;
  };
  const readIssue = (id: string): Issue => JSON.parse(fs.readFileSync(path.join(issuesDir, `${id}.json`), 'utf8')) as Issue;
  const newIssue = async (title: string, extra: Record<string, unknown> = {}): Promise<Issue> => {
    const issue = await vscode.commands.executeCommand<Issue | undefined>(CommandIds.newIssue, {
      client: CLIENT,
      prefix: PREFIX,
      language: 'en',
      title,
      words: 'The totals are wrong again.',
      date: '2026-03-01',
      ...extra,
    });
    assert.ok(issue, 'New Client Issue returned nothing');
    created.add(issue.id);
    return issue;
  };

  before(async () => {
    api = await activateApi();
    root = workspaceRoot();
    issuesDir = path.join(root, '.proof-of-fix', 'issues');
    clientsFile = keepFile(path.join(root, '.proof-of-fix', 'clients.json'));
  });

  after(async () => {
    for (const id of created) fs.rmSync(path.join(issuesDir, `${id}.json`), { force: true });
    for (const name of fs.existsSync(issuesDir) ? fs.readdirSync(issuesDir) : []) {
      if (name.startsWith(`${PREFIX}-`) || name.startsWith('BULK-')) fs.rmSync(path.join(issuesDir, name), { force: true });
    }
    clientsFile.restore();
    await vscode.commands.executeCommand(CommandIds.filterIssues, { statuses: undefined });
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });

  it('creates an issue and its client through New Client Issue, in the store format', async () => {
    const issue = await newIssue('Cart totals are off by a cent', { channel: 'email' });
    assert.match(issue.id, new RegExp(`^${PREFIX}-\\d+$`));
    const file = path.join(issuesDir, `${issue.id}.json`);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.indexOf('"client"') < text.indexOf('"created"') && text.indexOf('"created"') < text.indexOf('"fixes"'), 'keys are not sorted');
    assert.equal(readIssue(issue.id).status, 'open');
    const clients = JSON.parse(fs.readFileSync(clientsFile.path, 'utf8')) as { schemaVersion: number; clients: Client[] };
    assert.equal(clients.schemaVersion, 1);
    assert.deepEqual(clients.clients.find((c) => c.name === CLIENT), { name: CLIENT, prefix: PREFIX, language: 'en' });
  });

  it('numbers the next issue of the client one higher', async () => {
    const [first] = [...created];
    const second = await newIssue('Login fails with capitals');
    assert.equal(Number(second.id.split('-')[1]), Number(first?.split('-')[1]) + 1);
  });

  it('shows the client and its issues in the tree, with status, description and parent', async () => {
    const [id] = [...created] as [string];
    const client = clientNode();
    assert.ok(client, 'the client is not in the tree');
    const node = issueNode(id);
    assert.ok(node);
    const item = tree().getTreeItem(node);
    assert.equal(item.label, `${id}: Cart totals are off by a cent`);
    assert.equal(item.contextValue, 'proofOfFix.issue.open');
    assert.match(String(item.description), /^reported /);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    const parent = tree().getParent(node);
    assert.ok(parent);
    assert.equal(tree().getTreeItem(parent).id, tree().getTreeItem(client).id);
    const resolved = await tree().resolveTreeItem(item, node, new vscode.CancellationTokenSource().token);
    assert.match((resolved.tooltip as vscode.MarkdownString).value, /The totals are wrong again/);
    // Evidence nodes (the verdict) may come first once computed; the store's own children follow.
    const children = tree().getChildren(node).filter((c) => c.kind === 'report' || c.kind === 'fix');
    assert.deepEqual(children.map((c) => c.kind), ['report']);
    assert.equal(tree().getTreeItem(children[0] as IssueTreeNode).label, '2026-03-01 · email');
  });

  it('records a new report: a fixed issue is reopened and says it was reported again', async () => {
    const [id] = [...created] as [string];
    await vscode.commands.executeCommand(CommandIds.setStatus, { issue: id, status: 'fixed' });
    assert.equal(readIssue(id).status, 'fixed');
    const updated = await vscode.commands.executeCommand<Issue>(CommandIds.recordReport, {
      issue: id,
      words: 'It is back since Monday.',
      channel: 'phone',
      version: 'v1.2.0',
    });
    assert.equal(updated.status, 'reopened');
    const onDisk = readIssue(id);
    assert.equal(onDisk.reports.length, 2);
    assert.deepEqual(onDisk.reports[1], { date: onDisk.reports[1]?.date, channel: 'phone', words: 'It is back since Monday.', version: 'v1.2.0' });
    const item = tree().getTreeItem(issueNode(id) as IssueTreeNode);
    assert.equal(item.contextValue, 'proofOfFix.issue.reopened');
    assert.match(String(item.description), /^reported again /);
  });

  it('links a fix commit by sha (resolved by git) and by the line it changed, and unlinks it', async () => {
    const [id] = [...created] as [string];
    const full = git(root, ['rev-list', '-n1', '--grep=ACME-1', 'HEAD']);
    assert.match(full, /^[0-9a-f]{40}$/);
    await vscode.commands.executeCommand(CommandIds.linkFix, { issue: id, sha: full.slice(0, 7), note: 'normalizes the email' });
    assert.deepEqual(readIssue(id).fixes, [{ sha: full, how: 'manual', note: 'normalizes the email' }]);

    const fixNode = tree().getChildren(issueNode(id) as IssueTreeNode).find((n) => n.kind === 'fix');
    assert.ok(fixNode, 'the fix is not under the issue');
    const fixItem = tree().getTreeItem(fixNode);
    assert.equal(fixItem.contextValue, 'proofOfFix.fix');
    const tooltip = (await tree().resolveTreeItem(fixItem, fixNode, new vscode.CancellationTokenSource().token)).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /normaliza el email/);

    // Line 2 of the invoice helper was last changed by a refactor, not by the fix linked above.
    const lastChange = git(root, ['blame', '--porcelain', '-L2,2', '--', 'src/invoice.js']).split(' ')[0] as string;
    assert.notEqual(lastChange, full);
    await vscode.commands.executeCommand(CommandIds.linkFix, { issue: id, file: path.join(root, 'src', 'invoice.js'), line: 2 });
    assert.deepEqual(readIssue(id).fixes[1], { sha: lastChange, how: 'line' });

    await vscode.commands.executeCommand(CommandIds.unlinkFix, { issue: id, sha: lastChange });
    assert.deepEqual(readIssue(id).fixes.map((f) => f.sha), [full]);
  });

  it('sets the deployed version of the client', async () => {
    await vscode.commands.executeCommand(CommandIds.setDeployedRef, { client: CLIENT, ref: 'v1.2.0' });
    const clients = JSON.parse(fs.readFileSync(clientsFile.path, 'utf8')) as { clients: Client[] };
    assert.equal(clients.clients.find((c) => c.name === CLIENT)?.deployedRef, 'v1.2.0');
    await vscode.commands.executeCommand(CommandIds.editClient, { client: CLIENT, contactName: 'Laura', register: 'tu' });
    const after = JSON.parse(fs.readFileSync(clientsFile.path, 'utf8')) as { clients: Client[] };
    assert.deepEqual(after.clients.find((c) => c.name === CLIENT), { name: CLIENT, prefix: PREFIX, language: 'en', deployedRef: 'v1.2.0', contactName: 'Laura', register: 'tu' });
    assert.match(String(tree().getTreeItem(clientNode() as IssueTreeNode).description), /v1\.2\.0/);
    // What a reply needs: the audience and the contact's email; a bad value is refused in words.
    await vscode.commands.executeCommand(CommandIds.editClient, { client: CLIENT, audience: 'technical', email: 'laura@example.com' });
    const edited = (JSON.parse(fs.readFileSync(clientsFile.path, 'utf8')) as { clients: Client[] }).clients.find((c) => c.name === CLIENT);
    assert.equal(edited?.audience, 'technical');
    assert.equal(edited?.email, 'laura@example.com');
    assertRefused(await runCommand(api, CommandIds.editClient, { client: CLIENT, audience: 'everyone' }), /^everyone is not an audience \(plain, technical\)\.$/);
  });

  it('hides closed issues by default and shows them through the filter', async () => {
    const [, second] = [...created] as [string, string];
    await vscode.commands.executeCommand(CommandIds.setStatus, { issue: second, status: 'closed' });
    assert.equal(issueNode(second), undefined, 'a closed issue is shown by default');
    await vscode.commands.executeCommand(CommandIds.filterIssues, { statuses: ['open', 'fixed', 'reopened', 'wont-fix', 'closed'] });
    assert.ok(issueNode(second), 'the filter did not show the closed issue');
    await vscode.commands.executeCommand(CommandIds.clearIssueFilter);
    assert.equal(issueNode(second), undefined);
  });

  it('never loses a change made on disk while the issue is shown', async () => {
    const [id] = [...created] as [string];
    const file = path.join(issuesDir, `${id}.json`);
    const edited = fs.readFileSync(file, 'utf8').replace('"Cart totals are off by a cent"', '"Edited by hand"');
    fs.writeFileSync(file, edited);
    // Whether the write is refused (not re-read yet) or made on the re-read file, the edit survives.
    await vscode.commands.executeCommand(CommandIds.setStatus, { issue: id, status: 'open' });
    assert.equal(readIssue(id).title, 'Edited by hand');
    await waitFor('the tree to show the edit', () => String(tree().getTreeItem(issueNode(id) as IssueTreeNode).label).endsWith('Edited by hand') || undefined);
  });

  it('shows a broken file as an error item that opens at the problem, and leaves it alone', async () => {
    const file = path.join(issuesDir, `${PREFIX}-90.json`);
    const broken = '{\n  "schemaVersion": 1,\n  "id": "ITEST-90"\n  "title": "missing comma"\n}\n';
    fs.writeFileSync(file, broken);
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
    const problem = tree().getChildren(clientNode() as IssueTreeNode).find((n) => n.kind === 'problem');
    assert.ok(problem, 'no error item for the broken file');
    const item = tree().getTreeItem(problem);
    assert.equal(item.contextValue, 'proofOfFix.problem');
    assert.match(String(item.description), /line 4, column 3/);
    await vscode.commands.executeCommand(CommandIds.openIssueFile, problem);
    const editor = await waitFor('the broken file to open', () => (vscode.window.activeTextEditor?.document.uri.fsPath === file ? vscode.window.activeTextEditor : undefined));
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [3, 2]);
    const refused = await runCommand(api, CommandIds.setStatus, { issue: `${PREFIX}-90`, status: 'fixed' });
    assertRefused(refused, new RegExp(`^${PREFIX}-90\\.json has a problem Proof of Fix cannot repair for you\\. Nothing was written`));
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(file);
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });

  it('validates an issue file against the shipped schema while it is edited', async () => {
    const [id] = [...created] as [string];
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(issuesDir, `${id}.json`)));
    await vscode.window.showTextDocument(doc);
    const editor = vscode.window.activeTextEditor as vscode.TextEditor;
    const status = /"status": "[a-z-]+"/.exec(doc.getText());
    assert.ok(status);
    const at = status.index;
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + status[0].length)), '"status": "done"'));
    const diagnostics = await waitFor('a schema diagnostic', () => {
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.range.start.line === doc.positionAt(at).line);
      return found.length > 0 ? found : undefined;
    }, 30_000);
    assert.ok(diagnostics.length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('deletes an issue through Delete Issue', async () => {
    const [, second] = [...created] as [string, string];
    const deleted = await vscode.commands.executeCommand<boolean>(CommandIds.deleteIssue, { issue: second, confirmed: true });
    assert.equal(deleted, true);
    assert.equal(fs.existsSync(path.join(issuesDir, `${second}.json`)), false);
    await vscode.commands.executeCommand(CommandIds.filterIssues, { statuses: ['open', 'fixed', 'reopened', 'wont-fix', 'closed'] });
    assert.equal(issueNode(second), undefined);
    await vscode.commands.executeCommand(CommandIds.clearIssueFilter);
    created.delete(second);
  });

  // Speed lives in the benchmark, not here: this checks that a large store is read and shown whole.
  it('reads and shows 1,000 issues of one client, each with its id and title', async () => {
    const bulkClient = 'Bulk Client';
    fs.mkdirSync(issuesDir, { recursive: true });
    for (let n = 1; n <= 1000; n++) {
      const issue: Issue = {
        schemaVersion: 1,
        id: `BULK-${n}`,
        client: bulkClient,
        title: `Bulk issue ${n}`,
        status: n % 3 === 0 ? 'fixed' : 'open',
        created: '2026-01-02',
        reports: [{ date: '2026-01-02', words: 'w' }],
        fixes: [],
        replies: [],
      };
      fs.writeFileSync(path.join(issuesDir, `BULK-${n}.json`), JSON.stringify(issue, null, 2) + '\n');
    }
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
    const top = tree().getChildren();
    const bulk = top.flatMap((n) => (n.kind === 'folder' ? tree().getChildren(n) : [n])).find((n) => n.kind === 'client' && n.name === bulkClient);
    assert.ok(bulk, 'the bulk client is not shown');
    const nodes = tree().getChildren(bulk);
    assert.equal(nodes.length, 1000);
    const labels = new Set(nodes.map((node) => {
      const item = tree().getTreeItem(node);
      return typeof item.label === 'string' ? item.label : item.label?.label;
    }));
    for (const n of [1, 500, 1000]) assert.ok([...labels].some((l) => l?.includes(`BULK-${n}`) || l?.includes(`Bulk issue ${n}`)), `BULK-${n} is not shown`);
    assert.equal(labels.size, 1000, 'every issue has its own row');
    for (let n = 1; n <= 1000; n++) fs.rmSync(path.join(issuesDir, `BULK-${n}.json`));
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });
});
