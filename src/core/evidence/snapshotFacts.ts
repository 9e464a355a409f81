// Facts of the repository every issue's evidence asks for again: HEAD and the shallow state, and the
// commits of the target and of the client's version. They belong to the state of the repository the
// scan read (its refs record lists HEAD, every branch and tag with its commit), so one answer per scan
// serves every issue computed from it (the tree's five issues asked `rev-parse` the same three
// questions five times). Every scan makes a new refs record, and with it new answers. Not the user's
// email or the default branch: configuration, which moves without the refs.
import type { GitPort, RepoState } from '../gitPort';
import { shared } from './cancel';

/** The part of a scan cache that stands for one state of the repository: the refs it read. */
export interface SnapshotSource {
  refs: Record<string, string>;
}

// One memo per scan (keyed by its refs record, replaced on every scan), by question.
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

function memoOf(source: SnapshotSource, key: string, ask: () => Promise<unknown>): Promise<unknown> {
  let memo = memos.get(source.refs);
  if (memo === undefined) {
    memo = new Map();
    memos.set(source.refs, memo);
  }
  let answer = memo.get(key);
  if (answer === undefined) {
    // Every issue awaits this answer: it runs outside the first asker's cancellation.
    answer = shared(ask);
    const kept = memo;
    // A failed question is not remembered: the next asker asks git again.
    answer.catch(() => {
      if (kept.get(key) === answer) kept.delete(key);
    });
    memo.set(key, answer);
  }
  return answer;
}

/** The port, with the repository's state and resolved revisions answered once per scan. */
export function withSnapshotFacts(port: GitPort, source: SnapshotSource | null | undefined): GitPort {
  if (source === null || source === undefined) return port;
  return new Proxy(port, {
    get(target, name, receiver): unknown {
      if (name === 'repoState') return (): Promise<RepoState> => memoOf(source, 'state', () => target.repoState()) as Promise<RepoState>;
      if (name === 'resolveCommit') {
        return (ref: string): Promise<string | null> => memoOf(source, `ref\u0000${ref}`, () => target.resolveCommit(ref)) as Promise<string | null>;
      }
      return Reflect.get(target, name, receiver);
    },
  });
}
