// The learned tone complement's view of a sentence: folded, lightly stemmed word unigrams and bigrams,
// clause by clause, with up to three words after a negation marked NEG_. One module for the product
// and the trainer (test/bench/toneTrain.ts), so what is scored is exactly what was trained.
import type { Language } from '../store/model';
import { guardHolds } from './guards';
import type { ToneGuard } from './model';
import { foldText } from './text';

/** Shouting is capitals and marks: the rules see it whole, the model (lower-cased words) never claims it. */
export const MODEL_CLASSES = ['clean', 'stalling', 'overpromising', 'defensive', 'blaming', 'dismissive', 'condescending', 'dodging'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

const ES_ENDINGS = ['amente', 'mente', 'aciones', 'iciones', 'acion', 'icion', 'ando', 'iendo', 'ados', 'adas', 'idos', 'idas', 'ado', 'ada', 'ido', 'ida', 'aron', 'ieron', 'abamos', 'aban', 'abas', 'aba', 'ian', 'ias', 'ia', 'aste', 'iste', 'amos', 'emos', 'imos', 'ais', 'eis', 'as', 'es', 'an', 'en', 'ar', 'er', 'ir', 'os', 'a', 'e', 'o', 's'];
const EN_ENDINGS = ['ingly', 'edly', 'ing', 'ied', 'ies', 'ed', 'ly', 'es', 's'];
/**
 * With `wideStems`, Spanish endings tried before the light ones: vosotros forms, the future, the
 * conditional and the -ie- past subjunctive, so "tocasteis" and "tocaríais" meet "tocaste"; endings that
 * also end present forms ("prepara", "preparan", "base") are left out.
 */
const ES_WIDE_ENDINGS = ['ariais', 'eriais', 'iriais', 'asteis', 'isteis', 'abais', 'ierais', 'ieseis', 'arais', 'aseis', 'areis', 'ereis', 'ireis', 'iais', 'arian', 'erian', 'irian', 'aria', 'eria', 'iria', 'aremos', 'eremos', 'iremos', 'iera', 'iese'];
/** Words too common to explain anything: they may weigh in the model, but an explanation names others. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a al ante con de del el en es esta este eso esto la las le les lo los me mi nos o para por que se su sus te tu un una uno y ya ' +
    "a an and at be been by for from had has have i in is it it's its me my of on or our so that the their this to was we were with you your"
  ).split(' '),
);
const NEGATORS: Record<Language, ReadonlySet<string>> = {
  es: new Set(['no', 'nunca', 'jamas', 'ni', 'tampoco', 'sin']),
  en: new Set(['no', 'not', 'never', 'nor', 'cannot', 'without']),
};
const EN_CONTRACTED: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall' };

function stem(word: string, language: Language, wide = false): string {
  for (const ending of language === 'es' ? (wide ? [...ES_WIDE_ENDINGS, ...ES_ENDINGS] : ES_ENDINGS) : EN_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}

export interface Feature {
  name: string;
  /** The words as written (folded), to name in an explanation. */
  words: string;
}

/**
 * Which features beyond the stem unigrams and bigrams a model reads; a model carries its own, so the
 * check scores a sentence exactly as its model was trained.
 * - `chars`: character n-grams of these lengths inside each word ("_gar", "aran"...), for Spanish
 *   morphology, misspellings and wording a stem misses; named by the word they sit in;
 * - `skips`: pairs of stems with one word between them ("yo … funcionando"), named by all three words;
 * - `guards`: which rule guards hold over the whole sentence (a date, an apology, a check asked on the
 *   client's side...), as features `g:<guard>`.
 */
export interface FeatureKinds {
  chars?: readonly number[];
  skips?: boolean;
  guards?: boolean;
  /** Wider Spanish stemming: vosotros forms, future, conditional, past subjunctive (ES_WIDE_ENDINGS). */
  wideStems?: boolean;
}

/** The guards worth reading over a whole sentence: those that do not depend on where a match sits. */
const SENTENCE_GUARDS: readonly ToneGuard[] = ['reported', 'retracted', 'conditional', 'backed', 'checksTheirs', 'concrete', 'apology', 'ownsIt', 'attested'];

/** Unigrams and bigrams of stems, clause by clause; up to three words after a negation carry NEG_. */
export function sentenceFeatures(text: string, language: Language, kinds: FeatureKinds = {}): Feature[] {
  const out: Feature[] = [];
  const lower = foldText(text).lower;
  if (kinds.guards) {
    const whole = { before: '', match: '', after: lower, next: '' };
    const end = { before: lower, match: '', after: '', next: '' };
    for (const g of SENTENCE_GUARDS) if (guardHolds(g, whole) || guardHolds(g, end)) out.push({ name: `g:${g}`, words: '' });
  }
  for (const clause of lower.split(/[.,;:!?¿¡()"«»\n—–]+/u)) {
    let negated = 0;
    let previous: { stem: string; word: string } | undefined;
    let beforePrevious: { stem: string; word: string } | undefined;
    for (const raw of clause.match(/[\p{L}\p{N}']+/gu) ?? []) {
      let word = raw.replace(/^'+|'+$/gu, '');
      let negator = NEGATORS[language].has(word);
      if (language === 'en' && word.endsWith("n't")) {
        word = EN_CONTRACTED[word.slice(0, -3)] ?? word.slice(0, -3);
        negator = true;
      }
      if (word === '') continue;
      const s = (negated > 0 ? 'NEG_' : '') + stem(word, language, kinds.wideStems);
      out.push({ name: `u:${s}`, words: word });
      if (kinds.chars) {
        const padded = `_${word}_`;
        for (const n of kinds.chars) for (let i = 0; i + n <= padded.length; i++) out.push({ name: `c:${padded.slice(i, i + n)}`, words: word });
      }
      if (previous) out.push({ name: `b:${previous.stem}_${s}`, words: `${previous.word} ${word}` });
      if (kinds.skips && beforePrevious && previous) out.push({ name: `s:${beforePrevious.stem}_${s}`, words: `${beforePrevious.word} ${previous.word} ${word}` });
      beforePrevious = previous;
      previous = { stem: s, word };
      negated = negator ? 3 : Math.max(0, negated - 1);
    }
  }
  return out;
}

export function softmax(scores: Float64Array): Float64Array {
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** A model's weights: per feature name, one weight per class in MODEL_CLASSES order. */
export interface ToneWeights {
  weights: ReadonlyMap<string, Float64Array>;
  bias: Float64Array;
  /** The features it was trained on beyond stem unigrams and bigrams. */
  kinds?: FeatureKinds;
}

export function classScores(model: ToneWeights, names: readonly string[]): Float64Array {
  const scores = Float64Array.from(model.bias);
  for (const name of names) {
    const w = model.weights.get(name);
    if (w) for (let c = 0; c < MODEL_CLASSES.length; c++) scores[c] = (scores[c] as number) + (w[c] as number);
  }
  return scores;
}
