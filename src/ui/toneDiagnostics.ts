// The tone check in the editor: diagnostics on reply drafts, refreshed as the person types, and
// quick fixes: a calm rewrite of the flagged words or sentence, or their removal.
import * as vscode from 'vscode';
import { changeOwnerOf, checkTone, toneCheckSteps, toneFixes, toneWarmUpSteps } from '../core/tone/check';
import type { ToneFix } from '../core/tone/check';
import { isLearnedFinding } from '../core/tone/learned';
import type { ToneFinding } from '../core/tone/model';
import type { Language } from '../core/store/model';
import { DRAFT_SCHEME } from './config';
import type { ReplyDraft, ReplyDrafts } from './replyDrafts';
import { log } from './log';
import { inRequest, userActiveWithin } from './requestProgress';

const TONE_SOURCE = 'Proof of Fix';
const CHECK_DELAY_MS = 300;
/** Between warm-up steps: the queued work of the extension host (a request's answer, a view) goes first. */
const WARM_UP_STEP_GAP_MS = 50;
/** How often a warm-up held back by a running request looks again. */
const WARM_UP_WAIT_MS = 250;
/**
 * How long after a request a warm-up step may run. A step blocks the extension host for 0.1-1.9 s on
 * a busy machine (4.8 s once at load 10); one begun just after a journey delayed the next journey's
 * issue picker by as much (the bench, 2026-12-02).
 */
const WARM_UP_QUIET_MS = 5000;
/**
 * How long after the window opens no warm-up step runs: a person who opens or reloads a window
 * acts within seconds, and a reloaded window's verdicts come from the last session's file at once
 * (its warm-up then started 3 s after activation, and its steps held the next journey's issue picker).
 */
const WARM_UP_AFTER_START_MS = 15_000;

/**
 * What the first check of a language pays for, once per extension host, one small step at a time:
 * each rule's patterns read, then a check of text of each of V8's two string representations (only
 * Latin-1 characters, and typographic quotes and dashes, as a rendered reply has). A pattern is
 * compiled only for a text that could match it, so a draft may still compile a few of its own.
 */
const WARM_UP_TEXTS: Record<Language, readonly string[]> = {
  // Short: a first run costs V8's compile of the expression plus the match, and the match grows with the text.
  es: ['sí', '«sí» — “sí”'],
  en: ['ok', '“ok” — ok'],
};

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
  private readonly warmed = new Set<Language>();
  /** Languages whose first draft was checked in steps: what a reply needs is compiled from then on. */
  private readonly stepped = new Set<Language>();
  private warmUpTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  /** When the window's extension host made this (about when the window opened). */
  private readonly createdAt = Date.now();
  /** Drafts a request of this window rendered, or the person edited here (others were restored with the window). */
  private readonly ownedHere = new Set<string>();

  constructor(private readonly drafts: ReplyDrafts) {
    this.disposables.push(this.collection);
    // Checked once its editor is shown, never while it opens: the first check of a language costs
    // seconds on the extension host, which also serves the draft's file to the opening editor.
    drafts.onDidChange((draft) => {
      if (inRequest()) this.ownedHere.add(draft.uri.toString());
      this.checkUri(draft.uri);
    }, this, this.disposables);
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) if (!this.checked.has(editor.document.uri.toString())) this.schedule(editor.document);
    }, this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => {
      // Only a change of the text is the person's edit (the event also tells of a changed dirty state).
      if (e.contentChanges.length > 0 && this.drafts.get(e.document.uri)) this.ownedHere.add(e.document.uri.toString());
      this.schedule(e.document);
    }, this, this.disposables);
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
    this.timers.set(key, setTimeout(() => this.checkInSteps(doc), CHECK_DELAY_MS));
  }

  /**
   * Checks a draft without holding the extension host: its rules one per turn of the event loop,
   * then the check itself. A draft's first check in a window compiles every pattern its text could
   * match (0.3-0.7 s at once, which held the window's requests right after the draft opened); in
   * steps, a request waits for one rule at most. Only the first draft of a language: later checks
   * find the patterns compiled, and the steps would only run the check three times over. A change
   * meanwhile schedules a new check (which clears this one's timer), so the findings shown are
   * always of the text as it stands. A draft shown without a request of this window (restored with
   * a reloaded window) waits, as the warm-up does, until the window has started and no request ran
   * for a while: its steps (0.3 s each under load) held the reloaded window's first issue picker.
   * One the person edits is checked at once: the findings are theirs to see.
   */
  private checkInSteps(doc: vscode.TextDocument): void {
    const draft = this.drafts.get(doc.uri);
    const key = doc.uri.toString();
    if (!draft || doc.isClosed) {
      this.timers.delete(key);
      return;
    }
    if (!this.stepped.has(draft.language) && !this.ownedHere.has(key) && this.userMayAct()) {
      this.timers.set(key, setTimeout(() => this.checkInSteps(doc), WARM_UP_WAIT_MS));
      return;
    }
    const steps = this.stepped.has(draft.language) ? [] : toneCheckSteps(doc.getText(), draft.language);
    const next = (): void => {
      if (this.disposed || doc.isClosed) return;
      const step = steps.shift();
      if (step === undefined) {
        // Done to the end (a change meanwhile would have stopped it): the patterns are compiled.
        this.stepped.add(draft.language);
        this.timers.delete(key);
        this.check(doc);
        return;
      }
      step();
      this.timers.set(key, setTimeout(next, 0));
    };
    next();
  }

  /** Drafts checked since they were last rendered (a new rendering is checked when shown). */
  private readonly checked = new Set<string>();

  private checkUri(uri: vscode.Uri): void {
    this.checked.delete(uri.toString());
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (editor) this.schedule(editor.document);
  }

  /** Warms the languages `languages()` names once `idle` settles (e.g. the first evidence pass is done). */
  warmUpWhen(idle: Promise<unknown>, languages: () => readonly Language[]): void {
    void idle.then(
      () => this.warmUp(languages()),
      // Nothing settled to wait for: the first check simply pays its cost when a draft opens.
      () => undefined,
    );
  }

  /**
   * Pays the languages' first-check cost ahead of any draft, in idle time, one step (one rule built,
   * or run once) per turn of the event loop, so that a request arriving meanwhile waits for one
   * small step at most, never for a whole language.
   */
  warmUp(languages: readonly Language[]): void {
    const steps = [...new Set(languages)].filter((l) => !this.warmed.has(l)).flatMap((language) => {
      this.warmed.add(language);
      return toneWarmUpSteps(language, WARM_UP_TEXTS[language]);
    });
    if (steps.length === 0) return;
    // Logged so that a wait of the extension host can be told apart from this work.
    const started = Date.now();
    let longest = 0;
    log().info(`Tone check warm-up started: ${steps.length} steps`);
    const next = (): void => {
      const step = steps.shift();
      if (this.disposed) return;
      if (step === undefined) {
        log().info(`Tone check warm-up done in ${Date.now() - started} ms (longest step ${longest} ms)`);
        return;
      }
      this.warmUpTimer = setTimeout(() => {
        // A person's request started meanwhile: it goes first, the step waits for its end.
        if (this.userMayAct()) {
          steps.unshift(step);
        } else {
          const at = Date.now();
          step();
          longest = Math.max(longest, Date.now() - at);
        }
        next();
      }, this.userMayAct() ? WARM_UP_WAIT_MS : WARM_UP_STEP_GAP_MS);
    };
    next();
  }

  /** Whether the person is likely to ask for something soon: the window just opened, or a request ran moments ago. */
  private userMayAct(): boolean {
    return Date.now() - this.createdAt < WARM_UP_AFTER_START_MS || userActiveWithin(WARM_UP_QUIET_MS);
  }

  /** Checks a draft now; returns its findings (the integration tests read them back). */
  check(doc: vscode.TextDocument): ToneFinding[] {
    const draft = this.drafts.get(doc.uri);
    if (!draft) return [];
    const findings = findingsOf(doc.getText(), draft);
    this.checked.add(doc.uri.toString());
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
    this.checked.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.warmUpTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
