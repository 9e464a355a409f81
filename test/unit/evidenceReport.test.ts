// The CLI's evidence listing dates every commit in one time zone (the machine's, as the reply
// does). Seen on axios: the fix 9579bad was listed on 2022-05-10 (+08:00) and its revert, made an
// hour later, on 2022-05-09 (+02:00), each cut from its author's own date.
import * as assert from 'node:assert/strict';
import { formatEvidence, localDay } from '../../src/cli/evidenceReport';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { commitFacts, fixEvidence } from './replyFixtures';

const FIX = commitFacts('9579', 'Fix the proxy header (#4)', '2022-05-10T05:00:00+08:00', false);
// An hour after the fix (21:00 UTC), written in another author's zone.
const REVERT = commitFacts('a0a0', 'Revert "Fix the proxy header (#4)"', '2022-05-09T23:10:00+02:00', false);

function listing(): string {
  const evidence: IssueEvidence = {
    issueId: '#4',
    verdict: 'fix-reverted',
    fixVerdicts: {},
    target: { ref: 'main', sha: 'f'.repeat(40) },
    deployed: null,
    historyComplete: true,
    fixes: [fixEvidence({ ...FIX, authorDate: FIX.date, tags: [], firstTag: null, survival: null, reverts: [{ ...REVERT, how: 'message', reverts: FIX.sha }] })],
    mentions: [],
    caveats: [],
    me: [],
    computedAt: '2022-06-01T00:00:00Z',
  };
  return formatEvidence(evidence);
}

function withZone<T>(zone: string, run: () => T): T {
  const before = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}

describe('CLI evidence listing: dates in one time zone', () => {
  for (const [zone, fixDay, revertDay] of [
    ['UTC', '2022-05-09', '2022-05-09'],
    ['Asia/Shanghai', '2022-05-10', '2022-05-10'],
    ['America/Los_Angeles', '2022-05-09', '2022-05-09'],
  ] as const) {
    it(`a revert made an hour after its fix is never dated before it (${zone})`, () => {
      const text = withZone(zone, listing);
      const fixLine = text.split('\n').find((l) => l.startsWith('fix ')) ?? '';
      const revertLine = text.split('\n').find((l) => l.includes('reverted (')) ?? '';
      assert.match(fixLine, new RegExp(` ${fixDay} `), text);
      assert.match(revertLine, new RegExp(` ${revertDay} `), text);
    });
  }

  it('keeps a bare day, or a date it cannot read, as written', () => {
    assert.equal(withZone('America/Los_Angeles', () => localDay('2022-05-10')), '2022-05-10');
    assert.equal(localDay('not a date at all'), 'not a date');
  });
});
