// The timeline of an issue in a webview panel, and "Export Proof Page…". The drawing is core's
// (src/core/timeline); this file only hosts it: the editor's theme colours, a strict
// Content-Security-Policy (nothing remote, one nonce'd script), keyboard focus on every mark, and
// a click or Enter on a commit opening its diff through the tree's own command.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { IssueEvidence } from '../core/evidence/model';
import { UserError } from '../core/errors';
import { evidenceHoles } from '../core/evidence/holes';
import { isSha } from '../core/sha';
import type { Audience, Issue, Language } from '../core/store/model';
import { DEFAULT_AUDIENCE } from '../core/store/model';
import { createNodeStoreFs } from '../core/store/storeFs';
import { buildTimeline } from '../core/timeline/build';
import { gatherTimelineDates } from '../core/timeline/gather';
import { layoutTimeline } from '../core/timeline/layout';
import { MAX_PAGE_BYTES } from '../core/timeline/page';
import { buildProofPage } from '../core/timeline/proofPage';
import { escapeXml, renderTimelineSvg, TIMELINE_CSS } from '../core/timeline/svg';
import { CommandIds } from './commandIds';
import { TIMELINE_VIEW_TYPE } from './config';
import { registerCommand } from './commands';
import type { EvidenceService } from './evidenceService';
import { today } from './issueLabels';
import { pickIssue } from './issuePickers';
import { FixNode, IssueNode, ReportNode, VerdictNode } from './issueNodes';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';
import { log } from './log';
import { defaultLanguageSetting } from './settings';

export interface TimelineArgs {
  /** Workspace folder path or URI; optional with one folder or a unique id. */
  folder?: string | vscode.Uri;
  issue: string;
}

export interface ExportProofPageArgs extends TimelineArgs {
  /** Where to write; without it, a save dialog asks. */
  out?: string | vscode.Uri;
  language?: Language;
  audience?: Audience;
}

/** What a panel shows: the drawing, or why there is none. Returned to tests and other callers. */
export interface TimelineShown {
  issue: string;
  state: 'timeline' | 'restricted' | 'no-git';
  html: string;
}

interface Open {
  panel: vscode.WebviewPanel;
  folder: FolderIssues;
  issueId: string;
  evidence: IssueEvidence | undefined;
  /** The issue as last drawn: a new report or reply redraws it. */
  issue: Issue | undefined;
  shown: TimelineShown | undefined;
}

function panelLanguage(): Language {
  return vscode.env.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

// The drawing's colours from the editor's theme; high contrast themes add their border colour.
const PANEL_CSS = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 20px; }
body { --pof-fg: var(--vscode-foreground); --pof-muted: var(--vscode-descriptionForeground); --pof-bg: var(--vscode-editor-background); --pof-line: var(--vscode-editorWidget-border, var(--vscode-descriptionForeground)); --pof-good: var(--vscode-charts-green); --pof-bad: var(--vscode-charts-red); --pof-warn: var(--vscode-charts-orange); --pof-release: var(--vscode-charts-blue); --pof-client: var(--vscode-charts-purple); --pof-accent: var(--vscode-textLink-foreground); --pof-focus: var(--vscode-focusBorder); --pof-break: var(--vscode-editor-inactiveSelectionBackground); --pof-font: var(--vscode-font-family); }
body.vscode-high-contrast .pof-timeline .shape, body.vscode-high-contrast-light .pof-timeline .shape { stroke: var(--vscode-contrastBorder); }
h1 { font-size: 1.3em; font-weight: 600; margin: 16px 0 4px; }
.title { color: var(--vscode-descriptionForeground); margin: 0 0 10px; }
.verdict { font-size: 1.1em; font-weight: 600; border-left: 3px solid var(--vscode-textLink-foreground); padding: 4px 10px; }
.drawing { overflow-x: auto; }
.pof-timeline { width: 100%; min-width: 640px; }
#details { min-height: 3.2em; white-space: pre-line; color: var(--vscode-foreground); background: var(--vscode-textBlockQuote-background); border: 1px solid var(--vscode-widget-border, transparent); padding: 6px 10px; }
.note { color: var(--vscode-editorWarning-foreground); }
a { color: var(--vscode-textLink-foreground); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 12px; font: inherit; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
`;

// Clicks and Enter on commit marks ask the extension to open the diff; focusing any mark shows its
// facts below the drawing, since a <title> tooltip appears only for the mouse.
const PANEL_SCRIPT = `
const vscode = acquireVsCodeApi();
const details = document.getElementById('details');
const open = (el) => vscode.postMessage({ type: 'openCommit', sha: el.getAttribute('data-sha') });
for (const el of document.querySelectorAll('.mark')) {
  const facts = el.querySelector('title')?.textContent ?? '';
  el.addEventListener('focus', () => { details.textContent = facts; });
  el.addEventListener('mouseenter', () => { details.textContent = facts; });
  if (!el.hasAttribute('data-sha')) continue;
  el.addEventListener('click', () => open(el));
  el.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(el); } });
}
document.getElementById('export')?.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
`;

function page(language: Language, body: string, nonce: string, withScript: boolean): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style nonce="${nonce}">${TIMELINE_CSS}${PANEL_CSS}</style>`,
    '</head>',
    `<body>${body}${withScript ? `<script nonce="${nonce}">${PANEL_SCRIPT}</script>` : ''}</body>`,
    '</html>',
  ].join('\n');
}

export class TimelinePanels implements vscode.Disposable {
  private readonly open = new Map<string, Open>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly issues: IssueWorkspace,
    private readonly evidence: EvidenceService,
  ) {
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshAll()),
      issues.onDidChange((folder) => this.onIssues(folder)),
    );
  }

  private onIssues(folder: FolderIssues | undefined): void {
    for (const entry of this.open.values()) {
      if (folder !== undefined && entry.folder !== folder) continue;
      // Redrawn from the evidence already shown: a report or reply changes no git fact.
      if (entry.evidence !== undefined && entry.folder.store.issue(entry.issueId) !== entry.issue) void this.render(entry, entry.evidence);
    }
  }

  /** Opens (or reveals) the issue's panel and draws its timeline, or says why it cannot. */
  async show(folder: FolderIssues, issue: Issue): Promise<TimelineShown> {
    const key = `${folder.folder.uri.toString()}#${issue.id}`;
    let entry = this.open.get(key);
    if (entry === undefined) {
      const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, vscode.l10n.t('Timeline: {0}', issue.id), vscode.ViewColumn.Active, {
        enableScripts: true,
        // Only the link that opens the workspace trust editor, from the Restricted Mode message.
        enableCommandUris: ['workbench.trust.manage'],
        localResourceRoots: [],
      });
      const created: Open = { panel, folder, issueId: issue.id, evidence: undefined, issue: undefined, shown: undefined };
      entry = created;
      this.open.set(key, created);
      const listeners = [
        panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(created, message)),
        this.evidence.forFolder(folder).onDidChange(() => this.onEvidence(created)),
      ];
      panel.onDidDispose(() => {
        this.open.delete(key);
        for (const l of listeners) l.dispose();
      });
    } else entry.panel.reveal();
    return this.render(entry);
  }

  /** What each open panel shows, by issue id (for tests). */
  shown(): TimelineShown[] {
    return [...this.open.values()].flatMap((e) => (e.shown ? [e.shown] : []));
  }

  /** A message from a panel's script; exported for tests, which cannot click inside a webview. */
  async receive(entry: Pick<Open, 'folder' | 'issueId'>, message: unknown): Promise<unknown> {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, sha } = message as { type?: unknown; sha?: unknown };
    if (type === 'openCommit' && typeof sha === 'string' && isSha(sha)) {
      return vscode.commands.executeCommand(CommandIds.openCommitDiff, { folder: entry.folder.folder.uri, sha });
    }
    if (type === 'export') return vscode.commands.executeCommand(CommandIds.exportProofPage, { folder: entry.folder.folder.uri, issue: entry.issueId });
    log().warn(`Timeline panel sent an unknown message: ${JSON.stringify(message).slice(0, 200)}`);
    return undefined;
  }

  private onEvidence(entry: Open): void {
    // Only redraw from the cache when it holds newer evidence: never start git work from here.
    const latest = this.evidence.forFolder(entry.folder).get(entry.issueId);
    if (latest !== undefined && entry.evidence !== undefined && latest !== entry.evidence) void this.render(entry, latest);
  }

  private refreshAll(): void {
    for (const entry of this.open.values()) void this.render(entry);
  }

  private async render(entry: Open, known?: IssueEvidence): Promise<TimelineShown> {
    const language = panelLanguage();
    const nonce = randomBytes(16).toString('base64');
    const { folder, issueId } = entry;
    const issue = folder.store.issue(issueId);
    entry.issue = issue;
    const heading = `<h1>${escapeXml(vscode.l10n.t('Timeline of {0}', issueId))}</h1>${issue ? `<p class="title">${escapeXml(issue.title)}</p>` : ''}`;
    const unavailable = this.evidence.forFolder(folder).unavailable();
    if (unavailable !== undefined || issue === undefined) {
      const why =
        unavailable === 'restricted'
          ? vscode.l10n.t('No timeline in Restricted Mode: it is drawn from the git history, and Proof of Fix runs no git in a workspace you have not trusted (a repository\'s settings can run programs).')
          : vscode.l10n.t('No timeline: {0} is not inside a git repository, and the timeline is drawn from the git history.', folder.folder.name);
      const link = unavailable === 'restricted' ? `<p><a href="command:workbench.trust.manage">${escapeXml(vscode.l10n.t('Manage Workspace Trust'))}</a></p>` : '';
      const html = page(language, `${heading}<p class="verdict">${escapeXml(why)}</p>${link}`, nonce, false);
      entry.panel.webview.html = html;
      entry.shown = { issue: issueId, state: unavailable === 'restricted' ? 'restricted' : 'no-git', html };
      return entry.shown;
    }
    const evidence = known ?? (await this.evidence.request(folder, issueId));
    entry.evidence = evidence;
    const port = folder.gitPort();
    const dates = port ? await gatherTimelineDates(port, evidence) : { tagDates: {}, deployedDate: null, releasesWithRevert: {}, releasesWithChange: {} };
    const timeline = buildTimeline({ evidence, issue, language, audience: 'technical', perspective: 'user', today: today(), ...dates });
    const svg = renderTimelineSvg(timeline, layoutTimeline(timeline, { width: 1000 }), { interactive: true });
    const body = [
      heading,
      `<p class="verdict">${escapeXml(timeline.sentence)}</p>`,
      ...timeline.notes.map((note) => `<p class="note">${escapeXml(note)}</p>`),
      `<div class="drawing">${svg}</div>`,
      `<div id="details" role="status" aria-live="polite">${escapeXml(vscode.l10n.t('Point at or focus a mark (Tab) to read its facts; click a commit, or press Enter on it, to open its changes.'))}</div>`,
      `<p><button id="export" type="button">${escapeXml(vscode.l10n.t('Export Proof Page…'))}</button></p>`,
    ].join('');
    const html = page(language, body, nonce, true);
    entry.panel.webview.html = html;
    entry.shown = { issue: issueId, state: 'timeline', html };
    return entry.shown;
  }

  dispose(): void {
    for (const entry of this.open.values()) entry.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export interface TimelineCommandsDeps {
  issues: IssueWorkspace;
  evidence: EvidenceService;
  panels: TimelinePanels;
}

export function registerTimelineCommands(deps: TimelineCommandsDeps): vscode.Disposable[] {
  const { issues, evidence, panels } = deps;

  const resolve = async (arg: unknown, placeHolder: string): Promise<{ folder: FolderIssues; issue: Issue; args: Partial<ExportProofPageArgs> } | undefined> => {
    if (arg instanceof IssueNode || arg instanceof VerdictNode || arg instanceof ReportNode || arg instanceof FixNode) {
      return { ...issues.issueNamed(arg.issue.id, arg.folder.folder.uri), args: {} };
    }
    if (isObject(arg) && typeof arg.issue === 'string') {
      const args = arg as unknown as ExportProofPageArgs;
      return { ...issues.issueNamed(args.issue, args.folder), args };
    }
    const picked = await pickIssue(issues, placeHolder);
    return picked && { ...picked, args: {} };
  };

  const showTimeline = async (arg?: unknown): Promise<TimelineShown | undefined> => {
    const target = await resolve(arg, vscode.l10n.t('Show the timeline of which issue?'));
    return target && panels.show(target.folder, target.issue);
  };

  /** Writes the proof page; resolves its URI, or undefined when the user cancelled. */
  const exportProofPage = async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const target = await resolve(arg, vscode.l10n.t('Export the proof page of which issue?'));
    if (!target) return undefined;
    const { folder, issue, args } = target;
    const port = folder.gitPort();
    if (!vscode.workspace.isTrusted || port === undefined) throw new UserError('precondition', vscode.l10n.t('The proof page is drawn from the git history: trust the workspace and open a folder inside a git repository.'));
    const client = folder.store.client(issue.client);
    const language: Language = args.language ?? client?.language ?? defaultLanguageSetting(folder.folder.uri);
    // The client's audience (clients.json), as for replies; plain when not set.
    const audience: Audience = args.audience ?? client?.audience ?? DEFAULT_AUDIENCE;
    let out = typeof args.out === 'string' ? vscode.Uri.file(args.out) : args.out;
    if (out === undefined) {
      out = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder.folder.uri, `${issue.id}-proof.html`),
        filters: { [vscode.l10n.t('Web page')]: ['html'] },
        title: vscode.l10n.t('Export the proof page of {0}', issue.id),
      });
      if (out === undefined) return undefined;
    }
    const file = out;
    const checked = await evidence.request(folder, issue.id);
    // A page for the client claims nothing git could not give, as a reply does not.
    const hole = evidenceHoles(checked)[0];
    if (hole !== undefined) {
      throw new UserError('precondition', hole.code === 'fix-missing'
        ? vscode.l10n.t('No proof page: the fix commit {0} is not in this repository. Fetch it (git fetch --all, or git fetch --unshallow) or correct the link.', hole.subjects.join(', '))
        : vscode.l10n.t("No proof page: git could not tell where {0} went, so the fix's lines there were not measured.", hole.subjects.join(', ')));
    }
    const html = await buildProofPage({ port, evidence: checked, issue, language, audience, today: today() });
    if (file.scheme === 'file') await createNodeStoreFs().writeFileAtomic(file.fsPath, html);
    else await vscode.workspace.fs.writeFile(file, Buffer.from(html, 'utf8'));
    const size = Buffer.byteLength(html, 'utf8');
    log().info(`Proof page of ${issue.id} written to ${file.toString()} (${size} bytes)`);
    if (size > MAX_PAGE_BYTES) void vscode.window.showWarningMessage(vscode.l10n.t('The proof page is {0} KB, more than an email attachment should be.', String(Math.ceil(size / 1024))));
    if (args.out === undefined) {
      const openIt = vscode.l10n.t('Open in Browser');
      void vscode.window.showInformationMessage(vscode.l10n.t('Proof page of {0} saved. Attach it to your reply.', issue.id), openIt).then((choice) => {
        if (choice === openIt) void vscode.env.openExternal(file);
      });
    }
    return file;
  };

  return [registerCommand(CommandIds.showTimeline, showTimeline), registerCommand(CommandIds.exportProofPage, exportProofPage)];
}
