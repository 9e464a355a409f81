// The learned complement to the tone rules: the shipped modules match the corpus and hyper-parameters
// they claim (so a corpus change without `npm run tone:train` fails here), their one-byte weights
// decide as the float model does, and their findings name their words and yield to the rule guards.
import * as assert from 'node:assert/strict';
import { checkTone, toneFixes, toneRules } from '../../src/core/tone/check';
import { sentenceFeatures } from '../../src/core/tone/features';
import type { ToneWeights } from '../../src/core/tone/features';
import { categoryGuards, cleanProbability, decodeModel, decodeNames, encodeNames, judgeSentence, learnedModel, quantise, verdictFlags } from '../../src/core/tone/learned';
import { LEARNED_EN } from '../../src/core/tone/learned.en';
import { LEARNED_ES } from '../../src/core/tone/learned.es';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TUNE_PARTS, measuredParts, readCorpus } from '../bench/toneCorpus';
import type { CorpusEntry } from '../bench/toneCorpus';
import { HYPER, trainingChecksum, train } from '../bench/toneTraining';

const SHIPPED = { es: LEARNED_ES, en: LEARNED_EN } as const;

/** Sentences the model flags on its own (no rule finding), per language, from the tune parts. */
function learnedOnly(language: 'en' | 'es', corpus: readonly CorpusEntry[]): string[] {
  return corpus
    .filter((e) => e.lang === language && e.label !== 'clean')
    .map((e) => e.text)
    .filter((t) => {
      const findings = checkTone(t, language);
      return findings.length > 0 && findings.every((f) => f.ruleId.endsWith('.learned'));
    });
}

describe('learned tone complement', function () {
  this.timeout(120000);
  const corpus = TUNE_PARTS.flatMap((part) => readCorpus(part));

  it('was trained from the current corpus and hyper-parameters', () => {
    const checksum = trainingChecksum();
    for (const language of ['es', 'en'] as const) {
      assert.equal(SHIPPED[language].checksum, checksum, `src/core/tone/learned.${language}.ts is stale: the corpus or the hyper-parameters changed; run \`npm run tone:train\``);
    }
  });

  for (const language of ['es', 'en'] as const) {
    describe(language, () => {
      let float: ToneWeights;
      before(() => {
        float = train(corpus, language);
      });

      it('ships one byte per weight that decides as the float weights on >= 99% of the tune sentences', () => {
        const shipped = learnedModel(language);
        const guards = categoryGuards(toneRules(language));
        const mine = corpus.filter((e) => e.lang === language);
        const agree = mine.filter((e) => {
          const a = judgeSentence(float, e.text, language, guards);
          const b = judgeSentence(shipped, e.text, language, guards);
          return verdictFlags(a, shipped.threshold) === verdictFlags(b, shipped.threshold) && (!verdictFlags(a, shipped.threshold) || a.category === b.category);
        }).length;
        assert.ok(agree / mine.length >= 0.99, `${agree}/${mine.length} agree`);
      });

      it('is deterministic: retraining gives the shipped weights byte for byte', () => {
        const again = quantise(train(corpus, language), SHIPPED[language].threshold, SHIPPED[language].checksum, SHIPPED[language].veto);
        assert.equal(again.features, SHIPPED[language].features);
        assert.equal(again.weights, SHIPPED[language].weights);
        const text = corpus.find((e) => e.lang === language && e.label === 'blaming')?.text ?? '';
        assert.deepEqual(checkTone(text, language), checkTone(text, language));
      });

      it('decodes the features and weights it ships', () => {
        const decoded = decodeModel(SHIPPED[language]);
        assert.equal(decoded.weights.size, decodeNames(SHIPPED[language].features).length);
        assert.ok(decoded.weights.size > 100 && decoded.weights.size <= HYPER.keepFeatures);
      });

      it('adds findings only where the rules found nothing, naming the words that weighed most, with a fix', () => {
        // The rules catch nearly every tune sentence, so a plain claim of done-ness the rules leave alone joins them.
        const found = [language === 'es' ? 'Ya está funcionando perfecto.' : 'Your totals will be correct from now on.', ...learnedOnly(language, corpus)];
        for (const text of found.slice(0, 20)) {
          const [finding] = checkTone(text, language);
          assert.ok(finding);
          assert.match(finding.reason, language === 'es' ? /Estas palabras pesan hacia [^:]+: «[^»]+»/u : /These words weigh toward [^:]+: “[^”]+”/u);
          const said = finding.reason.slice(finding.reason.search(/Estas palabras pesan|These words weigh/u));
          const words = [...said.matchAll(/[«“]([^»”]+)[»”]/gu)].map((m) => (m[1] as string).toLowerCase());
          for (const w of words) assert.ok(text.toLowerCase().includes(w), `${w} not in ${text}`);
          assert.ok(toneFixes(text, finding).length > 0);
          assert.equal(checkTone(text, language, { learned: false }).length, 0);
        }
      });
    });
  }

  it('yields to the rule guards: negation, offers, ownership', () => {
    // Each guarded sentence scores past the threshold with words to name; only the guard stops it.
    const cases: Array<['en' | 'es', string, string]> = [
      ['es', 'Ya está funcionando perfecto.', 'No te puedo decir que ya está funcionando perfecto.'],
      ['en', 'Everything is working perfectly now.', 'Should you want it, everything is working perfectly now.'],
      ['es', 'Se modificó la configuración en algún momento.', 'Se me pasó: se modificó la configuración en algún momento.'],
    ];
    for (const [language, bad, guarded] of cases) {
      assert.ok(checkTone(bad, language).some((f) => f.category === judgeSentence(learnedModel(language), guarded, language, categoryGuards(toneRules(language))).category), bad);
      const verdict = judgeSentence(learnedModel(language), guarded, language, categoryGuards(toneRules(language)));
      if (verdict.probability >= learnedModel(language).threshold) {
        assert.ok(verdict.words.length > 0 && verdict.vetoed, guarded);
      }
      else {
        // The model reads the guards as features too: owning the slip alone can pull it under the threshold.
        assert.ok(/perd[oó]n|se me pas[oó]/iu.test(guarded), `${guarded}: ${verdict.probability}`);
      }
      assert.deepEqual(checkTone(guarded, language).filter((f) => f.ruleId.endsWith('.learned')), [], guarded);
    }
  });
});

describe('learned model encoding', () => {
  it('stores the sorted feature names by the prefix each shares with the one before, and reads them back', () => {
    const names = ['u:garantiz', 'b:te_lo', "u:it's", 'u:10', 'u:garantizo', 'b:te_lo_garantiz', 'g:apology', 'u:garantizaria', 'u:1'].sort();
    const text = encodeNames(names);
    assert.deepEqual(decodeNames(text), names);
    assert.ok(text.includes(' 9zaria'), 'a shared prefix longer than nine characters keeps nine');
    assert.ok(text.length < names.join(' ').length);
    assert.deepEqual(decodeNames(encodeNames([])), []);
  });

  it('decodes to the weights it quantised, whatever order the model held its features in', () => {
    const weights = new Map<string, Float64Array>([
      ['u:zeta', Float64Array.from([0, 1, 0, 0, 0, 0, 0, -1])],
      ['u:alfa', Float64Array.from([0.5, 0, 0, 0, 0, 0, 0, 0])],
      ['u:alfab', Float64Array.from([0, 0, -0.25, 0, 0, 0, 0, 0])],
    ]);
    const decoded = decodeModel(quantise({ weights, bias: new Float64Array(8) }, 0.9, 'x'));
    for (const [name, w] of weights) {
      const got = decoded.weights.get(name);
      assert.ok(got, name);
      w.forEach((v, c) => assert.ok(Math.abs((got[c] as number) - v) < 0.01, `${name}[${c}]`));
    }
  });
});

describe('tone model features', () => {
  it('reads which rule guards hold over a sentence only when its model asks for them, and never names them as words', () => {
    const names = (kinds?: { guards: boolean }): string[] => sentenceFeatures('Perdón, fue un error mío; el jueves a las 10 le escribo.', 'es', kinds).map((f) => f.name);
    assert.ok(names({ guards: true }).includes('g:apology') && names({ guards: true }).includes('g:concrete'));
    assert.ok(!names().some((n) => n.startsWith('g:')));
    assert.ok(sentenceFeatures('Perdón, fue un error mío.', 'es', { guards: true }).filter((f) => f.name.startsWith('g:')).every((f) => f.words === ''));
  });

  it('reads accent-folded character n-grams and skip pairs only when asked, each named by the words it came from', () => {
    const feats = sentenceFeatures('Te lo garantizó él, tenés razón.', 'es', { chars: [3, 5], skips: true });
    const chars = feats.filter((f) => f.name.startsWith('c:'));
    assert.ok(chars.some((f) => f.name === 'c:_ga' && f.words === 'garantizo'));
    assert.ok(chars.some((f) => f.name === 'c:tizo_' && f.words === 'garantizo'));
    assert.ok(chars.some((f) => f.name === 'c:tenes' && f.words === 'tenes'), 'accents folded');
    assert.ok(!chars.some((f) => f.name.length - 2 === 4), 'only the lengths asked for');
    const skips = feats.filter((f) => f.name.startsWith('s:'));
    assert.ok(skips.some((f) => f.words === 'te lo garantizo'));
    assert.ok(!skips.some((f) => f.words.includes('el tenes')), 'never across a clause');
    assert.ok(!sentenceFeatures('Te lo garantizó él.', 'es').some((f) => f.name.startsWith('c:') || f.name.startsWith('s:')));
  });

  it('stems vosotros, future and conditional forms like the preterite only when asked, leaving present forms alone', () => {
    const unigrams = (text: string, wideStems?: boolean): string[] => sentenceFeatures(text, 'es', { wideStems }).filter((f) => f.name.startsWith('u:')).map((f) => f.name);
    assert.deepEqual(unigrams('tocasteis tocaríais tocaste', true), ['u:toc', 'u:toc', 'u:toc']);
    assert.notDeepEqual(unigrams('tocasteis tocaríais tocaste'), ['u:toc', 'u:toc', 'u:toc']);
    assert.deepEqual(unigrams('prepara preparan', true), unigrams('prepara preparan'));
    assert.deepEqual(sentenceFeatures('you touched it', 'en', { wideStems: true }), sentenceFeatures('you touched it', 'en'));
  });
});

describe('the veto of rule findings', function () {
  this.timeout(120000);
  const corpus = TUNE_PARTS.flatMap((part) => readCorpus(part));

  for (const language of ['es', 'en'] as const) {
    it(`${language}: drops only rule findings in sentences the model is sure are clean, and keeps nearly every bad sentence caught`, () => {
      const model = learnedModel(language);
      const veto = model.veto;
      if (veto === undefined) return assert.equal(SHIPPED[language].veto, undefined);
      const mine = corpus.filter((e) => e.lang === language);
      let cleared = 0;
      let lost = 0;
      for (const e of mine) {
        const rules = checkTone(e.text, language, { learned: false });
        if (rules.length === 0) continue;
        const shipped = checkTone(e.text, language).filter((f) => !f.ruleId.endsWith('.learned'));
        // What stays is the rules' own findings, untouched.
        for (const f of shipped) assert.ok(rules.some((r) => r.ruleId === f.ruleId && r.start === f.start && r.end === f.end), e.text);
        if (shipped.length < rules.length) {
          // Only when the model is at least `veto` sure the whole text is clean (one-sentence entries).
          if (!/[.!?]\s+\S/u.test(e.text.trim())) assert.ok(cleanProbability(model, e.text, language) >= veto, e.text);
          if (shipped.length === 0 && e.label === 'clean') cleared++;
          if (checkTone(e.text, language).length === 0 && e.label !== 'clean') lost++;
        }
      }
      assert.ok(cleared > 0, 'the veto clears some of the rules\' false alarms on the tune parts');
      assert.ok(lost <= mine.length * 0.005, `${lost} bad sentences lost their findings`);
    });
  }

  it('never vetoes shouting: the model does not read capitals', () => {
    for (const [language, text] of [['es', 'Gracias por avisar, lo REVISO hoy y te escribo a las 5.'], ['en', 'Thanks for letting me know, I will CHECK it today and write at 5.']] as const) {
      assert.ok(checkTone(text, language).some((f) => f.category === 'shouting'), text);
    }
  });
});

describe('tone corpus parts', () => {
  it('takes every measure*.jsonl as a measured part, by name, and never a tune part', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tone-corpus-'));
    try {
      for (const name of ['tune.jsonl', 'tune-3.jsonl', 'measure-2.jsonl', 'measure.jsonl', 'measure-10.jsonl', 'measure.jsonl.bak', 'notes.md']) writeFileSync(join(dir, name), '');
      assert.deepEqual(measuredParts(dir), ['measure', 'measure-2', 'measure-10']);
      assert.ok(measuredParts(dir).every((part) => !(TUNE_PARTS as readonly string[]).includes(part)));
    }
    finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
