// A plain reply says in words what a count would only burden: how much of the fix the current code
// changed, when the client's version does not have those changes. A technical reply keeps the count.
import * as assert from 'node:assert/strict';
import { buildReplyContext } from '../../src/core/reply/context';
import type { FixEvidence, IssueEvidence, LineChange } from '../../src/core/evidence/model';
import { SCENARIOS, changedOnTarget, commitFacts, renderFixtureReply } from './replyFixtures';

const render = renderFixtureReply;

describe('a plain reply says in words what the current code changed of the fix', () => {
  it('part of it, by others: words in a plain reply, the count in a technical one', () => {
    const evidence = changedOnTarget(2, false);
    assert.equal(buildReplyContext({ evidence, language: 'en' }).changedOnTarget?.changed, 2);
    assert.match(render(evidence, 'en', 'plain'), /- In the current code, later changes have altered part of the fix; the version you run does not have them\./);
    assert.match(render(evidence, 'es', 'plain', 'tu'), /- En el código actual hay cambios posteriores que modifican una parte de la corrección; la versión que tienes publicada no los incluye\./);
    assert.match(render(evidence, 'en', 'technical'), /later changes have changed or removed 2 of the 6 lines that the fix added/);
    assert.match(render(evidence, 'es', 'technical'), /cambios posteriores han modificado o eliminado 2 de las 6 líneas que añadió la corrección/);
  });

  it('all of it, by me', () => {
    const evidence = changedOnTarget(6, true);
    assert.match(render(evidence, 'en', 'plain'), /- In the current code, I later changed the whole fix; the version you run does not have those changes\./);
    assert.match(render(evidence, 'es', 'plain'), /- En el código actual, desde entonces he modificado toda la corrección; la versión que tiene publicada no incluye esos cambios\./);
    for (const language of ['en', 'es'] as const) assert.doesNotMatch(render(evidence, language, 'plain'), /\b6\b/);
  });
});

describe('a plain reply names no file and counts no lines; what it says of my changes holds their number', () => {
  const several = SCENARIOS['fix-modified-several']!;
  const [first, second] = several.fixes as [FixEvidence, FixEvidence];
  const mine = (seed: string, date: string, lines: number): LineChange => ({ ...commitFacts(seed, `Tidy ${seed}`, date, true), lines, paths: ['src/invoices/totals.ts'] });
  const withChanges = (changedBy: LineChange[]): IssueEvidence => ({ ...several, fixes: [{ ...first, survival: { ...first.survival!, intact: 3, modified: 3, changedBy } }, second] });

  it('two changes of mine, none by others: "the later changes were mine", in words, with no file or count', () => {
    const evidence = withChanges([mine('e1e1', '2026-10-28T12:40:00+01:00', 2), mine('e2e2', '2026-10-20T09:00:00+02:00', 1)]);
    const en = render(evidence, 'en', 'plain');
    assert.match(en, /The later changes were mine and most likely brought the problem back; correcting it is my responsibility\./);
    assert.match(en, /keeping what the later changes needed/);
    assert.match(render(evidence, 'es', 'plain'), /Los cambios posteriores fueron míos, así que lo más probable es que el error lo haya introducido yo/);
    assert.match(render(evidence, 'es', 'plain'), /conservando lo que necesitaban los cambios posteriores/);
    assert.match(render(evidence, 'en', 'technical'), /The later changes were mine \(/);
    for (const text of [en, render(evidence, 'es', 'plain', 'tu')]) {
      assert.doesNotMatch(text, /totals\.ts|invoicePdf|\d+ (?:lines?|líneas?)\b|The later change was mine|El cambio posterior fue mío/);
    }
  });

  it('two changes of mine and one by someone else: "some of those changes were mine"', () => {
    const other: LineChange = { ...commitFacts('e3e3', 'Use the shop currency', '2026-10-10T09:00:00+02:00', false), lines: 1, paths: ['src/invoices/totals.ts'] };
    const evidence = withChanges([mine('e1e1', '2026-10-28T12:40:00+01:00', 1), mine('e2e2', '2026-10-20T09:00:00+02:00', 1), other]);
    assert.match(render(evidence, 'en', 'plain'), /Some of those changes were mine and may have brought the problem back; if so, correcting it is my responsibility\./);
    assert.match(render(evidence, 'es', 'plain'), /Algunos de esos cambios fueron míos, así que es probable/);
    for (const language of ['en', 'es'] as const) assert.doesNotMatch(render(evidence, language, 'plain'), /One of those changes was mine|Uno de esos cambios fue mío/);
  });
});
