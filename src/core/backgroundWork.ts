// Work nobody is waiting for (the view's background checks) is marked as such, and the mark is
// carried (in an AsyncLocalStorage, as the cancel signal is) to the git runner, which starts that
// work's git processes at a lower CPU priority: on a machine of two cores they otherwise take the
// cores the window and the user's own request need (measured: after a window reload, F1 waited
// seconds behind the background checks' git processes).
import { AsyncLocalStorage } from 'node:async_hooks';

/** The mark of one piece of work; `background` turns false when the user starts waiting for it. */
export interface WorkMark {
  background: boolean;
}

const scope = new AsyncLocalStorage<WorkMark>();

/** Runs `task` (and every git command it starts, however deep) under `mark`. */
export function runMarked<T>(mark: WorkMark, task: () => T): T {
  return scope.run(mark, task);
}

/** Whether the work asking now is background work nobody waits for (no mark: someone waits). */
export function isBackgroundWork(): boolean {
  return scope.getStore()?.background === true;
}
