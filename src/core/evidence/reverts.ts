// The one revert classifier. A later commit reverts the fix (or one of its copies) when its message
// names it ("This reverts commit <sha>", or a `Revert <sha>` subject), or names a merge that brought
// it in ("This reverts commit <merge>, reversing changes made to <parent>"); when its subject is
// `Revert "<fix subject>"` (or another way of writing it, see revertSubject.ts), also as a forge truncates it (`Revert "Fix crash when the cart is em…`)
// or quotes a squash-merged request's title without its number (`Revert "Fix x" (#14)` for `Fix x (#12)`),
// without naming another commit; or, when its subject says it reverts in words of its own, by a patch
// that takes away most of the fix's lines; or by content, the net under all of these: its patch takes away
// the fix's added lines and puts back the removed ones, without putting edited versions of the
// added ones in their place, without taking away much else and without writing more new lines than
// it took (each rewrites the fix or its file: its lines count as modified). A revert that a later commit undid (a revert
// of the revert, `Reapply "…"`, the fix landed again under its subject or with its patch) is not in
// effect: it is told as restored, with that commit. Only candidates from the history being judged
// are given (the target's, the client's version's: each is judged apart).
import { newestFirst } from '../commitOrder';
import type { CommitFacts, RestoreFact, RestoreHow, RevertFact } from './model';
import { gitRevertForm, isRevertSubject, withoutLineMarkers } from '../linking/revertSubject';
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

// `Revert 1a2b3c4d`, `Revert "1a2b3c4d"`: a sha as the whole subject (with at least one digit, so
// that a word such as "defaced" is not read as one).
const REVERT_SHA_SUBJECT = /^Revert:?\s+(?:commit\s+)?"?(?=[0-9a-f]*[0-9])([0-9a-f]{7,64})"?\s*$/i;
// A subject cut by a forge: `Revert "<start of the subject>…` (or `...`), with or without a closing quote.
const TRUNCATED_SUBJECT = /^Revert "(.+?)(?:…|\.\.\.)"?$/;
// Shorter starts say too little to tell one subject from another.
const MIN_TRUNCATED = 12;

/** The commits a message says it reverts, lower case, as written (possibly abbreviated). */
export function revertedShas(message: string): string[] {
  const named = [...message.matchAll(REVERTS_LINE)].map((m) => (m[1] as string).toLowerCase());
  const subject = REVERT_SHA_SUBJECT.exec(gitRevertForm(message.split('\n', 1)[0]?.trim() ?? ''));
  if (subject !== null && !named.includes((subject[1] as string).toLowerCase())) named.push((subject[1] as string).toLowerCase());
  return named;
}

// The request number a forge appends to a squash-merged subject: `Revert "Fix x (#12)" (#14)`.
const FORGE_REQUEST_SUFFIX = /"\s+\((?:#|!)\d+\)$/;

// The same number at the end of the reverted commit's own subject: a forge's revert of a
// squash-merged request quotes the request's title, which does not carry it (`Fix x (#12)` is
// reverted as `Revert "Fix x" (#14)`).
const OWN_REQUEST_SUFFIX = /\s+\((?:#|!)\d+\)$/;

/** The subject says it reverts a commit with this subject, in full or as a forge truncated it. */
function revertsSubject(written: string, subject: string): boolean {
  const revertSubject = gitRevertForm(written).replace(FORGE_REQUEST_SUFFIX, '"');
  if (revertSubject === `Revert "${subject}"`) return true;
  // A backport's revert on its line quotes the subject without the line's marker (`[4.2.x] Fixed #1`
  // is reverted as `[4.2.x] Reverted "Fixed #1"`).
  const unmarked = withoutLineMarkers(subject);
  if (unmarked !== subject && unmarked !== '' && revertsSubject(written, unmarked)) return true;
  const bare = subject.replace(OWN_REQUEST_SUFFIX, '');
  if (bare !== subject && bare !== '' && revertSubject === `Revert "${bare}"`) return true;
  const cut = TRUNCATED_SUBJECT.exec(revertSubject);
  const start = cut?.[1];
  return start !== undefined && start.length >= MIN_TRUNCATED && subject.startsWith(start) && subject.length > start.length;
}

// A revert by content takes away at least one line of the fix per this many lines it takes away.
const REVERT_SHARE = 3;

/** `items` less one occurrence of each of `taken` (multisets), items compared by `key`. */
function withoutAll<T>(items: readonly T[], taken: readonly string[], key: (item: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const t of taken) counts.set(t, (counts.get(t) ?? 0) + 1);
  return items.filter((item) => {
    const left = counts.get(key(item)) ?? 0;
    if (left === 0) return true;
    counts.set(key(item), left - 1);
    return false;
  });
}

const same = (line: string): string => line;

/** More than half of `needle`'s items (a multiset) are in `haystack`. */
function takesMost(haystack: string[], needle: string[]): boolean {
  return (needle.length - withoutAll(needle, haystack, same).length) * 2 > needle.length;
}

/** Every item of `needle` (a multiset) is in `haystack`. */
function containsAll(haystack: string[], needle: string[]): boolean {
  return withoutAll(needle, haystack, same).length === 0;
}

function squashed(lines: readonly string[]): string[] {
  return lines.map(squash).filter((t) => t !== '');
}

function words(line: string): Set<string> {
  return new Set(line.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
}

/** Two lines share most of their words: one is an edited version of the other. */
function similar(a: Set<string>, b: Set<string>): boolean {
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  return common / (a.size + b.size - common) >= 0.6;
}

/**
 * The candidate put edited versions of most of the fix's added lines back (a link or a name changed
 * in the line): it rewrote the fix, it did not undo it. The fix's removed lines put back exactly are
 * left out first, since a revert restores those and they often resemble the added ones.
 */
function rewritesInPlace(candidateAdded: readonly string[], content: FixContent): boolean {
  const others = withoutAll(candidateAdded, squashed(content.removed), squash).map(words);
  const fixLines = content.added.map(words).filter((w) => w.size >= 2);
  const edited = fixLines.filter((w) => others.some((o) => similar(w, o))).length;
  return fixLines.length > 0 && edited * 2 > fixLines.length;
}

/** One pass of the classifier: every revert of a target among the candidates, undone or not. */
function revertsAmong(
  fix: { sha: string; subject: string },
  targets: readonly string[],
  candidates: readonly RevertCandidate[],
  content: FixContent | null,
  merges: ReadonlyMap<string, string>,
): RevertFact[] {
  const added = content === null ? [] : squashed(content.added);
  const removed = content === null ? [] : squashed(content.removed);
  const reverts: RevertFact[] = [];
  for (const c of candidates) {
    const named = revertedShas(c.message);
    const hit = targets.find((target) => named.some((n) => target.startsWith(n)));
    const merge = hit === undefined ? [...merges.keys()].find((m) => named.some((n) => m.startsWith(n))) : undefined;
    if (hit !== undefined) reverts.push({ ...c.facts, how: 'message', reverts: hit });
    else if (merge !== undefined) reverts.push({ ...c.facts, how: 'message', reverts: merges.get(merge) as string, viaMerge: merge });
    else if (named.length === 0 && revertsSubject(c.facts.subject, fix.subject)) reverts.push({ ...c.facts, how: 'subject', reverts: fix.sha });
    else if (content !== null && added.length > 0 && c.removed !== undefined && c.added !== undefined) {
      // Whatever the message names (a squash, a merge we could not map): the patch undoes the fix.
      const gone = squashed(c.removed);
      // The fix's lines are a good part of what it took away (a rewrite of the whole file that drops
      // them with everything else, flask #1867: 8 lines among 281 of a new docs config, changed
      // them), and it wrote no more new lines than it took of the fix's (flask #782: 5 lines of
      // advice replaced by 14 explaining another way is a new approach, not the old state back).
      const fresh = withoutAll(squashed(c.added), removed, same);
      const aboutTheFix = added.length * REVERT_SHARE >= gone.length && fresh.length <= added.length;
      if (aboutTheFix && containsAll(gone, added) && containsAll(squashed(c.added), removed) && !rewritesInPlace(c.added, content)) {
        reverts.push({ ...c.facts, how: 'content', reverts: content.base });
      } else if (named.length === 0 && isRevertSubject(c.facts.subject) && takesMost(gone, added)) {
        // A subject that says it reverts, in words of its own (traefik's `Revert domain fronting fix`
        // for `Disable domain fronting`), and a patch that takes away most of the fix's lines: the
        // fix undone, where a follow-up had already edited some of its lines (so not all are taken).
        reverts.push({ ...c.facts, how: 'content', reverts: content.base });
      }
    }
  }
  return reverts;
}

// `Revert "Revert 'x'"`: a revert of a revert quoting the inner subject with single quotes (curl).
const innerQuotes = (subject: string): string => subject.replace(/'/g, '"');

/**
 * How `c` brings the fix back after `revert`, or null when it does not: it reverts the revert (names
 * it, or quotes its subject), reapplies the fix (`Reapply "<subject>"`), lands the fix again under
 * its subject (with or without the forge's request number), or its patch holds the fix's lines again.
 */
function restoreHow(c: RevertCandidate, revert: RevertFact, fix: { subject: string }, content: FixContent | null): RestoreHow | null {
  const subject = c.facts.subject.trim();
  if (revertedShas(c.message).some((n) => revert.sha.startsWith(n))) return 'revert-of-revert';
  if (revertsSubject(subject, revert.subject) || innerQuotes(gitRevertForm(subject)) === innerQuotes(`Revert "${gitRevertForm(revert.subject)}"`)) return 'revert-of-revert';
  const own = withoutLineMarkers(fix.subject).replace(OWN_REQUEST_SUFFIX, '');
  if (own === '') return null;
  const bare = withoutLineMarkers(subject).replace(OWN_REQUEST_SUFFIX, '');
  if (/^Reapply\b/i.test(bare) && (bare === `Reapply "${own}"` || bare === `Reapply "${withoutLineMarkers(fix.subject)}"`)) return 'reapply';
  if (bare === own && revertedShas(c.message).length === 0) return 'same-subject';
  if (content === null || c.added === undefined || c.removed === undefined || isRevertSubject(subject)) return null;
  const added = squashed(content.added);
  if (added.length === 0) return null;
  return containsAll(squashed(c.added), added) && containsAll(squashed(c.removed), squashed(content.removed)) ? 'patch' : null;
}

/** The reverts of the fix still in effect, newest first, and the reverts a later commit undid, with it. */
export interface RevertJudgement {
  reverts: RevertFact[];
  /** Oldest revert first. */
  restores: RestoreFact[];
}

// A revert of a restore is a revert of the fix again, which may be restored again: at most so many rounds.
const MAX_ROUNDS = 4;

/**
 * The reverts of `fix` among `candidates` (the history being judged, newest first as git lists it),
 * split into those in effect and those a later candidate undid (see `restoreHow`). `targets` are
 * the fix and its copies (a message naming any of them counts); `merges` maps merge commits that
 * brought a target in to that target (a message naming the merge counts); `content`, when given,
 * also finds reverts by content. A commit naming a restore reverts the fix again.
 */
export function judgeReverts(
  fix: { sha: string; subject: string },
  targets: readonly string[],
  candidates: readonly RevertCandidate[],
  content: FixContent | null,
  merges: ReadonlyMap<string, string> = new Map(),
): RevertJudgement {
  const order = new Map(candidates.map((c, i) => [c.facts.sha, i]));
  let restores: RestoreFact[] = [];
  let named = [...targets];
  let reverts: RevertFact[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    reverts = revertsAmong(fix, named, candidates, content, merges).map((r) => (targets.includes(r.reverts) || r.viaMerge !== undefined || r.how !== 'message' ? r : { ...r, reverts: fix.sha }));
    const revertShas = new Set(reverts.map((r) => r.sha));
    restores = [];
    for (const r of reverts) {
      const at = order.get(r.sha) ?? -1;
      // The oldest later candidate that brings the fix back (candidates are newest first); a
      // commit reverting the revert is later whatever order it is listed in (it names the revert).
      const later = candidates.slice(0, Math.max(0, at)).reverse();
      const listedBefore = candidates.slice(at + 1);
      const restoring = (c: RevertCandidate, forms: FixContent | null): RestoreHow | null => (revertShas.has(c.facts.sha) ? null : restoreHow(c, r, fix, forms));
      let found: RestoreFact | undefined;
      for (const c of later) {
        const how = restoring(c, content);
        if (how !== null) {
          found = { ...c.facts, how, revert: r };
          break;
        }
      }
      const naming = found === undefined ? listedBefore.find((c) => restoring(c, null) === 'revert-of-revert') : undefined;
      if (found !== undefined) restores.push(found);
      else if (naming !== undefined) restores.push({ ...naming.facts, how: 'revert-of-revert', revert: r });
    }
    const more = restores.map((s) => s.sha).filter((s) => !named.includes(s));
    if (more.length === 0) break;
    named = [...named, ...more];
  }
  // A revert is in effect unless a later commit brought the fix back; a revert of that restore is
  // a revert of the fix in its own right (in effect unless restored in turn).
  const undone = new Set(restores.map((s) => s.revert.sha));
  const inEffect = reverts.filter((r) => !undone.has(r.sha));
  return { reverts: newestFirst(inEffect), restores: restores.sort((a, b) => (order.get(b.sha) ?? 0) - (order.get(a.sha) ?? 0)) };
}

/** The reverts of `fix` among `candidates` still in effect, newest first (see `judgeReverts`). */
export function classifyReverts(
  fix: { sha: string; subject: string },
  targets: readonly string[],
  candidates: readonly RevertCandidate[],
  content: FixContent | null,
  merges: ReadonlyMap<string, string> = new Map(),
): RevertFact[] {
  return judgeReverts(fix, targets, candidates, content, merges).reverts;
}

/** Commits named by the candidates that are not the targets: possibly merges that brought one in. */
export function namedOthers(targets: readonly string[], candidates: readonly RevertCandidate[]): string[] {
  const out = new Set<string>();
  for (const c of candidates) for (const n of revertedShas(c.message)) if (!targets.some((t) => t.startsWith(n))) out.add(n);
  return [...out];
}
