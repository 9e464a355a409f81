// The tone check in the editor: diagnostics on reply drafts, refreshed as the person types, and
// quick fixes: a calm rewrite of the flagged words or sentence, or their removal.
import * as vscode from 'vscode';
import { changeOwnerOf, checkTone, toneFixes } from '../core/tone/check';
import type { ToneFix } from '../core/tone/check';
import { isLearnedFinding } from '../core/tone/learned';
import type { ToneFinding } from '../core/tone/model';
import { DRAFT_SCHEME } from './config';
import type { ReplyDraft, ReplyDrafts } from './replyDrafts';

const TONE_SOURCE = 'Proof of Fix';
const CHECK_DELAY_MS = 300;

/** Why it reads badly and what to write instead, both in the reply's language (the rule file's). */
function message(finding: ToneFinding): string {
  return `${finding.reason} ${finding.suggestion}`;
}

function fixTitle(finding: ToneFinding, fix: ToneFix): string {
  const sentence = finding.fixStart !== finding.start || finding.fixEnd !== finding.end;
  if (fix.kind === 'lowercase') return vscode.l10n.t('Write "{0}" in lower case', finding.text);
  if (fix.kind === 'remove') return sentence ? vscode.l10n.t('Remove the sentence') : vscode.l10n.t('Remove "{0}"', finding.text);
  return sentence ? vscode.l10n.t('Rewrite the sentence: "{0}"', fix.label) : vscode.l10n.t('Replace with "{0}"', fix.label);
}

function findingsOf(text: string, draft: ReplyDraft): ToneFinding[] {
  return checkTone(text, draft.language, { allow: draft.allow, changeOwner: changeOwnerOf(draft.evidence) });
}

export class ToneDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('proofOfFix.tone');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly drafts: ReplyDrafts) {
    this.disposables.push(this.collection);
    drafts.onDidChange((draft) => this.checkUri(draft.uri), this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc.uri), this, this.disposables);
    this.disposables.push(
      vscode.languages.registerCodeActionsProvider([{ scheme: 'untitled' }, { scheme: 'file' }, { scheme: DRAFT_SCHEME }], this, {
        providedCodeActionKinds: ToneDiagnostics.providedCodeActionKinds,
      }),
    );
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!this.drafts.get(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.check(doc);
    }, CHECK_DELAY_MS));
  }

  private checkUri(uri: vscode.Uri): void {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) this.check(doc);
  }

  /** Checks a draft now; returns its findings (the integration tests read them back). */
  check(doc: vscode.TextDocument): ToneFinding[] {
    const draft = this.drafts.get(doc.uri);
    if (!draft) return [];
    const findings = findingsOf(doc.getText(), draft);
    this.collection.set(
      doc.uri,
      findings.map((f) => {
        // A rule names a construction; the learned complement only weighs words, so it speaks softer.
        const severity = isLearnedFinding(f) ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
        const diagnostic = new vscode.Diagnostic(new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)), message(f), severity);
        diagnostic.source = TONE_SOURCE;
        diagnostic.code = f.ruleId;
        // The category leads the rule id ("stalling.soon"), so the Problems view groups by it.
        return diagnostic;
      }),
    );
    return findings;
  }

  findings(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const draft = this.drafts.get(doc.uri);
    if (!draft) return [];
    const ours = context.diagnostics.filter((d) => d.source === TONE_SOURCE);
    if (ours.length === 0) return [];
    const text = doc.getText();
    const findings = findingsOf(text, draft);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const start = doc.offsetAt(diagnostic.range.start);
      const end = doc.offsetAt(diagnostic.range.end);
      // The document may have changed since the diagnostic was made: act only on a finding that is still there.
      const finding = findings.find((f) => f.start === start && f.end === end && f.ruleId === diagnostic.code);
      if (!finding) continue;
      toneFixes(text, finding).forEach((fix, index) => {
        const action = new vscode.CodeAction(fixTitle(finding, fix), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(fix.edit.start), doc.positionAt(fix.edit.end)), fix.edit.text);
        actions.push(action);
      });
    }
    return actions;
  }

  private clear(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
