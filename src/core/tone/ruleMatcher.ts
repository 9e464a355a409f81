// A rule's patterns as the check runs them: one expression per pattern, built and compiled only when
// the text holds a literal every match of it needs (literals.ts). Together they find exactly what the
// one alternation of all the rule's patterns found, match for match: the leftmost match in the text,
// and at one position the first pattern that matches there, then on from its end.
//
// Why not one expression per rule: V8 compiles an expression on its first run, again to machine code
// on its second, and once more for each of its two string representations; for the rules with verb
// classes (tens of kilobytes) that cost 1–3 s per step, paid for the whole rule although most
// replies can match none of its patterns.
import type { ToneRule } from './model';
import { requiredLiterals } from './literals';
import { foldPattern } from './text';
import { expandVerbs, expandVerbsForLiterals } from './verbs';

export interface RuleMatch {
  /** Offset of the match in the subject. */
  index: number;
  text: string;
}

interface Pattern {
  /** The rule's pattern as written (verb classes unexpanded until it is compiled). */
  written: string;
  /** One of these occurs in any text the pattern matches; undefined: run it on every text. */
  literals: readonly string[] | undefined;
  regex: RegExp | undefined;
}

export interface RuleMatcher {
  rule: ToneRule;
  caseSensitive: boolean;
  exceptions: ReadonlySet<string>;
  /** Every match in `subject`, as `subject.matchAll` of the rule's one alternation would give them. */
  matches(subject: string): RuleMatch[];
}

const matchers = new WeakMap<ToneRule, RuleMatcher>();

/** The rule's matcher: its patterns expanded and read for their literals once; each compiled when first needed. */
export function ruleMatcher(rule: ToneRule): RuleMatcher {
  const cached = matchers.get(rule);
  if (cached) return cached;
  const patterns: Pattern[] = rule.patterns.map((p) => {
    return { written: p, literals: requiredLiterals(foldPattern(expandVerbsForLiterals(p))), regex: undefined };
  });
  const wrap = (source: string): string => (rule.wholeWords === false ? `(?:${source})` : `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`);
  const regexOf = (p: Pattern): RegExp => (p.regex ??= new RegExp(wrap(foldPattern(expandVerbs(p.written))), 'gu'));
  const matcher: RuleMatcher = {
    rule,
    caseSensitive: rule.caseSensitive === true,
    exceptions: new Set(rule.exceptions ?? []),
    matches: (subject) => {
      const live = patterns.filter((p) => p.literals === undefined || p.literals.some((l) => subject.includes(l))).map(regexOf);
      return live.length === 0 ? [] : leftmostFirst(live, subject);
    },
  };
  matchers.set(rule, matcher);
  return matcher;
}

/**
 * The matches of the alternation `a|b|…` of `regexes` (global, same flags), from each regex run on its
 * own: at each step the leftmost match, the earlier regex on a tie, then on from its end (one code
 * point further after an empty match, as `matchAll` does under the `u` flag).
 */
function leftmostFirst(regexes: readonly RegExp[], subject: string): RuleMatch[] {
  // Each regex's next match at or after the search position: a match found from an earlier position
  // that lies at or after the current one is also the first from the current one.
  const next: Array<RegExpExecArray | null | undefined> = regexes.map(() => undefined);
  const out: RuleMatch[] = [];
  let pos = 0;
  while (pos <= subject.length) {
    let best: RegExpExecArray | undefined;
    for (let k = 0; k < regexes.length; k++) {
      let m = next[k];
      if (m === null) continue;
      if (m === undefined || m.index < pos) {
        const regex = regexes[k] as RegExp;
        regex.lastIndex = pos;
        m = regex.exec(subject);
        next[k] = m;
        if (m === null) continue;
      }
      if (best === undefined || m.index < best.index) best = m;
    }
    if (best === undefined) break;
    out.push({ index: best.index, text: best[0] });
    pos = best.index + best[0].length;
    if (best[0].length === 0) pos += (subject.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
  }
  return out;
}
