// The tone check: finds stalling, over-promising, defensiveness, blame, dismissal, condescension,
// dodged ownership and shouting in a reply, by the rules of its language. Matching ignores accents
// and case (so "comenté" and "comente" are one), expands verb forms, respects word boundaries in any
// script, and skips what the writer did not word: code, links and quoted text. Each match then goes
// through its rule's guards (negation, reported speech, a concrete date nearby...), judged on its
// sentence, so that honest sentences that share words with bad ones pass.
import type { IssueEvidence } from '../evidence/model';
import type { Language } from '../store/model';
import type { ChangeOwner, ToneCategory, ToneFinding, ToneGuard, ToneRule } from './model';
import { guardHolds } from './guards';
import type { MatchContext } from './guards';
import { LEARNED_RULE_SUFFIX, categoryGuards, cleanProbability, explanation, judgeSentence, learnedModel, templateRule, verdictFlags, writtenWords } from './learned';
import type { LearnedModel, Verdict } from './learned';
import type { ToneWeights } from './features';
import { RULES_EN } from './rules.en';
import { RULES_ES } from './rules.es';
import { foldText, ignoredRanges, lineStarts, position, sentences } from './text';
import type { Folded, Sentence } from './text';
import { ruleMatcher } from './ruleMatcher';


export function toneRules(language: Language): readonly ToneRule[] {
  return language === 'es' ? RULES_ES : RULES_EN;
}

/**
 * The first check of a language cut into small steps, for idle time: each step reads one rule's
 * patterns (verb forms expanded, the literals each needs found), then one check of each of
 * `samples`, which compiles what they need (the model, the guards, the patterns they could match).
 * Patterns are compiled only for a text that could match them, so no step compiles a whole rule.
 * A caller runs one step per turn of its event loop.
 */
export function toneWarmUpSteps(language: Language, samples: readonly string[]): (() => void)[] {
  return [
    ...toneRules(language).map((rule) => (): void => void ruleMatcher(rule)),
    ...samples.map((text) => (): void => void checkTone(text, language)),
  ];
}

/**
 * One check of `text` cut into steps, for a caller that must not hold its thread for the whole
 * check (the extension host, whose first check of a reply compiles every pattern the reply could
 * match: 0.3-1.6 s at once). Each step runs one rule over the text, compiling what that rule needs;
 * then one reads the learned model, and one checks each paragraph whole (the learned complement's
 * guards compile what its sentences need). Their findings are thrown away: the caller then runs
 * `checkTone` itself, which finds the work done.
 */
export function toneCheckSteps(text: string, language: Language): (() => void)[] {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return [
    ...toneRules(language).map((rule) => (): void => void checkTone(text, language, { rules: [rule] })),
    (): void => void learnedModel(language),
    ...paragraphs.map((paragraph) => (): void => void checkTone(paragraph, language)),
  ];
}

export interface ToneOptions {
  rules?: readonly ToneRule[];
  /** Words that are never findings as written, e.g. the client's name and id prefix ("ACME"). */
  allow?: readonly string[];
  /**
   * Whose change the evidence says caused the regression, when known: with 'me', agentless
   * passives about the change ("the file was modified") dodge ownership; with 'others', stating
   * the change neutrally is right and the dodging rules stay quiet.
   */
  changeOwner?: ChangeOwner;
  /**
   * Whether the learned complement (learned.ts) may add a finding to sentences the rules left clean.
   * On by default with the language's own rules; off when `rules` is given (a rule's own tests).
   */
  learned?: boolean;
}

/**
 * Where the guards' view of sentence `index` starts: sentences joined by ";" are one unit to them, so
 * the clause before the semicolon counts ("es responsabilidad mía; ya estoy con ello" has located the
 * fault before it stalls), while each sentence stays its own unit for the quick fix and the model.
 */
function unitStart(list: readonly Sentence[], index: number, text: string): number {
  let i = index;
  while (i > 0 && /;[\s»”"')\]]*$/u.test(text.slice((list[i - 1] as Sentence).start, (list[i - 1] as Sentence).end))) i--;
  return (list[i] as Sentence | undefined)?.start ?? 0;
}

/** The sentence that ends where a unit starts (or '' at the text's start): what the guards read across a full stop. */
function previousSentence(list: readonly Sentence[], start: number, text: string): string {
  const i = sentenceAt(list, start);
  const before = list[i - 1];
  return i > 0 && before !== undefined ? text.slice(before.start, before.end) : '';
}

function sentenceAt(list: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((list[mid] as Sentence).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One mark for a run of them: "!!!" → "!", "¿¿" → "¿", "?!?" → "?". */
function singleMark(run: string): string {
  const first = run.charAt(0);
  if (first === '¡' || first === '¿') return first;
  return run.includes('?') ? '?' : '!';
}

function ownerAllows(rule: ToneRule, owner: ChangeOwner | undefined): boolean {
  if (rule.needsOwner === 'me') return owner === 'me';
  if (rule.needsOwner === 'not-others') return owner !== 'others';
  return true;
}

/**
 * Every finding in `text`, in order. Overlapping findings of different categories are all kept
 * (each has its own reason); within a category the first rule's finding stands, so one span is
 * not reported twice with the same advice (the construction rules share categories with the
 * phrase rules before them); one rule reports a span once.
 */
export function checkTone(text: string, language: Language, options: ToneOptions = {}): ToneFinding[] {
  const rules = options.rules ?? toneRules(language);
  const allowed = new Set(options.allow ?? []);
  const folded = foldText(text);
  const ignored = ignoredRanges(text);
  const starts = lineStarts(text);
  const cut = sentences(folded.text);
  const findings: ToneFinding[] = [];
  for (const rule of rules) {
    if (!ownerAllows(rule, options.changeOwner)) continue;
    const { exceptions, caseSensitive, matches } = ruleMatcher(rule);
    for (const m of matches(caseSensitive ? folded.text : folded.lower)) {
      if (m.text.length === 0) continue;
      const start = folded.toOriginal[m.index] as number;
      const end = folded.toOriginal[m.index + m.text.length] as number;
      const written = text.slice(start, end);
      if (exceptions.has(written) || allowed.has(written)) continue;
      if (ignored.some(([s, e]) => start < e && end > s)) continue;
      const index = sentenceAt(cut, m.index);
      const sentence = cut[index] ?? { start: 0, end: folded.text.length };
      const next = cut[index + 1];
      const lower = folded.lower;
      const unit = unitStart(cut, index, lower);
      const context: MatchContext = {
        before: lower.slice(Math.min(unit, m.index), m.index),
        match: lower.slice(m.index, m.index + m.text.length),
        after: lower.slice(m.index + m.text.length, Math.max(sentence.end, m.index + m.text.length)),
        next: next ? lower.slice(next.start, next.end) : '',
        previous: previousSentence(cut, unit, lower),
        ...(options.changeOwner ? { owner: options.changeOwner } : {}),
      };
      if ((rule.guards ?? []).some((g) => guardHolds(g, context))) continue;
      if (findings.some((f) => f.category === rule.category && f.start < end && start < f.end)) continue;
      const { line, column } = position(starts, start);
      const whole = rule.fixScope === 'sentence';
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        start,
        end,
        line,
        column,
        text: written,
        reason: rule.reason,
        suggestion: rule.suggestion,
        alternative: rule.transform === 'lowercase' ? written.toLowerCase() : rule.transform === 'single' ? singleMark(written) : rule.alternative,
        fixStart: whole ? (folded.toOriginal[sentence.start] as number) : start,
        fixEnd: whole ? (folded.toOriginal[sentence.end] as number) : end,
      });
    }
  }
  if (options.learned ?? options.rules === undefined) {
    const model = learnedModel(language);
    // One reading of the sentences serves both the model's own findings and its veto.
    const units = sentenceUnits(text, folded, cut, ignored);
    const added = learnedFindings(model, text, language, rules, units, starts, findings, options.changeOwner);
    const kept = model.veto === undefined ? findings : withoutVetoed(model, model.veto, language, units, findings);
    return [...kept, ...added].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}

/** A sentence the rules left clean, which the learned complement judges, with the sentence after it. */
export interface LearnedUnit {
  start: number;
  end: number;
  /** As written, with code, links and quotes blanked. */
  sentence: string;
  /** The next sentence, folded and in lower case ('' at the end), for the guards that look ahead. */
  next: string;
}

/** Every sentence of a text as the learned complement reads it (code, links and quotes blanked), with the sentence after it. */
function sentenceUnits(text: string, folded: Folded, cut: readonly Sentence[], ignored: ReadonlyArray<[number, number]>): LearnedUnit[] {
  return cut.map((s, i) => {
    const start = folded.toOriginal[s.start] as number;
    const end = folded.toOriginal[s.end] as number;
    // What the writer did not word (code, links, quotes) is blanked, not judged.
    let sentence = text.slice(start, end);
    for (const [a, b] of ignored) {
      if (a < end && start < b) sentence = sentence.slice(0, Math.max(0, a - start)) + ' '.repeat(Math.min(end, b) - Math.max(start, a)) + sentence.slice(Math.min(end, b) - start);
    }
    const after = cut[i + 1];
    return { start, end, sentence, next: after ? folded.lower.slice(after.start, after.end) : '' };
  });
}

const overlaps = (f: { start: number; end: number }, u: { start: number; end: number }): boolean => f.start < u.end && u.start < f.end;

/** The units the learned complement judges: each sentence the rules left clean. */
function learnedUnitsIn(units: readonly LearnedUnit[], ruleFindings: readonly ToneFinding[]): LearnedUnit[] {
  return units.filter((u) => !ruleFindings.some((f) => overlaps(f, u)));
}

/** A sentence with rule findings the model may veto (shouting is the rules' alone, never vetoed). */
export interface FlaggedUnit extends LearnedUnit {
  categories: ToneCategory[];
}

function flaggedUnitsIn(units: readonly LearnedUnit[], ruleFindings: readonly ToneFinding[]): FlaggedUnit[] {
  return units
    .map((u) => ({ ...u, categories: [...new Set(ruleFindings.filter((f) => overlaps(f, u)).map((f) => f.category))] }))
    .filter((u) => u.categories.length > 0);
}

/**
 * What the shipped check gives a text before the model is asked: whether the rules flag it, and the
 * units the model would judge. Training judges exactly these units, so a threshold means in use what
 * it meant when it was chosen.
 */
export function learnedUnits(text: string, language: Language): { rules: boolean; units: LearnedUnit[]; flagged: FlaggedUnit[] } {
  const ruleFindings = checkTone(text, language, { learned: false });
  const folded = foldText(text);
  const units = sentenceUnits(text, folded, sentences(folded.text), ignoredRanges(text));
  return { rules: ruleFindings.length > 0, units: learnedUnitsIn(units, ruleFindings), flagged: flaggedUnitsIn(units, ruleFindings) };
}

/** The model's verdict on a unit, with that unit's next sentence for the guards. */
function judgeUnit(model: ToneWeights, unit: LearnedUnit, language: Language, guards: ReadonlyMap<ToneCategory, readonly ToneGuard[]>): Verdict {
  return judgeSentence(model, unit.sentence, language, guards, { next: unit.next });
}

/**
 * At most one finding per sentence the rules left clean, from the learned model: its best bad
 * category past the threshold, unvetoed by that category's rule guards, naming the words behind it.
 * The finding covers the sentence and borrows the category's usual reason, suggestion and fix.
 */
function learnedFindings(
  model: LearnedModel,
  text: string,
  language: Language,
  rules: readonly ToneRule[],
  units: readonly LearnedUnit[],
  starts: number[],
  ruleFindings: readonly ToneFinding[],
  owner: ChangeOwner | undefined,
): ToneFinding[] {
  const guards = categoryGuards(rules);
  const out: ToneFinding[] = [];
  for (const unit of learnedUnitsIn(units, ruleFindings)) {
    const { start, end, sentence } = unit;
    const verdict = judgeUnit(model, unit, language, guards);
    if (!verdictFlags(verdict, model.threshold)) continue;
    // As for the dodging rules: when the evidence says the change was someone else's, saying so neutrally is right.
    if (verdict.category === 'dodging' && owner === 'others') continue;
    const rule = templateRule(rules, verdict.category);
    if (!rule) continue;
    const { line, column } = position(starts, start);
    out.push({
      ruleId: `${verdict.category}${LEARNED_RULE_SUFFIX}`,
      category: verdict.category,
      start,
      end,
      line,
      column,
      text: text.slice(start, end),
      reason: `${rule.reason} ${explanation(language, verdict.category, writtenWords(sentence, verdict.words))}`,
      suggestion: rule.suggestion,
      alternative: rule.fixScope === 'sentence' ? rule.alternative : '',
      fixStart: start,
      fixEnd: end,
    });
  }
  return out;
}

/**
 * The rule findings left once the model vetoes the sentences it is at least `veto` sure are clean
 * (judged out of fold, such sentences were mostly the rules' false alarms). Shouting is never vetoed:
 * the model does not read capitals or marks.
 */
function withoutVetoed(model: LearnedModel, veto: number, language: Language, units: readonly LearnedUnit[], findings: readonly ToneFinding[]): ToneFinding[] {
  const clean = flaggedUnitsIn(units, findings).filter((u) => !u.categories.includes('shouting') && cleanProbability(model, u.sentence, language) >= veto);
  return findings.filter((f) => !clean.some((u) => overlaps(f, u)));
}

/**
 * Whose change the evidence blames for the regression: the later changes and reverts of the fixes,
 * when there are any; 'me' when any is the user's own. Undefined when the evidence names none.
 */
export function changeOwnerOf(evidence: IssueEvidence | undefined): ChangeOwner | undefined {
  // The change that undid the fix in the client's version is one the reply tells (jquery gh-1835: on 2.2-stable only).
  const changes = (evidence?.fixes ?? []).flatMap((fix) => [...fix.laterChanges, ...fix.reverts, ...(fix.revertsDeployed ?? [])]);
  if (changes.length === 0) return undefined;
  return changes.some((c) => c.byMe) ? 'me' : 'others';
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

/** Removes a span with the comma and space after it and capitalises what then starts the sentence. */
function removal(text: string, start: number, end: number, capitalise: boolean): ToneEdit {
  const after = /^,?[ \t]*/.exec(text.slice(end))?.[0] ?? '';
  let editEnd = end + after.length;
  if (after.length === 0) {
    // Nothing follows on the line: take the space before instead, so no double space is left.
    const before = /[ \t]+$/.exec(text.slice(0, start))?.[0] ?? '';
    return { start: start - before.length, end, text: '' };
  }
  let replacement = '';
  const next = text.charAt(editEnd);
  if (capitalise && /\p{Ll}/u.test(next)) {
    replacement = next.toUpperCase();
    editEnd += 1;
  }
  return { start, end: editEnd, text: replacement };
}

export interface ToneFix {
  /** 'rewrite' puts the calm alternative in place; 'remove' deletes; 'lowercase' lowers capitals. */
  kind: 'rewrite' | 'remove' | 'lowercase';
  /** What the fix puts in place ('' for a removal). */
  label: string;
  edit: ToneEdit;
}

/**
 * The quick fixes of a finding, the preferred first: the calm alternative in the finding's place (or
 * in its sentence's, for sentence-wide rules) in the case the sentence needs, and removal where the
 * words add nothing or the whole sentence can go.
 */
export function toneFixes(text: string, finding: ToneFinding): ToneFix[] {
  const { start, end, fixStart, fixEnd } = finding;
  const wholeSentence = fixStart !== start || fixEnd !== end;
  if (finding.alternative !== '' && finding.alternative === finding.text.toLowerCase()) {
    return [{ kind: 'lowercase', label: finding.alternative, edit: { start, end, text: finding.alternative } }];
  }
  const fixes: ToneFix[] = [];
  const written = text.slice(fixStart, fixEnd);
  if (finding.alternative !== '') {
    const alternative = withCaseOf(wholeSentence ? written : finding.text, finding.alternative);
    fixes.push({ kind: 'rewrite', label: alternative, edit: { start: fixStart, end: fixEnd, text: alternative } });
  }
  if (wholeSentence) fixes.push({ kind: 'remove', label: '', edit: removeSentence(text, fixStart, fixEnd) });
  else if (finding.alternative === '') fixes.push({ kind: 'remove', label: '', edit: removal(text, start, end, startsUpper(finding.text)) });
  return fixes;
}

/** Removes a sentence with the spaces after it (or before it, at the end of a line). */
function removeSentence(text: string, start: number, end: number): ToneEdit {
  const after = /^[ \t]*/.exec(text.slice(end))?.[0] ?? '';
  if (after.length > 0 && !/^[\n\r]?$/.test(text.charAt(end + after.length))) return { start, end: end + after.length, text: '' };
  const before = /[ \t]*$/.exec(text.slice(0, start))?.[0] ?? '';
  return { start: start - before.length, end: end + after.length, text: '' };
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
