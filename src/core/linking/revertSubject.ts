// How a revert's subject is written. Git writes `Revert "<subject>"`; projects also write
// `Reverted "<subject>"` (Django), `Reverts …`, `Reverting …`, in Spanish `Revierte`/`Revertir`, and a
// backport of a revert to a release line carries the line's marker first (`[4.2.x] Reverted "…"`).
// One reading for the parser (a revert fixes nothing), the revert classifier and the engine.

// A release line's marker before the subject: `[4.2.x] `, `[1.x] ` (several may stack).
const LEADING_MARKERS = /^\s*(?:\[[^\]\n]{1,40}\]\s*)*/;
const REVERT_WORD = /^(?:revert(?:ed|s|ing)?|revertir|revierte|revertid[oa])(?![\p{L}\p{N}_])[:\s]*/iu;

/** The subject without the release line's markers in front (`[4.2.x] Fixed #1` → `Fixed #1`). */
export function withoutLineMarkers(subject: string): string {
  return subject.replace(LEADING_MARKERS, '');
}

/** What follows the revert's word (`"Fixed #1 -- x"`, `1a2b3c4`), or null when the subject is no revert. */
export function revertedPart(subject: string): string | null {
  const rest = withoutLineMarkers(subject);
  const m = REVERT_WORD.exec(rest);
  return m === null ? null : rest.slice(m[0].length);
}

export function isRevertSubject(subject: string): boolean {
  return revertedPart(subject) !== null;
}

/** The subject in git's own form (`Reverted "x"`, `[4.2.x] Reverted "x"` → `Revert "x"`); others unchanged. */
export function gitRevertForm(subject: string): string {
  const part = revertedPart(subject.trim());
  return part === null ? subject : `Revert ${part}`;
}
