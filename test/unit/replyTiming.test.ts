// The timing a reply states rests on the dates the evidence holds: "since the fix was released"
// only when every later change is dated after that release (a release can ship the fix already
// changed); otherwise the changes are told as made since the fix.
import * as assert from 'node:assert/strict';
import { buildReplyContext } from '../../src/core/reply/context';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { commitFacts, renderFixtureReply, SCENARIOS } from './replyFixtures';

const render = renderFixtureReply;

/** fix-modified with its later change dated `date` (the fix was released on March 16). */
function changedOn(date: string, release = true): IssueEvidence {
  const base = SCENARIOS['fix-modified']!;
  const fix = base.fixes[0]!;
  const survival = fix.survivalDeployed!;
  return {
    ...base,
    fixes: [
      {
        ...fix,
        ...(release ? {} : { tags: [], firstTag: null }),
        survivalDeployed: { ...survival, changedBy: [{ ...commitFacts('e5e5', 'Tidy totals', date, false), lines: 3, paths: ['src/invoices/totals.ts'] }] },
      },
    ],
  };
}

// A plain reply says "part of it", a technical one the count of lines.
const RELEASED = { en: /Since the fix was released, (?:3 of the 6 lines it added have been changed|a later change has altered part of it)/, es: /Desde que se publicó la corrección, (?:3 de las 6 líneas que añadió se han modificado|un cambio posterior ha modificado una parte de ella)/ };
const MADE = { en: /Since the fix was made, (?:3 of the 6 lines it added have been changed|a later change has altered part of it)/, es: /Desde que se hizo la corrección, (?:3 de las 6 líneas que añadió se han modificado|un cambio posterior ha modificado una parte de ella)/ };
const THEN = { en: /Since then|Since the fix was released/, es: /Desde entonces|Desde que se publicó/ };

describe('the timing a reply states of later changes', () => {
  for (const language of ['en', 'es'] as const) {
    for (const audience of ['plain', 'technical'] as const) {
      it(`${language} ${audience}: changes after the release are told as since the release`, () => {
        const evidence = changedOn('2026-10-28T12:40:00+01:00');
        assert.equal(buildReplyContext({ evidence, language }).changesAfterRelease, true);
        assert.match(render(evidence, language, audience), RELEASED[language]);
      });

      it(`${language} ${audience}: a change before the fix's release is not told as since the release (it shipped changed)`, () => {
        const evidence = changedOn('2026-03-14T09:00:00+01:00');
        assert.equal(buildReplyContext({ evidence, language }).changesAfterRelease, false);
        const text = render(evidence, language, audience);
        assert.match(text, MADE[language]);
        assert.doesNotMatch(text, THEN[language]);
      });

      it(`${language} ${audience}: an unreleased fix's changes are told as since the fix`, () => {
        const text = render(changedOn('2026-10-28T12:40:00+01:00', false), language, audience);
        assert.match(text, MADE[language]);
        assert.doesNotMatch(text, THEN[language]);
      });
    }
  }
});
