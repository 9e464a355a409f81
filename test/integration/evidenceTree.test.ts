// The evidence in the Client Issues tree inside a real VS Code, on the demo repository (one story
// per verdict): each issue shows its verdict, its fixes with release and surviving lines, and the
// commits that reverted or changed them; the status bar counts the issues that need a reply; a
// commit opens in the diff editor from read-only documents; a new commit refreshes the evidence.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Verdict } from '../../src/core/evidence/model';
import type { ProofOfFixApi } from '../../src/extension';
import { CommandIds } from '../../src/ui/commandIds';
import { COMMIT_SCHEME } from '../../src/ui/commitDocuments';
import type { CommitDiffResult } from '../../src/ui/evidenceCommands';
import type { DraftReplyResult } from '../../src/ui/replyCommands';
import type { IssueTreeNode } from '../../src/ui/issueNodes';
import { DEMO_IDS, DEMO_VERDICTS, writeDemoStore } from '../support/demoWorkspace';
import { waitFor as poll } from '../support/wait';
import type { KeptFile } from './api';
import { activateApi, keepFile, workspaceRoot } from './api';

function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

/** Evidence comes from background git work, queued behind the store's: twice the usual patience. */
function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  return poll(what, probe, 30_000);
}

describe('evidence in the Client Issues tree', function () {
  this.timeout(120_000);
  let api: ProofOfFixApi;
  let root: string;
  let clientsFile: KeptFile;
  let headBefore: string;

  const tree = (): ProofOfFixApi['issuesTree'] => api.issuesTree;
  const issueNode = (id: string): IssueTreeNode | undefined => {
    const top = tree().getChildren();
    const clients = top.flatMap((n) => (n.kind === 'folder' ? tree().getChildren(n) : [n]));
    for (const client of clients.filter((n) => n.kind === 'client')) {
      const found = tree().getChildren(client).find((n) => n.kind === 'issue' && n.issue.id === id);
      if (found) return found;
    }
    return undefined;
  };
  /** Expands the issue (which asks for its evidence) until the tree shows a verdict. */
  const verdictOf = async (id: string, expected?: Verdict): Promise<{ node: IssueTreeNode; children: IssueTreeNode[]; verdict: Verdict }> =>
    waitFor(`the verdict of ${id}${expected ? ` to be ${expected}` : ''}`, () => {
      const node = issueNode(id);
      if (!node) return undefined;
      const children = tree().getChildren(node);
      const verdict = children.find((c) => c.kind === 'verdict');
      if (verdict?.kind !== 'verdict') return undefined;
      if (expected !== undefined && verdict.evidence.verdict !== expected) return undefined;
      return { node, children, verdict: verdict.evidence.verdict };
    });
  const item = (node: IssueTreeNode): vscode.TreeItem => tree().getTreeItem(node);
  const fixNodes = (children: IssueTreeNode[]): IssueTreeNode[] => children.filter((c) => c.kind === 'fix' || (c.kind === 'commit' && c.role === 'fix'));

  before(async () => {
    api = await activateApi();
    assert.ok(api.evidence, 'activate() returned no evidence service');
    root = workspaceRoot();
    clientsFile = keepFile(path.join(root, '.proof-of-fix', 'clients.json'));
    headBefore = git(root, ['rev-parse', 'HEAD']);
    writeDemoStore(root);
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
    await waitFor('the demo issues in the store', () => DEMO_IDS.every((id) => api.issues.all()[0]?.store.issue(id) !== undefined));
  });

  after(async () => {
    git(root, ['reset', '--quiet', '--hard', headBefore]);
    for (const id of DEMO_IDS) fs.rmSync(path.join(root, '.proof-of-fix', 'issues', `${id}.json`), { force: true });
    clientsFile.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
    await api.evidence.whenIdle();
  });

  it('shows one verdict per demo story, first under the issue, with its icon and context value', async () => {
    for (const [id, verdict] of Object.entries(DEMO_VERDICTS)) {
      const { children } = await verdictOf(id, verdict);
      assert.equal(children[0]?.kind, 'verdict', `${id}: the verdict is not first`);
      const verdictItem = item(children[0] as IssueTreeNode);
      assert.equal(verdictItem.contextValue, `proofOfFix.verdict.${verdict}`);
      assert.ok(verdictItem.iconPath instanceof vscode.ThemeIcon && verdictItem.iconPath.color instanceof vscode.ThemeColor, `${id}: no coloured icon`);
      assert.equal(tree().getParent(children[0] as IssueTreeNode)?.kind, 'issue');
    }
    assert.equal(item((await verdictOf('ACME-2')).children[0] as IssueTreeNode).label, 'Fix reverted');
    // The issue row itself carries the verdict as its icon, the reply state first in its description.
    const acme2 = item(issueNode('ACME-2') as IssueTreeNode);
    assert.match(String(acme2.description), /^needs reply · reported again /);
    assert.ok(acme2.iconPath instanceof vscode.ThemeIcon && acme2.iconPath.id === 'discard' && acme2.iconPath.color?.id === 'charts.red', 'the issue row has no verdict icon');
    assert.match(acme2.accessibilityInformation?.label ?? '', /Fix reverted/);
    assert.equal(acme2.contextValue, 'proofOfFix.issue.reopened.needsReply');
    // The reply state also survives a narrow sidebar, as a decoration at the row's end.
    assert.ok(acme2.resourceUri, 'the issue row has no resource for its decoration');
    const decoration = api.replyDecorations.provideFileDecoration(acme2.resourceUri);
    assert.equal(decoration?.badge, '●');
    assert.equal(decoration?.tooltip, 'needs reply');
    const intact = item(issueNode('ACME-1') as IssueTreeNode);
    assert.ok(intact.iconPath instanceof vscode.ThemeIcon && intact.iconPath.id === 'verified');
    assert.doesNotMatch(String(intact.description), /needs reply/);
  });

  it('sorts each client\'s issues by the inbox: those that need a reply first, newest report first', async () => {
    await api.evidence.whenIdle();
    const acme = tree()
      .getChildren()
      .flatMap((n) => (n.kind === 'folder' ? tree().getChildren(n) : [n]))
      .find((n) => n.kind === 'client' && tree().getChildren(n).some((c) => c.kind === 'issue' && c.issue.id === 'ACME-2'));
    assert.ok(acme);
    const rows = tree()
      .getChildren(acme)
      .flatMap((n) => (n.kind === 'issue' ? [{ id: n.issue.id, needs: String(item(n).description).startsWith('needs reply') }] : []));
    const firstAnswered = rows.findIndex((r) => !r.needs);
    assert.ok(rows.slice(0, Math.max(firstAnswered, 0)).every((r) => r.needs) && rows.slice(firstAnswered).every((r) => !r.needs), `not grouped: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows.filter((r) => r.needs).map((r) => r.id).sort(), ['ACME-2', 'ACME-3', 'ACME-4']);
  });

  it('shows each fix with its earliest release and surviving lines, and who changed it since', async () => {
    const reverted = fixNodes((await verdictOf('ACME-2')).children);
    assert.equal(reverted.length, 1);
    const revertedItem = item(reverted[0] as IssueTreeNode);
    assert.match(String(revertedItem.label), /^[0-9a-f]{7} Fix ACME-2: round cart totals to cents$/);
    assert.match(String(revertedItem.description), /^v1\.1\.0 · /);
    assert.equal(revertedItem.contextValue, 'proofOfFix.commit.fix');
    const revertChildren = tree().getChildren(reverted[0] as IssueTreeNode);
    const revert = revertChildren.find((c) => c.kind === 'commit' && c.role === 'revert');
    assert.ok(revert, 'the revert is not under the fix');
    assert.equal(item(revert).description, 'reverted it · you, 2026-03-09');
    assert.equal(item(revert).contextValue, 'proofOfFix.commit.revert.mine');
    assert.equal(tree().getParent(revert)?.kind, 'commit');
    assert.equal(item(tree().getParent(revert) as IssueTreeNode).id, revertedItem.id);

    const modified = fixNodes((await verdictOf('ACME-3')).children);
    const changes = tree().getChildren(modified[0] as IssueTreeNode).filter((c) => c.kind === 'commit');
    const byOther = changes.map((c) => String(item(c).description)).find((d) => d.includes('Laura Pérez'));
    assert.ok(byOther, `no change by the other author: ${changes.map((c) => item(c).description).join(' | ')}`);
    assert.match(byOther, /Laura Pérez, 2026-03-05$/);
    assert.doesNotMatch(byOther, /you/);
    assert.match(String(item(modified[0] as IssueTreeNode).description), /^v1\.1\.0 · \d+ of \d+ lines intact$/);

    const notDeployed = fixNodes((await verdictOf('ACME-4')).children);
    assert.match(String(item(notDeployed[0] as IssueTreeNode).description), /^v1\.3\.0 · (\d+) of \1 lines intact · not in v1\.2\.0$/);

    const intact = fixNodes((await verdictOf('ACME-1')).children);
    assert.match(String(item(intact[0] as IssueTreeNode).description), /^v1\.1\.0 · (\d+) of \1 lines intact$/);

    const branchOnly = fixNodes((await verdictOf('ACME-6')).children);
    assert.match(String(item(branchOnly[0] as IssueTreeNode).description), /^not on the target branch/);

    const mentions = (await verdictOf('ACME-5')).children.filter((c) => c.kind === 'commit' && c.role === 'mention');
    assert.equal(mentions.length, 1);

    const resolved = await tree().resolveTreeItem(revertedItem, reverted[0] as IssueTreeNode, new vscode.CancellationTokenSource().token);
    assert.ok((resolved.tooltip as vscode.MarkdownString).value.includes('Releases: v1\\.1\\.0, v1\\.2\\.0'), 'the tooltip lists no releases');
  });

  it('counts the issues that need a reply in the status bar', async () => {
    await api.evidence.whenIdle();
    const state = await waitFor('the status bar count', () => (api.statusBar.state.visible && api.statusBar.state.text.includes('3') ? api.statusBar.state : undefined));
    assert.equal(state.text, '$(shield) 3 need a reply');
    assert.match(state.tooltip, /ACME-2/);
    assert.match(state.tooltip, /ACME-3/);
    assert.match(state.tooltip, /ACME-4/);
    assert.deepEqual(api.evidence.needingReply().map((x) => x.issue.id).sort(), ['ACME-2', 'ACME-3', 'ACME-4']);
    assert.equal(state.badge, 3, 'the view has no badge');
  });

  it('shows a reply sent as "replied", drops it from the count, and asks again after a newer report', async () => {
    const folder = api.issues.all()[0]!;
    const file = keepFile(folder.store.issueFile('ACME-3'));
    try {
      const today = new Date().toISOString();
      await folder.store.updateIssue('ACME-3', (draft) => void draft.replies.push({ date: today, verdict: 'fix-modified', language: 'es', text: 'Hola' }));
      const replied = await waitFor('the count to drop', () => (api.statusBar.state.badge === 2 ? api.statusBar.state : undefined));
      assert.equal(replied.text, '$(shield) 2 need a reply');
      assert.match(String(item(issueNode('ACME-3') as IssueTreeNode).description), /^replied \d{1,2} [A-Z][a-z]{2,3}\b/);
      assert.equal(api.replyDecorations.provideFileDecoration(item(issueNode('ACME-3') as IssueTreeNode).resourceUri as vscode.Uri)?.badge, '✓');
      const hover = await tree().resolveTreeItem(item(issueNode('ACME-3') as IssueTreeNode), issueNode('ACME-3') as IssueTreeNode, new vscode.CancellationTokenSource().token);
      assert.match((hover.tooltip as vscode.MarkdownString).value, /Replied on/);
      // The client writes again the day after: it waits for a reply once more.
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await folder.store.updateIssue('ACME-3', (draft) => void draft.reports.push({ date: tomorrow, words: 'Sigue fallando' }));
      await waitFor('the count to rise', () => api.statusBar.state.badge === 3);
      assert.match(String(item(issueNode('ACME-3') as IssueTreeNode).description), /^needs reply/);
    } finally {
      file.restore();
      await vscode.commands.executeCommand(CommandIds.refreshIssues);
      await waitFor('the count to be back', () => api.statusBar.state.badge === 3);
    }
  });

  it('counts linked and found fixes alike in the issue hover, which carries actions', async () => {
    const { node, children } = await verdictOf('ACME-2');
    const hover = (await tree().resolveTreeItem(item(node), node, new vscode.CancellationTokenSource().token)).tooltip as vscode.MarkdownString;
    assert.match(hover.value, new RegExp(`Fix commits: ${fixNodes(children).length}\\b`));
    assert.ok(fixNodes(children).length > 0);
    assert.match(hover.value, /command:proofOfFix\.draftReply\?/);
    assert.match(hover.value, /command:proofOfFix\.copyId\?/);
    const fix = fixNodes(children)[0] as IssueTreeNode;
    const fixHover = (await tree().resolveTreeItem(item(fix), fix, new vscode.CancellationTokenSource().token)).tooltip as vscode.MarkdownString;
    assert.match(fixHover.value, /command:proofOfFix\.openCommitDiff\?/);
    const copied = await vscode.commands.executeCommand<string>(CommandIds.copyId, fix);
    assert.match(copied, /^[0-9a-f]{40}$/);
    assert.equal(await vscode.env.clipboard.readText(), copied);
  });

  it('opens a commit in the diff editor from read-only documents of its own scheme', async () => {
    const fix = fixNodes((await verdictOf('ACME-1')).children)[0] as IssueTreeNode;
    const clickCommand = item(fix).command;
    assert.equal(clickCommand?.command, CommandIds.openCommitDiff);
    const result = await vscode.commands.executeCommand<CommitDiffResult | undefined>(CommandIds.openCommitDiff, ...(clickCommand?.arguments ?? []));
    assert.ok(result, 'no diff was opened');
    assert.equal(result.left.scheme, COMMIT_SCHEME);
    assert.equal(result.right.scheme, COMMIT_SCHEME);
    const tab = await waitFor('the diff tab', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(tab.original.scheme, COMMIT_SCHEME);
    assert.equal(tab.modified.scheme, COMMIT_SCHEME);
    const before = await vscode.workspace.openTextDocument(tab.original);
    const after = await vscode.workspace.openTextDocument(tab.modified);
    assert.match(before.getText(), /u\.email === email/);
    assert.match(after.getText(), /email\.trim\(\)\.toLowerCase\(\)/);
    assert.equal(after.languageId, 'javascript');
  });

  it('offers the commit on no forge when the remote has no web pages', async () => {
    const sha = git(root, ['rev-list', '-n1', '--grep=ACME-1', 'HEAD']);
    const url = await vscode.commands.executeCommand(CommandIds.openCommitOnRemote, { sha, dryRun: true });
    assert.equal(url, undefined);
  });

  it('shows uncommitted changes to a fixed file as a caveat under the fix after Refresh Evidence', async () => {
    const file = path.join(root, 'src', 'cart.js');
    const text = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, text + '\n// work in progress\n');
      const issue = issueNode('ACME-2') as IssueTreeNode;
      await vscode.commands.executeCommand(CommandIds.refreshEvidence, issue);
      const fix = fixNodes((await verdictOf('ACME-2')).children)[0] as IssueTreeNode;
      const caveat = await waitFor('the uncommitted-changes caveat', () => tree().getChildren(fix).find((c) => c.kind === 'caveat'));
      assert.equal(item(caveat).label, 'Uncommitted changes in src/cart.js');
      assert.equal(item(caveat).contextValue, 'proofOfFix.caveat.uncommitted-changes');
      assert.equal(item(tree().getParent(caveat) as IssueTreeNode).id, item(fix).id);
    } finally {
      fs.writeFileSync(file, text);
    }
    await vscode.commands.executeCommand(CommandIds.refreshEvidence);
    const fix = fixNodes((await verdictOf('ACME-2')).children)[0] as IssueTreeNode;
    assert.ok(!tree().getChildren(fix).some((c) => c.kind === 'caveat'), 'the caveat stayed after the change was undone');
  });

  it("checks the version the client said they run when the client's own is not recorded, in the tree and the reply", async () => {
    // Northwind has no deployed ref in clients.json: NW-1 is deployed-unknown until the client names a version.
    await verdictOf('NW-1', 'deployed-unknown');
    const issueFile = keepFile(path.join(root, '.proof-of-fix', 'issues', 'NW-1.json'));
    const drafts = path.join(root, '.proof-of-fix', 'drafts');
    try {
      await vscode.commands.executeCommand(CommandIds.recordReport, { issue: 'NW-1', words: 'Still losing baskets.', date: '2026-11-30', version: 'v1.3.0' });
      const { children } = await verdictOf('NW-1', 'fix-not-deployed');
      const fix = fixNodes(children)[0] as IssueTreeNode;
      assert.match(String(item(fix).description), /not in v1\.3\.0/);
      const draft = await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: 'NW-1' });
      assert.equal(draft?.verdict, 'fix-not-deployed');
      assert.match(draft?.text ?? '', /The version you run \(v1\.3\.0\) does not include this fix/);

      // A version git does not know is acknowledged, not asked for again.
      await vscode.commands.executeCommand(CommandIds.recordReport, { issue: 'NW-1', words: 'On the live site.', date: '2026-12-01', version: 'production' });
      const unknown = await verdictOf('NW-1', 'deployed-unknown');
      const caveat = unknown.children.find((c) => c.kind === 'caveat');
      assert.ok(caveat, 'no caveat names the version git does not know');
      assert.match(String(item(caveat).label), /production/);
      const again = await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: 'NW-1', ifEdited: 'replace' });
      assert.match(again?.text ?? '', /you told me you run “production”/);
      assert.doesNotMatch(again?.text ?? '', /which version you are running/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      issueFile.restore();
      for (const name of ['NW-1.md', 'NW-1.json']) fs.rmSync(path.join(drafts, name), { force: true });
      await vscode.commands.executeCommand(CommandIds.refreshIssues);
    }
    await verdictOf('NW-1', 'deployed-unknown');
  });

  it('refreshes the evidence after a new commit changes the fixed lines', async () => {
    await verdictOf('ACME-1', 'fix-intact');
    const file = path.join(root, 'src', 'auth.js');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('email.trim().toLowerCase()', 'email.toLowerCase()'));
    git(root, ['commit', '--quiet', '-am', 'Simplify the email lookup'], {
      GIT_AUTHOR_NAME: 'Pat Tester',
      GIT_AUTHOR_EMAIL: 'pat@tester.example',
      GIT_COMMITTER_NAME: 'Pat Tester',
      GIT_COMMITTER_EMAIL: 'pat@tester.example',
    });
    // The new commit is on the target only: the client's release still has the fix intact (their
    // verdict stays), and the refreshed evidence lists the commit under the fix as a change.
    const newChange = async (): Promise<IssueTreeNode | undefined> => {
      const { children } = await verdictOf('ACME-1', 'fix-intact');
      const fix = fixNodes(children)[0] as IssueTreeNode;
      return tree().getChildren(fix).find((c) => c.kind === 'commit' && c.role === 'change' && /Simplify the email lookup$/.test(String(item(c).label)));
    };
    const changed = await waitFor('the new commit under the fix', newChange);
    assert.match(String(item(changed).description), /Pat Tester, \d{4}-\d{2}-\d{2}$/);
    assert.equal(api.statusBar.state.text, '$(shield) 3 need a reply');

    git(root, ['reset', '--quiet', '--hard', headBefore]);
    await waitFor('the new commit gone from under the fix', async () => (await newChange()) === undefined);
    assert.equal(api.statusBar.state.text, '$(shield) 3 need a reply');
  });
});
