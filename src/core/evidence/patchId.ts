// "Same patch" the way `git patch-id --stable` means it: the changed lines of each file with
// whitespace removed, line numbers ignored, files in any order. Context lines are left out so a
// backport onto a slightly different base still counts as the same change.
import type { FileDiff } from '../gitPort';

/** A line with all whitespace removed: how patches and lines are compared. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A canonical text for the patch; equal keys mean the same patch. Empty for an empty patch. */
export function patchKey(files: readonly FileDiff[]): string {
  const parts: string[] = [];
  for (const f of files) {
    const removed = f.removed.map((l) => `-${squash(l.text)}`).join('\n');
    const added = f.added.map((l) => `+${squash(l.text)}`).join('\n');
    if (!f.binary && removed === '' && added === '') continue;
    parts.push(`${f.path}\n${f.binary ? 'binary' : ''}\n${removed}\n${added}`);
  }
  return parts.sort().join('\n\u0000\n');
}
