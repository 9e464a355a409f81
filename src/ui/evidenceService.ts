// The evidence of the workspace's client issues, computed in the background and cached. One
// FolderEvidence per workspace folder: git work runs one computation at a time per folder, results
// are kept under a key of everything they depend on (the issue's fix links, HEAD, the refs and the
// commits they point to, the client's deployed ref, the settings), and the history scan is carried
// over between refreshes so it only reads new commits. Readers never wait: `get` answers from the
// cache and `onDidChange` says when there is more to read.
import * as vscode from 'vscode';
import type { CommitContentPort } from '../core/commitContent';
import { UserError } from '../core/errors';
import { isEvidenceCancelled } from '../core/evidence/cancel';
import { computeEvidence, EvidenceFailure } from '../core/evidence/engine';
import type { IssueEvidence } from '../core/evidence/model';
import { compileTagPattern } from '../core/evidence/versions';
import { digest, evidenceKey, needsReply } from '../core/evidenceView';
import type { GitPort } from '../core/gitPort';
import { isSafeRef } from '../core/gitPort';
import type { IdPatterns } from '../core/linking/messageParser';
import { DEFAULT_ID_PATTERNS } from '../core/linking/messageParser';
import type { ScanCache, ScanResult } from '../core/linking/scan';
import { commitGraphAdvice } from '../core/linking/commitGraphAdvice';
import { scanThroughCacheFile } from '../core/linking/scanCacheFile';
import { readRemoteUrl } from '../git/dotGit';
import type { Forge } from '../core/reply/remoteLinks';
import { parseRemote } from '../core/reply/remoteLinks';
import type { TaskPriority } from '../core/priorityQueue';
import { PriorityQueue } from '../core/priorityQueue';
import { CoalescingRunner } from '../core/store/coalescingRunner';
import type { Issue } from '../core/store/model';
import { isClosedStatus } from '../core/store/model';
import { reportError } from './commands';
import { ContextKeys } from './config';
import type { EvidenceProblem } from './errorMessages';
import { problemOf } from './errorMessages';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';
import { log } from './log';
import { affectsEvidence, evidenceSettings } from './settings';

// Git rewrites several files per checkout or commit; one refresh after the burst is enough.
const REFRESH_DEBOUNCE_MS = 300;
/** How long evidence events are gathered before listeners (tree, status bar) hear of them. */
const CHANGE_COALESCE_MS = 250;

export type EvidenceUnavailable = 'restricted' | 'no-git';

export interface IssueEvidenceState {
  /** The last evidence computed (possibly from before the latest change, see `stale`). */
  evidence: IssueEvidence | undefined;
  stale: boolean;
  /** A computation for the issue is running or waiting for git. */
  checking: boolean;
  problem: EvidenceProblem | undefined;
  /** Why no evidence can be computed in this folder at all. */
  unavailable: EvidenceUnavailable | undefined;
}

interface Snapshot {
  /** Digest of the repository's state and the settings: part of every evidence key. */
  repository: string;
  target: string;
  me: string[];
  patterns: IdPatterns;
  tagPattern: string | null;
  scan: ScanResult;
  /** Clients' deployed refs resolved in this state of the repository (a tag or branch can move). */
  deployed: Map<string, string | null>;
}

interface Entry {
  key: string;
  /** The folder's generation when the entry was last confirmed. */
  generation: number;
  evidence: IssueEvidence | undefined;
  problem: EvidenceProblem | undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** One workspace folder's evidence: its cache, its refresh pass and its watchers on the git dir. */
export class FolderEvidence implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<IssueEvidence>>();
  /** Issues the tree has shown expanded: kept fresh on every refresh. */
  private readonly wanted = new Set<string>();
  private readonly passRunner: CoalescingRunner;
  private passPromise: Promise<void> | undefined;
  /** Git work of this folder, one task at a time, the user's requests first (see priorityQueue.ts). */
  private readonly queue = new PriorityQueue();
  /** Moves a queued background computation of an issue ahead when the user asks for that issue. */
  private readonly promotions = new Map<string, () => void>();
  /** Bumped by every change that may change evidence; entries of older generations are stale. */
  private generation = 0;
  /** Bumped by every change to the repository or the settings; the snapshot is rebuilt when it moved. */
  private repositoryVersion = 0;
  private snapshot: { version: number; value: Snapshot } | undefined;
  private scanCache: ScanCache | undefined;
  private commitGraphAdvised = false;
  private watchedDir: string | undefined;
  private readonly watchers: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private content: CommitContentPort | undefined;
  private lastReported = '';
  private disposed = false;
  forge: Forge | null = null;

  constructor(
    readonly folder: FolderIssues,
    private readonly contentFactory: ((dir: string) => CommitContentPort) | undefined,
    private readonly onForge: () => void,
  ) {
    this.disposables.push(this.changeEmitter);
    this.passRunner = new CoalescingRunner(() => this.pass());
  }

  private gitPort(): GitPort | undefined {
    if (this.disposed || !this.folder.hasGit) return undefined;
    return this.folder.gitPort();
  }

  /** Why nothing can be computed here, or undefined when evidence can be computed. */
  unavailable(): EvidenceUnavailable | undefined {
    if (!vscode.workspace.isTrusted) return 'restricted';
    if (!this.folder.hasGit) return 'no-git';
    return undefined;
  }

  /** The cached evidence of the issue, possibly stale; never waits. */
  get(issueId: string): IssueEvidence | undefined {
    return this.entries.get(issueId)?.evidence;
  }

  state(issueId: string): IssueEvidenceState {
    const entry = this.entries.get(issueId);
    return {
      evidence: entry?.evidence,
      stale: entry !== undefined && entry.generation !== this.generation,
      checking: this.inflight.has(issueId),
      problem: entry?.problem,
      unavailable: this.unavailable(),
    };
  }

  /** Asks for fresh evidence of an issue the user is looking at; the result arrives through onDidChange. */
  request(issueId: string): void {
    if (this.unavailable() !== undefined) return;
    this.wanted.add(issueId);
    if (this.inflight.has(issueId)) return;
    const entry = this.entries.get(issueId);
    if (entry !== undefined && entry.generation === this.generation) return;
    this.compute(issueId).catch((error: unknown) => {
      // Already logged and kept as the entry's problem, which the tree shows.
      if (!(error instanceof vscode.CancellationError)) log().trace(`Evidence for ${issueId} not computed: ${problemOf(error).code}`);
    });
  }

  /** Computes (or confirms from the cache) the evidence of an issue. */
  compute(issueId: string, token?: vscode.CancellationToken, priority: TaskPriority = 'user'): Promise<IssueEvidence> {
    const running = this.inflight.get(issueId);
    if (running !== undefined) {
      if (priority === 'user') this.promotions.get(issueId)?.();
      return running;
    }
    const queued = this.queue.enqueue((signal) => this.computeLocked(issueId, token, signal), priority);
    this.promotions.set(issueId, queued.promote);
    const task = queued.promise.finally(() => {
      this.promotions.delete(issueId);
      this.inflight.delete(issueId);
      this.changeEmitter.fire();
    });
    this.inflight.set(issueId, task);
    this.changeEmitter.fire();
    return task;
  }

  /** The repository changed (HEAD, refs) or the settings did: rebuild the snapshot, then refresh. */
  invalidateRepository(): void {
    this.repositoryVersion++;
    this.storeChanged();
  }

  /**
   * Recomputes everything, cache included: what the key does not cover (uncommitted changes to the
   * fixed files) is read again. The old evidence stays shown until the new one arrives.
   */
  reload(): void {
    for (const entry of this.entries.values()) entry.key = '';
    this.invalidateRepository();
  }

  /** The store changed: every issue is re-checked against its key (cheap when its inputs did not change). */
  storeChanged(): void {
    this.generation++;
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed || this.unavailable() !== undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.passPromise = this.passRunner.run().catch((error: unknown) => {
        log().error(`Refreshing the evidence of ${this.folder.folder.name} failed:`, describe(error));
      });
    }, REFRESH_DEBOUNCE_MS);
  }

  /** Resolves once no refresh is scheduled or running and no computation is waiting (for tests). */
  async whenIdle(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      if (this.timer === undefined && this.inflight.size === 0 && this.passPromise === undefined) return;
      if (this.timer !== undefined) await new Promise((r) => setTimeout(r, REFRESH_DEBOUNCE_MS));
      const pass = this.passPromise;
      await Promise.allSettled([...this.inflight.values(), ...(pass ? [pass] : [])]);
      if (this.passPromise === pass) this.passPromise = undefined;
    }
  }

  /** The issues whose cached verdict needs a reply (open ones only: a closed issue expects nothing). */
  needingReply(): Issue[] {
    return this.folder.store.issues().filter((issue) => {
      const verdict = this.entries.get(issue.id)?.evidence?.verdict;
      return !isClosedStatus(issue.status) && verdict !== undefined && needsReply(verdict);
    });
  }

  /** Reads a commit's files and contents for the diff editor; undefined where git may not run. */
  commitContent(): CommitContentPort | undefined {
    if (this.unavailable() !== undefined || !this.contentFactory) return undefined;
    this.content ??= this.contentFactory(this.folder.folder.uri.fsPath);
    return this.content;
  }

  private async computeLocked(issueId: string, token: vscode.CancellationToken | undefined, preempt: AbortSignal): Promise<IssueEvidence> {
    if (token?.isCancellationRequested) throw new vscode.CancellationError();
    const port = this.gitPort();
    if (port === undefined) throw new UserError('precondition', vscode.l10n.t('No git can run for {0}: trust the workspace and open a folder inside a git repository.', this.folder.folder.name));
    const issue = this.folder.store.issue(issueId);
    if (issue === undefined) throw new UserError('not-found', vscode.l10n.t('There is no client issue {0}.', issueId));
    const generation = this.generation;
    let snapshot: Snapshot;
    try {
      snapshot = await this.ensureSnapshot(port);
    } catch (error) {
      this.entries.set(issueId, { key: '', generation, evidence: undefined, problem: problemOf(error) });
      throw error;
    }
    const client = this.folder.store.client(issue.client);
    const deployedRef = client?.deployedRef !== undefined && client.deployedRef.trim() !== '' ? client.deployedRef.trim() : null;
    let deployedSha = deployedRef === null ? null : snapshot.deployed.get(deployedRef);
    if (deployedRef !== null && deployedSha === undefined) {
      deployedSha = await port.resolveCommit(deployedRef);
      snapshot.deployed.set(deployedRef, deployedSha);
    }
    const key = evidenceKey({ repository: snapshot.repository, fixes: issue.fixes.map((f) => f.sha), deployedRef: deployedRef === null ? null : `${deployedRef}@${deployedSha ?? ''}` });
    const cached = this.entries.get(issueId);
    if (cached !== undefined && cached.key === key && cached.evidence !== undefined) {
      cached.generation = generation;
      return cached.evidence;
    }
    if (token?.isCancellationRequested) throw new vscode.CancellationError();
    const started = Date.now();
    // The engine stops before its next git call once the user cancels.
    const abort = new AbortController();
    const cancellation = token?.onCancellationRequested(() => abort.abort());
    // A background check also stops when the user's request needs the repository (it runs again later).
    preempt.addEventListener('abort', () => abort.abort());
    try {
      const evidence = await computeEvidence(port, {
        issueId: issue.id,
        ref: issue.id,
        fixes: issue.fixes.map((f) => ({ sha: f.sha, linkedBy: 'manual' as const })),
        target: snapshot.target,
        deployed: deployedRef,
        // A client's deployed ref that does not resolve is a caveat, not a failure.
        deployedStrict: false,
        me: snapshot.me,
        patterns: snapshot.patterns,
        scan: snapshot.scan,
        tagPattern: snapshot.tagPattern,
        signal: abort.signal,
      });
      log().info(`Evidence for ${issue.id} in ${this.folder.folder.name}: ${evidence.verdict} (${Date.now() - started} ms)`);
      this.entries.set(issueId, { key, generation, evidence, problem: undefined });
      return evidence;
    } catch (error) {
      if (isEvidenceCancelled(error)) {
        // Not a problem of the issue: the entry keeps what it had, and the caller hears VS Code's own cancellation.
        log().info(`Evidence for ${issue.id} cancelled after ${Date.now() - started} ms`);
        throw new vscode.CancellationError();
      }
      log().error(`Evidence for ${issue.id} failed after ${Date.now() - started} ms:`, describe(error));
      this.entries.set(issueId, { key, generation, evidence: undefined, problem: problemOf(error) });
      throw error;
    } finally {
      cancellation?.dispose();
    }
  }

  private async ensureSnapshot(port: GitPort): Promise<Snapshot> {
    const version = this.repositoryVersion;
    if (this.snapshot !== undefined && this.snapshot.version === version) return this.snapshot.value;
    const started = Date.now();
    try {
      const value = await this.readSnapshot(port);
      this.snapshot = { version, value };
      this.lastReported = '';
      log().info(`Read the repository of ${this.folder.folder.name} in ${Date.now() - started} ms (${value.scan.commitsRead} new commits scanned)`);
      return value;
    } catch (error) {
      this.snapshot = undefined;
      this.reportOnce(error);
      throw error;
    }
  }

  private async readSnapshot(port: GitPort): Promise<Snapshot> {
    const settings = evidenceSettings(this.folder.folder.uri);
    const state = await port.repoState();
    this.watch(state.gitCommonDir);
    void this.readForge();
    const target = settings.targetBranch !== '' ? settings.targetBranch : ((await port.defaultBranch()) ?? 'HEAD');
    if (!isSafeRef(target)) throw new EvidenceFailure('bad-target', target);
    const targetSha = await port.resolveCommit(target);
    if (targetSha === null) throw new EvidenceFailure('bad-target', target);
    const tagPattern = settings.releaseTagPattern !== '' ? settings.releaseTagPattern : null;
    if (tagPattern !== null && compileTagPattern(tagPattern) === null) throw new EvidenceFailure('bad-tag-pattern', tagPattern);
    const email = settings.myIdentities.length > 0 ? null : await port.userEmail();
    const me = settings.myIdentities.length > 0 ? settings.myIdentities : email === null ? [] : [email];
    const patterns: IdPatterns = { ...DEFAULT_ID_PATTERNS, custom: settings.issueIdPatterns };
    const scan = await scanThroughCacheFile(port, patterns, state.gitCommonDir, this.scanCache, (error) => log().warn(`Could not write the scan cache: ${String(error)}`));
    this.scanCache = scan.cache;
    await this.adviseCommitGraph(port, scan.commitsKnown);
    for (const bad of scan.patternErrors) log().warn(`Issue id pattern ${JSON.stringify(bad)} is not a valid regular expression; it is ignored.`);
    // Every ref's name and commit (branches, tags, remotes, HEAD), as the scan just read them: a new
    // commit, a moved branch or a new tag changes the digest, and with it every key.
    const repository = digest(JSON.stringify([state.head, state.headBranch, state.shallow, scan.cache.refs, target, targetSha, me, patterns, tagPattern]));
    return { repository, target, me, patterns, tagPattern, scan, deployed: new Map() };
  }

  /** Once per session: a repository without git's commit-graph is told how to write one (never written for the user). */
  private async adviseCommitGraph(port: GitPort, commits: number): Promise<void> {
    if (this.commitGraphAdvised || port.hasCommitGraph === undefined) return;
    this.commitGraphAdvised = true;
    if (!(await port.hasCommitGraph())) log().info(commitGraphAdvice(this.folder.folder.name, commits));
  }

  /** Tells the user once per distinct problem that stops every computation (a bad setting, no commits). */
  private reportOnce(error: unknown): void {
    const problem = problemOf(error);
    const key = `${problem.code}:${problem.subject}`;
    if (key === this.lastReported) return;
    this.lastReported = key;
    // An empty repository is a state the view shows; it needs no notification.
    if (problem.code === 'empty-repository') {
      log().info(`The repository of ${this.folder.folder.name} has no commits yet`);
      return;
    }
    reportError(`Reading the repository of ${this.folder.folder.name}`, error);
  }

  private async readForge(): Promise<void> {
    const forge = parseRemote(await readRemoteUrl(this.folder.folder.uri.fsPath));
    if (JSON.stringify(forge) === JSON.stringify(this.forge)) return;
    this.forge = forge;
    this.onForge();
  }

  /** Watches HEAD, the refs and packed-refs of the repository's common git dir. */
  private watch(gitCommonDir: string): void {
    if (gitCommonDir === '' || gitCommonDir === this.watchedDir || this.disposed) return;
    for (const w of this.watchers.splice(0)) w.dispose();
    this.watchedDir = gitCommonDir;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(gitCommonDir), '{HEAD,packed-refs,refs/**}'));
    const changed = (uri: vscode.Uri): void => {
      log().trace(`Repository changed: ${uri.fsPath}`);
      this.invalidateRepository();
    };
    this.watchers.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }

  /** Keeps wanted and open issues with fixes fresh: what the expanded tree shows and the status bar counts. */
  private async pass(): Promise<void> {
    const port = this.gitPort();
    if (port === undefined) return;
    const startGeneration = this.generation;
    let snapshot: Snapshot;
    try {
      snapshot = await this.queue.enqueue(() => this.ensureSnapshot(port), 'background').promise;
    } catch (error) {
      // Reported once by ensureSnapshot; every issue shows the problem when expanded.
      for (const id of this.wanted) this.entries.set(id, { key: '', generation: this.generation, evidence: undefined, problem: problemOf(error) });
      this.changeEmitter.fire();
      return;
    }
    const issues = this.folder.store.issues();
    const ids = new Set(issues.map((i) => i.id));
    for (const id of [...this.entries.keys()]) if (!ids.has(id)) this.entries.delete(id);
    for (const id of [...this.wanted]) if (!ids.has(id)) this.wanted.delete(id);
    const scanned = new Set(snapshot.scan.issues.filter((i) => i.fixes.length > 0).map((i) => i.id.toUpperCase()));
    const background = issues.filter((i) => !isClosedStatus(i.status) && (i.fixes.length > 0 || scanned.has(i.id.toUpperCase()))).map((i) => i.id);
    for (const id of new Set([...this.wanted, ...background])) {
      // Something changed since this pass began: the pass queued behind it does the rest.
      if (this.disposed || this.generation !== startGeneration) return;
      const entry = this.entries.get(id);
      if (entry !== undefined && entry.generation === this.generation) continue;
      try {
        await this.compute(id, undefined, 'background');
      } catch (error) {
        // Logged by computeLocked and kept as the entry's problem; the pass goes on with the others.
        if (error instanceof vscode.CancellationError) return;
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.watchers.splice(0)) w.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export interface EvidenceServiceOptions {
  /** Makes the port that reads commit contents for the diff editor. */
  contentPortFactory?: (repoDir: string) => CommitContentPort;
}

/** Every folder's evidence; fires `onDidChange` (debounced) when any folder's evidence changed. */
export class EvidenceService implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly folders = new Map<FolderIssues, FolderEvidence>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private changeTimer: NodeJS.Timeout | undefined;

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
      evidence = new FolderEvidence(folder, this.options.contentPortFactory, () => this.updateWebRemote());
      evidence.onDidChange(() => this.fireSoon(), this, this.disposables);
      this.folders.set(folder, evidence);
      evidence.storeChanged();
    }
    return evidence;
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
    // is lost, so the window is wide enough to gather a pass, short enough to feel immediate.
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changeEmitter.fire();
    }, CHANGE_COALESCE_MS);
  }

  dispose(): void {
    clearTimeout(this.changeTimer);
    for (const evidence of this.folders.values()) evidence.dispose();
    this.folders.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
