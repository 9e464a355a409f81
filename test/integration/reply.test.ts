// Replies inside a real VS Code: Draft Reply on an issue of the demo repository runs the evidence,
// opens the issue's draft document (named by the issue, saved under .proof-of-fix/drafts) in one
// reply column, the tone check marks what the person types and its quick fix repairs it; Copy Reply,
// Open in Mail and Mark Reply Sent act on the edited text and leave nothing to save; regenerating
// asks before discarding edits; a broken workspace template falls back to the built-in one.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Issue, ReplySent } from '../../src/core/store/model';
import { CommandIds } from '../../src/ui/commandIds';
import { REPLY_LANGUAGE } from '../../src/ui/config';
import { markdownToText } from '../../src/core/reply/render';
import { ReplyDrafts } from '../../src/ui/replyDrafts';
import { ToneDiagnostics } from '../../src/ui/toneDiagnostics';
import type { DraftReplyResult } from '../../src/ui/replyCommands';
import { waitFor } from '../support/wait';
import type { ProofOfFixApi } from '../../src/extension';
import type { KeptFile } from './api';
import { activateApi, keepFile, workspaceRoot } from './api';

const CLIENT = 'Reply Test Co';
const PREFIX = 'RTEST';

const toneDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Proof of Fix');

describe('replies in a real VS Code', function () {
  this.timeout(120_000);
  let root: string;
  let clientsFile: KeptFile;
  let issueId: string;
  let draft: DraftReplyResult;
  let api: ProofOfFixApi;

  before(async () => {
    api = await activateApi();
    root = workspaceRoot();
    clientsFile = keepFile(path.join(root, '.proof-of-fix', 'clients.json'));
    const issue = await vscode.commands.executeCommand<Issue | undefined>(CommandIds.newIssue, {
      client: CLIENT,
      prefix: PREFIX,
      language: 'es',
      title: 'Los totales del carrito salen con muchos decimales',
      words: 'Vuelven a salir los decimales raros en el total.',
      date: '2026-11-18',
    });
    assert.ok(issue);
    issueId = issue.id;
    // The demo history fixes ACME-2 in one commit and reverts it later (by the same author).
    const fix = execFileSync('git', ['log', '--format=%H', '--grep=^Fix ACME-2', 'main'], { cwd: root, encoding: 'utf8' }).trim().split('\n')[0];
    assert.ok(fix);
    await vscode.commands.executeCommand(CommandIds.linkFix, { issue: issueId, sha: fix });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(root, '.proof-of-fix', 'issues', `${issueId}.json`), { force: true });
    fs.rmSync(path.join(root, '.proof-of-fix', 'templates'), { recursive: true, force: true });
    fs.rmSync(path.join(root, '.proof-of-fix', 'drafts'), { recursive: true, force: true });
    clientsFile.restore();
    await vscode.commands.executeCommand(CommandIds.refreshIssues);
  });

  it('drafts the reply from the evidence and opens it in a reply draft editor', async () => {
    const result = await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: issueId });
    assert.ok(result, 'Draft Reply returned nothing');
    draft = result;
    assert.equal(draft.verdict, 'fix-reverted');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), draft.uri.toString());
    assert.equal(editor.document.languageId, REPLY_LANGUAGE);
    assert.equal(editor.document.isUntitled, false);
    assert.equal(editor.document.isDirty, false);
    const text = editor.document.getText();
    assert.equal(text, draft.text);
    // A client without an audience reads plain words: what happened and when, no commit ids.
    assert.match(text, /^Hola:\n\nGracias por su mensaje del 18 de noviembre/);
    assert.match(text, /un cambio mío deshizo esa corrección/);
    assert.match(text, /El error es mío/);
    assert.doesNotMatch(text, /\b[0-9a-f]{7}\b|commit/);
    // The tab is named by the issue, and the draft is a file beside the issues.
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal(tab?.label, `${issueId} · reply`);
    assert.equal(fs.readFileSync(path.join(root, '.proof-of-fix', 'drafts', `${issueId}.md`), 'utf8'), text);
  });

  it('reuses one reply column for every draft and leaves no empty group', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const other = await vscode.commands.executeCommand<Issue | undefined>(CommandIds.newIssue, { client: CLIENT, title: 'Otro problema', words: 'Otra cosa.', date: '2026-11-19' });
    assert.ok(other);
    try {
      // Nothing open: the draft takes the active group instead of opening a column beside an empty one.
      await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: issueId, ifEdited: 'replace' });
      assert.equal(vscode.window.tabGroups.all.length, 1);
      // With code open beside it, every further draft goes to the column the drafts are in.
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(root, '.proof-of-fix', 'clients.json')), { viewColumn: vscode.ViewColumn.Beside });
      await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: other.id, ifEdited: 'replace' });
      const groups = vscode.window.tabGroups.all;
      assert.equal(groups.length, 2);
      const draftGroups = groups.filter((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === draft.uri.scheme));
      assert.equal(draftGroups.length, 1);
      assert.deepEqual(draftGroups[0]?.tabs.map((t) => t.label).sort(), [`${issueId} · reply`, `${other.id} · reply`].sort());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(path.join(root, '.proof-of-fix', 'issues', `${other.id}.json`), { force: true });
      await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: issueId, ifEdited: 'replace' });
    }
  });

  it('checks the tone as the person edits, and the quick fix removes the reproach instead of rewording it', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.deepEqual(toneDiagnostics(editor.document.uri), []);
    const line = editor.document.lineAt(2);
    await editor.edit((e) => e.insert(line.range.start, 'Como ya le dije, esto NO es culpa mía. '));
    const diagnostics = await waitFor('tone diagnostics', () => {
      const found = toneDiagnostics(editor.document.uri);
      return found.length >= 3 ? found : undefined;
    });
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['condescending.as-i-told', 'defensive.not-my-side', 'shouting.caps']);
    const told = diagnostics.find((d) => d.code === 'condescending.as-i-told');
    assert.ok(told);
    assert.equal(editor.document.getText(told.range), 'Como ya le dije');
    assert.equal(told.severity, vscode.DiagnosticSeverity.Warning);

    // The workbench learns of new diagnostics a moment after the extension host sets them, and only
    // offers quick fixes for diagnostics it knows: ask until it does.
    const fix = await waitFor('the quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, told.range, vscode.CodeActionKind.QuickFix.value);
      return actions.find((a) => a.title === 'Remove "Como ya le dije"');
    });
    assert.ok(fix.edit);
    await vscode.workspace.applyEdit(fix.edit);
    assert.match(editor.document.lineAt(2).text, /^Esto NO es culpa mía\. Gracias/);
    await waitFor('the fixed finding to go', () => !toneDiagnostics(editor.document.uri).some((d) => d.code === 'condescending.as-i-told'));
    // A defensive sentence gets a calm rewrite of the whole sentence, and its removal.
    const defensive = await waitFor('the defensive finding', () => toneDiagnostics(editor.document.uri).find((d) => d.code === 'defensive.not-my-side'));
    const titles = await waitFor('the sentence fixes', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, defensive.range, vscode.CodeActionKind.QuickFix.value);
      const found = actions.map((a) => a.title).filter((t) => t.startsWith('Rewrite the sentence') || t === 'Remove the sentence');
      return found.length === 2 ? found : undefined;
    });
    assert.equal(titles.length, 2);
  });

  it('checks a draft the window did not render (restored with it) once the window has started, and at once when the person edits it', async function () {
    this.timeout(90_000);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const uri = editor.document.uri;
    await waitFor('the findings of the text as it stands', () => toneDiagnostics(uri).length > 0 || undefined);
    // A window opening with this draft shown (as after a reload): its own drafts and tone check.
    const restoredWith = async (run: (tone: ToneDiagnostics, opened: number) => Promise<void>): Promise<void> => {
      const drafts = new ReplyDrafts(api.issues);
      const tone = new ToneDiagnostics(drafts);
      const opened = Date.now();
      try {
        await waitFor('the draft recognised', () => drafts.get(uri));
        await run(tone, opened);
      } finally {
        tone.dispose();
        drafts.dispose();
      }
    };
    await restoredWith(async (tone, opened) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal(tone.findings(uri).length, 0, 'checked while the window starts');
      await waitFor('the restored draft checked', () => tone.findings(uri).length > 0 || undefined, 40_000);
      assert.ok(Date.now() - opened >= 14_000, `checked ${Date.now() - opened} ms after the window opened`);
    });
    await restoredWith(async (tone, opened) => {
      const start = editor.document.lineAt(2).range.start;
      await editor.edit((e) => e.insert(start, 'OK. '));
      try {
        await waitFor('the edited draft checked', () => tone.findings(uri).length > 0 || undefined);
        assert.ok(Date.now() - opened < 14_000, 'an edited draft waited for the window to start');
      } finally {
        await editor.edit((e) => e.delete(new vscode.Range(start, start.translate(0, 'OK. '.length))));
      }
    });
  });

  it('asks before discarding edits when the reply is drafted again', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const kept = await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: issueId, ifEdited: 'cancel' });
    assert.equal(kept, undefined);
    assert.match(editor.document.getText(), /^Hola:\n\nEsto NO es culpa mía/);
    const replaced = await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: issueId, ifEdited: 'replace' });
    assert.equal(replaced?.uri.toString(), draft.uri.toString());
    assert.equal(editor.document.getText(), replaced?.text);
    await waitFor('diagnostics to clear', () => toneDiagnostics(editor.document.uri).length === 0);
  });

  it('copies the reply as edited, as text an email client accepts, and records it as sent', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    await editor.edit((e) => e.insert(editor.document.lineAt(0).range.end, ' '));
    assert.equal(editor.document.isDirty, true);
    const copied = await vscode.commands.executeCommand<string>(CommandIds.copyReply, {});
    assert.equal(copied, markdownToText(editor.document.getText()));
    assert.doesNotMatch(copied, /^- /m);
    assert.equal(await vscode.env.clipboard.readText(), copied);
    // Copied: saved as it stands, so closing it asks nothing.
    assert.equal(editor.document.isDirty, false);
    const mail = await vscode.commands.executeCommand<string>(CommandIds.openInMail, { open: false });
    const url = new URL(mail);
    assert.equal(url.protocol, 'mailto:');
    assert.equal(url.searchParams.get('subject'), `Re: Los totales del carrito salen con muchos decimales (${issueId})`);
    assert.equal(url.searchParams.get('body'), copied.replace(/\n/g, '\r\n'));
    const sent = await vscode.commands.executeCommand<ReplySent | undefined>(CommandIds.markReplySent, { uri: editor.document.uri.toString() });
    assert.ok(sent);
    const stored = JSON.parse(fs.readFileSync(path.join(root, '.proof-of-fix', 'issues', `${issueId}.json`), 'utf8')) as Issue;
    assert.equal(stored.replies.length, 1);
    const reply = stored.replies[0] as ReplySent;
    assert.equal(reply.verdict, 'fix-reverted');
    assert.equal(reply.language, 'es');
    assert.equal(reply.text, editor.document.getText());
    assert.equal((reply.evidence as { verdict: string }).verdict, 'fix-reverted');
    assert.equal(editor.document.isDirty, false);
    const meta = JSON.parse(fs.readFileSync(path.join(root, '.proof-of-fix', 'drafts', `${issueId}.json`), 'utf8')) as { handedOver?: string };
    assert.equal(meta.handedOver, 'sent');
  });

  it('recognises a draft opened again from its file, as after a window reload', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const doc = await vscode.workspace.openTextDocument(draft.uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, REPLY_LANGUAGE);
    const copied = await vscode.commands.executeCommand<string>(CommandIds.copyReply, { uri: draft.uri.toString() });
    assert.equal(copied, markdownToText(doc.getText()));
  });

  it('uses a workspace template, and offers the built-in one when it is broken', async () => {
    const dir = path.join(root, '.proof-of-fix', 'templates', 'es');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'greeting.hbs'), 'Estimado equipo de {{clientName}}:\n');
    const custom = await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: issueId, ifEdited: 'replace' });
    assert.match(custom?.text ?? '', /^Estimado equipo de Reply Test Co:\n/);
    fs.writeFileSync(path.join(dir, 'greeting.hbs'), 'Estimado {{contactoNombre}}:\n');
    const fallback = await vscode.commands.executeCommand<DraftReplyResult | undefined>(CommandIds.draftReply, { issue: issueId, ifEdited: 'replace', onTemplateError: 'builtin' });
    assert.ok(fallback);
    assert.match(fallback.text, /^Hola:\n/);
    const [error] = fallback.templateErrors;
    assert.equal(error?.code, 'unknown-field');
    assert.equal(error?.name, 'contactoNombre');
    assert.equal(error?.line, 1);
    assert.equal(error?.file, path.join(dir, 'greeting.hbs'));
  });
});
