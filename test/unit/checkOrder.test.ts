// Background checks run side by side: the longest (the oldest fixes, the longest walks) start first.
import * as assert from 'node:assert/strict';
import { longestChecksFirst } from '../../src/core/evidence/checkOrder';
import type { LinkedCommit, ScanIssue } from '../../src/core/linking/scan';

const NOW = new Date('2024-10-01T00:00:00Z');

function fix(date: string): LinkedCommit {
  return { sha: 'a'.repeat(40), subject: 'Fix', authorName: 'Ana', authorEmail: 'ana@example.com', date, via: 'keyword' };
}

function issue(id: string, ...dates: string[]): ScanIssue {
  return { id, fixes: dates.map(fix), mentions: [] };
}

describe('the order of background checks', () => {
  it('starts the issues whose fixes are oldest, summed, first', () => {
    const scanned = [issue('ACME-5', '2022-03-15'), issue('ACME-4', '2024-06-06'), issue('ACME-3', '2021-11-25', '2022-11-28'), issue('ACME-2', '2021-06-07'), issue('ACME-1', '2020-06-09', '2021-03-16')];
    const order = longestChecksFirst(['ACME-5', 'ACME-4', 'ACME-3', 'ACME-2', 'ACME-1'], scanned, () => true, NOW);
    assert.deepEqual(order, ['ACME-1', 'ACME-3', 'ACME-2', 'ACME-5', 'ACME-4']);
  });

  it('puts issues of unknown cost first, in their order, and keeps equal estimates in the given order', () => {
    const scanned = [issue('A-1', '2023-01-01'), issue('A-2', '2023-01-01'), issue('A-3', 'not a date'), issue('A-4', '2020-01-01')];
    const order = longestChecksFirst(['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6'], scanned, (id) => id !== 'A-6', NOW);
    assert.deepEqual(order, ['A-3', 'A-5', 'A-6', 'A-4', 'A-1', 'A-2'], 'unknown: a date that does not parse, no scanned fixes, fixes from the issue file');
  });

  it('matches scanned ids whatever their case, and loses or repeats no issue', () => {
    const order = longestChecksFirst(['acme-1', 'ACME-2'], [issue('ACME-1', '2020-01-01'), issue('acme-2', '2019-01-01')], () => true, NOW);
    assert.deepEqual(order, ['ACME-2', 'acme-1']);
  });
});
