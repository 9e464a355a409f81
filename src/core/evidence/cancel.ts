// Cancellation of an evidence computation: the caller's AbortSignal is checked before every git
// call, so a cancelled request runs no further git and rejects with EvidenceCancelled.
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

/**
 * The port, checking the signal before every git call: every step of the computation (survival
 * and scans included) goes through the port, so a cancelled request runs no further git.
 */
export function cancellable(port: GitPort, signal: AbortSignal | undefined): GitPort {
  if (signal === undefined) return port;
  return new Proxy(port, {
    get(target, name, receiver): unknown {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        if (signal.aborted) throw new EvidenceCancelled();
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}
