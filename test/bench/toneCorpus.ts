// The labelled tone corpus (test/tone-corpus/*.jsonl) and its scoring: recall per language and
// category (a bad sentence counts as caught when anything flags it, and as "named" when a finding has
// its category) and false alarms (clean sentences flagged). Shared by the tone bench and its test.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkTone } from '../../src/core/tone/check';
import { TONE_CATEGORIES } from '../../src/core/tone/model';
import type { ToneCategory, ToneFinding } from '../../src/core/tone/model';

export type CorpusLabel = ToneCategory | 'clean';
/**
 * The tuning parts, in the order the bench prints them: `tune` (first writer), `tune-2` (the first
 * writer's old measured part, scored so often it became tuning data), `tune-3` (a second writer who
 * never saw the rules), `tune-4` and `tune-5` (a fourth and a fifth, in chat and in e-mail style, who
 * never saw the rules either), `tune-6` (the third writer's old measured part, whose figures were looked
 * at so often it became tuning data), `tune-7` and `tune-8` (a seventh and an eighth writer, chat and e-mail,
 * who never saw the rules or the corpus), `tune-9`, `tune-10` and `tune-11` (the sixth, ninth and tenth writers'
 * measured parts, scored at the end of a round and then tuned on), `tune-12` to `tune-15` (four more writers'
 * measured parts, likewise), `tune-extra` (added by the rules' author). Every `measure*.jsonl` is a
 * measured part: only ever scored, never trained or tuned on (see `measuredParts`).
 */
export const TUNE_PARTS = ['tune', 'tune-2', 'tune-3', 'tune-4', 'tune-5', 'tune-6', 'tune-7', 'tune-8', 'tune-9', 'tune-10', 'tune-11', 'tune-12', 'tune-13', 'tune-14', 'tune-15', 'tune-extra'] as const;
export type TunePart = (typeof TUNE_PARTS)[number];
/** `measure`, `measure-2`...: blind sets by writers who never saw the rules, installed by the lead. */
export type MeasuredPart = `measure${string}`;
export type CorpusPart = TunePart | MeasuredPart;

export interface CorpusEntry {
  text: string;
  lang: 'en' | 'es';
  variety: string;
  register: string;
  label: CorpusLabel;
  why: string;
}

const CORPUS_DIR = join(__dirname, '..', '..', '..', 'test', 'tone-corpus');

const LABELS = new Set<string>([...TONE_CATEGORIES, 'clean']);

export function corpusPath(part: CorpusPart, dir: string = CORPUS_DIR): string {
  return join(dir, `${part}.jsonl`);
}

const MEASURED_FILE = /^(measure[\w-]*)\.jsonl$/u;

/** The measured parts installed, by file name alone (nothing is read): `measure`, then `measure-2`... */
export function measuredParts(dir: string = CORPUS_DIR): MeasuredPart[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => MEASURED_FILE.exec(name)?.[1])
    .filter((part): part is MeasuredPart => part !== undefined)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/** Whether a part is installed; the measured part is absent until it is installed at merge time. */
export function hasCorpus(part: CorpusPart, dir: string = CORPUS_DIR): boolean {
  return existsSync(corpusPath(part, dir));
}

/**
 * Reads one part; a malformed line throws with its number, so a broken corpus is never half-measured.
 * A missing part throws too (callers that can do without one ask `hasCorpus` first and say so).
 */
export function readCorpus(part: CorpusPart, dir: string = CORPUS_DIR): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const lines = readFileSync(corpusPath(part, dir), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const entry = JSON.parse(line) as CorpusEntry;
    if (typeof entry.text !== 'string' || (entry.lang !== 'en' && entry.lang !== 'es') || !LABELS.has(entry.label)) {
      throw new Error(`${part}.jsonl:${i + 1}: not a labelled sentence`);
    }
    entries.push(entry);
  });
  return entries;
}

export interface Tally {
  total: number;
  /** Bad sentences with at least one finding, or clean sentences with one (false alarms). */
  flagged: number;
  /** Bad sentences with a finding of their own category. */
  named: number;
}

export interface Score {
  /** Per language, per label ('clean' holds the false alarms). */
  byLanguage: Record<'en' | 'es', Record<CorpusLabel, Tally>>;
  misses: Array<{ entry: CorpusEntry; findings: ToneFinding[] }>;
}

function emptyTallies(): Record<CorpusLabel, Tally> {
  const out = {} as Record<CorpusLabel, Tally>;
  for (const label of [...TONE_CATEGORIES, 'clean'] as CorpusLabel[]) out[label] = { total: 0, flagged: 0, named: 0 };
  return out;
}

/** Scores the shipped check (rules + the learned complement), or the rules alone with `learned: false`. */
export function scoreCorpus(entries: readonly CorpusEntry[], learned = true): Score {
  const byLanguage = { en: emptyTallies(), es: emptyTallies() };
  const misses: Score['misses'] = [];
  for (const entry of entries) {
    const findings = checkTone(entry.text, entry.lang, { learned });
    const tally = byLanguage[entry.lang][entry.label];
    tally.total++;
    if (findings.length > 0) tally.flagged++;
    if (findings.some((f) => f.category === entry.label)) tally.named++;
    const wrong = entry.label === 'clean' ? findings.length > 0 : findings.length === 0;
    if (wrong) misses.push({ entry, findings });
  }
  return { byLanguage, misses };
}

/** Recall over all bad sentences of a language, and its false-alarm rate, as fractions. */
export function summary(tallies: Record<CorpusLabel, Tally>): { recall: number; named: number; falseAlarms: number; bad: number; clean: number } {
  let bad = 0;
  let flagged = 0;
  let named = 0;
  for (const category of TONE_CATEGORIES) {
    bad += tallies[category].total;
    flagged += tallies[category].flagged;
    named += tallies[category].named;
  }
  const clean = tallies.clean.total;
  return { recall: bad === 0 ? 0 : flagged / bad, named: bad === 0 ? 0 : named / bad, falseAlarms: clean === 0 ? 0 : tallies.clean.flagged / clean, bad, clean };
}
