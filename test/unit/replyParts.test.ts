// A fix made in parts: a reply says which part a change undid (by the day it was made), and says
// "that part of the fix" only when some part still stands; when every part was undone, "the fix".
import * as assert from 'node:assert/strict';
import { buildReplyContext } from '../../src/core/reply/context';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { commitFacts, renderFixtureReply, SCENARIOS } from './replyFixtures';

const render = renderFixtureReply;

const partly = SCENARIOS['fix-reverted-partly']!;
const [first, second] = partly.fixes as [IssueEvidence['fixes'][number], IssueEvidence['fixes'][number]];
const everyPart: IssueEvidence = {
  ...partly,
  fixes: [{ ...first, reverts: [{ ...commitFacts('d1d1', `Revert "${first.subject}"`, '2026-10-29T18:05:00+01:00', false), how: 'message', reverts: first.sha }] }, second],
};

describe('a reply about a fix made in parts', () => {
  it('names the part a change undid by the day it was made, and the rest as "that part"', () => {
    assert.equal(buildReplyContext({ evidence: partly, language: 'en' }).undonePart, true);
    const en = render(partly, 'en');
    assert.match(en, /a change by Marc Vidal undid the part of the fix made on March 13\./);
    assert.match(en, /no longer has that part of the fix/);
    assert.match(en, /why that part of the fix was undone/);
    const es = render(partly, 'es');
    assert.match(es, /un cambio de Marc Vidal deshizo la parte de la corrección hecha el 13 de marzo\./);
    assert.match(es, /ya no tiene esa parte de la corrección/);
    assert.match(es, /por qué se deshizo esa parte de la corrección/);
  });

  it('every part undone: "the fix", not "that part of the fix"', () => {
    assert.equal(buildReplyContext({ evidence: everyPart, language: 'en' }).undonePart, false);
    for (const audience of ['plain', 'technical'] as const) {
      const en = render(everyPart, 'en', audience);
      assert.doesNotMatch(en, /that part of the fix/);
      assert.match(en, /no longer has the fix/);
      const es = render(everyPart, 'es', audience);
      assert.doesNotMatch(es, /esa parte de la corrección/);
      assert.match(es, /ya no tiene la corrección/);
    }
  });

  it('one part missing from the target: told as a part, the part on the target told too, and the whole fix said missing', () => {
    const base = SCENARIOS['fix-modified-several']!;
    const [onMain, second] = base.fixes as [IssueEvidence['fixes'][number], IssueEvidence['fixes'][number]];
    const evidence: IssueEvidence = { ...base, verdict: 'fix-not-on-target', fixes: [{ ...onMain, survival: null }, { ...second, reachable: false, tags: [], firstTag: null, survival: null }] };
    assert.equal(buildReplyContext({ evidence, language: 'en' }).partOnTarget, true);
    const en = render(evidence, 'en');
    assert.match(en, /On March 13, Marc Vidal made part of the fix, but that part has not yet been added/);
    assert.match(en, /The part of the fix made on March 12 is already in that code\./);
    assert.match(en, /has the whole fix yet/);
    assert.match(en, /I will add the missing part/);
    assert.doesNotMatch(en, /fixed this problem/);
    assert.match(render(evidence, 'en', 'technical'), /Marc Vidal made part of the fix in commit/);
    const es = render(evidence, 'es');
    assert.match(es, /El 13 de marzo, Marc Vidal hizo una parte de la corrección, pero esa parte todavía no se ha incorporado/);
    assert.match(es, /La parte de la corrección hecha el 12 de marzo ya está en ese código\./);
    assert.match(es, /tiene todavía la corrección completa/);
    assert.match(es, /añadiré la parte que falta/);
    assert.doesNotMatch(es, /corrigió este problema/);
    // File names are the technical reply's and the appendix's: a plain reader is told the parts by date.
    for (const text of [en, es]) assert.doesNotMatch(text, /totals\.ts|invoicePdf|\.ts\b/);
  });
});
