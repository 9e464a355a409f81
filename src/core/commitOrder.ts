// The one newest-first order of commits (and of anything dated like them): by date, newest first,
// then by sha so that commits of the same second keep one stable order everywhere.

function time(date: string): number {
  const t = Date.parse(date);
  return Number.isNaN(t) ? 0 : t;
}

/** Newest first; an unreadable date counts as the oldest; equal dates by sha. */
export function compareNewestFirst(a: { date: string; sha: string }, b: { date: string; sha: string }): number {
  return time(b.date) - time(a.date) || (a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0);
}

/** Sorts `items` in place, newest first, and returns them. */
export function newestFirst<T extends { date: string; sha: string }>(items: T[]): T[] {
  return items.sort(compareNewestFirst);
}
