import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { CachedCommit } from '../../src/core/linking/scan';
import { issuesOfCommits } from '../../src/core/linking/scanIssues';

// Ids that sort equal (case, leading zeros as numbers), dates that collide and ones that do not parse:
// the cases where inserting into sorted lists could differ from sorting everything again.
const ids = fc.constantFrom('ACME-1', 'acme-1', 'ACME-01', 'ACME-2', 'ACME-10', '#3', 'ticket-3');
const dates = fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-01T01:00:00+01:00', '2024-02-01T00:00:00Z', 'not a date', '');
const reference = fc.tuple(ids, fc.constantFrom('fix' as const, 'mention' as const), fc.constantFrom('keyword' as const, 'trailer' as const, null));
const commit = fc.record({ date: dates, subject: fc.string({ maxLength: 5 }), refs: fc.array(reference, { minLength: 1, maxLength: 3 }) });

function record(list: { date: string; subject: string; refs: CachedCommit['refs'] }[], offset: number): Record<string, CachedCommit> {
  const out: Record<string, CachedCommit> = {};
  list.forEach((c, i) => {
    // Ids in an order of their own, unrelated to the dates.
    const sha = ((i + offset) * 2654435761 % 4294967296).toString(16).padStart(8, '0').repeat(5);
    out[sha] = { subject: c.subject, authorName: 'A', authorEmail: 'a@x', date: c.date, refs: c.refs };
  });
  return out;
}

describe('scan issues', () => {
  it('a re-scan that adds commits answers what grouping every commit again answers', () => {
    fc.assert(
      fc.property(fc.array(commit, { maxLength: 25 }), fc.array(commit, { minLength: 1, maxLength: 6 }), (old, fresh) => {
        const before = record(old, 0);
        const newer = record(fresh, 1000);
        const after = { ...before, ...newer };
        issuesOfCommits(before);
        const extended = issuesOfCommits(after, { from: before, added: Object.keys(newer) });
        // A copy of the record is one no scan grouped before: every commit is grouped again.
        assert.deepEqual(extended, issuesOfCommits({ ...after }));
      }),
      { numRuns: 300 },
    );
  });

  it('hands every caller lists of its own', () => {
    const commits = record([{ date: '2024-01-01T00:00:00Z', subject: 's', refs: [['ACME-1', 'fix', 'keyword']] }], 0);
    const first = issuesOfCommits(commits);
    first[0]?.fixes.pop();
    assert.equal(issuesOfCommits(commits)[0]?.fixes.length, 1);
  });
});
