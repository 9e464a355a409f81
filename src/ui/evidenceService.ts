// The evidence of the workspace's client issues: one FolderEvidence per workspace folder (see
// folderEvidence.ts), created and dropped with the folders, and one debounced change event for the
// tree and the status bar.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommitContentPort } from '../core/commitContent';
import { digest } from '../core/evidenceView';
import type { IssueEvidence } from '../core/evidence/model';
import type { Issue } from '../core/store/model';
import { ContextKeys } from './config';
import { FolderEvidence } from './folderEvidence';
import { withRequestProgress } from './requestProgress';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';
import { affectsEvidence } from './settings';

/** How long evidence events are gathered before listeners (tree, status bar) hear of them. */
const CHANGE_COALESCE_MS = 250;

export interface EvidenceServiceOptions {
  /** Makes the port that reads commit contents for the diff editor. */
  contentPortFactory?: (repoDir: string) => CommitContentPort;
  /**
   * Where each folder's evidence is kept for the next session (VS Code's storage for the workspace),
   * with the extension's version; `quietMs`: how long after the window opens the background checks of
   * kept evidence wait (see RESTORED_QUIET_MS).
   */
  storage?: { dir: string; version: string; quietMs?: number };
}

/** Every folder's evidence; fires `onDidChange` (debounced) when any folder's evidence changed. */
export class EvidenceService implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly folders = new Map<FolderIssues, FolderEvidence>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private changeTimer: NodeJS.Timeout | undefined;
  /** When onDidChange last fired (Date.now()). */
  private lastFired = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly issues: IssueWorkspace,
    private readonly options: EvidenceServiceOptions = {},
  ) {
    this.disposables.push(this.changeEmitter);
    issues.onDidChange((folder) => this.storeChanged(folder), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration(
      (e) => {
        for (const [folder, evidence] of this.folders) {
          if (affectsEvidence(e, folder.folder.uri)) evidence.invalidateRepository();
        }
      },
      this,
      this.disposables,
    );
    this.sync();
  }

  /**
   * What a user's request (a journey, Draft Reply, the timeline, Refresh Evidence) asks for: the
   * issue's evidence ahead of background work, under the request's one cancellable notification.
   */
  request(folder: FolderIssues, issueId: string): Promise<IssueEvidence> {
    return withRequestProgress(vscode.l10n.t('Checking the evidence for {0}…', issueId), { cancellable: true }, (token) => this.forFolder(folder).compute(issueId, token));
  }

  /**
   * Runs the last step of a user's request (e.g. opening the reply it asked for) ahead of background
   * checks: they compete with it for the extension host and the processor until it is shown.
   */
  whileUserWaits<T>(folder: FolderIssues, work: () => Promise<T>): Promise<T> {
    return this.forFolder(folder).whileUserWaits(work);
  }

  /** The folder's evidence (created on first use). */
  forFolder(folder: FolderIssues): FolderEvidence {
    let evidence = this.folders.get(folder);
    if (evidence === undefined && !this.issues.all().includes(folder)) {
      // A node of a folder set that was just rebuilt: it gets an inert instance, never a second live one.
      evidence = new FolderEvidence(folder, undefined, () => undefined);
      evidence.dispose();
      return evidence;
    }
    if (evidence === undefined) {
      const storage = this.options.storage;
      const persisted = storage === undefined ? undefined : { file: path.join(storage.dir, `evidence-${digest(folder.folder.uri.toString())}.json`), version: storage.version, quietMs: storage.quietMs };
      evidence = new FolderEvidence(folder, this.options.contentPortFactory, () => this.updateWebRemote(), persisted);
      evidence.onDidChange(() => this.fireSoon(), this, this.disposables);
      this.folders.set(folder, evidence);
      evidence.storeChanged();
    }
    return evidence;
  }

  /** A user's request began that will need git in some folder: every folder's first scan steps aside. */
  stopFirstScans(): void {
    for (const evidence of this.folders.values()) evidence.stopFirstScan();
  }

  /** Every open issue whose verdict needs a reply, by folder. */
  needingReply(): { folder: FolderIssues; issue: Issue }[] {
    return [...this.folders.values()].flatMap((f) => f.needingReply().map((issue) => ({ folder: f.folder, issue })));
  }

  /** Re-reads every folder's repository and recomputes the evidence (the Refresh Evidence command). */
  refresh(): void {
    for (const evidence of this.folders.values()) evidence.reload();
  }

  async whenIdle(): Promise<void> {
    await Promise.all([...this.folders.values()].map((f) => f.whenIdle()));
  }

  private storeChanged(folder: FolderIssues | undefined): void {
    if (folder === undefined) {
      // Folders rebuilt or trust granted: start over for every folder.
      this.sync();
      for (const evidence of this.folders.values()) evidence.invalidateRepository();
      return;
    }
    this.forFolder(folder).storeChanged();
  }

  private sync(): void {
    const current = new Set(this.issues.all());
    for (const [folder, evidence] of this.folders) {
      if (current.has(folder)) continue;
      evidence.dispose();
      this.folders.delete(folder);
    }
    for (const folder of current) this.forFolder(folder);
    this.fireSoon();
  }

  private updateWebRemote(): void {
    const any = [...this.folders.values()].some((f) => f.forge !== null);
    void vscode.commands.executeCommand('setContext', ContextKeys.webRemote, any);
  }

  private fireSoon(): void {
    if (this.changeTimer !== undefined) return;
    // Many computations finish in a burst (two events per issue); the tree and status bar redraw
    // once for them. Each redraw replaces the tree's rows, and a click on a row replaced mid-click
    // is lost, so redraws are at least this window apart, short enough to feel immediate. An event
    // after a quiet window (a verdict after seconds of git) is heard at once, not a window later.
    const wait = Math.max(0, this.lastFired + CHANGE_COALESCE_MS - Date.now());
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.lastFired = Date.now();
      this.changeEmitter.fire();
    }, wait);
  }

  dispose(): void {
    clearTimeout(this.changeTimer);
    for (const evidence of this.folders.values()) evidence.dispose();
    this.folders.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
