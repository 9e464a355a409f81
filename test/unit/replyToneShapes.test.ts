// Drafted replies are not flagged by our own tone check, for evidence shapes beyond the golden
// scenarios: the learned rules weigh a sentence with its neighbours, so a wording that passes in one
// reply can be flagged in another (a first attempt told before the fix flagged "the cause is
// probably something new").
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildReplyContext, fileNameWords } from '../../src/core/reply/context';
import { renderReply } from '../../src/core/reply/render';
import { folderTemplateSource } from '../../src/core/reply/templateSource';
import { checkTone } from '../../src/core/tone/check';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { SCENARIOS, changedOnTarget, client, commitFacts, fixEvidence, issue } from './replyFixtures';

const templatesRoot = path.resolve(__dirname, '../../../templates');

const intact = SCENARIOS['fix-intact']!;
const attempt = fixEvidence({
  ...commitFacts('a7a7', 'Round totals (fixes ACME-12)', '2026-03-01T10:00:00+01:00', true),
  supersededBy: [intact.fixes[0]!.sha],
  reverts: [{ ...commitFacts('a8a8', 'Revert "Round totals (fixes ACME-12)"', '2026-03-02T10:00:00+01:00', true), how: 'message', reverts: 'a7a7'.repeat(10) }],
  files: ['cart.js'],
});
const partly = SCENARIOS['fix-reverted-partly']!;

const SHAPES: Record<string, IssueEvidence> = {
  'fix-intact after a first attempt': { ...intact, fixes: [attempt, { ...intact.fixes[0]!, laterChanges: [] }] },
  'fix-intact on the client\'s line': SCENARIOS['fix-intact-client-line']!,
  'fix-reverted, every part': {
    ...partly,
    fixes: [{ ...partly.fixes[0]!, reverts: [{ ...commitFacts('d1d1', 'Revert "Round invoice totals half-up (ACME-12)"', '2026-10-29T18:05:00+01:00', false), how: 'message', reverts: partly.fixes[0]!.sha }] }, partly.fixes[1]!],
  },
  'fix-not-on-target, one part': {
    ...SCENARIOS['fix-modified-several']!,
    verdict: 'fix-not-on-target',
    fixes: [{ ...SCENARIOS['fix-modified-several']!.fixes[0]!, survival: null }, { ...SCENARIOS['fix-modified-several']!.fixes[1]!, reachable: false, tags: [], firstTag: null, survival: null }],
  },
  'fix-reverted before any release, in parts': {
    ...partly,
    fixes: [partly.fixes[0]!, { ...partly.fixes[1]!, firstTagInEffect: null }],
  },
  'fix-intact, the current code changed part of it': changedOnTarget(2, false),
  'fix-intact, I changed all of it since': changedOnTarget(6, true),
};

describe('drafted replies pass our own tone check, beyond the golden scenarios', () => {
  for (const [name, evidence] of Object.entries(SHAPES)) {
    for (const [language, register] of [['en', 'usted'], ['es', 'usted'], ['es', 'tu']] as const) {
      for (const audience of ['plain', 'technical'] as const) {
        it(`${name}, ${language}${language === 'es' ? `-${register}` : ''}, ${audience}`, () => {
          for (const nextStepBy of [undefined, '2026-11-24']) {
            const context = buildReplyContext({ evidence, language, register, client: client(language, register), issue: issue(language), audience, timeZone: 'UTC', ...(nextStepBy ? { nextStepBy } : {}) });
            const rendered = renderReply(context, { builtin: folderTemplateSource(templatesRoot, language, 'builtin'), timeZone: 'UTC' });
            assert.ok(rendered.ok, JSON.stringify(rendered));
            assert.deepEqual(checkTone(rendered.text, language, { allow: fileNameWords(evidence) }).map((f) => `${f.ruleId}: ${f.text}`), [], rendered.text);
          }
        });
      }
    }
  }
});
