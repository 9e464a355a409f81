// The fix's lines as a restore put them back. After a revert, the fix's lines in the code are the
// restore's (blame names the restore), so on a history where the fix was restored its lines are
// measured from the newest restore: the lines that commit added that are the fix's own (same text,
// whitespace aside), wherever it put them. A restore that also brought other work back (curl
// #5634's revert of the revert restored three follow-ups too) is measured for the fix's lines only.
import type { FileDiff, GitPort } from '../gitPort';
import type { RestoreFact, RevertFact } from './model';
import { squash } from './patchId';

/** The restore's files, each with only the added lines whose text is one of the fix's added lines. */
export function fixLinesIn(restore: readonly FileDiff[], fix: readonly FileDiff[]): FileDiff[] {
  const left = new Map<string, number>();
  for (const f of fix) {
    for (const l of f.added) {
      const text = squash(l.text);
      if (text !== '') left.set(text, (left.get(text) ?? 0) + 1);
    }
  }
  const out: FileDiff[] = [];
  for (const f of restore) {
    if (f.binary) continue;
    const added = f.added.filter((l) => {
      const text = squash(l.text);
      const n = left.get(text) ?? 0;
      if (n === 0) return false;
      left.set(text, n - 1);
      return true;
    });
    if (added.length > 0) out.push({ ...f, added });
  }
  return out;
}

/** The restore whose lines stand on a history: the newest, when no revert is in effect there. */
export function standingRestore(reverts: readonly RevertFact[], restores: readonly RestoreFact[] | undefined): RestoreFact | null {
  return reverts.length > 0 ? null : restores?.[restores.length - 1] ?? null;
}

/** The restore's change limited to the fix's lines, with its date; null when it holds none of them. */
export async function restoredChange(port: GitPort, restore: RestoreFact, fix: readonly FileDiff[]): Promise<{ sha: string; files: FileDiff[]; date: string } | null> {
  const [commit] = await port.commits([restore.sha]);
  if (commit === undefined) return null;
  const files = fixLinesIn(await port.commitDiff(commit.sha, commit.parents[0] ?? null), fix);
  return files.length === 0 ? null : { sha: commit.sha, files, date: commit.date };
}
