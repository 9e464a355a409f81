// One progress notification per user request, gone when its answer is shown. A request is one run
// of a command from the funnel (commands.ts), with every command it runs in turn (the journey runs
// Record Report and Draft Reply): the first long step shows the request's notification, steps nested
// in it join that notification and its cancellation, and steps after it has closed (its answer is
// on screen) show only the status bar's spinner, never a second notification.
import { AsyncLocalStorage } from 'node:async_hooks';
import * as vscode from 'vscode';

/** A request's notification opened or closed (for the tests: one per request, closed before the request returns). */
export interface ProgressNotice {
  title: string;
  state: 'shown' | 'closed';
}

interface Request {
  /** The notification open now, with its cancellation. */
  open: { token: vscode.CancellationToken } | undefined;
  /** The request has shown its one notification. */
  shown: boolean;
  /** When it began (Date.now()). */
  startedAt: number;
  /** Background checks wait while it runs (see requestHoldsBackground); false once it waits for them itself. */
  holds: boolean;
}

const requests = new AsyncLocalStorage<Request>();
const noticeEmitter = new vscode.EventEmitter<ProgressNotice>();
export const onDidChangeRequestProgress: vscode.Event<ProgressNotice> = noticeEmitter.event;

/** User requests running now (a journey counts from the palette until its draft is shown). */
let running = 0;
/** The requests running now, oldest first. */
const active: Request[] = [];

/** When the last user request ended (Date.now()), or never. */
let lastEnded = Number.NEGATIVE_INFINITY;

function ended(request: Request): void {
  running--;
  lastEnded = Date.now();
  const i = active.indexOf(request);
  if (i >= 0) active.splice(i, 1);
}

/** Runs one user request; a command run by another command is part of the request that ran it. */
export function runRequest<T>(work: () => T): T {
  if (requests.getStore() !== undefined) return work();
  const request: Request = { open: undefined, shown: false, startedAt: Date.now(), holds: true };
  return requests.run(request, () => {
    running++;
    active.push(request);
    let result: T;
    try {
      result = work();
    } catch (error) {
      ended(request);
      throw error;
    }
    if (result instanceof Promise) {
      // Counted until it settles; the caller handles the outcome of `result` itself.
      result.then(
        () => ended(request),
        () => ended(request),
      );
    } else {
      ended(request);
    }
    return result;
  });
}

/** Whether a user request ended at or after `time` (Date.now()). */
export function requestEndedSince(time: number): boolean {
  return lastEnded >= time;
}

/** Whether the caller runs as part of a user request (a command of the funnel, or a step it ran). */
export function inRequest(): boolean {
  return requests.getStore() !== undefined;
}

/** Whether a user request is running: idle-time work (warming caches) waits for its end. */
function requestRunning(): boolean {
  return running > 0;
}

/**
 * Whether the person is likely between two requests: one is running, or one ended less than `ms`
 * ago (a journey is often followed at once by another, or by Draft Reply). Idle-time work that
 * blocks the extension host for long steps (the tone check's warm-up) waits for a longer quiet.
 */
export function userActiveWithin(ms: number): boolean {
  return running > 0 || Date.now() - lastEnded < ms;
}

/**
 * Whether background checks should wait for the user: a request began less than `maxMs` ago and is
 * still running. A prompt left open for minutes does not keep the view's verdicts waiting forever.
 */
export function requestHoldsBackground(maxMs = 30_000): boolean {
  const now = Date.now();
  return active.some((r) => r.holds && now - r.startedAt < maxMs);
}

/** The running request waits for the background checks themselves (Refresh Evidence): they must not wait for it. */
export function awaitsBackground(): void {
  const request = requests.getStore();
  if (request !== undefined) request.holds = false;
}

/** Resolves once no user request is running (checked every `everyMs`). */
export async function whenNoRequest(everyMs = 250): Promise<void> {
  while (requestRunning()) await new Promise((resolve) => setTimeout(resolve, everyMs));
}

export interface RequestProgressOptions {
  /** Whether the person may stop the work (true where the work stops on the token). */
  cancellable: boolean;
}

/**
 * Runs `work` under the request's progress notification, closed as soon as `work` settles: callers
 * wrap the work up to the moment its answer is shown. Outside a request (background work), and
 * after the request's notification has closed, the work shows in the status bar instead.
 */
export function withRequestProgress<T>(title: string, options: RequestProgressOptions, work: (token: vscode.CancellationToken) => Promise<T>): Promise<T> {
  const request = requests.getStore();
  if (request?.open !== undefined) return work(request.open.token);
  if (request === undefined || request.shown) {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (_progress, token) => work(token)));
  }
  request.shown = true;
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: options.cancellable }, async (_progress, token) => {
      request.open = { token };
      noticeEmitter.fire({ title, state: 'shown' });
      try {
        return await work(token);
      } finally {
        request.open = undefined;
        noticeEmitter.fire({ title, state: 'closed' });
      }
    }),
  );
}

export function disposeRequestProgress(): void {
  noticeEmitter.dispose();
}
