// The tone check's warm-up in small steps (toneWarmUpSteps): one rule's patterns read per step, then
// one check per sample, so an extension host warming it in idle time is never held for a whole
// language; and a check after it finds what a check without it finds.
import * as assert from 'node:assert/strict';
import { checkTone, toneCheckSteps, toneRules, toneWarmUpSteps } from '../../src/core/tone/check';
import type { Language } from '../../src/core/store/model';

const BAD: Record<Language, string> = {
  es: 'Seguramente tu informático tocó el servidor. Te lo garantizo, no volverá a pasar.',
  en: 'Your plugin update probably broke it. I guarantee it will never happen again.',
};

describe('the tone check warmed up in steps', () => {
  for (const language of ['es', 'en'] as Language[]) {
    it(`cuts ${language} into one step per rule read, then one check per sample`, () => {
      const samples = ['ok', '“ok”'];
      const steps = toneWarmUpSteps(language, samples);
      assert.equal(steps.length, toneRules(language).length + samples.length);
      for (const step of steps) step();
      const findings = checkTone(BAD[language], language);
      assert.ok(findings.length >= 2, `findings: ${findings.map((f) => f.category).join(', ')}`);
      assert.deepEqual(new Set(findings.map((f) => f.category)), new Set(['blaming', 'overpromising']));
    });
  }

  for (const language of ['es', 'en'] as Language[]) {
    it(`cuts one ${language} check of a draft into a step per rule, one for the learned model and one per paragraph, and the check after them finds the same`, () => {
      const text = `${BAD[language]}\n\n${BAD[language].toUpperCase()}`;
      const steps = toneCheckSteps(text, language);
      assert.equal(steps.length, toneRules(language).length + 1 + 2);
      for (const step of steps) assert.equal(step(), undefined);
      const after = checkTone(text, language, { allow: ['ok'] });
      assert.deepEqual(new Set(after.map((f) => f.category)), new Set(['blaming', 'overpromising', 'shouting']));
      // The steps only compile: the same check gives the same findings, run again.
      assert.deepEqual(checkTone(text, language, { allow: ['ok'] }), after);
    });
  }
});
