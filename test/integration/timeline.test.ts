// The timeline panel and "Export Proof Page…" inside a real VS Code, on the demo repository: the
// panel draws the reverted fix with the user's own revert marked, under a strict policy with one
// nonce'd script; a commit mark opens the same diff as the tree; the exported page is plain,
// self-contained and in the client's language.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProofOfFixApi } from '../../src/extension';
import { CommandIds } from '../../src/ui/commandIds';
import { COMMIT_SCHEME } from '../../src/ui/commitDocuments';
import type { CommitDiffResult } from '../../src/ui/evidenceCommands';
import type { TimelineShown } from '../../src/ui/timelinePanel';
import { DEMO_IDS, writeDemoStore } from '../support/demoWorkspace';
import { waitFor } from '../support/wait';
import type { KeptFile } from './api';
import { activateApi, keepFile, workspaceRoot } from './api';

describe('timeline panel and proof page', function () {
  this.timeout(120_000);
  let api: ProofOfFixApi;
  let root: string;
  let clientsFile: KeptFile;
  let tmp: string;

  before(async () => {
    api = await activateApi();
    root = workspaceRoot();
    clientsFile = keepFile(path.join(root, '.proof-of-fix', 'clients.json'));
    writeDemoStore(root);
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
    await waitFor('the demo issues in the store', () => DEMO_IDS.every((id) => api.issues.all()[0]?.store.issue(id) !== undefined), 30_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pof-timeline-'));
  });

  after(async () => {
    for (const id of DEMO_IDS) fs.rmSync(path.join(root, '.proof-of-fix', 'issues', `${id}.json`), { force: true });
    clientsFile.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
    await api.evidence.whenIdle();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('draws the reverted fix, the user\'s own revert marked "you", under a strict policy', async () => {
    const shown = await vscode.commands.executeCommand<TimelineShown | undefined>(CommandIds.showTimeline, { issue: 'ACME-2' });
    assert.ok(shown, 'the command returned nothing');
    assert.equal(shown.state, 'timeline');
    const { html } = shown;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'no policy');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.equal(csp, `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, new RegExp(`<script nonce="${nonce!.replace(/[+/=]/g, '\\$&')}">`));
    assert.doesNotMatch(html, /\b(src|href)=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.match(html, /<p class="verdict">You undid the fix on March 9, 2026, which would explain why the problem is back \([0-9a-f]{7}\)\.<\/p>/);
    assert.match(html, /<g class="mark kind-revert mine" data-sha="[0-9a-f]{40}" tabindex="0" role="button"><title>[^<]*Your change undid the fix/);
    assert.match(html, /class="mark-label"[^>]*>[0-9a-f]{7} · you</);
    // Every mark can be reached with the keyboard.
    assert.equal((html.match(/<g class="mark /g) ?? []).length, (html.match(/<g class="mark [^>]*tabindex="0"/g) ?? []).length);
    assert.ok(api.timeline.shown().some((s) => s.issue === 'ACME-2'));
  });

  it('opens a commit mark\'s changes with the tree\'s own diff command', async () => {
    const shown = await vscode.commands.executeCommand<TimelineShown>(CommandIds.showTimeline, { issue: 'ACME-1' });
    const sha = /<g class="mark kind-fix[^"]*" data-sha="([0-9a-f]{40})"/.exec(shown.html)?.[1];
    assert.ok(sha, 'no fix mark');
    const folder = api.issues.all()[0]!;
    const result = (await api.timeline.receive({ folder, issueId: 'ACME-1' }, { type: 'openCommit', sha })) as CommitDiffResult | undefined;
    assert.ok(result, 'no diff was opened');
    assert.equal(result.right.scheme, COMMIT_SCHEME);
    const tab = await waitFor('the diff tab', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.match((await vscode.workspace.openTextDocument(tab.modified)).getText(), /email\.trim\(\)\.toLowerCase\(\)/);
    assert.equal(await api.timeline.receive({ folder, issueId: 'ACME-1' }, { type: 'openCommit', sha: '--output=x' }), undefined, 'a value that is not a sha reaches no command');
  });

  it('redraws an open timeline when the client reports again', async () => {
    const reports = (html: string): number => (html.match(/<g class="mark kind-report"/g) ?? []).length;
    const before = await vscode.commands.executeCommand<TimelineShown>(CommandIds.showTimeline, { issue: 'ACME-3' });
    assert.equal(reports(before.html), 2);
    await vscode.commands.executeCommand(CommandIds.recordReport, { issue: 'ACME-3', date: '2026-11-25', channel: 'chat', words: 'Otra vez las fechas.' });
    await waitFor('the new report on the timeline', () => api.timeline.shown().find((s) => s.issue === 'ACME-3' && reports(s.html) === 3), 30_000);
  });

  it('exports a plain proof page in the client\'s language, self-contained and small', async () => {
    const out = path.join(tmp, 'ACME-2.html');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(CommandIds.exportProofPage, { issue: 'ACME-2', out });
    assert.equal(uri?.fsPath, out);
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(html.length < 300 * 1024);
    assert.match(html, /<html lang="es">/);
    assert.match(html, /<p class="verdict">Un cambio mío deshizo la corrección el 9 de marzo de 2026, lo que explicaría que el problema haya vuelto\.<\/p>/);
    assert.doesNotMatch(html, /<script/);
    // The client's own words hold digits that look like hex ("10.000000002 €"): look for the real ids.
    const evidence = api.evidence.forFolder(api.issues.all()[0]!).get('ACME-2');
    const ids = (evidence?.fixes ?? []).flatMap((f) => [f.sha, ...f.reverts.map((r) => r.sha)]).map((sha) => sha.slice(0, 7));
    assert.equal(ids.length, 2);
    const [main, technicalPart] = html.split('<section class="technical">');
    for (const id of ids) {
      assert.ok(!main!.includes(id), `${id} in the main text`);
      assert.ok(technicalPart!.includes(id), `${id} not in the technical section`);
    }
    const technical = await vscode.commands.executeCommand<vscode.Uri | undefined>(CommandIds.exportProofPage, { issue: 'NW-1', out, audience: 'technical', language: 'en' });
    assert.ok(technical);
    assert.match(fs.readFileSync(out, 'utf8'), /<html lang="en">[\s\S]*class="mark-label"[^>]*>[0-9a-f]{7}/);
  });
});
