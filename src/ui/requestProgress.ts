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
}

const requests = new AsyncLocalStorage<Request>();
const noticeEmitter = new vscode.EventEmitter<ProgressNotice>();
export const onDidChangeRequestProgress: vscode.Event<ProgressNotice> = noticeEmitter.event;

/** User requests running now (a journey counts from the palette until its draft is shown). */
let running = 0;

/** Runs one user request; a command run by another command is part of the request that ran it. */
export function runRequest<T>(work: () => T): T {
  if (requests.getStore() !== undefined) return work();
  return requests.run({ open: undefined, shown: false }, () => {
    running++;
    let result: T;
    try {
      result = work();
    } catch (error) {
      running--;
      throw error;
    }
    if (result instanceof Promise) {
      // Counted until it settles; the caller handles the outcome of `result` itself.
      result.then(() => running--, () => running--);
    } else {
      running--;
    }
    return result;
  });
}

/** Whether a user request is running: idle-time work (warming caches) waits for its end. */
export function requestRunning(): boolean {
  return running > 0;
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
