// The order of the background checks of a view's issues, which run side by side (see
// core/priorityQueue.ts): the longest first, so that no long check starts last and runs alone while
// the other lanes are idle (longest-processing-time order). A verdict's cost is mostly one walk of the
// history from the target down to each fix, longer the older the fix: an issue's estimate is the
// age of its fixes, summed. Only an order: every check still runs, and each answer is its own.
import type { ScanIssue } from '../linking/scan';

/**
 * `ids` (each once, in the caller's order) with the issues whose fixes the scan found ordered by
 * the summed age of those fixes, oldest first; issues whose cost is unknown (`known` false: fixes
 * linked in the issue file, or none found) keep their order, before them (they may be long).
 */
export function longestChecksFirst(ids: readonly string[], scanned: readonly ScanIssue[], known: (id: string) => boolean, now: Date): string[] {
  const byId = new Map(scanned.map((i) => [i.id.toUpperCase(), i]));
  const cost = (id: string): number | undefined => {
    const issue = byId.get(id.toUpperCase());
    if (!known(id) || issue === undefined || issue.fixes.length === 0) return undefined;
    let sum = 0;
    for (const fix of issue.fixes) {
      const at = Date.parse(fix.date);
      // A date that does not parse says nothing of the walk: the issue's cost is unknown.
      if (Number.isNaN(at)) return undefined;
      sum += Math.max(0, now.getTime() - at);
    }
    return sum;
  };
  const unknown: string[] = [];
  const estimated: { id: string; cost: number }[] = [];
  for (const id of ids) {
    const c = cost(id);
    if (c === undefined) unknown.push(id);
    else estimated.push({ id, cost: c });
  }
  // Array.prototype.sort is stable: equal estimates keep the caller's order.
  estimated.sort((a, b) => b.cost - a.cost);
  return [...unknown, ...estimated.map((e) => e.id)];
}
