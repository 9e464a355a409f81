// The relations between a fix, the other linked fixes and its reverts, on a hand-made ancestry.
import * as assert from 'node:assert/strict';
import { markMergedFixes, markReleasesInEffect } from '../../src/core/evidence/fixRelations';
import type { TagFact } from '../../src/core/evidence/model';
import { commitFacts, fixEvidence } from './replyFixtures';

const sha = (c: string): string => c.repeat(40);

describe('fix relations', () => {
  // a ← m (merge of main's p and the branch's a); b is elsewhere.
  const ancestors: Record<string, string[]> = { [sha('m')]: [sha('a'), sha('p')], [sha('p')]: [], [sha('a')]: [] };
  const isAncestor = async (x: string, y: string): Promise<boolean> => x === y || (ancestors[y] ?? []).includes(x);

  it('marks a merge that brought another linked fix in, not a merge of other work', async () => {
    const fixes = [fixEvidence({ sha: sha('m'), isMerge: true }), fixEvidence({ sha: sha('a') }), fixEvidence({ sha: sha('b') })];
    await markMergedFixes(fixes, new Map([[sha('m'), [sha('p'), sha('a')]], [sha('a'), [sha('p')]], [sha('b'), [sha('p')]]]), { isAncestor, releaseTags: async () => [] });
    assert.deepEqual(fixes.map((f) => f.mergeOf), [[sha('a')], undefined, undefined]);
    // The fix already on the merge's first parent was not brought by it.
    const onFirst = [fixEvidence({ sha: sha('m'), isMerge: true }), fixEvidence({ sha: sha('a') })];
    await markMergedFixes(onFirst, new Map([[sha('m'), [sha('a'), sha('p')]]]), { isAncestor, releaseTags: async () => [] });
    assert.equal(onFirst[0]?.mergeOf, undefined);
  });

  it('the first release in effect leaves out every release that also holds a revert', async () => {
    const tag = (name: string, date: string): TagFact => ({ name, date });
    const tags: Record<string, TagFact[]> = {
      [sha('f')]: [tag('v1.2', '2026-02-01'), tag('v1.3', '2026-03-01'), tag('v1.1', '2026-01-01')],
      [sha('r')]: [tag('v1.1', '2026-01-01'), tag('v1.3', '2026-03-01')],
    };
    const revert = { ...commitFacts('r', 'Revert', '2026-01-01', false), sha: sha('r'), how: 'message' as const, reverts: sha('f') };
    const fix = fixEvidence({ sha: sha('f'), tags: ['v1.1', 'v1.2', 'v1.3'], reverts: [revert] });
    const untouched = fixEvidence({ sha: sha('g') });
    await markReleasesInEffect([fix, untouched], { isAncestor, releaseTags: async (s) => tags[s] ?? [] });
    assert.equal(fix.firstTagInEffect?.name, 'v1.2');
    assert.equal('firstTagInEffect' in untouched, false);
    tags[sha('r')]?.push(tag('v1.2', '2026-02-01'));
    await markReleasesInEffect([fix], { isAncestor, releaseTags: async (s) => tags[s] ?? [] });
    assert.equal(fix.firstTagInEffect, null);
  });
});
