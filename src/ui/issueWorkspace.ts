// The client-issue stores of the open workspace: one per workspace folder, re-read when their files
// change on disk (debounced, one read running plus one queued), and the context keys the view's
// welcome content and menus depend on.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UserError } from '../core/errors';
import type { GitPort } from '../core/gitPort';
import { CoalescingRunner } from '../core/store/coalescingRunner';
import { isInsideGitRepository } from '../git/dotGit';
import { DEFAULT_CLIENTS_FILE, DEFAULT_ISSUES_DIR, IssueStore, StoreError } from '../core/store/issueStore';
import type { StoreFs } from '../core/store/storeFs';
import { createNodeStoreFs } from '../core/store/storeFs';
import type { Issue } from '../core/store/model';
import type { StoreValidator } from '../core/store/validate';
import { ContextKeys, SETTINGS } from './config';
import { log } from './log';
import { issuesFolderSetting } from './settings';

/** A folder or document as commands receive it: a URI, a URI string, or a file path. */
export function toUri(value: string | vscode.Uri): vscode.Uri {
  if (typeof value !== 'string') return value;
  return value.includes('://') || value.startsWith('untitled:') ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

const WATCH_DEBOUNCE_MS = 250;

/**
 * A git port of the folder; with `queue` its commands wait in a queue of their own: 'request' (see
 * FolderIssues.requestGitPort) or a background lane's (see FolderIssues.laneGitPort).
 */
export type GitPortFactory = (repoDir: string, queue?: 'request' | `lane-${number}`) => GitPort;

/** One workspace folder's store, its watcher and its (lazily created) git port. */
export class FolderIssues implements vscode.Disposable {
  readonly store: IssueStore;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reader: CoalescingRunner;
  private timer: NodeJS.Timeout | undefined;
  private git: GitPort | undefined;
  private requestGit: GitPort | undefined;
  private readonly laneGits = new Map<number, GitPort>();
  hasGit = false;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    storeFs: StoreFs,
    validator: StoreValidator,
    private readonly onChanged: (folder: FolderIssues) => void,
    private readonly gitPortFactory: GitPortFactory | undefined,
  ) {
    const issuesDir = issuesFolderSetting(folder.uri) || DEFAULT_ISSUES_DIR;
    this.store = new IssueStore({
      root: folder.uri.fsPath,
      fs: storeFs,
      validator,
      issuesDir,
      clientsFile: DEFAULT_CLIENTS_FILE,
      // Every write, whichever command made it, shows in the tree at once.
      onDidWrite: () => this.onChanged(this),
    });
    this.reader = new CoalescingRunner(() => this.read());
    const watch = (dir: string): void => {
      const relative = path.relative(folder.uri.fsPath, dir).split(path.sep).join('/');
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${relative}/**`));
      this.disposables.push(watcher);
      watcher.onDidChange(this.schedule, this, this.disposables);
      watcher.onDidCreate(this.schedule, this, this.disposables);
      watcher.onDidDelete(this.schedule, this, this.disposables);
    };
    const proofDir = path.dirname(this.store.clientsFile);
    watch(proofDir);
    // A configured issues folder outside .proof-of-fix needs a watcher of its own.
    if (path.relative(proofDir, this.store.issuesDir).startsWith('..')) watch(this.store.issuesDir);
    // A deleted or re-created parent folder (git checkout of another branch) is reported as such.
    const parentWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '.proof-of-fix'));
    this.disposables.push(parentWatcher);
    parentWatcher.onDidCreate(this.schedule, this, this.disposables);
    parentWatcher.onDidDelete(this.schedule, this, this.disposables);
  }

  /** Re-reads soon; bursts of file events become one read. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, WATCH_DEBOUNCE_MS);
  }

  /** Re-reads now (joining a read already queued). */
  refresh(): Promise<void> {
    return this.reader.run().catch((error: unknown) => {
      log().error(`Reading client issues in ${this.folder.name} failed:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
    });
  }

  private async read(): Promise<void> {
    const started = Date.now();
    const [changed, hasGit] = await Promise.all([this.store.load(), isInsideGitRepository(this.folder.uri.fsPath)]);
    const gitChanged = hasGit !== this.hasGit;
    this.hasGit = hasGit;
    log().trace(`Read client issues of ${this.folder.name} in ${Date.now() - started} ms (changed: ${changed})`);
    if (changed || gitChanged) this.onChanged(this);
  }

  /** The folder's git port; undefined in Restricted Mode, where no git may run, or without git. */
  gitPort(): GitPort | undefined {
    if (!vscode.workspace.isTrusted || !this.gitPortFactory) return undefined;
    this.git ??= this.gitPortFactory(this.folder.uri.fsPath);
    return this.git;
  }

  /**
   * A port whose read-only commands do not wait behind the folder's queue: for a user's request
   * while the session's first history scan (one long `git log`) holds that queue.
   */
  requestGitPort(): GitPort | undefined {
    if (!vscode.workspace.isTrusted || !this.gitPortFactory) return undefined;
    this.requestGit ??= this.gitPortFactory(this.folder.uri.fsPath, 'request');
    return this.requestGit;
  }

  /**
   * The port of a lane of background checks running side by side (see core/priorityQueue.ts): lane 0
   * is the folder's port, each other lane has a queue of its own, so that the history walks of
   * several issues run at once (all of them read-only: nothing of git's takes a lock).
   */
  laneGitPort(lane: number): GitPort | undefined {
    if (lane === 0) return this.gitPort();
    if (!vscode.workspace.isTrusted || !this.gitPortFactory) return undefined;
    let port = this.laneGits.get(lane);
    if (port === undefined) {
      port = this.gitPortFactory(this.folder.uri.fsPath, `lane-${lane}`);
      this.laneGits.set(lane, port);
    }
    return port;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export interface IssueWorkspaceOptions {
  validator: StoreValidator;
  gitPortFactory?: GitPortFactory;
}

/** All folders' stores. Fires `onDidChange` when what a folder shows changed. */
export class IssueWorkspace implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private folders: FolderIssues[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<FolderIssues | undefined>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly storeFs: StoreFs;
  private firstRead: Promise<void>;
  private disposed = false;

  constructor(private readonly options: IssueWorkspaceOptions) {
    this.disposables.push(this.changeEmitter);
    const nodeFs = createNodeStoreFs();
    // Deleting an issue moves its file to the trash where the system has one.
    this.storeFs = { ...nodeFs, remove: (file) => moveToTrash(file) };
    vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuild(), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration(
      (e) => {
        if (e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.issuesFolder}`)) this.rebuild();
      },
      this,
      this.disposables,
    );
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.changeEmitter.fire(undefined), this, this.disposables);
    // The folders' stores and watchers are set up just after activate() returns, not inside it:
    // the window waits for activate(), while the view waits for the stores' read anyway. Measured
    // in the real VS Code, this setup was the largest share of activation (20-70 ms of 30-100 ms
    // on the busy bench machine); its time goes to the log instead.
    this.firstRead = new Promise<void>((resolve) => {
      setImmediate(() => {
        if (this.disposed) return resolve();
        const started = performance.now();
        this.rebuild();
        log().info(`Set up the client issue stores of ${this.folders.length} folder(s) in ${(performance.now() - started).toFixed(1)} ms, after activation`);
        resolve(this.firstRead);
      });
    });
  }

  all(): readonly FolderIssues[] {
    return this.folders;
  }

  /** Resolves once every folder has been read at least once (since the last rebuild). */
  ready(): Promise<void> {
    return this.firstRead;
  }

  forUri(uri: vscode.Uri): FolderIssues | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return this.folders.find((f) => f.folder.uri.toString() === folder?.uri.toString());
  }

  /**
   * The folder a command's `folder` argument names; without one, the only folder, else the active
   * editor's. Throws a sentence for the user when it names none.
   */
  folderNamed(arg: string | vscode.Uri | undefined): FolderIssues {
    if (arg === undefined) {
      const active = vscode.window.activeTextEditor?.document.uri;
      const found = this.folders.length === 1 ? this.folders[0] : active ? this.forUri(active) : undefined;
      if (!found) throw new UserError('bad-argument', vscode.l10n.t('Say which workspace folder (the folder argument): there is more than one.'));
      return found;
    }
    const uri = toUri(arg);
    const found = this.forUri(uri);
    if (!found) throw new UserError('bad-argument', vscode.l10n.t('{0} is not a workspace folder.', uri.fsPath));
    return found;
  }

  /** The issue with this id, in the named folder or else the first folder that has it; throws when none has. */
  issueNamed(id: string, folder?: string | vscode.Uri): { folder: FolderIssues; issue: Issue } {
    const folders = folder !== undefined ? [this.folderNamed(folder)] : this.folders;
    for (const f of folders) {
      const issue = f.store.issue(id);
      if (issue) return { folder: f, issue };
    }
    // A file that failed to parse is there, but cannot be changed until it is repaired.
    for (const f of folders) {
      const problem = f.store.issueProblem(id);
      if (problem) throw new StoreError('unparsable', path.basename(problem.file));
    }
    throw new UserError('not-found', vscode.l10n.t('There is no client issue {0}.', id));
  }

  /**
   * Tells listeners a folder's store changed. Store writes already do this; it stays for callers
   * that change what the tree shows in other ways.
   */
  changed(folder: FolderIssues): void {
    this.changeEmitter.fire(folder);
  }

  async refreshAll(): Promise<void> {
    await Promise.all(this.folders.map((f) => f.refresh()));
  }

  private rebuild(): void {
    for (const f of this.folders) f.dispose();
    this.folders = (vscode.workspace.workspaceFolders ?? [])
      .filter((folder) => folder.uri.scheme === 'file')
      .map((folder) => new FolderIssues(folder, this.storeFs, this.options.validator, (f) => this.changeEmitter.fire(f), this.options.gitPortFactory));
    void vscode.commands.executeCommand('setContext', ContextKeys.loaded, false);
    this.firstRead = this.refreshAll().then(() => {
      void vscode.commands.executeCommand('setContext', ContextKeys.loaded, true);
    });
    this.changeEmitter.fire(undefined);
  }

  dispose(): void {
    this.disposed = true;
    for (const f of this.folders) f.dispose();
    this.folders = [];
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

async function moveToTrash(file: string): Promise<void> {
  const uri = vscode.Uri.file(file);
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: true });
  } catch (error) {
    // Some hosts (a remote or browser workbench) have no trash; the user already confirmed the
    // deletion, so delete for good and say so in the log.
    log().warn(`No trash for ${file}, deleting it:`, error instanceof Error ? error.message : String(error));
    await vscode.workspace.fs.delete(uri, { useTrash: false });
  }
}
