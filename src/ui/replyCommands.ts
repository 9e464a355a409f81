// Draft Reply, Copy Reply, Open in Mail and Mark Reply Sent. A draft is rendered from fresh
// evidence into the issue's draft document (one per issue, named by it, in one reply column beside
// the code); the person edits it there (the tone check runs as they type) and decides when to send
// it. Copy Reply and Open in Mail hand over a plain text email body. Each command also takes an
// args object, so tests and other commands can drive it without any prompt.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IssueEvidence } from '../core/evidence/model';
import { buildReplyContext, fileNameWords } from '../core/reply/context';
import { readRemoteUrl } from '../git/dotGit';
import type { TemplateError } from '../core/reply/templateErrors';
import { mailtoUrl, replySubject } from '../core/reply/mail';
import type { RenderResult } from '../core/reply/render';
import { markdownToText, renderReply } from '../core/reply/render';
import { describeTemplateError } from '../core/reply/templateErrors';
import { parseRemote } from '../core/reply/remoteLinks';
import { folderTemplateSource } from '../core/reply/templateSource';
import { clientWords } from '../core/tone/check';
import type { Audience, Issue, Language, Register, ReplySent } from '../core/store/model';
import { CommandIds } from './commandIds';
import { registerCommand } from './commands';
import { StoreError } from '../core/store/issueStore';
import { UserError } from '../core/errors';
import { pickIssue } from './issuePickers';
import { FixNode, IssueNode, ReportNode } from './issueNodes';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';
import { toUri } from './issueWorkspace';
import { DRAFT_SCHEME, REPLY_LANGUAGE, SETTINGS } from './config';
import { log } from './log';
import type { EvidenceService } from './evidenceService';
import { draftUri } from './replyDraftFiles';
import type { DraftFileSystem } from './replyDraftFiles';
import type { ReplyDraft, ReplyDrafts } from './replyDrafts';
import type { ToneDiagnostics } from './toneDiagnostics';

export interface DraftReplyArgs {
  /** Workspace folder path or URI; optional when the issue id is unique. */
  folder?: string | vscode.Uri;
  issue: string;
  language?: Language;
  register?: Register;
  /** Overrides the client's audience. */
  audience?: Audience;
  /** Overrides the evidence-appendix setting. */
  appendix?: boolean;
  /** YYYY-MM-DD of the next step, as the user chose it; without it the reply names no date. */
  nextStepBy?: string;
  /** When a workspace template fails: use the built-in one, or stop. Default: ask. */
  onTemplateError?: 'builtin' | 'cancel';
  /** When the issue's draft has edits not yet copied or sent: replace them, or stop. Default: ask. */
  ifEdited?: 'replace' | 'cancel';
}

export interface DraftReplyResult {
  uri: vscode.Uri;
  verdict: IssueEvidence['verdict'];
  text: string;
  /** Why the workspace templates were not used, when they failed. */
  templateErrors: TemplateError[];
}

export interface DraftArgs {
  /** The draft's document; default: the active editor's draft. */
  uri?: string | vscode.Uri;
}

interface OpenInMailArgs extends DraftArgs {
  /** false: only return the mailto: URL (for scripts that hand it to another program). Default: open it. */
  open?: boolean;
}

interface MarkReplySentArgs extends DraftArgs {
  /** Skips the question asked when tone findings remain. */
  confirmed?: boolean;
}

export interface ReplyCommandsDeps {
  issues: IssueWorkspace;
  evidence: EvidenceService;
  drafts: ReplyDrafts;
  tone: ToneDiagnostics;
  /** The drafts' file system, written directly. */
  draftFiles: Pick<DraftFileSystem, 'writeFile'>;
  /** The extension's templates folder. */
  templatesRoot: string;
}

/** The language a draft is written in: as asked, else the client's, else the setting's. */
export function draftLanguage(folder: FolderIssues, issue: Issue, args: Partial<DraftReplyArgs>): Language {
  const config = vscode.workspace.getConfiguration(SETTINGS.section, folder.folder.uri);
  return args.language ?? folder.store.client(issue.client)?.language ?? config.get<Language>(SETTINGS.defaultLanguage, 'es');
}

/** Renders the issue's reply from `evidence` as `args` ask: with the workspace's templates, or with the built-in ones alone. */
async function draftRenderer(
  templatesRoot: string,
  folder: FolderIssues,
  issue: Issue,
  evidence: IssueEvidence,
  args: Partial<DraftReplyArgs>,
): Promise<{ render: (withOverrides: boolean) => RenderResult }> {
  const client = folder.store.client(issue.client);
  const config = vscode.workspace.getConfiguration(SETTINGS.section, folder.folder.uri);
  const language = draftLanguage(folder, issue, args);
  const context = buildReplyContext({
    evidence,
    language,
    ...(args.register !== undefined ? { register: args.register } : {}),
    ...(args.audience !== undefined ? { audience: args.audience } : {}),
    ...(client ? { client } : {}),
    issue,
    appendix: args.appendix ?? config.get<boolean>(SETTINGS.replyAppendix, false),
    ...(args.nextStepBy !== undefined ? { nextStepBy: args.nextStepBy } : {}),
  });
  const builtin = folderTemplateSource(templatesRoot, language, 'builtin');
  // A relative setting is taken from the workspace folder; the default sits beside the issues.
  const templatesSetting = config.get<string>(SETTINGS.templatesFolder) || '.proof-of-fix/templates';
  const templatesDir = path.isAbsolute(templatesSetting) ? templatesSetting : vscode.Uri.joinPath(folder.folder.uri, ...templatesSetting.split(/[\\/]+/)).fsPath;
  // A template may not lead outside the workspace folder (or the folder the setting names).
  const override = folderTemplateSource(templatesDir, language, 'override', path.isAbsolute(templatesSetting) ? templatesSetting : folder.folder.uri.fsPath);
  const options = { builtin, override, forge: parseRemote(await readRemoteUrl(folder.folder.uri.fsPath)) };
  return { render: (withOverrides) => renderReply(context, withOverrides ? options : { ...options, override: undefined }) };
}

/** Renders the draft a journey is about to ask for and keeps nothing (see prepareDraftText). */
export type DraftPreparer = (folder: FolderIssues, issue: Issue, evidence: IssueEvidence, args: Omit<DraftReplyArgs, 'issue' | 'folder'>) => Promise<void>;

/**
 * Renders a reply and throws the text away: the templates it uses are compiled then (0.2-0.8 s of
 * the extension host on a reply's first rendering in a window), so Draft Reply asked for next
 * renders at once. Nothing is written, recorded or shown; a failing template is Draft Reply's to report.
 */
export function prepareDraftText(templatesRoot: string): DraftPreparer {
  return async (folder, issue, evidence, args) => {
    const { render } = await draftRenderer(templatesRoot, folder, issue, evidence, args);
    const result = render(true);
    if (!result.ok && result.errors.some((e) => e.origin === 'override')) render(false);
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function registerReplyCommands(deps: ReplyCommandsDeps): vscode.Disposable[] {
  const { issues, drafts, tone } = deps;

  const resolve = async (arg: unknown): Promise<{ folder: FolderIssues; issue: Issue; args: Partial<DraftReplyArgs> } | undefined> => {
    if (arg instanceof IssueNode || arg instanceof ReportNode || arg instanceof FixNode) {
      return { ...issues.issueNamed(arg.issue.id, arg.folder.folder.uri), args: {} };
    }
    if (isObject(arg) && typeof arg.issue === 'string') {
      const args = arg as unknown as DraftReplyArgs;
      return { ...issues.issueNamed(args.issue, args.folder), args };
    }
    const picked = await pickIssue(issues, vscode.l10n.t('Draft a reply for which issue?'));
    return picked && { ...picked, args: {} };
  };

  // The same service as the tree: the same settings, the same cache, git serialized per repository.
  const computeFor = async (folder: FolderIssues, issue: Issue): Promise<IssueEvidence> => {
    if (!folder.gitPort()) throw new UserError('precondition', vscode.l10n.t('No git can run for {0}: trust the workspace and open a folder inside a git repository.', folder.folder.name));
    return deps.evidence.request(folder, issue.id);
  };

  /** Asks whether to use the built-in templates instead of a failing workspace template. */
  const offerBuiltin = async (errors: TemplateError[], choice: DraftReplyArgs['onTemplateError']): Promise<boolean> => {
    for (const error of errors) log().warn(`Reply template failed: ${describeTemplateError(error)}`);
    if (choice !== undefined) return choice === 'builtin';
    const first = errors[0] as TemplateError;
    const useBuiltin = vscode.l10n.t('Use Built-in Template');
    const open = vscode.l10n.t('Open Template');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('The workspace template {0} fails at line {1} ({2} "{3}"). Use the built-in template instead?', first.file, String(first.line ?? 1), first.code, first.name),
      useBuiltin,
      open,
    );
    if (answer === open) {
      const position = new vscode.Position(Math.max(0, (first.line ?? 1) - 1), Math.max(0, (first.column ?? 1) - 1));
      await vscode.window.showTextDocument(vscode.Uri.file(first.file), { selection: new vscode.Range(position, position) });
    }
    return answer === useBuiltin;
  };

  const draftReply = async (arg?: unknown): Promise<DraftReplyResult | undefined> => {
    const resolved = await resolve(arg);
    if (!resolved) return undefined;
    const { folder, issue, args } = resolved;
    const client = folder.store.client(issue.client);
    const language = draftLanguage(folder, issue, args);
    const started = Date.now();
    const evidence = await computeFor(folder, issue);
    const evidenceMs = Date.now() - started;
    const { render } = await draftRenderer(deps.templatesRoot, folder, issue, evidence, args);
    let result = render(true);
    let templateErrors: TemplateError[] = [];
    if (!result.ok && result.errors.some((e) => e.origin === 'override')) {
      templateErrors = result.errors;
      if (!(await offerBuiltin(result.errors, args.onTemplateError))) return undefined;
      result = render(false);
    }
    if (!result.ok) throw new Error(result.errors.map(describeTemplateError).join('\n'));
    const text = result.text;

    const rendered = Date.now();
    let recorded: Promise<void> | undefined;
    // Recorded once the text is sure to be replaced: known here before the document opens (so the
    // open does not read the old record back), written to disk while the editor opens.
    const record = (uri: vscode.Uri): void => {
      recorded = drafts.set({ uri, folder, issueId: issue.id, language, evidence, rendered: text, allow: [...clientWords(client), ...fileNameWords(evidence)] });
    };
    const uri = await openDraft(folder, issue, text, args.ifEdited, record);
    if (!uri) return undefined;
    const opened = Date.now();
    await recorded;
    // Where a slow draft spent its time: the evidence, the reply's text, opening the editor, recording the draft.
    log().info(`Drafted the reply for ${issue.id} in ${Date.now() - started} ms (evidence ${evidenceMs} ms, text ${rendered - started - evidenceMs} ms, editor ${opened - rendered} ms, record ${Date.now() - opened} ms)`);
    return { uri, verdict: evidence.verdict, text, templateErrors };
  };

  /**
   * The one reply column: where a draft is already shown; else beside the active editor; else the
   * active group itself, so that no empty group is left beside the draft.
   */
  const replyColumn = (): vscode.ViewColumn => {
    for (const group of vscode.window.tabGroups.all) {
      if (group.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === DRAFT_SCHEME)) return group.viewColumn;
    }
    return vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  };

  /** Puts the text in the issue's draft document (asking before discarding edits not handed over). */
  const openDraft = async (folder: FolderIssues, issue: Issue, text: string, ifEdited: DraftReplyArgs['ifEdited'], record: (uri: vscode.Uri) => void): Promise<vscode.Uri | undefined> => {
    const uri = draftUri(folder.folder, issue.id);
    const existingDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const existing = drafts.get(uri);
    if (existingDoc) {
      const untouched = existing !== undefined && (existingDoc.getText() === existing.rendered || existing.handedOver !== undefined);
      let choice = untouched || existingDoc.getText() === text ? 'replace' : ifEdited;
      if (choice === undefined) {
        const replace = vscode.l10n.t('Replace');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('The reply to {0} has your edits. Replace them with the new draft?', issue.id),
          { modal: true },
          replace,
        );
        choice = answer === replace ? 'replace' : 'cancel';
      }
      if (choice === 'cancel') return undefined;
    }
    // Background checks of other issues wait until the draft is shown: the person is waiting for it.
    const started = Date.now();
    await deps.evidence.whileUserWaits(folder, async () => {
      const asked = Date.now();
      if (existingDoc) {
        record(uri);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(existingDoc.uri, new vscode.Range(existingDoc.positionAt(0), existingDoc.positionAt(existingDoc.getText().length)), text);
        await vscode.workspace.applyEdit(edit);
        await existingDoc.save();
      } else {
        record(uri);
        // Straight to the provider: through vscode.workspace.fs the write is one more round trip
        // through the window, which waits its turn behind whatever else the extension host runs.
        await deps.draftFiles.writeFile(uri, Buffer.from(text, 'utf8'));
      }
      const written = Date.now();
      // Opened and shown in one step; a draft's name gives it its language as it opens (package.json's
      // languages), so its language is set here only where that did not happen: setting it closes
      // and reopens the document.
      const shown = { viewColumn: replyColumn(), preview: false };
      const editor = existingDoc ? await vscode.window.showTextDocument(existingDoc, shown) : await vscode.window.showTextDocument(uri, shown);
      if (editor.document.languageId !== REPLY_LANGUAGE) await vscode.languages.setTextDocumentLanguage(editor.document, REPLY_LANGUAGE);
      log().info(`Opened the draft of ${issue.id}: background stopped in ${asked - started} ms, written in ${written - asked} ms, shown in ${Date.now() - written} ms`);
    });
    return uri;
  };

  const draftOf = async (arg: unknown): Promise<{ draft: ReplyDraft; doc: vscode.TextDocument }> => {
    const given = isObject(arg) && (typeof arg.uri === 'string' || arg.uri instanceof vscode.Uri) ? arg.uri : undefined;
    // A draft's URI string has no "//" after its scheme; toUri would take it for a file path.
    const uri = typeof given === 'string' && given.startsWith(`${DRAFT_SCHEME}:`) ? vscode.Uri.parse(given, true) : given !== undefined ? toUri(given) : undefined;
    const openDoc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const draft = uri ? (drafts.get(uri) ?? (openDoc && (await drafts.restore(openDoc)))) : await drafts.current();
    const doc = draft && vscode.workspace.textDocuments.find((d) => d.uri.toString() === draft.uri.toString());
    if (!draft || !doc) throw new UserError('precondition', vscode.l10n.t('Open a reply draft first: use Draft Reply on an issue.'));
    return { draft, doc };
  };

  /** What an email client accepts: the draft as edited, without Markdown. */
  const copyReply = async (arg?: unknown): Promise<string> => {
    const { draft, doc } = await draftOf(arg);
    const text = markdownToText(doc.getText());
    await vscode.env.clipboard.writeText(text);
    await drafts.handedOver(draft, 'copied');
    const findings = tone.check(doc).length;
    void vscode.window.showInformationMessage(
      findings === 0
        ? vscode.l10n.t('The reply to {0} is on the clipboard.', draft.issueId)
        : vscode.l10n.t('The reply to {0} is on the clipboard. It still has tone findings ({1}).', draft.issueId, String(findings)),
    );
    return text;
  };

  const openInMail = async (arg?: unknown): Promise<string> => {
    const { draft, doc } = await draftOf(arg);
    const issue = draft.folder.store.issue(draft.issueId);
    const client = issue && draft.folder.store.client(issue.client);
    const url = mailtoUrl({
      ...(client?.email !== undefined ? { to: client.email } : {}),
      subject: replySubject({ id: draft.issueId, ...(issue?.title !== undefined ? { title: issue.title } : {}) }),
      body: markdownToText(doc.getText()),
    });
    if (isObject(arg) && (arg as OpenInMailArgs).open === false) return url;
    await drafts.handedOver(draft, 'mailed');
    if (!client?.email) void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no contact email; add it with Edit Client.', issue?.client ?? draft.issueId));
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return url;
  };

  const markReplySent = async (arg?: unknown): Promise<ReplySent | undefined> => {
    const { draft, doc } = await draftOf(arg);
    if (!vscode.workspace.isTrusted) throw new UserError('restricted', vscode.l10n.t('Client issues are read-only in Restricted Mode. Trust this workspace to change them.'));
    const findings = tone.check(doc).length;
    const confirmed = isObject(arg) && (arg as MarkReplySentArgs).confirmed === true;
    if (findings > 0 && !confirmed) {
      // The safe answer comes first, so Enter keeps the draft unsent.
      const keep: vscode.MessageItem = { title: vscode.l10n.t('Keep Editing'), isCloseAffordance: true };
      const mark: vscode.MessageItem = { title: vscode.l10n.t('Mark as Sent') };
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('The reply still has tone findings ({0}). Mark it as sent anyway?', String(findings)),
        { modal: true },
        keep,
        mark,
      );
      if (answer !== mark) return undefined;
    }
    const sent: ReplySent = {
      date: new Date().toISOString(),
      verdict: draft.evidence.verdict,
      language: draft.language,
      text: doc.getText(),
      evidence: draft.evidence,
    };
    try {
      await draft.folder.store.updateIssue(draft.issueId, (issue) => {
        issue.replies.push(sent);
      });
    } catch (error) {
      // The file changed on disk since it was read: re-read it so that a retry sees the disk.
      if (error instanceof StoreError && (error.code === 'conflict' || error.code === 'unparsable')) void draft.folder.refresh();
      throw error;
    }
    await drafts.handedOver(draft, 'sent');
    void vscode.window.showInformationMessage(vscode.l10n.t('Recorded the reply to {0} as sent.', draft.issueId));
    return sent;
  };

  return [
    registerCommand(CommandIds.draftReply, draftReply),
    registerCommand(CommandIds.copyReply, copyReply),
    registerCommand(CommandIds.openInMail, openInMail),
    registerCommand(CommandIds.markReplySent, markReplySent),
  ];
}
