// What a reply tells of the fix's lines: how many survive where it is judged (the client's version
// when it holds the fix, else the target), what the target changed that the client's version lacks,
// and the changes that took lines away, as a plain reply lists them.
import { compareNewestFirst } from '../commitOrder';
import type { CommitFacts, FixEvidence, Survival } from '../evidence/model';
import { linesBySiblings, siblingFixes, survivalWhereClientRuns } from '../evidence/verdict';
import type { ReplyChange, ReplyCommit, ReplyContext, ReplySurvival } from './context';
import { formatDate } from './format';

function baseName(file: string): string {
  return file.split('/').pop() ?? file;
}

export function fileNames(paths: readonly string[]): string[] {
  return [...new Set(paths.map(baseName).filter((n) => n !== ''))];
}

export function commit(facts: CommitFacts, paths: readonly string[] = []): ReplyCommit {
  return { sha: facts.sha, subject: facts.subject, author: facts.authorName, date: facts.date, byMe: facts.byMe, files: fileNames(paths) };
}

/**
 * A fix's lines as a reply tells them: a line another fix of the same issue changed is that fix's
 * line now (counted among its own), neither lost nor a change to tell (see `siblingFixes`).
 */
function ownLines(s: Survival | null, siblings: ReadonlySet<string>): Survival | null {
  if (s === null) return null;
  const n = linesBySiblings(s, siblings);
  if (n === 0) return s;
  const modified = Math.max(0, s.modified - n);
  const removed = Math.max(0, s.removed - (n - (s.modified - modified)));
  return { ...s, added: s.added - n, modified, removed, changedBy: s.changedBy.filter((c) => !siblings.has(c.sha)) };
}

/** Survival where the client runs it, when that is known to contain the fix; else at the target. */
function survivalOf(fix: FixEvidence, all: readonly FixEvidence[]): Survival | null {
  return ownLines(survivalWhereClientRuns(fix, all) ?? fix.survival, siblingFixes(fix, all));
}

function sumSurvival(survivals: readonly (Survival | null)[]): ReplySurvival | undefined {
  const measured = survivals.filter((s): s is Survival => s !== null);
  const first = measured[0];
  if (first === undefined) return undefined;
  const total = { ref: first.ref, sha: first.sha, added: 0, intact: 0, changed: 0, modified: 0, removed: 0 };
  for (const s of measured) {
    total.added += s.added;
    total.intact += s.intact;
    total.modified += s.modified;
    total.removed += s.removed;
  }
  total.changed = total.modified + total.removed;
  return total;
}

export function changesOf(fixes: FixEvidence[], all: readonly FixEvidence[]): ReplyChange[] {
  const bySha = new Map<string, ReplyChange>();
  for (const fix of fixes) {
    for (const c of survivalOf(fix, all)?.changedBy ?? []) {
      const existing = bySha.get(c.sha);
      if (existing) existing.lines += c.lines;
      else bySha.set(c.sha, { ...commit(c, c.paths), lines: c.lines });
    }
  }
  return [...bySha.values()].sort(compareNewestFirst);
}

const CHANGES_LISTED = 4;

/** Changes (newest first) by one author on one calendar day of the reader's zone, as one entry each. */
function byAuthorAndDay(changes: ReplyChange[], timeZone: string | undefined): ReplyChange[] {
  const day = (iso: string): string => formatDate(iso, { locale: 'en', ...(timeZone !== undefined ? { timeZone } : {}) });
  const groups = new Map<string, ReplyChange>();
  for (const c of changes) {
    const key = `${c.byMe ? '' : c.author}\u0000${day(c.date)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ...c, files: [...c.files], changeCount: 1 });
    else {
      group.lines += c.lines;
      group.changeCount = (group.changeCount ?? 1) + 1;
      for (const f of c.files) if (!group.files.includes(f)) group.files.push(f);
    }
  }
  return [...groups.values()];
}

/** The changes a plain reply names one by one, and what the others add up to. */
export function changesToShow(changes: ReplyChange[], timeZone: string | undefined): Pick<ReplyContext, 'changesShown' | 'changesMore'> {
  const entries = byAuthorAndDay(changes, timeZone);
  if (entries.length <= CHANGES_LISTED) return { changesShown: entries };
  const largest = new Set([...entries].sort((a, b) => b.lines - a.lines || compareNewestFirst(a, b)).slice(0, CHANGES_LISTED - 1));
  const rest = entries.filter((c) => !largest.has(c));
  return {
    changesShown: entries.filter((c) => largest.has(c)),
    changesMore: { changes: rest.reduce((sum, c) => sum + (c.changeCount ?? 1), 0), lines: rest.reduce((sum, c) => sum + c.lines, 0) },
  };
}

/**
 * The survival a reply tells, summed over the fixes, and, when the client's version holds the fix
 * with fewer of its lines changed than the target, the target's: what the target changed since is
 * not in the version they run, and a reply must not say it is.
 */
export function survivalTold(fixes: readonly FixEvidence[], all: readonly FixEvidence[], deployedHasFix: boolean): Pick<ReplyContext, 'survival' | 'changedOnTarget'> {
  const survival = sumSurvival(fixes.map((f) => survivalOf(f, all)));
  const onTarget = fixes.map((f) => ownLines(f.survival, siblingFixes(f, all)));
  const atTarget = deployedHasFix ? sumSurvival(onTarget) : undefined;
  if (atTarget === undefined || atTarget.changed <= (survival?.changed ?? 0)) return survival === undefined ? {} : { survival };
  const changers = onTarget.flatMap((s) => s?.changedBy ?? []);
  const changedOnTarget = { ...atTarget, byMe: changers.length > 0 && changers.every((c) => c.byMe), someByMe: changers.some((c) => c.byMe) };
  return { ...(survival === undefined ? {} : { survival }), changedOnTarget };
}
