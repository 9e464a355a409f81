// The tone rules run pattern by pattern (ruleMatcher.ts), each compiled only when the text holds a
// literal its matches need (literals.ts): the literals must hold for every match, and the matches
// must be the ones the rule's single alternation of all its patterns gives.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { toneRules } from '../../src/core/tone/check';
import { requiredLiterals } from '../../src/core/tone/literals';
import { ruleMatcher } from '../../src/core/tone/ruleMatcher';
import type { ToneRule } from '../../src/core/tone/model';
import { foldPattern, foldText } from '../../src/core/tone/text';
import { expandVerbs } from '../../src/core/tone/verbs';

/** The rule as one expression, as the check ran it before it ran pattern by pattern. */
function oneAlternation(rule: ToneRule): RegExp {
  const body = rule.patterns.map((p) => `(?:${foldPattern(expandVerbs(p))})`).join('|');
  return new RegExp(rule.wholeWords === false ? body : `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'gu');
}

function expected(rule: ToneRule, subject: string): Array<{ index: number; text: string }> {
  return [...subject.matchAll(oneAlternation(rule))].map((m) => ({ index: m.index, text: m[0] }));
}

describe('required literals of a pattern', () => {
  it('names the words every match holds, through groups, alternatives and optional parts', () => {
    assert.deepEqual(requiredLiterals('lo (?:estamos|estoy) mirando'), ['lo estamos mirando', 'lo estoy mirando']);
    assert.deepEqual(requiredLiterals('(?:ya )?te lo \\p{L}+ (?:pronto|luego)'), ['ya te lo ', 'te lo ']);
    assert.deepEqual(requiredLiterals('casos?'), ['casos', 'caso']);
    assert.deepEqual(requiredLiterals('a|b(?:cd|ef)'), ['a', 'bcd', 'bef']);
    assert.deepEqual(requiredLiterals('[»”"]x'), ['»x', '”x', '"x']);
    assert.deepEqual(requiredLiterals('[\\s»]x'), ['x']);
  });

  it('names nothing where a match may hold no literal', () => {
    for (const source of ['\\p{L}+', '(?:hola)?', 'a|\\d', '[a-z]+', '.', '(?=hola)', 'x*']) assert.equal(requiredLiterals(source), undefined, source);
  });

  it('reads an escaped range in a class as a range, not as its two ends', () => {
    assert.equal(requiredLiterals('[\\.-z]'), undefined);
  });

  it('holds for every match: a text without any of them has no match', () => {
    const sources = ['(?:su|tu) (?:[\\p{L}-]+ ){0,3}?equipo', 'no (?:lo )?(?:hice|toque) (?:yo|nada)', 'de (?:verdad|veras)[.!]{1,3}', '\\b(?:q|que) (?:ya|ahora)\\b'];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.stringMatching(/^[a-z .!-]{0,30}$/u), (source, text) => {
        const literals = requiredLiterals(source);
        if (literals === undefined || literals.some((l) => text.includes(l))) return;
        assert.doesNotMatch(text, new RegExp(source, 'u'));
      }),
    );
  });
});

describe('the tone rules run pattern by pattern', () => {
  for (const language of ['es', 'en'] as const) {
    it(`finds in ${language} exactly what each rule's one alternation finds, on every example of every rule`, function () {
      // Compiles every rule whole, as the check used to: seconds on a loaded machine.
      this.timeout(120_000);
      const rules = toneRules(language);
      const texts = rules.flatMap((r) => [...r.examples.flag, ...r.examples.pass]);
      for (const rule of rules) {
        for (const text of texts) {
          const folded = foldText(text);
          const subject = rule.caseSensitive === true ? folded.text : folded.lower;
          assert.deepEqual(ruleMatcher(rule).matches(subject), expected(rule, subject), `${rule.id} on "${text}"`);
        }
      }
    });
  }

  it('keeps the earlier pattern where two match at one place, and goes on past an empty match', () => {
    const rule = { patterns: ['ab', 'abc', 'x?', 'c'], wholeWords: false } as unknown as ToneRule;
    for (const subject of ['abc', 'xabcx', 'cab', '', '😀abc']) assert.deepEqual(ruleMatcher(rule).matches(subject), expected(rule, subject), subject);
  });
});
