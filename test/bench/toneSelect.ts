// `npm run bench:tone-select`: chooses how the learned tone
// complement decides, by figures it did not train on. Each writer's tune parts are held out in turn
// (leave one writer out: a new writer is what the product meets); the model and its thresholds are
// chosen on the other writers only (threshold by their 5-fold out-of-fold false alarms), then the
// held-out writer is scored. Printed per variant and language: recall and false alarms of rules +
// model, and what the model alone added. Tune parts only; the measured parts are never read here.
// TONE_SELECT_VARIANTS=0,3 limits the variants; TONE_SELECT_HELDOUT=tune-4,tune-5 the writers held out;
// TONE_SELECT_LANGS=en one language; TONE_SELECT_SHOW=1 lists the held-out false alarms of rules + model.
import { toneRules } from '../../src/core/tone/check';
import { MODEL_CLASSES } from '../../src/core/tone/features';
import type { ToneWeights } from '../../src/core/tone/features';
import { categoryGuards, judgeSentence } from '../../src/core/tone/learned';
import type { JudgeOptions } from '../../src/core/tone/learned';
import { foldText, sentences } from '../../src/core/tone/text';
import { TUNE_PARTS, hasCorpus, readCorpus } from './toneCorpus';
import type { CorpusEntry, TunePart } from './toneCorpus';
import { HYPER, chooseVeto, rowsOf, rulesFlag, train } from './toneTraining';
import type { Row, TrainSettings } from './toneTraining';

type Lang = 'en' | 'es';
type Bad = Exclude<(typeof MODEL_CLASSES)[number], 'clean'>;
type Thresholds = Partial<Record<Bad, number>>;

/** The parts of one writer stay together: holding out half a writer would flatter the model. */
const WRITERS: Record<string, readonly TunePart[]> = {
  'first writer': ['tune', 'tune-2'],
  'second writer': ['tune-3'],
  'third writer': ['tune-6'],
  "rules' author": ['tune-extra'],
  ...(TUNE_PARTS.includes('tune-4' as TunePart) ? { 'fourth writer (chat)': ['tune-4' as TunePart] } : {}),
  ...(TUNE_PARTS.includes('tune-5' as TunePart) ? { 'fifth writer (email)': ['tune-5' as TunePart] } : {}),
  'seventh writer (chat)': ['tune-7'],
  'eighth writer (email)': ['tune-8'],
  'sixth writer': ['tune-9'],
  'ninth writer': ['tune-10'],
  'tenth writer': ['tune-11'],
  'eleventh writer': ['tune-12'],
  'twelfth writer': ['tune-13'],
  'thirteenth writer (Spain, help desk)': ['tune-14'],
  'fourteenth writer (voice notes)': ['tune-15'],
};

const BAD = MODEL_CLASSES.slice(1) as readonly Bad[];

function flags(row: Row, t: Thresholds): Bad | undefined {
  if (row.rules) return undefined;
  for (const v of row.verdicts) {
    const limit = t[v.category];
    if (limit !== undefined && !v.vetoed && v.words.length > 0 && v.probability >= limit) return v.category;
  }
  return undefined;
}

function count(rows: readonly Row[], t: Thresholds, veto?: number): { recall: number; bad: number; fa: number; clean: number; addedRecall: number; addedFa: number } {
  let recall = 0;
  let bad = 0;
  let fa = 0;
  let clean = 0;
  let addedRecall = 0;
  let addedFa = 0;
  for (const r of rows) {
    const model = flags(r, t) !== undefined;
    const rules = rulesFlag(r, veto);
    if (r.entry.label === 'clean') {
      clean++;
      if (rules || model) fa++;
      if (model) addedFa++;
    }
    else if (r.entry.label !== 'shouting') {
      bad++;
      if (rules || model) recall++;
      if (model) addedRecall++;
    }
  }
  return { recall, bad, fa, clean, addedRecall, addedFa };
}

const all = (x: number): Thresholds => Object.fromEntries(BAD.map((c) => [c, x])) as Thresholds;

/**
 * The lowest global threshold whose out-of-fold false alarms stay within the limit: all of them, rules'
 * included (as first shipped), or only those the model adds (what the threshold controls).
 */
function globalThreshold(cv: readonly Row[], limit: number, added = false): Thresholds {
  const t = HYPER.thresholds.find((x) => {
    const c = count(cv, all(x));
    return (added ? c.addedFa : c.fa) / c.clean <= limit;
  });
  return t === undefined ? {} : all(t);
}

/**
 * Per category: lower one category's threshold a step at a time, the step that buys most recall per
 * false alarm first, while the out-of-fold false alarms stay within the limit.
 */
function perCategory(cv: readonly Row[], limit: number): Thresholds {
  const steps = [...HYPER.thresholds].reverse();
  const at: Record<Bad, number> = Object.fromEntries(BAD.map((c) => [c, steps.length])) as Record<Bad, number>;
  const of = (a: Record<Bad, number>): Thresholds => Object.fromEntries(BAD.filter((c) => a[c] < steps.length).map((c) => [c, steps[a[c]] as number])) as Thresholds;
  for (;;) {
    const base = count(cv, of(at));
    let best: { c: Bad; step: number; value: number } | undefined;
    for (const c of BAD) {
      for (let step = at[c] - 1; step >= 0; step--) {
        const n = count(cv, of({ ...at, [c]: step }));
        if (n.fa / n.clean > limit) break;
        const value = (n.recall - base.recall) / (n.fa - base.fa + 0.5);
        if (n.recall > base.recall && (best === undefined || value > best.value)) best = { c, step, value };
      }
    }
    if (!best) return of(at);
    at[best.c] = best.step;
  }
}

interface Variant {
  name: string;
  settings?: Partial<TrainSettings>;
  judge: Omit<JudgeOptions, 'next'>;
  /**
   * How the training writers' out-of-fold rows are made: five folds mixing their sentences (as first
   * shipped), or one fold per training writer, each judged by a model that never saw that writer.
   */
  writerFolds?: boolean;
  /** The veto of rule findings, chosen from the training writers' out-of-fold rows; none when absent. */
  veto?: (cv: readonly Row[]) => number | undefined;
  /** From the out-of-fold rows of the training writers, as the check judges them and by the model alone. */
  choose: (cv: readonly Row[], alone: readonly Row[]) => Thresholds;
}

/** As first shipped: L2 1e-4, and the threshold for <= 2% out-of-fold false alarms, the rules' included. */
const FIRST: Partial<TrainSettings> = { l2: 1e-4 };
const shippedChoice = (cv: readonly Row[]): Thresholds => globalThreshold(cv, 0.02);

const VARIANTS: Variant[] = [
  { name: 'as first shipped: L2 1e-4, global threshold for <=2% out of fold, guards around the top word', settings: FIRST, judge: {}, choose: shippedChoice },
  { name: 'global, guards around every named word', settings: FIRST, judge: { guardWords: 'all' }, choose: shippedChoice },
  { name: 'global, <=1% out of fold', settings: FIRST, judge: {}, choose: (cv) => globalThreshold(cv, 0.01) },
  { name: 'per category, <=2% out of fold', settings: FIRST, judge: {}, choose: (cv) => perCategory(cv, 0.02) },
  { name: 'per category, guards around every named word', settings: FIRST, judge: { guardWords: 'all' }, choose: (cv) => perCategory(cv, 0.02) },
  { name: 'global, stronger L2 (1e-3)', settings: { l2: 1e-3 }, judge: {}, choose: shippedChoice },
  { name: 'global, features seen at least 3 times', settings: { ...FIRST, minCount: 3 }, judge: {}, choose: shippedChoice },
  { name: 'global, 15 epochs', settings: { ...FIRST, epochs: 15 }, judge: {}, choose: shippedChoice },
  { name: 'global, 1,500 features kept', settings: { ...FIRST, keepFeatures: 1500 }, judge: {}, choose: shippedChoice },
  { name: 'global, L2 3e-3', settings: { l2: 3e-3 }, judge: {}, choose: shippedChoice },
  { name: 'L2 1e-3, per category by the model alone out of fold, <=2%', settings: { l2: 1e-3 }, judge: {}, choose: (_, alone) => perCategory(alone, 0.02) },
  { name: 'L2 1e-3, global by the model alone out of fold, <=2%', settings: { l2: 1e-3 }, judge: {}, choose: (_, alone) => globalThreshold(alone, 0.02) },
  { name: 'per category by the model alone out of fold, <=2%', settings: FIRST, judge: {}, choose: (_, alone) => perCategory(alone, 0.02) },
  { name: 'global, the model adds <=1% out of fold', settings: FIRST, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'global, the model adds <=2% out of fold', settings: FIRST, judge: {}, choose: (cv) => globalThreshold(cv, 0.02, true) },
  { name: 'L2 1e-3, the model adds <=1%', settings: { l2: 1e-3 }, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 1e-3, the model adds <=2%', settings: { l2: 1e-3 }, judge: {}, choose: (cv) => globalThreshold(cv, 0.02, true) },
  { name: 'as shipped before the guard features: L2 3e-3, the model adds <=1% out of fold', settings: { l2: 3e-3 }, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 3e-3, the model adds <=2%', settings: { l2: 3e-3 }, judge: {}, choose: (cv) => globalThreshold(cv, 0.02, true) },
  { name: 'L2 1e-3, every named word, the model adds <=1%', settings: { l2: 1e-3 }, judge: { guardWords: 'all' }, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 3e-3, the model adds <=1% out of fold, folds by writer', settings: { l2: 3e-3 }, judge: {}, writerFolds: true, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 3e-3, the model adds <=2% out of fold, folds by writer', settings: { l2: 3e-3 }, judge: {}, writerFolds: true, choose: (cv) => globalThreshold(cv, 0.02, true) },
  { name: 'L2 3e-3, <=1%, character 4-grams', settings: { l2: 3e-3, kinds: { chars: [4] } }, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 3e-3, <=1%, character 4-grams, 5,000 features', settings: { l2: 3e-3, kinds: { chars: [4] }, keepFeatures: 5000 }, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 3e-3, <=1%, guard features', settings: { l2: 3e-3, kinds: { guards: true } }, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 3e-3, <=1%, character 4-grams and guard features, 5,000 features', settings: { l2: 3e-3, kinds: { chars: [4], guards: true }, keepFeatures: 5000 }, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 1e-2, <=1%', settings: { l2: 1e-2 }, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 3e-3 + veto of rule findings (chooseVeto)', settings: { l2: 3e-3 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'folds by writer + veto', settings: { l2: 3e-3 }, judge: {}, writerFolds: true, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped: guard features + veto (chooseVeto: the lowest of 0.9...0.99 clearing <=0.1% of the bad sentences out of fold)', settings: { l2: 3e-3, kinds: { guards: true } }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'L2 3e-3, <=1%, character 5-grams, 5,000 features', settings: { l2: 3e-3, kinds: { chars: [5] }, keepFeatures: 5000 }, judge: {}, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped + character 3- to 5-grams, 6,000 features', settings: { l2: 3e-3, kinds: { guards: true, chars: [3, 4, 5] }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped + skip pairs', settings: { l2: 3e-3, kinds: { guards: true, skips: true } }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped + character 4-grams, 6,000 features', settings: { l2: 3e-3, kinds: { guards: true, chars: [4] }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped, 6,000 features', settings: { l2: 3e-3, kinds: { guards: true }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped + character 3- to 5-grams, 6,000 features, L2 3e-2', settings: { l2: 3e-2, kinds: { guards: true, chars: [3, 4, 5] }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped + character 3- to 5-grams, 6,000 features, L2 1e-2', settings: { l2: 1e-2, kinds: { guards: true, chars: [3, 4, 5] }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped (6,000 features), the model adds <=1.5% out of fold', settings: { l2: 3e-3, kinds: { guards: true }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.015, true) },
  { name: 'shipped (6,000 features), the model adds <=2% out of fold', settings: { l2: 3e-3, kinds: { guards: true }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.02, true) },
  { name: 'shipped, bad sentences the rules miss weigh 3 times in training', settings: { l2: 3e-3, kinds: { guards: true }, keepFeatures: 6000, missedWeight: 3 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped, 9,000 features kept', settings: { l2: 3e-3, kinds: { guards: true }, keepFeatures: 9000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped, 9,000 features kept, the model adds <=2% out of fold', settings: { l2: 3e-3, kinds: { guards: true }, keepFeatures: 9000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.02, true) },
  { name: 'shipped + wider Spanish stems, the model adds <=1% out of fold', settings: { l2: 3e-3, kinds: { guards: true, wideStems: true }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.01, true) },
  { name: 'shipped + wider Spanish stems, the model adds <=2% out of fold', settings: { l2: 3e-3, kinds: { guards: true, wideStems: true }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.02, true) },
  { name: 'shipped (6,000 features), the model adds <=3% out of fold', settings: { l2: 3e-3, kinds: { guards: true }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.03, true) },
  { name: 'shipped with L2 1e-3, the model adds <=2% out of fold', settings: { l2: 1e-3, kinds: { guards: true }, keepFeatures: 6000 }, judge: {}, veto: chooseVeto, choose: (cv) => globalThreshold(cv, 0.02, true) },
];

const pct = (n: number, of: number): string => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;

/** The model alone on every sentence of a held-out row, rules ignored: how it reads a new writer. */
function aloneRows(model: ToneWeights, entries: readonly CorpusEntry[], lang: Lang, judge: Omit<JudgeOptions, 'next'>): Row[] {
  const guards = categoryGuards(toneRules(lang));
  return entries
    .filter((e) => e.lang === lang)
    .map((entry) => {
      const folded = foldText(entry.text);
      const cut = sentences(folded.text);
      const verdicts = cut.map((s, i) => {
        const next = cut[i + 1];
        const text = entry.text.slice(folded.toOriginal[s.start] as number, folded.toOriginal[s.end] as number);
        return judgeSentence(model, text, lang, guards, { ...judge, next: next ? folded.lower.slice(next.start, next.end) : '' });
      });
      return { entry, rules: false, verdicts, flagged: [] };
    });
}

function main(): void {
  const only = process.env.TONE_SELECT_VARIANTS?.split(',').map(Number);
  const heldOnly = process.env.TONE_SELECT_HELDOUT?.split(',');
  const parts = new Map<TunePart, CorpusEntry[]>(TUNE_PARTS.filter((p) => hasCorpus(p)).map((p) => [p, readCorpus(p)]));
  const writers = Object.entries(WRITERS).filter(([, mine]) => heldOnly === undefined || mine.some((p) => heldOnly.includes(p)));
  const langs = (process.env.TONE_SELECT_LANGS?.split(',') ?? ['es', 'en']) as Lang[];
  for (const lang of langs) {
    console.log(`\n== ${lang} (held out in turn: ${writers.map(([w]) => w).join(', ')})`);
    const models = new Map<string, ReturnType<typeof foldModels>>();
    VARIANTS.forEach((variant, i) => {
      if (only && !only.includes(i)) return;
      // Words and pairs only unless a variant names more features, whatever HYPER ships.
      const settings = { ...HYPER, kinds: {}, ...variant.settings };
      const key = JSON.stringify([settings, variant.writerFolds === true]);
      // Per held-out writer: the fold models and the model do not depend on how a variant judges.
      let folds = models.get(key);
      if (!folds) {
        folds = foldModels(writers, parts, lang, settings, variant.writerFolds === true);
        models.set(key, folds);
      }
      const total = { recall: 0, bad: 0, fa: 0, clean: 0, addedRecall: 0, addedFa: 0 };
      const alone = { recall: 0, bad: 0, fa: 0, clean: 0 };
      const per: string[] = [];
      const shown: string[] = [];
      const vetoes = [0.8, 0.9, 0.95, 0.98, 0.99];
      const vetoed = vetoes.map(() => ({ clean: 0, bad: 0, cv: { clean: 0, bad: 0 } }));
      for (const f of folds) {
        const cv = f.cvModels.flatMap(({ model, entries }) => rowsOf(model, entries, lang, variant.judge));
        const cvAlone = f.cvModels.flatMap(({ model, entries }) => aloneRows(model, entries, lang, variant.judge));
        const t = variant.choose(cv, cvAlone);
        const rows = rowsOf(f.model, f.held, lang, variant.judge);
        const veto = variant.veto?.(cv);
        const c = count(rows, t, veto);
        for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += c[k];
        const a = count(aloneRows(f.model, f.held, lang, variant.judge), t);
        alone.recall += a.recall;
        alone.bad += a.bad;
        alone.fa += a.fa;
        alone.clean += a.clean;
        per.push(`${f.writer}: rules ${pct(c.recall - c.addedRecall, c.bad)} / ${pct(c.fa - c.addedFa, c.clean)}; model +${c.addedRecall} caught, +${c.addedFa} false; alone ${pct(a.recall, a.bad)} / ${pct(a.fa, a.clean)} [${BAD.map((b) => (t[b] === undefined ? '-' : t[b])).join(' ')}]${veto === undefined ? '' : ` veto ${veto}: rules ${pct(c.recall - c.addedRecall, c.bad)} / ${pct(c.fa - c.addedFa, c.clean)}`}`);
        // The veto: rule findings dropped from sentences the model is at least v sure are clean.
        const lost = (r: Row, v: number): boolean => r.rules && !rulesFlag(r, v) && flags(r, t) === undefined;
        vetoes.forEach((v, i) => {
          const tally = vetoed[i] as (typeof vetoed)[number];
          for (const r of rows) if (lost(r, v)) tally[r.entry.label === 'clean' ? 'clean' : 'bad']++;
          for (const r of cv) if (lost(r, v)) tally.cv[r.entry.label === 'clean' ? 'clean' : 'bad']++;
        });
        if (process.env.TONE_SELECT_SHOW === '1') for (const r of rows) if (r.entry.label === 'clean' && flags(r, t)) shown.push(`    ${flags(r, t)}: ${r.entry.text}`);
      }
      console.log(`[${i}] ${variant.name}\n    rules + model: recall ${pct(total.recall, total.bad)}, false alarms ${pct(total.fa, total.clean)} (model +${total.addedRecall} caught, +${total.addedFa} false); model alone: recall ${pct(alone.recall, alone.bad)}, false alarms ${pct(alone.fa, alone.clean)}`);
      for (const line of per) console.log(`      ${line}`);
      console.log(`      veto of rule findings, held out (out of fold on the training writers): ${vetoes.map((v, i) => `>=${v}: -${vetoed[i]?.clean} false, -${vetoed[i]?.bad} caught (cv -${vetoed[i]?.cv.clean} / -${vetoed[i]?.cv.bad})`).join('; ')}`);
      for (const line of shown) console.log(line);
    });
  }
}

/**
 * Per held-out writer: the fold models of the other writers' sentences (five mixed folds, or one per
 * other writer), and the model of them all.
 */
function foldModels(writers: Array<[string, readonly TunePart[]]>, parts: ReadonlyMap<TunePart, CorpusEntry[]>, lang: Lang, settings: TrainSettings, byWriter: boolean) {
  return writers.map(([writer, mine]) => {
    const rest = [...parts].filter(([p]) => !mine.includes(p)).flatMap(([, e]) => e.filter((x) => x.lang === lang));
    const held = mine.flatMap((p) => parts.get(p) ?? []);
    const others = Object.values(WRITERS).filter((w) => w !== mine);
    const ofParts = (ps: readonly TunePart[]): CorpusEntry[] => ps.flatMap((p) => parts.get(p) ?? []).filter((x) => x.lang === lang);
    const cvModels = byWriter
      ? others.map((w) => ({ model: train(others.filter((o) => o !== w).flatMap(ofParts), lang, settings), entries: ofParts(w) }))
      : Array.from({ length: HYPER.folds }, (_, k) => ({
          model: train(rest.filter((_, i) => i % HYPER.folds !== k), lang, settings),
          entries: rest.filter((_, i) => i % HYPER.folds === k),
        }));
    return { writer, held, cvModels, model: train(rest, lang, settings) };
  });
}

main();
