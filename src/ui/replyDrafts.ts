// The reply drafts open in editors: which document is the draft of which issue, the evidence it was
// rendered from and the text as rendered (to tell whether the person has edited it since). A context
// key tells menus when the active editor holds a draft.
import * as vscode from 'vscode';
import type { IssueEvidence } from '../core/evidence/model';
import type { Language } from '../core/store/model';
import type { FolderIssues } from './issueWorkspace';

export interface ReplyDraft {
  uri: vscode.Uri;
  folder: FolderIssues;
  issueId: string;
  language: Language;
  evidence: IssueEvidence;
  /** The text as rendered, before any edit. */
  rendered: string;
  /** Words the tone check accepts as written (the client's own names). */
  allow: string[];
}

export const REPLY_ACTIVE_CONTEXT = 'proofOfFix.replyActive';

export class ReplyDrafts implements vscode.Disposable {
  private readonly drafts = new Map<string, ReplyDraft>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<ReplyDraft>();
  /** A draft was added or re-rendered. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.disposables.push(this.changeEmitter);
    vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri), this, this.disposables);
    vscode.window.onDidChangeActiveTextEditor(() => this.updateContext(), this, this.disposables);
  }

  get(uri: vscode.Uri): ReplyDraft | undefined {
    return this.drafts.get(uri.toString());
  }

  /** The open draft of an issue, if any. */
  forIssue(folder: FolderIssues, issueId: string): ReplyDraft | undefined {
    for (const draft of this.drafts.values()) if (draft.folder === folder && draft.issueId === issueId) return draft;
    return undefined;
  }

  /** The draft in the active editor, else the only one open. */
  current(): ReplyDraft | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    const draft = active ? this.get(active) : undefined;
    if (draft) return draft;
    return this.drafts.size === 1 ? this.drafts.values().next().value : undefined;
  }

  set(draft: ReplyDraft): void {
    this.drafts.set(draft.uri.toString(), draft);
    this.changeEmitter.fire(draft);
    this.updateContext();
  }

  private forget(uri: vscode.Uri): void {
    if (this.drafts.delete(uri.toString())) this.updateContext();
  }

  private updateContext(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    void vscode.commands.executeCommand('setContext', REPLY_ACTIVE_CONTEXT, active !== undefined && this.drafts.has(active.toString()));
  }

  dispose(): void {
    this.drafts.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
