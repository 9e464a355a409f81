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

/**
 * The answer to `key` for the repository state this scan read, asked once whoever asks (every
 * issue of the tree awaits it, so it runs outside the first asker's cancellation); a failed answer
 * is not kept: the next asker asks again. The tag list of containment.ts is kept here too.
 */
export function perScan<T>(source: SnapshotSource, key: string, ask: () => Promise<T>): Promise<T> {
  let memo = memos.get(source.refs);
  if (memo === undefined) {
    memo = new Map();
    memos.set(source.refs, memo);
  }
  let answer = memo.get(key) as Promise<T> | undefined;
  if (answer === undefined) {
    const asked = shared(ask);
    const kept = memo;
    asked.catch(() => {
      if (kept.get(key) === asked) kept.delete(key);
    });
    memo.set(key, asked);
    answer = asked;
  }
  return answer;
}

/** The port, with the repository's state and resolved revisions answered once per scan. */
export function withSnapshotFacts(port: GitPort, source: SnapshotSource | null | undefined): GitPort {
  if (source === null || source === undefined) return port;
  return new Proxy(port, {
    get(target, name, receiver): unknown {
      if (name === 'repoState') return (): Promise<RepoState> => perScan(source, 'state', () => target.repoState());
      if (name === 'resolveCommit') return (ref: string): Promise<string | null> => perScan(source, `ref\u0000${ref}`, () => target.resolveCommit(ref));
      return Reflect.get(target, name, receiver);
    },
  });
}
