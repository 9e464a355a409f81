// What every evidence computation of a workspace folder shares (the repository snapshot: target,
// identities, patterns, the history scan), read once per state of the repository and the settings,
// and the snapshot without the scan that a user's request takes while that read is still running.
import * as vscode from 'vscode';
import { cancellable, isEvidenceCancelled } from '../core/evidence/cancel';
import type { RepositorySnapshot } from '../core/evidence/repositorySnapshot';
import { readRepositorySnapshot, readSnapshotWithoutScan } from '../core/evidence/repositorySnapshot';
import type { GitPort } from '../core/gitPort';
import { commitGraphAdvice } from '../core/linking/commitGraphAdvice';
import type { ScanCache } from '../core/linking/scan';
import { reportError } from './commands';
import { problemOf } from './errorMessages';
import type { FolderIssues } from './issueWorkspace';
import { log } from './log';
import { userActiveWithin } from './requestProgress';
import { evidenceSettings } from './settings';

/** The snapshot an evidence computation works from: with the history scan, or without it (`scan: null`). */
export type EvidenceSnapshot = RepositorySnapshot | (Omit<RepositorySnapshot, 'scan'> & { scan: null });

/**
 * `work`'s outcome, or a rejection as soon as `signal` aborts (the work itself goes on: another
 * caller may wait for it; its own failure is then that caller's to handle).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      work.catch(() => undefined);
      reject(new vscode.CancellationError());
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The folder's snapshots: one read at a time per state of the repository, the scan carried over between states. */
export class FolderSnapshot {
  /** Bumped by every change to the repository or the settings; the snapshot is rebuilt when it moved. */
  private version = 0;
  private snapshot: { version: number; value: RepositorySnapshot } | undefined;
  /** The snapshot being read: checks running side by side wait for the same read. */
  private reading: { version: number; value: Promise<RepositorySnapshot> } | undefined;
  /** The snapshot without the scan of this state, while the full one is read. */
  private withoutScan: { version: number; value: Promise<EvidenceSnapshot> } | undefined;
  private scanCache: ScanCache | undefined;
  /** Stops the session's first scan of the history while it runs (see forRequest). */
  private firstScan: AbortController | undefined;
  private commitGraphAdvised = false;
  private lastReported = '';

  constructor(
    private readonly folder: FolderIssues,
    /** Hears the repository's git dir once it is known (to watch it and read its remote). */
    private readonly onRepository: (gitCommonDir: string) => void,
  ) {}

  /** The repository or the settings changed: the next read starts over (the scan reads only what is new). */
  invalidate(): void {
    this.version++;
  }

  /** Whether the full snapshot of the current state is read. */
  get ready(): boolean {
    return this.snapshot?.version === this.version;
  }

  /** The full snapshot of the current state: the one read so far, the read under way, or a new read. */
  async full(port: GitPort): Promise<RepositorySnapshot> {
    const version = this.version;
    if (this.snapshot !== undefined && this.snapshot.version === version) return this.snapshot.value;
    if (this.reading?.version === version) return this.reading.value;
    const value = this.readTimed(port, version);
    this.reading = { version, value };
    try {
      return await value;
    } finally {
      if (this.reading?.value === value) this.reading = undefined;
    }
  }

  /** The full snapshot for background work, whose wait (not the read) ends as soon as `signal` aborts: a user's task goes first. */
  forBackground(port: GitPort, signal: AbortSignal): Promise<RepositorySnapshot> {
    return untilAborted(this.full(port), signal);
  }

  /**
   * For a user's request: the full snapshot when it is read or only needs the new commits, else (the
   * session's first scan, or the scan cache file, still being read) the snapshot without the scan: a
   * few small git commands, and its evidence searches the history by the issue's id, so the request
   * never waits for a scan of the whole history. Its digest is the full one's for the same state.
   * `withoutScan` hears that the request goes without the scan, as its reads begin.
   */
  async forRequest(port: GitPort, requestPort: GitPort, withoutScan: () => void = () => undefined): Promise<{ snapshot: EvidenceSnapshot; port: GitPort }> {
    const version = this.version;
    if (this.snapshot?.version === version) return { snapshot: this.snapshot.value, port };
    // With the scan of an earlier state in memory, bringing it up to date reads only the new commits.
    if (this.scanCache !== undefined) return { snapshot: await this.full(port), port };
    // The session's first scan reads the whole history, as the request's search by id does: on two
    // cores the two walks and the scan's parsing on the extension host slowed each other (the cold
    // journey's evidence took 12.4 s beside a 17.3 s scan, load 5-8). The scan is stopped (its git
    // killed) and read again once the request is done: the pass that asked for it asks again.
    // Only for a person's command (a journey, Draft Reply, the timeline): a row expanded while the
    // window opens does not stop the scan that every other row's verdict waits for.
    if (userActiveWithin(0)) this.stopFirstScan();
    // What the request reads without the snapshot starts now (see core/evidence/readAhead.ts).
    withoutScan();
    // The scan's one long `git log` holds the folder's git queue: this request's commands use their own.
    if (this.withoutScan?.version !== version) {
      const started = Date.now();
      const value: Promise<EvidenceSnapshot> = readSnapshotWithoutScan(requestPort, evidenceSettings(this.folder.folder.uri)).then((s) => {
        log().info(`Read the repository of ${this.folder.folder.name} without its history scan in ${Date.now() - started} ms (the scan is under way: the request searches the history by id)`);
        return s;
      });
      // A failure is the request's to report; the next request reads again.
      value.catch(() => {
        if (this.withoutScan?.value === value) this.withoutScan = undefined;
      });
      this.withoutScan = { version, value };
    }
    return { snapshot: await this.withoutScan.value, port: requestPort };
  }

  /**
   * A user's request began: the session's first scan, if it runs, stops (its git is killed, and so is
   * the parsing of its output on the extension host) and is read again once the request is done.
   */
  stopFirstScan(): void {
    if (this.firstScan === undefined || this.firstScan.signal.aborted) return;
    log().info(`Stopped the first history scan of ${this.folder.folder.name} for the user's request (it is read again afterwards)`);
    this.firstScan.abort();
  }

  private async readTimed(port: GitPort, version: number): Promise<RepositorySnapshot> {
    const started = Date.now();
    try {
      const value = await this.read(port);
      this.snapshot = { version, value };
      this.lastReported = '';
      log().info(`Read the repository of ${this.folder.folder.name} in ${Date.now() - started} ms (${value.scan.commitsRead} new commits scanned)`);
      return value;
    } catch (error) {
      this.snapshot = undefined;
      // Stopped for a user's request: no problem of the repository, and read again by whoever asks next.
      if (!isEvidenceCancelled(error)) this.reportOnce(error);
      throw error;
    }
  }

  private async read(port: GitPort): Promise<RepositorySnapshot> {
    // Only the session's first scan can be stopped: later reads bring a scan in memory up to date (milliseconds).
    const first = this.scanCache === undefined ? new AbortController() : undefined;
    this.firstScan = first;
    let snapshot: RepositorySnapshot;
    try {
      snapshot = await readRepositorySnapshot(first === undefined ? port : cancellable(port, first.signal), evidenceSettings(this.folder.folder.uri), this.scanCache, this.onRepository);
    } finally {
      if (this.firstScan === first) this.firstScan = undefined;
    }
    this.scanCache = snapshot.scan.cache;
    await this.adviseCommitGraph(port, snapshot.scan.commitsKnown);
    for (const bad of snapshot.scan.patternErrors) log().warn(`Issue id pattern ${JSON.stringify(bad)} is not a valid regular expression; it is ignored.`);
    return snapshot;
  }

  /** Once per session: a repository without git's commit-graph or its filters is told how to write them (never written for the user). */
  private async adviseCommitGraph(port: GitPort, commits: number): Promise<void> {
    if (this.commitGraphAdvised || port.commitGraphFile === undefined) return;
    this.commitGraphAdvised = true;
    const advice = commitGraphAdvice(this.folder.folder.name, commits, await port.commitGraphFile());
    if (advice !== null) log().info(advice);
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
}
