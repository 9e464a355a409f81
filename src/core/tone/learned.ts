// The learned complement to the tone rules: a softmax regression per language over the words of a
// sentence (features.ts), trained by `npm run tone:train` on the labelled corpus and shipped as a
// generated module per language (learned.es.ts, learned.en.ts) with one byte per weight. It speaks
// only where the rules found nothing in a sentence, only when its best bad category passes the
// threshold chosen for few false alarms, only when none of that category's rule guards holds, and
// only when it can name the words that weighed most: a finding the writer cannot judge is none.
import type { Language } from '../store/model';
import { MODEL_CLASSES, FUNCTION_WORDS, classScores, sentenceFeatures, softmax } from './features';
import type { FeatureKinds, ModelClass, ToneWeights } from './features';
import { guardHolds } from './guards';
import type { MatchContext } from './guards';
import type { ToneCategory, ToneGuard, ToneRule } from './model';
import { foldText } from './text';
import { LEARNED_EN } from './learned.en';
import { LEARNED_ES } from './learned.es';

/** A trained model as the generated modules hold it. */
export interface EncodedToneModel {
  /** sha256 of the corpus parts and hyper-parameters it was trained from (see test/bench/toneTraining.ts). */
  checksum: string;
  threshold: number;
  /** The features beyond stem unigrams and bigrams it reads (features.ts); none when absent. */
  kinds?: FeatureKinds;
  /** How sure the model must be that a sentence is clean to veto the rule findings in it; no veto when absent. */
  veto?: number;
  bias: number[];
  /** Per class: the weight one step of a quantised byte stands for. */
  scales: number[];
  /**
   * The kept feature names, sorted, separated by spaces (a name never holds one), each written as how
   * many leading characters it shares with the name before (one digit, at most 9) and the rest:
   * "u:garantiz u:garantizo" is stored "0u:garantiz 9o". Half the size of the names written out.
   */
  features: string;
  /** Base64 of one signed byte per feature and class, feature-major. */
  weights: string;
}

export interface LearnedModel extends ToneWeights {
  threshold: number;
  veto?: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Plain base64, so core needs no Buffer. */
function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64.charAt((n >> 18) & 63) + BASE64.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? BASE64.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? BASE64.charAt(n & 63) : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/u, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    value = (value << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** Sorted names, each as the length of the prefix it shares with the one before (0-9) and the rest. */
export function encodeNames(names: readonly string[]): string {
  let previous = '';
  return names
    .map((name) => {
      let shared = 0;
      while (shared < 9 && shared < previous.length && previous[shared] === name[shared]) shared++;
      previous = name;
      return `${shared}${name.slice(shared)}`;
    })
    .join(' ');
}

export function decodeNames(text: string): string[] {
  let previous = '';
  return (text === '' ? [] : text.split(' ')).map((coded) => {
    previous = previous.slice(0, Number(coded[0])) + coded.slice(1);
    return previous;
  });
}

/** One signed byte per weight, with a per-class scale: the largest weight of a class maps to ±127. */
export function quantise(model: ToneWeights, threshold: number, checksum: string, veto?: number): EncodedToneModel {
  const names = [...model.weights.keys()].sort();
  const scales = MODEL_CLASSES.map((_, c) => Math.max(1e-12, ...names.map((n) => Math.abs((model.weights.get(n) as Float64Array)[c] as number))) / 127);
  const bytes = new Uint8Array(names.length * MODEL_CLASSES.length);
  names.forEach((n, i) => {
    const w = model.weights.get(n) as Float64Array;
    for (let c = 0; c < MODEL_CLASSES.length; c++) bytes[i * MODEL_CLASSES.length + c] = Math.round((w[c] as number) / (scales[c] as number)) & 0xff;
  });
  return { checksum, threshold, ...(veto === undefined ? {} : { veto }), ...(model.kinds ? { kinds: model.kinds } : {}), bias: [...model.bias], scales, features: encodeNames(names), weights: toBase64(bytes) };
}

export function decodeModel(encoded: EncodedToneModel): LearnedModel {
  const bytes = fromBase64(encoded.weights);
  const weights = new Map<string, Float64Array>();
  decodeNames(encoded.features).forEach((name, i) => {
    const w = new Float64Array(MODEL_CLASSES.length);
    for (let c = 0; c < MODEL_CLASSES.length; c++) {
      const b = bytes[i * MODEL_CLASSES.length + c] as number;
      w[c] = (b > 127 ? b - 256 : b) * (encoded.scales[c] as number);
    }
    weights.set(name, w);
  });
  return { weights, bias: Float64Array.from(encoded.bias), threshold: encoded.threshold, ...(encoded.veto === undefined ? {} : { veto: encoded.veto }), ...(encoded.kinds ? { kinds: encoded.kinds } : {}) };
}

const loaded = new Map<Language, LearnedModel>();

/** The shipped model of a language, decoded on its first use so activation pays nothing for it. */
export function learnedModel(language: Language): LearnedModel {
  let model = loaded.get(language);
  if (!model) {
    model = decodeModel(language === 'es' ? LEARNED_ES : LEARNED_EN);
    loaded.set(language, model);
  }
  return model;
}

/** The rule guards of each category: a model finding in it stands only where none of them holds. */
export function categoryGuards(rules: readonly ToneRule[]): Map<ToneCategory, ToneGuard[]> {
  const out = new Map<ToneCategory, ToneGuard[]>();
  for (const rule of rules) out.set(rule.category, [...new Set([...(out.get(rule.category) ?? []), ...(rule.guards ?? [])])]);
  return out;
}

export interface Verdict {
  category: Exclude<ModelClass, 'clean'>;
  probability: number;
  /** The two or three words (folded) that weighed most toward the category, function words aside. */
  words: string[];
  vetoed: boolean;
}

/** What a verdict's guards see beyond the sentence, and which of its named words they are judged around. */
export interface JudgeOptions {
  /** The next sentence, folded and in lower case: "lo estamos mirando; el jueves le escribo" is not stalling. */
  next?: string;
  /** 'top': around the word that weighed most (as first shipped); 'all': around each named word, any guard vetoes. */
  guardWords?: 'top' | 'all';
}

/** The model's best bad category for a sentence, the words behind it, and whether a guard vetoes it. */
export function judgeSentence(
  model: ToneWeights,
  text: string,
  language: Language,
  guards: ReadonlyMap<ToneCategory, readonly ToneGuard[]>,
  options: JudgeOptions = {},
): Verdict {
  const feats = sentenceFeatures(text, language, model.kinds);
  const p = softmax(classScores(model, [...new Set(feats.map((f) => f.name))]));
  let best = 1;
  for (let c = 2; c < MODEL_CLASSES.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  const category = MODEL_CLASSES[best] as Exclude<ModelClass, 'clean'>;
  const weighed = feats
    .map((f) => {
      const w = model.weights.get(f.name);
      return { f, pull: w ? (w[best] as number) - (w[0] as number) : 0 };
    })
    .filter((x) => x.pull > 0 && x.f.words !== '' && !x.f.words.split(' ').every((w) => FUNCTION_WORDS.has(w)))
    .sort((a, b) => b.pull - a.pull);
  const words = [...new Set(weighed.map((x) => x.f.words))].slice(0, 3);
  const folded = foldText(text).lower;
  const next = options.next ?? '';
  const contextAround = (word: string): MatchContext => {
    const at = word === '' ? -1 : folded.indexOf(word);
    return at < 0 ? { before: '', match: '', after: folded, next } : { before: folded.slice(0, at), match: word, after: folded.slice(at + word.length), next };
  };
  const judged = options.guardWords === 'all' && words.length > 0 ? words : [words[0] ?? ''];
  const mine = guards.get(category) ?? [];
  const vetoed = judged.some((word) => {
    const context = contextAround(word);
    return mine.some((g) => guardHolds(g, context));
  });
  return { category, probability: p[best] as number, words, vetoed };
}

/** How sure the model is that a sentence is clean: what a veto of rule findings weighs. */
export function cleanProbability(model: ToneWeights, text: string, language: Language): number {
  const names = [...new Set(sentenceFeatures(text, language, model.kinds).map((f) => f.name))];
  return softmax(classScores(model, names))[0] as number;
}

/** How a finding of the learned complement is told from a rule's: its rule id ends so ("blaming.learned"). */
export const LEARNED_RULE_SUFFIX = '.learned';

export function isLearnedFinding(finding: { ruleId: string }): boolean {
  return finding.ruleId.endsWith(LEARNED_RULE_SUFFIX);
}

/** Whether a verdict is a finding: past the threshold, not vetoed, and with words to name. */
export function verdictFlags(verdict: Verdict, threshold: number): boolean {
  return !verdict.vetoed && verdict.words.length > 0 && verdict.probability >= threshold;
}

const CATEGORY_NAMES: Record<Language, Record<Exclude<ModelClass, 'clean'>, string>> = {
  en: {
    stalling: 'stalling',
    overpromising: 'over-promising',
    defensive: 'defensiveness',
    blaming: 'blaming',
    dismissive: 'dismissing the worry',
    condescending: 'condescension',
    dodging: 'dodging ownership',
  },
  es: {
    stalling: 'dar largas',
    overpromising: 'prometer de más',
    defensive: 'justificarse a la defensiva',
    blaming: 'culpar',
    dismissive: 'quitar importancia',
    condescending: 'la condescendencia',
    dodging: 'eludir la responsabilidad',
  },
};

/** "These words weigh toward blaming: “probably”, “your host”." with the words as the sentence writes them. */
export function explanation(language: Language, category: Exclude<ModelClass, 'clean'>, words: readonly string[]): string {
  const [open, close] = language === 'es' ? ['«', '»'] : ['“', '”'];
  const list = words.map((w) => `${open}${w}${close}`).join(', ');
  return language === 'es' ? `Estas palabras pesan hacia ${CATEGORY_NAMES.es[category]}: ${list}.` : `These words weigh toward ${CATEGORY_NAMES.en[category]}: ${list}.`;
}

/** The words as written in the sentence (accents and case kept), for a folded word sequence. */
export function writtenWords(sentence: string, words: readonly string[]): string[] {
  const folded = foldText(sentence);
  return words.map((w) => {
    const at = folded.lower.indexOf(w);
    return at < 0 ? w : sentence.slice(folded.toOriginal[at] as number, folded.toOriginal[at + w.length] as number);
  });
}

/**
 * The rule whose reason, suggestion and quick fix a model finding of a category borrows: the first
 * sentence-wide rule of the category (its calm alternative replaces a whole sentence), else its first
 * rule with removal as the fix.
 */
export function templateRule(rules: readonly ToneRule[], category: ToneCategory): ToneRule | undefined {
  const mine = rules.filter((r) => r.category === category && r.transform === undefined);
  return mine.find((r) => r.fixScope === 'sentence') ?? mine.find((r) => r.alternative === '') ?? mine[0];
}
