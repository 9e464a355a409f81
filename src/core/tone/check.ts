// The tone check: finds blame, stalling, condescension, hedging, absolute promises and shouting in
// a reply, by the rules of its language. Matching ignores accents and case (so "comenté" and
// "comente" are one), respects word boundaries in any script, and skips what the writer did not
// word: code, links and quoted text (commit subjects, the client's own words).
import type { Language } from '../store/model';
import type { ToneFinding, ToneRule } from './model';
import { RULES_EN } from './rules.en';
import { RULES_ES } from './rules.es';

export function toneRules(language: Language): readonly ToneRule[] {
  return language === 'es' ? RULES_ES : RULES_EN;
}

interface Normalized {
  text: string;
  /** For each index of `text`, the index in the original. One more entry marks the end. */
  toOriginal: number[];
}

function foldChar(ch: string): string {
  if (ch === '’' || ch === '‘') return "'";
  return ch.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Strips accents (keeping ñ's n, ü's u...) and maps every folded index back to the original. */
export function foldText(text: string): Normalized {
  let out = '';
  const toOriginal: number[] = [];
  let index = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    for (let i = 0; i < folded.length; i++) toOriginal.push(index);
    out += folded;
    index += ch.length;
  }
  toOriginal.push(index);
  return { text: out, toOriginal };
}

function foldPattern(source: string): string {
  return source.normalize('NFD').replace(/\p{M}/gu, '');
}

interface CompiledRule {
  rule: ToneRule;
  regex: RegExp;
  exceptions: ReadonlySet<string>;
}

const compiledCache = new WeakMap<readonly ToneRule[], CompiledRule[]>();

function compile(rules: readonly ToneRule[]): CompiledRule[] {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const compiled = rules.map((rule) => {
    const body = rule.patterns.map((p) => `(?:${foldPattern(p)})`).join('|');
    const source = rule.wholeWords === false ? body : `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`;
    return {
      rule,
      regex: new RegExp(source, rule.caseSensitive === true ? 'gu' : 'giu'),
      exceptions: new Set(rule.exceptions ?? []),
    };
  });
  compiledCache.set(rules, compiled);
  return compiled;
}

/** Spans the check skips: fenced and inline code, URLs and link targets, quoted text. */
export function ignoredRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const patterns = [
    /^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm,
    /`[^`\n]+`/g,
    /\]\([^)\s]*\)/g,
    /\b(?:https?|ftp):\/\/[^\s<>)\]]+/g,
    /“[^”\n]*”/g,
    /«[^»\n]*»/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/**
 * Every finding in `text`, in order. Overlapping findings of different rules are all kept (each
 * has its own reason); one rule reports a span once.
 */
export interface ToneOptions {
  rules?: readonly ToneRule[];
  /** Words that are never findings as written, e.g. the client's name and id prefix ("ACME"). */
  allow?: readonly string[];
}

export function checkTone(text: string, language: Language, options: ToneOptions = {}): ToneFinding[] {
  const rules = options.rules ?? toneRules(language);
  const allowed = new Set(options.allow ?? []);
  const folded = foldText(text);
  const ignored = ignoredRanges(text);
  const starts = lineStarts(text);
  const findings: ToneFinding[] = [];
  for (const { rule, regex, exceptions } of compile(rules)) {
    regex.lastIndex = 0;
    for (const m of folded.text.matchAll(regex)) {
      if (m[0].length === 0) continue;
      const start = folded.toOriginal[m.index] as number;
      const end = folded.toOriginal[m.index + m[0].length] as number;
      const written = text.slice(start, end);
      if (exceptions.has(written) || allowed.has(written)) continue;
      if (ignored.some(([s, e]) => start < e && end > s)) continue;
      const { line, column } = position(starts, start);
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        start,
        end,
        line,
        column,
        text: written,
        reason: rule.reason,
        alternative: rule.transform === 'lowercase' ? written.toLowerCase() : rule.alternative,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}

/** The words of a client's own names (prefix, name, contact, signature) a reply may write in capitals. */
export function clientWords(client: { prefix?: string; name?: string; contactName?: string; signature?: string } | undefined): string[] {
  if (client === undefined) return [];
  const words = [client.prefix, client.name, client.contactName, client.signature]
    .filter((w): w is string => typeof w === 'string')
    .flatMap((w) => w.split(/[^\p{L}\p{N}'’]+/u));
  return [...new Set(words.filter((w) => w !== ''))];
}

export interface ToneEdit {
  start: number;
  end: number;
  text: string;
}

function startsUpper(s: string): boolean {
  const first = s.match(/\p{L}/u)?.[0];
  return first !== undefined && first !== first.toLowerCase();
}

function withCaseOf(model: string, alternative: string): string {
  if (alternative === '') return alternative;
  if (startsUpper(model)) return alternative.charAt(0).toUpperCase() + alternative.slice(1);
  // "I" stays capital in English whatever the sentence position.
  if (/^I\b/.test(alternative)) return alternative;
  return alternative.charAt(0).toLowerCase() + alternative.slice(1);
}

/**
 * The edit a quick fix applies: the neutral alternative in the finding's place, in the case the
 * sentence needs. A deletion also takes the comma and space after it and capitalises what then
 * starts the sentence.
 */
export function toneEdit(text: string, finding: ToneFinding): ToneEdit {
  const { start, end } = finding;
  if (finding.alternative !== '' || finding.text === '') {
    const replacement = finding.alternative === finding.text.toLowerCase() ? finding.alternative : withCaseOf(finding.text, finding.alternative);
    return { start, end, text: replacement };
  }
  const after = /^,?[ \t]*/.exec(text.slice(end))?.[0] ?? '';
  let editEnd = end + after.length;
  let replacement = '';
  if (after.length === 0) {
    // Nothing follows on the line: take the space before instead, so no double space is left.
    const before = /[ \t]+$/.exec(text.slice(0, start))?.[0] ?? '';
    return { start: start - before.length, end, text: '' };
  }
  const next = text.charAt(editEnd);
  if (startsUpper(finding.text) && /\p{Ll}/u.test(next)) {
    replacement = next.toUpperCase();
    editEnd += 1;
  }
  return { start, end: editEnd, text: replacement };
}

export function applyToneEdit(text: string, edit: ToneEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

const SPANISH_MARKERS = new Set(['el', 'la', 'los', 'las', 'de', 'del', 'que', 'y', 'en', 'se', 'por', 'un', 'una', 'para', 'con', 'su', 'es', 'lo', 'como', 'pero', 'está', 'le', 'te', 'gracias', 'hola']);
const ENGLISH_MARKERS = new Set(['the', 'and', 'to', 'of', 'is', 'in', 'that', 'it', 'for', 'you', 'was', 'with', 'on', 'this', 'have', 'be', 'not', 'are', 'your', 'thank', 'hello', 'i']);

/** The language a reply is written in, from its commonest words; English when it cannot tell. */
export function guessLanguage(text: string): Language {
  let es = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (SPANISH_MARKERS.has(word)) es++;
    if (ENGLISH_MARKERS.has(word)) en++;
  }
  return es > en ? 'es' : 'en';
}
