// Follows one file from a commit to a later one, commit by commit, as `git blame` follows lines:
// each commit on the ancestry path that deletes the path is asked whether it renamed it (with
// rename detection per commit, so a move in several steps, with edits, is followed). When a commit
// added more files than git's rename limit lets it compare (git then skips inexact detection and
// says so on stderr), the file is compared again with the added files that share its name, without
// a limit: a pure or edited move is never reported as a removal. A file no commit of its own
// renamed or deleted, and that `to` lacks, was dropped by a merge.
import type { PathTrace } from '../core/gitPort';
import { isFullSha } from '../core/sha';

export interface FollowStep {
  commit: string;
  parent: string | null;
  /** The path's own entry: R (renamed to `to`) or D (deleted). */
  status: 'R' | 'D';
  to: string | null;
  /** Files the commit added (candidates for an undetected rename). */
  added: string[];
}

/** A record header `@<sha> [<parent>]` (a leading newline after the previous record's NUL), or null. */
function readHeader(token: string): { commit: string; parent: string | null } | null {
  const text = token.startsWith('\n') ? token.slice(1) : token;
  if (!text.startsWith('@')) return null;
  const [commit = '', parent] = text.slice(1).split(' ');
  if (!isFullSha(commit) || (parent !== undefined && parent !== '' && !isFullSha(parent))) return null;
  return { commit, parent: parent ? parent : null };
}

/**
 * `git log -z --name-status --format=@%H %P` output: the first commit (oldest first, as listed)
 * that renamed or deleted `path`, with the files it added. Null when none did.
 */
export function parseFollowLog(text: string, path: string): FollowStep | null {
  const tokens = text.split('\0');
  let current: { commit: string; parent: string | null; added: string[]; own: { status: 'R' | 'D'; to: string | null } | null } | null = null;
  const finish = (): FollowStep | null =>
    current === null || current.own === null ? null : { commit: current.commit, parent: current.parent, status: current.own.status, to: current.own.to, added: current.added };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const header = readHeader(token);
    if (header !== null) {
      const done = finish();
      if (done !== null) return done;
      current = { ...header, added: [], own: null };
      continue;
    }
    if (current === null || token === '' || token === '\n') continue;
    const status = token.replace(/^\n/, '');
    if (/^[RC]\d*$/.test(status)) {
      const from = tokens[i + 1] ?? '';
      const to = tokens[i + 2] ?? '';
      i += 2;
      if (status.startsWith('R') && from === path) current.own = { status: 'R', to };
      if (status.startsWith('C')) current.added.push(to);
    } else if (/^[AMDTUXB]$/.test(status)) {
      const file = tokens[i + 1] ?? '';
      i += 1;
      if (status === 'A') current.added.push(file);
      if (status === 'D' && file === path && current.own === null) current.own = { status: 'D', to: null };
    }
  }
  return finish();
}

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

/** The adapter's followPath: `rangeArgs` turns (to, ^from) into validated revision arguments. */
export async function followPath(git: RunGit, diffArgs: readonly string[], path: string, from: string, to: string): Promise<PathTrace> {
  const steps: PathTrace['steps'] = [];
  let current = path;
  let since = from;
  // A file renamed more often than this along one history is not a case worth more git calls.
  for (let hop = 0; hop < 64; hop++) {
    const out = await git(['log', '--reverse', '--ancestry-path', '--full-diff', '--no-merges', '-M', '-z', '--name-status', '--format=@%H %P', ...diffArgs, to, `^${since}`, '--', current]);
    const step = parseFollowLog(out, current);
    if (step === null) {
      // No commit of its own renamed or deleted it: a merge may have dropped it (a line that had
      // deleted the file long before merged this one in). It is there only if `to` has it.
      const there = await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', to, '--', current]);
      return { path: there.split('\0').includes(current) ? current : null, steps, undetermined: false };
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
    if (next === null) return { path: null, steps, undetermined: !complete };
    steps.push({ commit: step.commit, from: current, to: next });
    current = next;
    since = step.commit;
  }
  return { path: current, steps, undetermined: false };
}
