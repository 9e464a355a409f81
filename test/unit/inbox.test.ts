// The inbox rule: which issues wait for a reply, and in which order the view and the pickers list them.
import * as assert from 'node:assert/strict';
import { compareByLatestReport, compareInbox, replyState } from '../../src/core/inbox';
import type { Issue } from '../../src/core/store/model';

function issue(id: string, reports: string[], replies: string[], status: Issue['status'] = 'open'): Issue {
  return {
    schemaVersion: 1,
    id,
    client: 'Acme',
    title: id,
    status,
    created: '2026-01-01',
    reports: reports.map((date) => ({ date, words: 'x' })),
    fixes: [],
    replies: replies.map((date) => ({ date, verdict: 'fix-intact', language: 'es' as const, text: 'x' })),
  };
}

describe('the inbox', () => {
  it('asks for a reply when the latest report is newer than the latest reply', () => {
    assert.equal(replyState(issue('A-1', ['2026-03-01', '2026-03-10'], ['2026-03-05T09:00:00Z']), 'fix-intact').needsReply, true);
    const answered = replyState(issue('A-1', ['2026-03-01'], ['2026-03-05T09:00:00Z', '2026-02-01T09:00:00Z']), 'fix-reverted');
    assert.deepEqual(answered, { needsReply: false, repliedOn: '2026-03-05', reportedOn: '2026-03-01' });
  });

  it('counts a reply on the day of the report as an answer (reports carry no time)', () => {
    assert.equal(replyState(issue('A-1', ['2026-03-05'], ['2026-03-05T18:00:00Z']), 'fix-reverted').needsReply, false);
  });

  it('with nothing sent, asks for a reply only when the verdict calls for action', () => {
    for (const verdict of ['fix-reverted', 'fix-modified', 'fix-not-deployed'] as const) assert.equal(replyState(issue('A-1', ['2026-03-01'], []), verdict).needsReply, true, verdict);
    for (const verdict of ['fix-intact', 'no-fix-linked', 'deployed-unknown'] as const) assert.equal(replyState(issue('A-1', ['2026-03-01'], []), verdict).needsReply, false, verdict);
    assert.equal(replyState(issue('A-1', ['2026-03-01'], []), undefined).needsReply, false, 'an unknown verdict asks for nothing');
  });

  it('expects nothing of a closed or won\'t-fix issue', () => {
    assert.equal(replyState(issue('A-1', ['2026-03-10'], ['2026-03-01T00:00:00Z'], 'closed'), 'fix-reverted').needsReply, false);
    assert.equal(replyState(issue('A-1', ['2026-03-10'], [], 'wont-fix'), 'fix-reverted').needsReply, false);
  });

  it('orders those that need a reply first, then the newest report, then the id', () => {
    const rows = [issue('A-1', ['2026-03-01'], []), issue('A-2', ['2026-03-09'], []), issue('A-3', ['2026-02-01'], []), issue('A-4', ['2026-03-09'], [])].map((i) => ({
      id: i.id,
      state: replyState(i, i.id === 'A-3' ? 'fix-reverted' : 'fix-intact'),
    }));
    assert.deepEqual(rows.sort(compareInbox).map((r) => r.id), ['A-3', 'A-2', 'A-4', 'A-1']);
  });

  it('orders issues by the latest report, the issue\'s opening day when it has none', () => {
    const none = { ...issue('A-9', [], []), created: '2026-04-01' };
    assert.deepEqual([issue('A-1', ['2026-03-01'], []), none, issue('A-2', ['2026-03-02', '2026-01-01'], [])].sort(compareByLatestReport).map((i) => i.id), ['A-9', 'A-2', 'A-1']);
  });
});
