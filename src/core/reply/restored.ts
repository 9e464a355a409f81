// A fix undone in the client's version and brought back since, as a reply tells it: the fix, the
// change in their version that undid it, the later change that put it back (not in their version),
// and the first release holding that one (prometheus #16628: reverted the day it landed, landed
// again under its subject before v3.12.0; curl #5634: the revert in 7.74.0, its revert in 7.77.0).
import type { FixEvidence } from '../evidence/model';
import { undoAndRestore, undoneWhereClientRuns } from '../evidence/verdict';
import type { ReplyCommit, ReplyTag } from './context';
import { commit } from './linesTold';
import { tagOf } from './releasesTold';

export interface ReplyRestore extends ReplyCommit {
  /** The change in the client's version that undid the fix (the newest there). */
  undo: ReplyCommit;
  /** The later change that put it back, which the client's version lacks; absent when the target never undid the fix (jquery gh-1835: reverted on 2.2-stable only). */
  restore?: ReplyCommit;
  /** The first release holding `restore`; absent when none does yet. */
  release?: ReplyTag;
}

/** The fixes (of `fixes`, those the reply tells) undone in the client's version: restored since on the target, or never undone there. */
export function restoredForClient(fixes: readonly FixEvidence[]): ReplyRestore[] {
  const out: ReplyRestore[] = [];
  for (const f of fixes) {
    const told = undoAndRestore(f);
    const undone = f.revertsDeployed?.[0];
    // Undone in their version and never on the target: nothing put it back, the target never lost it.
    if (told === null && undoneWhereClientRuns(f) && (f.restores ?? []).length === 0 && undone !== undefined) out.push({ ...commit(f, f.files), undo: commit(undone) });
    if (told === null) continue;
    const { undo, restore } = told;
    out.push({ ...commit(f, f.files), undo: commit(undo), restore: commit(restore), ...(restore.firstTag ? { release: tagOf(restore.firstTag) } : {}) });
  }
  return out;
}
