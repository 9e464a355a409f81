// The evidence kept between sessions: what one session's cache wrote, the next one reads back stale,
// confirms only under the same key, and never lets replace an answer of its own; a file of another
// version, or a damaged one, is no evidence at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EvidenceCache } from '../../src/core/evidence/evidenceCache';
import { readEvidenceFile, writeEvidenceFile } from '../../src/core/evidence/evidenceFile';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { makeTempDir } from '../support/tempDir';

const evidence = (verdict: IssueEvidence['verdict'], computedAt: string): IssueEvidence => ({ verdict, fixes: [], computedAt }) as unknown as IssueEvidence;

describe('evidence kept between sessions', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('pof-evidence-file-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads back one session's keyed answers, stale until the next session confirms their key", async () => {
    const file = path.join(dir, 'storage', 'evidence-x.json');
    const first = new EvidenceCache<string>();
    first.store('A-1', 'k1', first.generation, evidence('fix-reverted', '2026-01-01T00:00:00.000Z'));
    first.store('A-2', 'k2', first.generation, evidence('fix-intact', '2026-01-01T00:00:01.000Z'));
    first.fail('A-3', 'k3', first.generation, 'bad-ref');
    first.store('A-4', 'k4', first.generation, evidence('fix-modified', '2026-01-01T00:00:02.000Z'));
    await writeEvidenceFile(file, '1.2.3', first.keyed());

    const read = await readEvidenceFile(file, '1.2.3');
    assert.deepEqual([...read.keys()].sort(), ['A-1', 'A-2', 'A-4'], 'a problem is no evidence to keep');
    const next = new EvidenceCache<string>();
    next.store('A-4', 'k4-now', next.generation, evidence('fix-intact', '2026-02-02T00:00:00.000Z'));
    for (const [id, { key, evidence: e }] of read) next.restore(id, key, e);
    assert.equal(next.state('A-1').stale, true, 'shown, but not as current');
    assert.equal(next.state('A-1').evidence?.verdict, 'fix-reverted');
    assert.equal(next.isFresh('A-1'), false, 'the pass still checks it');
    assert.equal(next.confirm('A-2', 'k2-changed', next.generation), undefined, 'the repository changed: computed again');
    assert.equal(next.confirm('A-1', 'k1', next.generation)?.computedAt, '2026-01-01T00:00:00.000Z', 'same key: the earlier answer');
    assert.equal(next.get('A-4')?.computedAt, '2026-02-02T00:00:00.000Z', "this session's answer stays");
  });

  it('ignores a file written by another version of the extension, a damaged file, and no file', async () => {
    const file = path.join(dir, 'evidence.json');
    const cache = new EvidenceCache<string>();
    cache.store('A-1', 'k1', cache.generation, evidence('fix-intact', '2026-01-01T00:00:00.000Z'));
    await writeEvidenceFile(file, '1.0.0', cache.keyed());
    assert.equal((await readEvidenceFile(file, '1.0.0')).size, 1);
    assert.equal((await readEvidenceFile(file, '1.0.1')).size, 0);
    fs.writeFileSync(file, '{"version":"1.0.0","entries":{"A-1":{"key":"k1","evi');
    assert.equal((await readEvidenceFile(file, '1.0.0')).size, 0);
    fs.writeFileSync(file, JSON.stringify({ version: '1.0.0', entries: { 'A-1': { key: '', evidence: { verdict: 'fix-intact', fixes: [] } }, 'A-2': { key: 'k', evidence: { verdict: 7 } } } }));
    assert.equal((await readEvidenceFile(file, '1.0.0')).size, 0, 'entries without a key or a verdict are dropped');
    assert.equal((await readEvidenceFile(path.join(dir, 'none.json'), '1.0.0')).size, 0);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp file left behind');
  });

  it('keeps an entry whose key was forgotten (Refresh Evidence) under the key it was computed under, until computed again', () => {
    const cache = new EvidenceCache<string>();
    cache.store('A-1', 'k1', cache.generation, evidence('fix-intact', '2026-01-01T00:00:00.000Z'));
    cache.store('A-2', 'k2', cache.generation, evidence('fix-intact', '2026-01-01T00:00:00.000Z'));
    cache.forgetKeys();
    assert.equal(cache.confirm('A-1', 'k1', cache.generation), undefined, 'this session computes it again');
    cache.store('A-2', 'k2-now', cache.generation, evidence('fix-modified', '2026-01-02T00:00:00.000Z'));
    const kept = cache.keyed();
    assert.equal(kept.get('A-1')?.key, 'k1', 'the next session may use it while the repository matches k1');
    assert.equal(kept.get('A-2')?.key, 'k2-now');
    cache.fail('A-1', 'k1', cache.generation, 'bad-ref');
    assert.equal(cache.keyed().has('A-1'), false, 'a failure replaces it');
  });
});
