// The one revert classifier. A later commit reverts the fix (or one of its copies) when its message
// names it ("This reverts commit <sha>"), when its subject is `Revert "<fix subject>"` without such a
// line, or by content: its patch takes away the fix's added lines and puts back the removed ones.
// A revert that was itself reverted (or the fix reapplied) no longer counts.
import { newestFirst } from '../commitOrder';
import type { CommitFacts, RevertFact } from './model';
import { squash } from './patchId';

/** A later commit that may revert the fix. */
export interface RevertCandidate {
  facts: CommitFacts;
  /** The full message (a revert names the commit it reverts there). */
  message: string;
  /** Text of the lines it removed and added; absent when only its message was read. */
  removed?: string[];
  added?: string[];
}

/** The fix's own change, for reverts by content. */
export interface FixContent {
  /** The commit whose change is compared (the fix, or its copy on the target). */
  base: string;
  added: string[];
  removed: string[];
}

const REVERTS_LINE = /This reverts commit ([0-9a-f]{7,64})/gi;

/** The commits a message says it reverts, lower case, as written (possibly abbreviated). */
export function revertedShas(message: string): string[] {
  return [...message.matchAll(REVERTS_LINE)].map((m) => (m[1] as string).toLowerCase());
}

/** Every item of `needle` (a multiset) is in `haystack`. */
function containsAll(haystack: string[], needle: string[]): boolean {
  const counts = new Map<string, number>();
  for (const h of haystack) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const n of needle) {
    const c = counts.get(n) ?? 0;
    if (c === 0) return false;
    counts.set(n, c - 1);
  }
  return true;
}

function squashed(lines: readonly string[]): string[] {
  return lines.map(squash).filter((t) => t !== '');
}

/**
 * The reverts of `fix` among `candidates`, newest first. `targets` are the fix and its copies (a
 * message naming any of them counts); `content`, when given, also finds reverts by content.
 */
export function classifyReverts(
  fix: { sha: string; subject: string },
  targets: readonly string[],
  candidates: readonly RevertCandidate[],
  content: FixContent | null,
): RevertFact[] {
  const revertSubject = `Revert "${fix.subject}"`;
  const added = content === null ? [] : squashed(content.added);
  const removed = content === null ? [] : squashed(content.removed);
  const reverts: RevertFact[] = [];
  for (const c of candidates) {
    const named = revertedShas(c.message);
    const hit = targets.find((target) => named.some((n) => target.startsWith(n)));
    if (hit !== undefined) reverts.push({ ...c.facts, how: 'message', reverts: hit });
    else if (named.length === 0 && c.facts.subject === revertSubject) reverts.push({ ...c.facts, how: 'subject', reverts: fix.sha });
    else if (content !== null && added.length > 0 && named.length === 0 && c.removed !== undefined && c.added !== undefined) {
      if (containsAll(squashed(c.removed), added) && containsAll(squashed(c.added), removed)) reverts.push({ ...c.facts, how: 'content', reverts: content.base });
    }
  }
  const undone = (r: RevertFact): boolean =>
    candidates.some(
      (c) => revertedShas(c.message).some((n) => r.sha.startsWith(n)) || c.facts.subject === `Revert "${r.subject}"` || c.facts.subject === `Reapply "${fix.subject}"`,
    );
  return newestFirst(reverts.filter((r) => !undone(r)));
}
