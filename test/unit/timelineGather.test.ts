// The dates a timeline needs beyond the evidence, read through the git port: release dates, the
// client's version's date (its tag's, else its commit's), and which releases also hold a revert
// or a later change of each fix, narrowed to that fix's own releases.
import * as assert from 'node:assert/strict';
import type { GitPort, RawCommit, TagRecord } from '../../src/core/gitPort';
import { gatherTimelineDates } from '../../src/core/timeline/gather';
import { commitFacts, fixEvidence, SCENARIOS } from './replyFixtures';

type Port = Pick<GitPort, 'tagsContaining' | 'commits'>;

function fakePort(tagsBySha: Record<string, TagRecord[]>, commitDates: Record<string, string> = {}): Port & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    tagsContaining: async (shas: string[]): Promise<TagRecord[]> => {
      calls.push(shas);
      const seen = new Map<string, TagRecord>();
      for (const sha of shas) for (const t of tagsBySha[sha] ?? []) seen.set(t.name, t);
      return [...seen.values()];
    },
    commits: async (shas: string[]): Promise<RawCommit[]> =>
      shas.filter((s) => commitDates[s]).map((sha) => ({ sha, parents: [], authorName: 'x', authorEmail: 'x@x', date: commitDates[sha] as string, subject: '', message: '' })),
  };
}

const tag = (name: string, date: string, sha = 'f'.repeat(40)): TagRecord => ({ name, date, sha });

describe('timeline dates from git', () => {
  it('reads release dates and takes the deployed tag\'s own date', async () => {
    const evidence = { ...SCENARIOS['fix-not-deployed']!, deployed: { ref: 'v1.3.2', sha: '1'.repeat(40), containsFix: false } };
    const fix = evidence.fixes[0]!;
    const port = fakePort({ [fix.sha]: [tag('v1.4.0', '2026-03-16T09:00:00+01:00'), tag('v1.5.0', '2026-05-02T09:00:00+02:00')], ['1'.repeat(40)]: [tag('v1.3.2', '2026-02-01T09:00:00+01:00')] });
    const dates = await gatherTimelineDates(port, evidence);
    assert.deepEqual(dates.tagDates, { 'v1.4.0': '2026-03-16T09:00:00+01:00', 'v1.5.0': '2026-05-02T09:00:00+02:00', 'v1.3.2': '2026-02-01T09:00:00+01:00' });
    assert.equal(dates.deployedDate, '2026-02-01T09:00:00+01:00');
  });

  it('takes the commit date of a deployed branch or commit', async () => {
    const evidence = { ...SCENARIOS['fix-intact']!, deployed: { ref: 'production', sha: '2'.repeat(40), containsFix: true } };
    const dates = await gatherTimelineDates(fakePort({}, { ['2'.repeat(40)]: '2026-06-01T10:00:00Z' }), evidence);
    assert.equal(dates.deployedDate, '2026-06-01T10:00:00Z');
    assert.equal((await gatherTimelineDates(fakePort({}), evidence)).deployedDate, null, 'no date is invented');
  });

  it('narrows the releases holding a revert or a change to the fix\'s own releases', async () => {
    const revert = { ...commitFacts('d00d', 'Revert', '2026-10-30T18:05:00+01:00', true), how: 'message' as const, reverts: 'a' };
    const change = commitFacts('e5e5', 'Change', '2026-04-01T10:00:00+02:00', false);
    const fix = fixEvidence({ tags: ['v1.4.0', 'v1.5.0'], reverts: [revert], laterChanges: [change] });
    const evidence = { ...SCENARIOS['deployed-unknown']!, fixes: [fix] };
    const port = fakePort({ [revert.sha]: [tag('v1.5.0', 'x'), tag('v9.0.0-other-line', 'x')], [change.sha]: [tag('v1.4.0', 'x'), tag('v1.5.0', 'x')] });
    const dates = await gatherTimelineDates(port, evidence);
    assert.deepEqual(dates.releasesWithRevert, { [fix.sha]: ['v1.5.0'] });
    assert.deepEqual(dates.releasesWithChange, { [fix.sha]: ['v1.4.0', 'v1.5.0'] });
  });

  it('asks git nothing for an issue without fixes or a deployed version', async () => {
    const port = fakePort({});
    const dates = await gatherTimelineDates(port, SCENARIOS['no-fix-linked']!);
    assert.deepEqual(port.calls, []);
    assert.deepEqual(dates, { tagDates: {}, deployedDate: null, releasesWithRevert: {}, releasesWithChange: {} });
  });
});
