// A request's search of the history by the id (no scan in memory: the first request of a
// window) needs nothing of the repository snapshot, so it starts while the snapshot is read, and
// the engine's same call takes its answer (the cold journey read the snapshot first, then searched:
// 0.26 s, then 0.8 s, one after the other). A search nobody took is stopped when the request ends.
import type { GitPort, RawCommit } from '../gitPort';
import { cancellable } from './cancel';

type MessageQuery = Parameters<GitPort['logMessages']>[0];

export interface ReadAhead {
  /** The port the request computes with: its first `logMessages` of the query is the search started ahead. */
  port: GitPort;
  /** Starts the search now (once). */
  start(): void;
  /** The request is over: a search still running is stopped. */
  end(): void;
}

/** The search the engine runs for an issue id when it has no scan (see links.ts). */
export function idSearch(id: string): MessageQuery {
  return { include: 'all', exclude: [], grep: [id.trim()] };
}

/** `port` with `query` searched ahead once `start` is called; with `enabled` false, `start` does nothing. */
export function messageSearchAhead(port: GitPort, query: MessageQuery, enabled = true): ReadAhead {
  const controller = new AbortController();
  const key = JSON.stringify(query);
  let ahead: Promise<RawCommit[]> | undefined;
  const wrapped = new Proxy(port, {
    get(target, name, receiver): unknown {
      const value: unknown = Reflect.get(target, name, receiver);
      if (name !== 'logMessages' || typeof value !== 'function') return value;
      return (options: MessageQuery): Promise<RawCommit[]> => {
        const taken = ahead;
        if (taken !== undefined && JSON.stringify(options) === key) {
          ahead = undefined;
          return taken;
        }
        return (value as GitPort['logMessages']).call(target, options);
      };
    },
  });
  return {
    port: wrapped,
    start(): void {
      if (!enabled || ahead !== undefined || controller.signal.aborted) return;
      const started = cancellable(port, controller.signal).logMessages(query);
      // Its failure is the taker's answer; untaken, it is nobody's.
      started.catch(() => undefined);
      ahead = started;
    },
    end(): void {
      controller.abort();
    },
  };
}
