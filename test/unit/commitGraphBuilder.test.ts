// The graph's builder resolves each parent to its index; a first parent printed right after its
// child is resolved by a comparison instead of a lookup. Pinned against the plain reading: every
// parent by id, whatever the order, the merges, the parents never read and the data extended.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { CommitGraphData } from '../../src/core/linking/commitGraphData';
import { CommitGraphBuilder } from '../../src/core/linking/commitGraphData';

const id = (n: number): string => n.toString(16).padStart(40, '0');

/** Each commit's parents by id, as the data stores them (null: never read). */
function parentsById(data: CommitGraphData): Map<string, (string | null)[]> {
  const out = new Map<string, (string | null)[]>();
  data.shas.forEach((sha, i) => {
    const parents: (string | null)[] = [];
    for (let e = data.parentStart[i] as number; e < (data.parentStart[i + 1] as number); e++) {
      const p = data.parentIds[e] as number;
      parents.push(p < 0 ? null : (data.shas[p] as string));
    }
    out.set(sha, parents);
  });
  return out;
}

// Commits 0..n-1 in a walk's order: mostly each one's first parent is the next, sometimes a merge,
// a jump, a parent never read (n + k), or a commit printed twice.
const history = fc.array(
  fc.record({ parents: fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 50, max: 60 })), { maxLength: 3 }), again: fc.boolean() }),
  { minLength: 1, maxLength: 40 },
);

describe('commit graph builder', () => {
  it('stores every commit with its parents as given, in one build or extended', () => {
    fc.assert(
      fc.property(history, fc.nat(40), (commits, cut) => {
        const expected = new Map<string, (string | null)[]>();
        const known = new Set(commits.map((_, i) => id(i)));
        const walk: [string, string[]][] = [];
        commits.forEach((c, i) => {
          const parents = c.parents.map((d) => id(i + d));
          if (!expected.has(id(i))) expected.set(id(i), parents.map((p) => (known.has(p) ? p : null)));
          walk.push([id(i), parents]);
          if (c.again && i > 0) walk.push([id(i - 1), ['f'.repeat(40)]]);
        });
        const whole = new CommitGraphBuilder();
        for (const [sha, parents] of walk) whole.add(sha, parents);
        assert.deepEqual(parentsById(whole.data), expected);
        // The same walk in two scans: the second extends the first one's data.
        const first = new CommitGraphBuilder();
        for (const [sha, parents] of walk.slice(0, cut)) first.add(sha, parents);
        const second = new CommitGraphBuilder(first.data);
        for (const [sha, parents] of walk.slice(cut)) second.add(sha, parents);
        const extended = parentsById(second.data);
        for (const [sha, parents] of expected) {
          // A commit read in the first scan whose parent came only in the second stays unresolved there.
          const got = extended.get(sha);
          assert.ok(got !== undefined, sha);
          got.forEach((p, k) => assert.ok(p === parents[k] || (p === null && walk.slice(0, cut).some(([s]) => s === sha)), `${sha} parent ${k}`));
        }
      }),
      { numRuns: 500 },
    );
  });
});
