// Reads of the history one evidence computation asks more than once. Fixes that share a copy on the
// target measure that copy's lines each (redis #1428: three linked commits of one patch, the same
// `blame` of src/db.c, about 6 s, and the same later-patches walk, about 7 s, each run three times),
// and a history's commits, diffs and blames at given commits never change. One answer per question
// for the computation; each asker gets its own copy, so no step can change another's answer.
import type { GitPort } from '../gitPort';

/** The port's questions whose answer depends only on their arguments (commits named by id). */
const READS: ReadonlySet<string> = new Set([
  'commits', 'logMessages', 'commitDiff', 'treeDiff', 'logPatches', 'logTouchedPaths', 'commitPatches',
  'pathsAt', 'renames', 'followPath', 'blame', 'tagsContaining', 'isAncestor',
]);

/** Arguments that read the same as their JSON text: strings, numbers, booleans, null, arrays and plain objects of them. */
function plain(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (Array.isArray(value)) return value.every(plain);
  if (type === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(plain);
  return false;
}

/** The port for one evidence computation: each of its history reads asked of git once. */
export function withRepeatedReads(port: GitPort): GitPort {
  const answers = new Map<string, Promise<unknown>>();
  return new Proxy(port, {
    get(target, name, receiver): unknown {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || !READS.has(name) || typeof value !== 'function') return value;
      return (...args: unknown[]): Promise<unknown> => {
        if (!args.every(plain)) return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        const key = `${name}\u0000${JSON.stringify(args)}`;
        let answer = answers.get(key);
        if (answer === undefined) {
          answer = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          answers.set(key, answer);
        }
        return answer.then((v) => structuredClone(v));
      };
    },
  });
}
