// The evidence cache: a change makes every entry stale at once, an unchanged key confirms an entry
// without recomputing, a failure replaces evidence with its problem, and gone issues are dropped.
import * as assert from 'node:assert/strict';
import { EvidenceCache } from '../../src/core/evidence/evidenceCache';
import type { IssueEvidence } from '../../src/core/evidence/model';

const evidence = (verdict: IssueEvidence['verdict']): IssueEvidence => ({ verdict }) as unknown as IssueEvidence;

describe('evidence cache', () => {
  it('marks every entry stale on a change and confirms one whose key did not change', () => {
    const cache = new EvidenceCache<string>();
    cache.store('A-1', 'k1', cache.generation, evidence('fix-intact'));
    assert.equal(cache.isFresh('A-1'), true);
    cache.invalidate();
    assert.equal(cache.isFresh('A-1'), false);
    assert.equal(cache.state('A-1').stale, true);
    assert.equal(cache.state('A-1').evidence?.verdict, 'fix-intact', 'stale evidence stays shown');
    assert.equal(cache.confirm('A-1', 'k2', cache.generation), undefined, 'a different key is not confirmed');
    assert.equal(cache.confirm('A-1', 'k1', cache.generation)?.verdict, 'fix-intact');
    assert.equal(cache.isFresh('A-1'), true);
  });

  it('serves verdict-level evidence only to those who need the verdict alone, full evidence to everyone', () => {
    const cache = new EvidenceCache<string>();
    cache.store('A-1', 'k1', cache.generation, { ...evidence('fix-reverted'), detail: 'verdict' });
    assert.equal(cache.isFresh('A-1', 'verdict'), true);
    assert.equal(cache.isFresh('A-1', 'full'), false, 'a reply or an expanded issue needs the full evidence');
    assert.equal(cache.confirm('A-1', 'k1', cache.generation, 'full'), undefined);
    assert.equal(cache.confirm('A-1', 'k1', cache.generation, 'verdict')?.verdict, 'fix-reverted');
    cache.store('A-1', 'k1', cache.generation, evidence('fix-reverted'));
    assert.equal(cache.isFresh('A-1', 'full'), true);
    assert.equal(cache.confirm('A-1', 'k1', cache.generation, 'verdict')?.verdict, 'fix-reverted', 'the full evidence also serves the verdict');
  });

  it('confirms nothing after the keys are forgotten, and keeps the old evidence until replaced', () => {
    const cache = new EvidenceCache<string>();
    cache.store('A-1', 'k1', cache.generation, evidence('fix-modified'));
    cache.forgetKeys();
    assert.equal(cache.confirm('A-1', 'k1', cache.generation), undefined);
    assert.equal(cache.get('A-1')?.verdict, 'fix-modified');
  });

  it('replaces evidence with the problem of a failed computation', () => {
    const cache = new EvidenceCache<string>();
    cache.store('A-1', 'k1', 0, evidence('fix-intact'));
    cache.fail('A-1', 'k1', 0, 'bad-target');
    assert.deepEqual(cache.state('A-1'), { evidence: undefined, stale: false, fromLastSession: false, problem: 'bad-target' });
  });

  it('drops the entries and wishes of issues that are gone', () => {
    const cache = new EvidenceCache<string>();
    cache.store('A-1', 'k', 0, evidence('fix-intact'));
    cache.store('A-2', 'k', 0, evidence('fix-intact'));
    cache.want('A-1');
    cache.want('A-2');
    cache.keepOnly(new Set(['A-2']));
    assert.equal(cache.get('A-1'), undefined);
    assert.deepEqual(cache.wanted(), ['A-2']);
  });

  it("says an entry is the last session's until this session confirms or replaces it", () => {
    const cache = new EvidenceCache<string>();
    cache.restore('A-1', 'k1', evidence('fix-reverted'));
    cache.restore('A-2', 'k2', evidence('fix-intact'));
    assert.deepEqual(cache.state('A-1'), { evidence: evidence('fix-reverted'), stale: true, fromLastSession: true, problem: undefined });
    assert.equal(cache.confirm('A-1', 'k1', cache.generation)?.verdict, 'fix-reverted');
    assert.equal(cache.state('A-1').fromLastSession, false);
    cache.store('A-2', 'k3', cache.generation, evidence('fix-modified'));
    assert.equal(cache.state('A-2').fromLastSession, false);
    assert.equal(cache.state('A-3').fromLastSession, false);
  });
});
