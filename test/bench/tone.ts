// `npm run bench:tone`: the tone check measured on the labelled corpus. Prints recall (any finding),
// recall with the right category, and false alarms, per language and per category, for each part the
// rules were tuned on, labelled as such, and for each measured part (every measure*.jsonl in
// test/tone-corpus, each under its own title; never trained or tuned on). It informs; it exits 0, and
// says plainly when no measured part is installed rather than printing a figure for one.
//
// The figures are the shipped check's (rules + the learned complement); each language's line is
// followed by the rules alone, for comparison.
// TONE_SHOW_MISSES=1 lists the tune parts' misses (=rules: the rules alone's) (never the measured part's: looking at those
// would turn it into one more tune part). TONE_PARTS=tune-3,measure-2 limits the run to the
// parts named.
import { TONE_CATEGORIES } from '../../src/core/tone/model';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { TUNE_PARTS, corpusPath, hasCorpus, measuredParts, readCorpus, scoreCorpus, summary } from './toneCorpus';
import type { CorpusPart, MeasuredPart, Score, Tally, TunePart } from './toneCorpus';

const TARGET_RECALL = 0.9;
const TARGET_FALSE_ALARMS = 0.05;

const TITLES: Record<TunePart, string> = {
  tune: 'TUNE part (first writer; the rules were tuned on it: optimistic)',
  'tune-2': "TUNE-2 part (first writer's old measured part, now tuned on: optimistic)",
  'tune-3': 'TUNE-3 part (second writer, who had not seen the rules; now tuned on: optimistic)',
  'tune-4': 'TUNE-4 part (fourth writer, chat style, who had not seen the rules; now tuned on: optimistic)',
  'tune-5': 'TUNE-5 part (fifth writer, e-mail style, who had not seen the rules; now tuned on: optimistic)',
  'tune-6': "TUNE-6 part (third writer's old measured part, whose figures were looked at too often; now tuned on: optimistic)",
  'tune-7': 'TUNE-7 part (seventh writer, chat style, who had not seen the rules; now tuned on: optimistic)',
  'tune-8': 'TUNE-8 part (eighth writer, e-mail style, who had not seen the rules; now tuned on: optimistic)',
  'tune-9': "TUNE-9 part (sixth writer's old measured part, scored at the end of a round; now tuned on: optimistic)",
  'tune-10': "TUNE-10 part (ninth writer's old measured part, scored once at the end of a round; now tuned on: optimistic)",
  'tune-11': "TUNE-11 part (tenth writer's old measured part, scored once at the end of a round; now tuned on: optimistic)",
  'tune-12': "TUNE-12 part (eleventh writer's old measured part, scored once at the end of a round; now tuned on: optimistic)",
  'tune-13': "TUNE-13 part (twelfth writer's old measured part, scored once at the end of a round; now tuned on: optimistic)",
  'tune-14': "TUNE-14 part (thirteenth writer's old measured part, scored once at the end of a round; now tuned on: optimistic)",
  'tune-15': "TUNE-15 part (fourteenth writer's old measured part, scored once at the end of a round; now tuned on: optimistic)",
  'tune-extra': "TUNE additions (written by the rules' author: optimistic)",
};

/**
 * Tune parts installed but not yet in `TUNE_PARTS` (the complement is not trained on them until the
 * lead retrains it): scored and listed like the others, after them.
 */
function laterTuneParts(): TunePart[] {
  const dir = dirname(corpusPath('tune'));
  return readdirSync(dir)
    .map((name) => /^(tune-\d+)\.jsonl$/u.exec(name)?.[1])
    .filter((part): part is string => part !== undefined && !(TUNE_PARTS as readonly string[]).includes(part))
    .sort((a, b) => a.length - b.length || a.localeCompare(b)) as TunePart[];
}

/** Every `measure*.jsonl` is a measured part with its own title: `measure` first, `measure-2`... after. */
function title(part: CorpusPart): string {
  if ((TUNE_PARTS as readonly string[]).includes(part)) return TITLES[part as TunePart];
  if (part.startsWith('tune-')) return `${part.toUpperCase()} part (a writer's old measured part, now tuned on by the rules; the complement not yet trained on it)`;
  const which = part === 'measure' ? '' : ` ${part.slice('measure'.length).replace(/^[-_]/u, '')}`;
  return `MEASURED part${which} (${part}.jsonl: written by someone who had not seen the rules; never tuned on)`;
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

function cell(t: Tally, clean: boolean): string {
  if (t.total === 0) return '-';
  return clean ? `${t.flagged}/${t.total} flagged` : `${t.flagged}/${t.total} (${pct(t.flagged / t.total)}), named ${t.named}`;
}

function report(part: CorpusPart, score: Score, rulesAlone: Score): void {
  console.log(`\n== ${title(part)}`);
  for (const lang of ['es', 'en'] as const) {
    const tallies = score.byLanguage[lang];
    const s = summary(tallies);
    const met = s.recall >= TARGET_RECALL && s.falseAlarms <= TARGET_FALSE_ALARMS;
    console.log(
      `${lang}: recall ${pct(s.recall)} of ${s.bad} (right category ${pct(s.named)}), false alarms ${pct(s.falseAlarms)} of ${s.clean} clean` +
        `  [target ≥${pct(TARGET_RECALL)} / ≤${pct(TARGET_FALSE_ALARMS)}: ${met ? 'met' : 'MISSED'}]`,
    );
    const r = summary(rulesAlone.byLanguage[lang]);
    console.log(`    (rules alone: recall ${pct(r.recall)}, right category ${pct(r.named)}, false alarms ${pct(r.falseAlarms)})`);
    for (const category of TONE_CATEGORIES) console.log(`    ${category.padEnd(14)} ${cell(tallies[category], false)}`);
    console.log(`    ${'clean'.padEnd(14)} ${cell(tallies.clean, true)}`);
  }
}

function main(): void {
  const started = Date.now();
  const only = process.env.TONE_PARTS?.split(',').map((p) => p.trim()) ?? undefined;
  const wanted = (part: CorpusPart): boolean => only === undefined || only.includes(part);
  const tuned: Score[] = [];
  for (const part of [...TUNE_PARTS, ...laterTuneParts()]) {
    if (!wanted(part)) continue;
    if (!hasCorpus(part)) {
      console.log(`\n== ${title(part)}\nNOT INSTALLED: ${corpusPath(part)} is missing.`);
      continue;
    }
    const entries = readCorpus(part);
    const score = scoreCorpus(entries);
    const rulesAlone = scoreCorpus(entries, false);
    report(part, score, rulesAlone);
    tuned.push(process.env.TONE_SHOW_MISSES === 'rules' ? rulesAlone : score);
  }
  const measured: MeasuredPart[] = measuredParts().filter(wanted);
  for (const part of measured) {
    const entries = readCorpus(part);
    report(part, scoreCorpus(entries), scoreCorpus(entries, false));
  }
  if (measured.length === 0 && wanted('measure')) {
    console.log(`\n== ${title('measure')}`);
    console.log(`MISSING: no measure*.jsonl is installed (${corpusPath('measure')}), so there is NO measured figure.`);
    console.log('The figures above are all from tuning parts and overstate how the check does on new wording.');
  }
  console.log(`\n(${Date.now() - started} ms, rules compiled on first use)`);
  if (process.env.TONE_SHOW_MISSES === '1' || process.env.TONE_SHOW_MISSES === 'rules') {
    console.log(`\nTune-part misses${process.env.TONE_SHOW_MISSES === 'rules' ? ' (rules alone)' : ''}:`);
    for (const { entry, findings } of tuned.flatMap((s) => s.misses)) {
      console.log(`  [${entry.lang} ${entry.label}] ${entry.text}${findings.length ? `  <- ${findings.map((f) => `${f.ruleId}:"${f.text}"`).join(', ')}` : ''}`);
    }
  }
}

main();
