// Follows one file from a commit to a later one, commit by commit, as `git blame` follows lines:
// each commit of the file's history that deletes the path is asked whether it renamed it (with
// rename detection per commit, so a move in several steps, with edits, is followed). The file's
// history is the one blame and `git log <from>..<to> -- <path>` walk: at a merge that took one
// side's version of the file, the other side is not walked (git's default history simplification;
// `--ancestry-path` would turn it off and make git compare every commit of the range with each of
// its parents, seconds per step on a large history). When a commit
// added more files than git's rename limit lets it compare (git then skips inexact detection and
// says so on stderr), the file is compared again with the added files that share its name, without
// a limit: a pure or edited move is never reported as a removal. A file no commit of its own
// renamed or deleted, and that `to` lacks, was dropped by a merge.
import type { PathTrace } from '../core/gitPort';
import { FOLLOW_LOG_FORMAT, parseFollowLog } from './parsers/followLog';
import { parseNulList } from './parsers/nameStatus';

function stem(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.indexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).toLowerCase();
}

// Comparing one deleted file with this many added ones, without a limit, stays cheap.
const MAX_CANDIDATES = 1000;

/** The added files a deleted `path` may have become: all of them when few, else those with its name. */
export function renameCandidates(path: string, added: readonly string[]): { candidates: string[]; complete: boolean } {
  if (added.length <= MAX_CANDIDATES) return { candidates: [...added], complete: true };
  const named = added.filter((a) => stem(a) === stem(path));
  return { candidates: named.slice(0, MAX_CANDIDATES), complete: false };
}

/** Runs git with arguments (the adapter's hardened runner) and returns stdout. */
export type RunGit = (args: string[]) => Promise<string>;

/** One hop of a follow: where the file at `current` went after `since`, on the way to `to`. */
type Hop = { end: string | null; undetermined: boolean; deletedIn?: string } | { commit: string; next: string };

/**
 * Hops already walked, by (path, since, to): all three name immutable history, so an answer never
 * goes stale. Several fixes of one issue, and the target and the client's version of one fix,
 * follow the same file through the same later renames: each hop after the first is walked once.
 */
export class FollowMemo {
  private readonly hops = new Map<string, Hop>();

  constructor(private readonly capacity = 512) {}

  get(key: string): Hop | undefined {
    return this.hops.get(key);
  }

  set(key: string, hop: Hop): void {
    if (this.hops.size >= this.capacity) this.hops.delete(this.hops.keys().next().value as string);
    this.hops.set(key, hop);
  }
}

async function walkHop(git: RunGit, diffArgs: readonly string[], current: string, since: string, to: string): Promise<Hop> {
  const out = await git(['log', '--reverse', '--full-diff', '--no-merges', '-M', '-z', '--name-status', FOLLOW_LOG_FORMAT, ...diffArgs, to, `^${since}`, '--', current]);
  const step = parseFollowLog(out, current);
  if (step === null) {
    // No commit of its own renamed or deleted it: a merge may have dropped it (a line that had
    // deleted the file long before merged this one in). It is there only if `to` has it.
    const there = await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', to, '--', current]);
    return { end: parseNulList(there).includes(current) ? current : null, undetermined: false };
  }
  let next = step.status === 'R' ? step.to : null;
  let complete = true;
  if (next === null && step.parent !== null && step.added.length > 0) {
    // Deleted in a commit that added files: ask again, unlimited, among the files it may have become.
    const { candidates, complete: all } = renameCandidates(current, step.added);
    complete = all;
    if (candidates.length > 0) {
      const again = await git(['diff-tree', '-r', '-z', '-M', '-l0', '--name-status', ...diffArgs, step.parent, step.commit, '--', current, ...candidates]);
      const renamed = parseFollowLog(`@${step.commit}\0${again}`, current);
      if (renamed !== null && renamed.status === 'R') next = renamed.to;
    }
  }
  if (next !== null) return { commit: step.commit, next };
  return complete ? { end: null, undetermined: false, deletedIn: step.commit } : { end: null, undetermined: true };
}

/** The adapter's followPath: `from` and `to` are validated commit ids. */
export async function followPath(git: RunGit, diffArgs: readonly string[], path: string, from: string, to: string, memo?: FollowMemo): Promise<PathTrace> {
  const steps: PathTrace['steps'] = [];
  let current = path;
  let since = from;
  // A file renamed more often than this along one history is not a case worth more git calls.
  for (let hop = 0; hop < 64; hop++) {
    const key = `${current}\0${since}\0${to}`;
    const found = memo?.get(key) ?? (await walkHop(git, diffArgs, current, since, to));
    memo?.set(key, found);
    if ('end' in found) return { path: found.end, steps, undetermined: found.undetermined, ...(found.deletedIn === undefined ? {} : { deletedIn: found.deletedIn }) };
    steps.push({ commit: found.commit, from: current, to: found.next });
    current = found.next;
    since = found.commit;
  }
  return { path: current, steps, undetermined: false };
}
