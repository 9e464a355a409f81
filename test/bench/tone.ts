// `npm run bench:tone`: the tone check measured on the labelled corpus. Prints recall (any finding),
// recall with the right category, and false alarms, per language and per category, for the measured
// part and, labelled as such, for the part the rules were tuned on. It informs; it exits 0.
//
// TONE_SHOW_MISSES=1 lists the tune parts' misses (never the measured part's: looking at those
// would turn it into a second tune part).
import { TONE_CATEGORIES } from '../../src/core/tone/model';
import { readCorpus, scoreCorpus, summary } from './toneCorpus';
import type { CorpusPart, Score, Tally } from './toneCorpus';

const TARGET_RECALL = 0.9;
const TARGET_FALSE_ALARMS = 0.05;

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

function cell(t: Tally, clean: boolean): string {
  if (t.total === 0) return '-';
  return clean ? `${t.flagged}/${t.total} flagged` : `${t.flagged}/${t.total} (${pct(t.flagged / t.total)}), named ${t.named}`;
}

function report(part: CorpusPart, score: Score): void {
  const title =
    part === 'measure'
      ? 'MEASURED part (written by someone who had not seen the rules; never tuned on)'
      : part === 'tune'
        ? 'TUNE part (same writer; the rules were tuned on it: optimistic)'
        : "TUNE additions (written by the rules' author: optimistic)";
  console.log(`\n== ${title}`);
  for (const lang of ['es', 'en'] as const) {
    const tallies = score.byLanguage[lang];
    const s = summary(tallies);
    const met = s.recall >= TARGET_RECALL && s.falseAlarms <= TARGET_FALSE_ALARMS;
    console.log(
      `${lang}: recall ${pct(s.recall)} of ${s.bad} (right category ${pct(s.named)}), false alarms ${pct(s.falseAlarms)} of ${s.clean} clean` +
        `  [target ≥${pct(TARGET_RECALL)} / ≤${pct(TARGET_FALSE_ALARMS)}: ${met ? 'met' : 'MISSED'}]`,
    );
    for (const category of TONE_CATEGORIES) console.log(`    ${category.padEnd(14)} ${cell(tallies[category], false)}`);
    console.log(`    ${'clean'.padEnd(14)} ${cell(tallies.clean, true)}`);
  }
}

function main(): void {
  const started = Date.now();
  const tune = scoreCorpus(readCorpus('tune'));
  const extra = scoreCorpus(readCorpus('tune-extra'));
  const measure = scoreCorpus(readCorpus('measure'));
  report('tune', tune);
  report('tune-extra', extra);
  report('measure', measure);
  console.log(`\n(${Date.now() - started} ms for both parts, rules compiled on first use)`);
  if (process.env.TONE_SHOW_MISSES === '1') {
    console.log('\nTune-part misses:');
    for (const { entry, findings } of [...tune.misses, ...extra.misses]) {
      console.log(`  [${entry.lang} ${entry.label}] ${entry.text}${findings.length ? `  <- ${findings.map((f) => `${f.ruleId}:"${f.text}"`).join(', ')}` : ''}`);
    }
  }
}

main();
