// "Same patch" the way `git patch-id --stable` means it: the changed lines of each file with
// whitespace removed, line numbers ignored, files in any order. Context lines are left out so a
// backport onto a slightly different base still counts as the same change.
import type { FileDiff } from '../gitPort';

/** A line with all whitespace removed: how patches and lines are compared. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The files that are part of the patch's key: binary ones, and those with a changed line. */
function keyed(files: readonly FileDiff[]): { file: FileDiff; removed: string; added: string }[] {
  const out: { file: FileDiff; removed: string; added: string }[] = [];
  for (const file of files) {
    const removed = file.removed.map((l) => `-${squash(l.text)}`).join('\n');
    const added = file.added.map((l) => `+${squash(l.text)}`).join('\n');
    if (file.binary || removed !== '' || added !== '') out.push({ file, removed, added });
  }
  return out;
}

/** A canonical text for the patch; equal keys mean the same patch. Empty for an empty patch. */
export function patchKey(files: readonly FileDiff[]): string {
  return keyed(files)
    .map(({ file, removed, added }) => `${file.path}\n${file.binary ? 'binary' : ''}\n${removed}\n${added}`)
    .sort()
    .join('\n\u0000\n');
}

/**
 * The paths named in the patch's key: a commit with the same key changed every one of them (the
 * path after the change, the old one for a deletion), so a commit that left one alone is no copy.
 */
export function patchKeyPaths(files: readonly FileDiff[]): string[] {
  return [...new Set(keyed(files).map(({ file }) => file.path))];
}
