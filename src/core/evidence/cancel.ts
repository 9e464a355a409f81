// Cancellation of an evidence computation: the caller's AbortSignal is checked before every git
// call, so a cancelled request runs no further git and rejects with EvidenceCancelled; and it is
// carried (in an AsyncLocalStorage, so no port method needs a signal parameter) to the git runner,
// which kills the command running when it fires instead of letting it run to its end.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { GitPort } from '../gitPort';

/** The caller cancelled the computation (through the request's signal); no answer follows. */
export class EvidenceCancelled extends Error {
  readonly code = 'cancelled';

  constructor() {
    super('cancelled');
    this.name = 'EvidenceCancelled';
  }
}

export function isEvidenceCancelled(error: unknown): error is EvidenceCancelled {
  return error instanceof EvidenceCancelled;
}

const scope = new AsyncLocalStorage<AbortSignal>();

/** The signal of the computation this git command belongs to, if it can be cancelled. */
export function currentCancelSignal(): AbortSignal | undefined {
  return scope.getStore();
}

/**
 * Runs work that other computations share (a list every issue reads) outside the caller's
 * cancellation: one caller's cancel must not kill an answer another one awaits.
 */
export function shared<T>(task: () => Promise<T>): Promise<T> {
  return scope.exit(task);
}

/**
 * The port, checking the signal before every git call: every step of the computation (survival
 * and scans included) goes through the port, so a cancelled request runs no further git, and the
 * command running when the signal fires is killed: the runner then rejects with EvidenceCancelled,
 * never a failure or an empty answer.
 */
export function cancellable(port: GitPort, signal: AbortSignal | undefined): GitPort {
  if (signal === undefined) return port;
  return new Proxy(port, {
    get(target, name, receiver): unknown {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        if (signal.aborted) throw new EvidenceCancelled();
        return scope.run(signal, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      };
    },
  });
}
