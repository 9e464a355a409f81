// Probe sentences for the shipped tone check (rules and learned complement together): each flagged
// sentence must be found in its category, each clean one left alone, in both languages.
import * as assert from 'node:assert/strict';
import { checkTone } from '../../src/core/tone/check';
import type { ToneCategory } from '../../src/core/tone/model';

export type ToneProbes = Record<'en' | 'es', { flagged: [ToneCategory, string][]; clean: string[] }>;

/** One describe per language, `title (en)` and `title (es)`: an `it` per sentence. */
export function describeToneProbes(title: string, cases: ToneProbes): void {
  for (const language of ['en', 'es'] as const) {
    describe(`${title} (${language})`, () => {
      for (const [category, text] of cases[language].flagged) {
        it(`flags as ${category}: ${text}`, () => {
          const found = checkTone(text, language).map((f) => f.category);
          assert.ok(found.includes(category), `${text} → ${found.join(', ') || 'nothing'}`);
        });
      }
      for (const text of cases[language].clean) {
        it(`leaves alone: ${text}`, () => {
          assert.deepEqual(checkTone(text, language).map((f) => `${f.ruleId} "${f.text}"`), []);
        });
      }
    });
  }
}
