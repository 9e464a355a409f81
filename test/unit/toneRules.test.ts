// The tone rules of each language, tested from their own examples (true and false positives), and
// the matcher's handling of accents, case, word boundaries and text the writer did not word.
import * as assert from 'node:assert/strict';
import { checkTone, clientWords, toneRules } from '../../src/core/tone/check';
import { TONE_CATEGORIES } from '../../src/core/tone/model';

for (const language of ['en', 'es'] as const) {
  describe(`tone rules (${language})`, () => {
    const rules = toneRules(language);

    it('has unique ids named after their category', () => {
      const ids = rules.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const rule of rules) assert.ok(rule.id.startsWith(`${rule.category}.`), rule.id);
    });

    it('writes patterns in lower case, since they run on lower-cased text without the i flag', () => {
      for (const rule of rules.filter((r) => r.caseSensitive !== true)) {
        for (const pattern of rule.patterns) assert.doesNotMatch(pattern.replace(/\\[pP]\{[^}]+\}|\\./g, ''), /[A-Z]/, `${rule.id}: ${pattern}`);
      }
    });

    it('covers every category', () => {
      assert.deepEqual([...new Set(rules.map((r) => r.category))].sort(), [...TONE_CATEGORIES].sort());
    });

    for (const rule of rules) {
      describe(rule.id, () => {
        it('has examples of both kinds and a reason', () => {
          assert.ok(rule.examples.flag.length > 0 && rule.examples.pass.length > 0);
          assert.ok(rule.reason.length > 10);
          assert.ok(rule.suggestion.length > 5);
        });
        for (const text of rule.examples.flag) {
          it(`flags: ${text}`, () => {
            // Rules that speak only when the evidence says the change was the user's get that context.
            // The rule alone: in the full set an earlier rule of the same category may name the span first.
            const options = { rules: [rule], ...(rule.needsOwner === 'me' ? { changeOwner: 'me' as const } : {}) };
            const hits = checkTone(text, language, options).filter((f) => f.ruleId === rule.id);
            assert.ok(hits.length > 0, `"${text}" not flagged by ${rule.id}`);
            for (const hit of hits) assert.equal(text.slice(hit.start, hit.end), hit.text);
          });
        }
        for (const text of rule.examples.pass) {
          it(`passes: ${text}`, () => {
            // The rules' own pass examples: the learned complement is tested in toneLearned.test.ts.
            assert.deepEqual(checkTone(text, language, { learned: false }).map((f) => `${f.ruleId}: ${f.text}`), []);
          });
        }
      });
    }
  });
}

describe('tone messages keep one register', () => {
  it('speaks to the writer as tú in Spanish, as the rest of the interface does', () => {
    for (const rule of toneRules('es')) {
      const words = `${rule.reason} ${rule.suggestion}`;
      assert.doesNotMatch(words, /\b(?:usted|indique|diga|cuente|revise|escriba|plantéese|compruebe|exponga|reconozca|repita)\b/iu, rule.id);
    }
  });

  it('offers Spanish rewrites without a second person, so they fit usted, tú and vos replies alike', () => {
    for (const rule of toneRules('es')) assert.doesNotMatch(rule.alternative, /\b(?:usted|le|te|tú|tu|vos|su|sus|les)\b/iu, rule.id);
  });
});

describe('tone matcher', () => {
  it('ignores accents both ways and keeps the written text', () => {
    const [withAccent] = checkTone('Como ya le comenté, funciona.', 'es');
    const [without] = checkTone('Como ya le comente, funciona.', 'es');
    assert.equal(withAccent?.ruleId, 'condescending.as-i-told');
    assert.equal(withAccent?.text, 'Como ya le comenté');
    assert.equal(without?.ruleId, 'condescending.as-i-told');
  });

  it('matches the typographic apostrophe like the straight one', () => {
    assert.equal(checkTone('That’s not my fault.', 'en')[0]?.ruleId, 'defensive.not-my-side');
  });

  it('respects word boundaries, also around accented letters', () => {
    assert.deepEqual(checkTone('Justice is simplistic in theory.', 'en'), []);
    assert.deepEqual(checkTone('Los simplementeños.', 'es'), []);
    assert.equal(checkTone('Sí, simplemente.', 'es')[0]?.text, 'simplemente');
  });

  it('reports 1-based lines and columns', () => {
    const [finding] = checkTone('Hello,\n\nIt should be fixed now.', 'en');
    assert.equal(finding?.ruleId, 'overpromising.hedged-done');
    assert.equal(finding?.line, 3);
    assert.equal(finding?.column, 1);
  });

  it('skips code, links, URLs and quoted text', () => {
    const text = [
      'Commit [abc](https://example.com/SHOUT/obviously) “WIP: simply revert” «NO es culpa mía»',
      '`git log --grep=OBVIOUSLY`',
      '```',
      'AS I ALREADY TOLD YOU',
      '```',
      'See https://example.com/ASAP for details.',
    ].join('\n');
    assert.deepEqual(checkTone(text, 'en'), []);
    assert.deepEqual(checkTone(text, 'es'), []);
  });

  it('does not take issue ids, versions or acronyms for shouting', () => {
    assert.deepEqual(checkTone('ACME-12 is fixed in v1.4.0; the PDF and API are fine.', 'en'), []);
    assert.deepEqual(checkTone('ACME-12 está en la v1.4.0; el IVA del PDF es correcto.', 'es'), []);
  });

  it('lets the client\'s own names be written in capitals', () => {
    const text = 'Saludos al equipo de ACME LOGÍSTICA.';
    assert.equal(checkTone(text, 'es').length, 2);
    assert.deepEqual(checkTone(text, 'es', { allow: clientWords({ prefix: 'ACME', name: 'ACME LOGÍSTICA' }) }), []);
  });

  it('reports a span once per category, the first rule naming it', () => {
    const findings = checkTone('Como ya le dije, no es culpa mía.', 'es');
    const defensive = findings.filter((f) => f.category === 'defensive');
    assert.equal(defensive.length, 1);
    assert.equal(defensive[0]?.ruleId, 'defensive.not-my-side');
    assert.ok(findings.some((f) => f.category === 'condescending'));
  });

  it('flags several findings in order', () => {
    const ids = checkTone('Obviously this is NOT my fault!!', 'en').map((f) => f.ruleId);
    assert.deepEqual(ids, ['condescending.as-i-told', 'defensive.not-my-side', 'shouting.caps', 'shouting.exclamation']);
  });
});

