// `npm run bench:tone-select`: chooses how the learned tone
// complement decides, by figures it did not train on. Each writer's tune parts are held out in turn
// (leave one writer out: a new writer is what the product meets); the model and its thresholds are
// chosen on the other writers only (threshold by their 5-fold out-of-fold false alarms), then the
// held-out writer is scored. Printed per variant and language: recall and false alarms of rules +
// model, and what the model alone added. Tune parts only; the measured parts are never read here.
// TONE_SELECT_VARIANTS=a,b limits the variants; TONE_SELECT_SHOW=1 lists the held-out false alarms.
import { MODEL_CLASSES } from '../../src/core/tone/features';
import type { JudgeOptions } from '../../src/core/tone/learned';
import { TUNE_PARTS, hasCorpus, readCorpus } from './toneCorpus';
import type { CorpusEntry, TunePart } from './toneCorpus';
import { HYPER, rowsOf, train } from './toneTraining';
import type { Row } from './toneTraining';

type Lang = 'en' | 'es';
type Bad = Exclude<(typeof MODEL_CLASSES)[number], 'clean'>;
type Thresholds = Partial<Record<Bad, number>>;

/** The parts of one writer stay together: holding out half a writer would flatter the model. */
const WRITERS: Record<string, readonly TunePart[]> = {
  'first writer': ['tune', 'tune-2'],
  'second writer': ['tune-3'],
  "rules' author": ['tune-extra'],
  ...(TUNE_PARTS.includes('tune-4' as TunePart) ? { 'fourth writer (chat)': ['tune-4' as TunePart] } : {}),
  ...(TUNE_PARTS.includes('tune-5' as TunePart) ? { 'fifth writer (email)': ['tune-5' as TunePart] } : {}),
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

function count(rows: readonly Row[], t: Thresholds): { recall: number; bad: number; fa: number; clean: number; addedRecall: number; addedFa: number } {
  let recall = 0;
  let bad = 0;
  let fa = 0;
  let clean = 0;
  let addedRecall = 0;
  let addedFa = 0;
  for (const r of rows) {
    const model = flags(r, t) !== undefined;
    if (r.entry.label === 'clean') {
      clean++;
      if (r.rules || model) fa++;
      if (model) addedFa++;
    }
    else if (r.entry.label !== 'shouting') {
      bad++;
      if (r.rules || model) recall++;
      if (model) addedRecall++;
    }
  }
  return { recall, bad, fa, clean, addedRecall, addedFa };
}

const all = (x: number): Thresholds => Object.fromEntries(BAD.map((c) => [c, x])) as Thresholds;

/** As shipped: the lowest global threshold whose out-of-fold false alarms stay within the limit. */
function globalThreshold(cv: readonly Row[], limit: number): Thresholds {
  const t = HYPER.thresholds.find((x) => {
    const c = count(cv, all(x));
    return c.fa / c.clean <= limit;
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
  judge: Omit<JudgeOptions, 'next'>;
  choose: (cv: readonly Row[]) => Thresholds;
}

const VARIANTS: Variant[] = [
  { name: 'shipped: global threshold, guards around the top word, <=2% out of fold', judge: {}, choose: (cv) => globalThreshold(cv, HYPER.cvFalseAlarms) },
  { name: 'global, guards around every named word', judge: { guardWords: 'all' }, choose: (cv) => globalThreshold(cv, HYPER.cvFalseAlarms) },
  { name: 'global, <=1% out of fold', judge: {}, choose: (cv) => globalThreshold(cv, 0.01) },
  { name: 'per category, <=2% out of fold', judge: {}, choose: (cv) => perCategory(cv, HYPER.cvFalseAlarms) },
  { name: 'per category, guards around every named word', judge: { guardWords: 'all' }, choose: (cv) => perCategory(cv, HYPER.cvFalseAlarms) },
  { name: 'per category, every named word, <=1%', judge: { guardWords: 'all' }, choose: (cv) => perCategory(cv, 0.01) },
];

function main(): void {
  const only = process.env.TONE_SELECT_VARIANTS?.split(',').map(Number);
  const parts = new Map<TunePart, CorpusEntry[]>(TUNE_PARTS.filter((p) => hasCorpus(p)).map((p) => [p, readCorpus(p)]));
  for (const lang of ['es', 'en'] as const) {
    // Per held-out writer: the cross-validation and the model do not depend on the variant's judging.
    const folds = Object.entries(WRITERS).map(([writer, mine]) => {
      const rest = [...parts].filter(([p]) => !mine.includes(p)).flatMap(([, e]) => e);
      const held = mine.flatMap((p) => parts.get(p) ?? []);
      return { writer, rest, held, cvModels: crossValidatedModels(rest, lang), model: train(rest, lang) };
    });
    console.log(`\n== ${lang} (held out in turn: ${folds.map((f) => f.writer).join(', ')})`);
    VARIANTS.forEach((variant, i) => {
      if (only && !only.includes(i)) return;
      const total = { recall: 0, bad: 0, fa: 0, clean: 0, addedRecall: 0, addedFa: 0 };
      const per: string[] = [];
      const shown: string[] = [];
      for (const f of folds) {
        const cv = f.cvModels.flatMap(({ model, entries }) => rowsOf(model, entries, lang, variant.judge));
        const t = variant.choose(cv);
        const rows = rowsOf(f.model, f.held, lang, variant.judge);
        const c = count(rows, t);
        for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += c[k];
        per.push(`${f.writer}: +${c.addedRecall} caught, +${c.addedFa}/${c.clean} false [${BAD.map((b) => (t[b] === undefined ? '-' : t[b])).join(' ')}]`);
        if (process.env.TONE_SELECT_SHOW === '1') for (const r of rows) if (r.entry.label === 'clean' && flags(r, t)) shown.push(`    ${flags(r, t)}: ${r.entry.text}`);
      }
      const pct = (n: number, of: number): string => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;
      console.log(`[${i}] ${variant.name}\n    recall ${pct(total.recall, total.bad)}, false alarms ${pct(total.fa, total.clean)}; the model added ${total.addedRecall} caught, ${total.addedFa} false`);
      for (const line of per) console.log(`      ${line}`);
      for (const line of shown) console.log(line);
    });
  }
}

/** The five fold models of a training set, each with the entries it did not see. */
function crossValidatedModels(entries: readonly CorpusEntry[], lang: Lang): Array<{ model: ReturnType<typeof train>; entries: CorpusEntry[] }> {
  const mine = entries.filter((e) => e.lang === lang);
  return Array.from({ length: HYPER.folds }, (_, k) => ({
    model: train(mine.filter((_, i) => i % HYPER.folds !== k), lang),
    entries: mine.filter((_, i) => i % HYPER.folds === k),
  }));
}

main();
