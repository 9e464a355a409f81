// One workspace folder's evidence, computed in the background and cached: git work of a folder
// runs through one queue (the user's requests alone and first, background checks side by side, one per core),
// background checks compute only the verdict unless the issue is expanded (see EvidenceRequest's
// `detail`), results are kept under a key of everything they depend on (the issue's fix links, HEAD,
// the refs and the commits they point to, the client's deployed version, the settings), and the history
// scan is carried over between refreshes so it only reads new commits. Readers never wait: `get`
// answers from the cache and `onDidChange` says when there is more to read.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { CommitContentPort } from '../core/commitContent';
import { UserError } from '../core/errors';
import { isEvidenceCancelled } from '../core/evidence/cancel';
import { longestChecksFirst } from '../core/evidence/checkOrder';
import { computeEvidence } from '../core/evidence/engine';
import { deployedRequest, recordedVersion } from '../core/evidence/deployedVersion';
import type { EvidenceDetail, IssueEvidence, Verdict } from '../core/evidence/model';
import { EvidenceCache, serves } from '../core/evidence/evidenceCache';
import type { CachedEvidence } from '../core/evidence/evidenceCache';
import type { ReadAhead } from '../core/evidence/readAhead';
import { idSearch, messageSearchAhead } from '../core/evidence/readAhead';
import { evidenceKey } from '../core/evidenceView';
import type { ReplyState } from '../core/inbox';
import { replyState } from '../core/inbox';
import type { GitPort } from '../core/gitPort';
import { readRemoteUrl } from '../git/dotGit';
import type { Forge } from '../core/reply/remoteLinks';
import { parseRemote } from '../core/reply/remoteLinks';
import type { TaskPriority } from '../core/priorityQueue';
import { PriorityQueue } from '../core/priorityQueue';
import { CoalescingRunner } from '../core/store/coalescingRunner';
import type { Issue } from '../core/store/model';
import { isClosedStatus } from '../core/store/model';
import type { EvidenceProblem } from './errorMessages';
import { problemOf } from './errorMessages';
import type { FolderIssues } from './issueWorkspace';
import { log } from './log';
import { EvidencePersistence } from './evidencePersistence';
import { RepositoryWatcher } from './repositoryWatcher';
import { requestHoldsBackground, whenNoRequest } from './requestProgress';
import type { RepositorySnapshot } from '../core/evidence/repositorySnapshot';
import type { EvidenceSnapshot } from './folderSnapshot';
import { FolderSnapshot } from './folderSnapshot';

// Git rewrites several files per checkout or commit; one refresh after the burst is enough.
const REFRESH_DEBOUNCE_MS = 300;
// Background checks of different issues at once, each on a git queue of its own: one per core, at
// most four. A check's walk keeps one core busy; on 2 cores two at a time took 0.67x as long as one
// at a time, three no less than two (README, Benchmark).
const BACKGROUND_CHECKS = Math.max(1, Math.min(4, os.availableParallelism()));

export type EvidenceUnavailable = 'restricted' | 'no-git';

/** The cache's view of the issue (evidence, stale, from the last session, problem), and this window's. */
export interface IssueEvidenceState extends CachedEvidence<EvidenceProblem> {
  /** A computation for the issue is running or waiting for git. */
  checking: boolean;
  /** Why no evidence can be computed in this folder at all. */
  unavailable: EvidenceUnavailable | undefined;
}


function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The inflight map's key of an issue's computation at one detail. */
function inflightKey(issueId: string, detail: EvidenceDetail): string {
  return detail === 'full' ? issueId : `${issueId}\u0000verdict`;
}

/** One workspace folder's evidence: its cache, its refresh pass and its watchers on the git dir. */
export class FolderEvidence implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly cache = new EvidenceCache<EvidenceProblem>();
  /** Computations running or queued, by issue and detail (see inflightKey). */
  private readonly inflight = new Map<string, Promise<IssueEvidence>>();
  private readonly replyStates = new WeakMap<Issue, { verdict: Verdict | undefined; state: ReplyState }>();
  private readonly passRunner: CoalescingRunner;
  private passPromise: Promise<void> | undefined;
  /** Git work of this folder, one task at a time, the user's requests first (see priorityQueue.ts). */
  private readonly queue = new PriorityQueue(BACKGROUND_CHECKS, { held: () => requestHoldsBackground() });
  /** Moves a queued background computation of an issue ahead when the user asks for that issue. */
  private readonly promotions = new Map<string, () => void>();
  /** Issues a user request waits for: their computation is never dropped as stale. */
  private readonly awaited = new Set<string>();
  /** Aborted when the store, the repository or the settings change: a background check running then works from stale inputs. */
  private staleness = new AbortController();
  /** The repository snapshot every check works from (see folderSnapshot.ts). */
  private readonly snapshots: FolderSnapshot;
  private readonly watcher = new RepositoryWatcher();
  private timer: NodeJS.Timeout | undefined;
  /** Refresh passes started so far (see schedule). */
  private passesStarted = 0;
  private content: CommitContentPort | undefined;
  /** The cache's file for the next session, when the workspace has storage. */
  private readonly persistence: EvidencePersistence | undefined;
  private disposed = false;
  forge: Forge | null = null;

  constructor(
    readonly folder: FolderIssues,
    private readonly contentFactory: ((dir: string) => CommitContentPort) | undefined,
    private readonly onForge: () => void,
    persisted?: { file: string; version: string; quietMs?: number },
  ) {
    this.disposables.push(this.changeEmitter, this.watcher);
    // Restricted Mode reads no evidence, old or new.
    if (persisted !== undefined && vscode.workspace.isTrusted) this.persistence = new EvidencePersistence(persisted.file, persisted.version, this.cache, () => this.changeEmitter.fire(), persisted.quietMs);
    this.watcher.onDidChange(() => this.invalidateRepository(), this, this.disposables);
    this.passRunner = new CoalescingRunner(() => this.pass());
    this.snapshots = new FolderSnapshot(folder, (gitCommonDir) => {
      this.watcher.watch(gitCommonDir);
      void this.readForge();
    });
  }

  /** The folder's git port, or that of a lane of checks running side by side (see FolderIssues.laneGitPort). */
  private gitPort(lane = 0): GitPort | undefined {
    if (this.disposed || !this.folder.hasGit) return undefined;
    return this.folder.laneGitPort(lane);
  }

  /** Why nothing can be computed here, or undefined when evidence can be computed. */
  unavailable(): EvidenceUnavailable | undefined {
    if (!vscode.workspace.isTrusted) return 'restricted';
    if (!this.folder.hasGit) return 'no-git';
    return undefined;
  }

  /** The cached full evidence of the issue, possibly stale; never waits. Verdict-level evidence is in `state`. */
  get(issueId: string): IssueEvidence | undefined {
    const evidence = this.cache.get(issueId);
    return evidence !== undefined && serves(evidence, 'full') ? evidence : undefined;
  }

  /** The issue's state for its row: `evidence` may hold the verdict alone (`detail: 'verdict'`). */
  state(issueId: string): IssueEvidenceState {
    const checking = this.inflight.has(inflightKey(issueId, 'full')) || this.inflight.has(inflightKey(issueId, 'verdict'));
    return { ...this.cache.state(issueId), checking, unavailable: this.unavailable() };
  }

  /** Asks for fresh evidence of an issue the user is looking at; the result arrives through onDidChange. */
  request(issueId: string): void {
    if (this.unavailable() !== undefined) return;
    this.cache.want(issueId);
    if (this.inflight.has(inflightKey(issueId, 'full')) || this.cache.isFresh(issueId, 'full')) return;
    this.compute(issueId).catch((error: unknown) => {
      // Already logged and kept as the entry's problem, which the tree shows.
      if (!(error instanceof vscode.CancellationError)) log().trace(`Evidence for ${issueId} not computed: ${problemOf(error).code}`);
    });
  }

  /**
   * Computes (or confirms from the cache) the evidence of an issue; `detail` 'verdict' (background
   * checks of rows nobody expanded) is served by a full computation too, never the reverse.
   */
  compute(issueId: string, token?: vscode.CancellationToken, priority: TaskPriority = 'user', detail: EvidenceDetail = 'full'): Promise<IssueEvidence> {
    const runningKey = [inflightKey(issueId, 'full'), ...(detail === 'verdict' ? [inflightKey(issueId, 'verdict')] : [])].find((k) => this.inflight.has(k));
    if (priority === 'user') this.awaited.add(issueId);
    if (runningKey !== undefined) {
      const running = this.inflight.get(runningKey) as Promise<IssueEvidence>;
      if (priority !== 'user') return running;
      this.promotions.get(runningKey)?.();
      // A background check dropped as stale just before the user asked: the user's answer is computed afresh.
      return running.catch((error: unknown) => {
        if (error instanceof vscode.CancellationError && token?.isCancellationRequested !== true) return this.compute(issueId, token, priority, detail);
        throw error;
      });
    }
    const key = inflightKey(issueId, detail);
    // A background full check of an unexpanded row showing its verdict changes nothing shown: no repaint.
    const unseen = priority === 'background' && detail === 'full' && this.cache.isFresh(issueId, 'verdict') && this.cache.state(issueId).evidence !== undefined && !this.cache.wanted().includes(issueId);
    const queued = this.queue.enqueue((signal, lane) => this.computeLocked(issueId, token, signal, detail, priority, lane), priority);
    this.promotions.set(key, queued.promote);
    const task = queued.promise.finally(() => {
      if (!this.inflight.has(inflightKey(issueId, detail === 'full' ? 'verdict' : 'full'))) this.awaited.delete(issueId);
      this.promotions.delete(key);
      this.inflight.delete(key);
      if (!unseen) this.changeEmitter.fire();
    });
    this.inflight.set(key, task);
    if (!unseen) this.changeEmitter.fire();
    return task;
  }

  /** A user's request began that will need git: the session's first scan steps aside (see FolderSnapshot.stopFirstScan). */
  stopFirstScan(): void {
    this.snapshots.stopFirstScan();
  }

  /** How many running background checks were stopped for the user so far (each is done again later). */
  get backgroundStops(): number {
    return this.queue.stopped;
  }

  /** How many background checks run now (side by side, see BACKGROUND_CHECKS). */
  get backgroundRunning(): number {
    return this.queue.runningBackground;
  }

  /** Runs `work` as a user request of this folder: background checks stop, and wait until it ends. */
  whileUserWaits<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.enqueue(() => work(), 'user').promise;
  }

  /** The repository changed (HEAD, refs) or the settings did: rebuild the snapshot, then refresh. */
  invalidateRepository(): void {
    this.snapshots.invalidate();
    this.storeChanged();
  }

  /**
   * Recomputes everything, cache included: what the key does not cover (uncommitted changes to the
   * fixed files) is read again. The old evidence stays shown until the new one arrives.
   */
  reload(): void {
    this.cache.forgetKeys();
    this.invalidateRepository();
  }

  /** The store changed: every issue is re-checked against its key (cheap when its inputs did not change). */
  storeChanged(): void {
    this.staleness.abort();
    this.staleness = new AbortController();
    this.cache.invalidate();
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed || this.unavailable() !== undefined) return;
    clearTimeout(this.timer);
    // The window's first pass starts at once: there is no burst of git's writes to wait out yet, and
    // every verdict of the view waits for it (the debounce was 0.3 s of the view's first answer).
    const delay = this.passesStarted === 0 ? 0 : REFRESH_DEBOUNCE_MS;
    this.timer = setTimeout(() => {
      this.passesStarted++;
      this.timer = undefined;
      this.passPromise = this.passRunner.run().catch((error: unknown) => {
        log().error(`Refreshing the evidence of ${this.folder.folder.name} failed:`, describe(error));
      });
    }, delay);
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

  /** The open issues that wait for a reply (see core/inbox.ts). */
  needingReply(): Issue[] {
    return this.folder.store.issues().filter((issue) => this.replyState(issue).needsReply);
  }

  /** Whether the issue waits for a reply, with the days that decide it (from the cached verdict). */
  replyState(issue: Issue): ReplyState {
    const verdict = this.cache.get(issue.id)?.verdict;
    // The tree asks for every issue when it sorts and again when it draws the row: issues are
    // replaced (not changed) when re-read, so one answer per issue object and verdict is enough.
    const known = this.replyStates.get(issue);
    if (known !== undefined && known.verdict === verdict) return known.state;
    const state = replyState(issue, verdict);
    this.replyStates.set(issue, { verdict, state });
    return state;
  }

  /** Reads a commit's files and contents for the diff editor; undefined where git may not run. */
  commitContent(): CommitContentPort | undefined {
    if (this.unavailable() !== undefined || !this.contentFactory) return undefined;
    this.content ??= this.contentFactory(this.folder.folder.uri.fsPath);
    return this.content;
  }

  private async computeLocked(issueId: string, token: vscode.CancellationToken | undefined, preempt: AbortSignal, detail: EvidenceDetail, priority: TaskPriority, lane: number): Promise<IssueEvidence> {
    if (token?.isCancellationRequested) throw new vscode.CancellationError();
    // Taken before the issue is read: a change from here on makes this computation's inputs stale.
    const stale = this.staleness.signal;
    // Checks running side by side each have their lane's git queue.
    const port = this.gitPort(lane);
    if (port === undefined) throw new UserError('precondition', vscode.l10n.t('No git can run for {0}: trust the workspace and open a folder inside a git repository.', this.folder.folder.name));
    const issue = this.folder.store.issue(issueId);
    if (issue === undefined) throw new UserError('not-found', vscode.l10n.t('There is no client issue {0}.', issueId));
    const generation = this.cache.generation;
    // Without the scan, the request's search by the issue's id starts beside the snapshot's reads,
    // unless the issue has evidence in memory, most likely still the answer (the journey asks twice).
    const ahead = priority === 'user' && this.cache.state(issueId).evidence === undefined;
    const search = priority === 'user' ? messageSearchAhead(this.folder.requestGitPort() ?? port, idSearch(issue.id), ahead) : undefined;
    try {
      return await this.computeFrom(issue, token, preempt, detail, priority, port, generation, stale, search);
    } finally {
      search?.end();
    }
  }

  /** computeLocked's work from the repository snapshot on (a user's request: `search` started ahead where it reads without the scan). */
  private async computeFrom(issue: Issue, token: vscode.CancellationToken | undefined, preempt: AbortSignal, detail: EvidenceDetail, priority: TaskPriority, lanePort: GitPort, generation: number, stale: AbortSignal, search: ReadAhead | undefined): Promise<IssueEvidence> {
    const issueId = issue.id;
    let port = lanePort;
    let snapshot: EvidenceSnapshot;
    try {
      // The user's request never waits for the session's first scan of the history (see forRequest).
      if (search !== undefined) ({ snapshot, port } = await this.snapshots.forRequest(port, search.port, () => search.start()));
      // Stopped for a user's task, a background check leaves the queue at once: the user's task runs
      // alone, and a killed scan's git took 0.2 s to end (the cold journey's log).
      else snapshot = await this.snapshots.forBackground(port, preempt);
    } catch (error) {
      // The first scan was stopped for a user's request, or this check for a user's task: it runs again later.
      if (isEvidenceCancelled(error) || preempt.aborted) throw new vscode.CancellationError();
      this.cache.fail(issueId, '', generation, problemOf(error));
      throw error;
    }
    // The client's deployed ref, else the version the client last said they run (the CLI's rule too).
    const recorded = recordedVersion(this.folder.store.client(issue.client), issue);
    const deployedRef = recorded?.ref ?? null;
    let deployedSha = deployedRef === null ? null : snapshot.deployed.get(deployedRef);
    if (deployedRef !== null && deployedSha === undefined) {
      deployedSha = await port.resolveCommit(deployedRef);
      snapshot.deployed.set(deployedRef, deployedSha);
    }
    const key = evidenceKey({ repository: snapshot.repository, fixes: issue.fixes.map((f) => f.sha), deployedRef: deployedRef === null ? null : `${deployedRef}@${deployedSha ?? ''}` });
    // The last session's answers are in the cache before any is confirmed or computed.
    await this.persistence?.restored;
    const cached = this.cache.confirm(issueId, key, generation, detail);
    if (cached !== undefined) return cached;
    if (token?.isCancellationRequested) throw new vscode.CancellationError();
    const started = Date.now();
    // The engine stops before its next git call once the user cancels.
    const abort = new AbortController();
    const cancellation = token?.onCancellationRequested(() => abort.abort());
    // A background check also stops when the user's request needs the repository (it runs again later).
    preempt.addEventListener('abort', () => abort.abort());
    // The user may have asked while this check was still reading the repository: an abort that came
    // before the listener fires no event, and the check would then run to its end ahead of the user.
    if (preempt.aborted) abort.abort();
    // A background check whose inputs changed stops; the pass the change scheduled checks the issue again.
    const dropIfStale = (): void => {
      if (!this.awaited.has(issueId)) abort.abort();
    };
    stale.addEventListener('abort', dropIfStale);
    if (stale.aborted) dropIfStale();
    try {
      const evidence = await computeEvidence(port, {
        issueId: issue.id,
        ref: issue.id,
        fixes: issue.fixes.map((f) => ({ sha: f.sha, linkedBy: 'manual' as const })),
        target: snapshot.target,
        ...deployedRequest(recorded),
        me: snapshot.me,
        patterns: snapshot.patterns,
        scan: snapshot.scan,
        tagPattern: snapshot.tagPattern,
        signal: abort.signal,
        detail,
      });
      log().info(`Evidence for ${issue.id} in ${this.folder.folder.name}: ${evidence.verdict} (${Date.now() - started} ms${detail === 'verdict' ? ', verdict' : ''})`);
      this.cache.store(issueId, key, generation, evidence);
      this.persistence?.saveSoon();
      return evidence;
    } catch (error) {
      if (isEvidenceCancelled(error)) {
        // Not a problem of the issue: the entry keeps what it had, and the caller hears VS Code's own cancellation.
        log().info(`Evidence for ${issue.id} cancelled after ${Date.now() - started} ms`);
        throw new vscode.CancellationError();
      }
      log().error(`Evidence for ${issue.id} failed after ${Date.now() - started} ms:`, describe(error));
      this.cache.fail(issueId, key, generation, problemOf(error));
      throw error;
    } finally {
      cancellation?.dispose();
      stale.removeEventListener('abort', dropIfStale);
    }
  }

  private async readForge(): Promise<void> {
    const forge = parseRemote(await readRemoteUrl(this.folder.folder.uri.fsPath));
    if (JSON.stringify(forge) === JSON.stringify(this.forge)) return;
    this.forge = forge;
    this.onForge();
  }

  /** Keeps wanted and open issues with fixes fresh: what the expanded tree shows and the status bar counts. */
  private async pass(): Promise<void> {
    await this.persistence?.backgroundMayStart; // a window showing the last session's verdicts: its start goes first
    const port = this.gitPort();
    if (port === undefined || this.disposed) return;
    const startGeneration = this.cache.generation;
    let snapshot: RepositorySnapshot;
    try {
      // A user's request arriving meanwhile does not wait for the read: this task steps aside (the
      // read goes on) and waits for it again once the request is done.
      snapshot = await this.queue.enqueue((signal) => this.snapshots.forBackground(port, signal), 'background').promise;
    } catch (error) {
      // The first scan, stopped for a user's request: read again by a pass once the request is done.
      if (isEvidenceCancelled(error)) {
        void whenNoRequest().then(() => this.schedule());
        return;
      }
      // Reported once by the snapshot's read; every issue shows the problem when expanded.
      for (const id of this.cache.wanted()) this.cache.fail(id, '', this.cache.generation, problemOf(error));
      this.changeEmitter.fire();
      return;
    }
    const issues = this.folder.store.issues();
    const ids = new Set(issues.map((i) => i.id));
    this.cache.keepOnly(ids);
    const scanned = new Set(snapshot.scan.issues.filter((i) => i.fixes.length > 0).map((i) => i.id.toUpperCase()));
    const background = issues.filter((i) => !isClosedStatus(i.status) && (i.fixes.length > 0 || scanned.has(i.id.toUpperCase()))).map((i) => i.id);
    const wanted = new Set(this.cache.wanted());
    // Rows the user expanded first; then the longest checks, which run side by side with the shorter ones.
    const inFile = new Set(issues.filter((i) => i.fixes.length > 0).map((i) => i.id));
    const first = [...wanted, ...longestChecksFirst(background.filter((id) => !wanted.has(id)), snapshot.scan.issues, (id) => !inFile.has(id), new Date())];
    let stopped = false;
    // Up to BACKGROUND_CHECKS issues at once (the queue bounds them too).
    const run = async (todo: string[], need: (id: string) => EvidenceDetail): Promise<void> => {
      const worker = async (): Promise<void> => {
        for (let id = todo.shift(); id !== undefined && !stopped; id = todo.shift()) {
          // Something changed since this pass began: the pass queued behind it does the rest.
          if (this.disposed || this.cache.generation !== startGeneration) return;
          if (this.cache.isFresh(id, need(id))) continue;
          try {
            await this.compute(id, undefined, 'background', need(id));
          } catch (error) {
            // Logged by computeLocked and kept as the entry's problem; the pass goes on with the others.
            if (error instanceof vscode.CancellationError) stopped = true;
          }
        }
      };
      await Promise.all(Array.from({ length: BACKGROUND_CHECKS }, worker));
    };
    // Every row's verdict first (an expanded issue's full evidence), then the rest, ready for replies.
    await run([...first], (id) => (wanted.has(id) ? 'full' : 'verdict'));
    if (stopped || this.disposed || this.cache.generation !== startGeneration) return;
    await run(first.filter((id) => this.cache.state(id).evidence?.detail === 'verdict'), () => 'full');
  }

  dispose(): void {
    this.disposed = true;
    this.persistence?.dispose();
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
