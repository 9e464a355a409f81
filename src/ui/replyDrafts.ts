// The reply drafts open in editors: which document is the draft of which issue, the evidence it was
// rendered from and the text as rendered (to tell whether the person has edited it since). Drafts
// are files (replyDraftFiles.ts), so one reopened after a window reload is recognised again from
// the record kept beside it. Menus show a draft's actions by its scheme (see DRAFT_SCHEME in config.ts).
import * as vscode from 'vscode';
import type { IssueEvidence } from '../core/evidence/model';
import type { Language } from '../core/store/model';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';
import type { DraftMeta } from './replyDraftFiles';
import { DRAFT_SCHEME, REPLY_LANGUAGE, SETTINGS } from './config';
import { locateDraft, readDraftMeta, writeDraftMeta } from './replyDraftFiles';

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
  /** The draft left the editor: copied, opened in the mail client, or marked sent. */
  handedOver?: DraftMeta['handedOver'];
}

/** The languages the workspace's replies are drafted in: its clients' languages, else the default. */
export function replyLanguages(issues: IssueWorkspace): Language[] {
  const languages = issues.all().flatMap((folder) => {
    const clients = folder.store.clients();
    const own = clients.flatMap((c) => (c.language === undefined ? [] : [c.language]));
    // An issue of a client without a language (or of no client) is answered in the default one.
    const fallback = own.length < clients.length || folder.store.issues().some((i) => !clients.some((c) => c.name === i.client));
    return fallback ? [...own, vscode.workspace.getConfiguration(SETTINGS.section, folder.folder.uri).get<Language>(SETTINGS.defaultLanguage, 'es')] : own;
  });
  return [...new Set(languages)];
}

export class ReplyDrafts implements vscode.Disposable {
  private readonly drafts = new Map<string, ReplyDraft>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<ReplyDraft>();
  /** A draft was added, re-rendered or restored. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly issues: IssueWorkspace) {
    this.disposables.push(this.changeEmitter);
    vscode.workspace.onDidOpenTextDocument((doc) => void this.restore(doc), this, this.disposables);
    for (const doc of vscode.workspace.textDocuments) void this.restore(doc);
  }

  get(uri: vscode.Uri): ReplyDraft | undefined {
    return this.drafts.get(uri.toString());
  }

  /** The draft in the active editor (recognised now if its record was not read yet), else the only one open. */
  async current(): Promise<ReplyDraft | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    const draft = active ? (this.get(active.uri) ?? (await this.restore(active))) : undefined;
    if (draft) return draft;
    const open = [...this.drafts.values()].filter((d) => vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === d.uri.toString()));
    return open.length === 1 ? open[0] : undefined;
  }

  /** Records a freshly rendered draft, beside its file as well as here. */
  async set(draft: ReplyDraft): Promise<void> {
    this.drafts.set(draft.uri.toString(), draft);
    await this.persist(draft);
    this.changeEmitter.fire(draft);
  }

  /** The draft was copied, mailed or sent: saved as it stands, so closing it asks nothing. */
  async handedOver(draft: ReplyDraft, how: NonNullable<ReplyDraft['handedOver']>): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draft.uri.toString());
    if (doc?.isDirty) await doc.save();
    // "sent" is final; a later copy does not undo it.
    draft.handedOver = draft.handedOver === 'sent' ? 'sent' : how;
    await this.persist(draft);
  }

  /** A draft document opened again (after a reload, or reopened from history): recognise it. */
  async restore(doc: vscode.TextDocument): Promise<ReplyDraft | undefined> {
    if (doc.uri.scheme !== DRAFT_SCHEME) return undefined;
    if (doc.languageId !== REPLY_LANGUAGE) await vscode.languages.setTextDocumentLanguage(doc, REPLY_LANGUAGE);
    const known = this.get(doc.uri);
    if (known) return known;
    const location = locateDraft(doc.uri);
    const folder = location && this.issues.all().find((f) => f.folder.uri.toString() === location.folder.uri.toString());
    const meta = location && (await readDraftMeta(location));
    if (!folder || !meta) return undefined;
    const draft: ReplyDraft = { uri: doc.uri, folder, issueId: meta.issueId, language: meta.language, evidence: meta.evidence, rendered: meta.rendered, allow: meta.allow, ...(meta.handedOver ? { handedOver: meta.handedOver } : {}) };
    this.drafts.set(doc.uri.toString(), draft);
    this.changeEmitter.fire(draft);
    return draft;
  }

  private async persist(draft: ReplyDraft): Promise<void> {
    const location = locateDraft(draft.uri);
    if (location === undefined) return;
    await writeDraftMeta(location, {
      issueId: draft.issueId,
      language: draft.language,
      evidence: draft.evidence,
      rendered: draft.rendered,
      allow: draft.allow,
      ...(draft.handedOver ? { handedOver: draft.handedOver } : {}),
    });
  }

  dispose(): void {
    this.drafts.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
