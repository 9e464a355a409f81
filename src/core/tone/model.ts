// The tone check's data shapes. Rules are plain data, one file per language; a finding is a span of
// the checked text with its category, why it reads badly, what to write instead, and an edit to offer.

export const TONE_CATEGORIES = [
  'stalling',
  'overpromising',
  'defensive',
  'blaming',
  'dismissive',
  'condescending',
  'dodging',
  'shouting',
] as const;

export type ToneCategory = (typeof TONE_CATEGORIES)[number];

/**
 * Conditions under which a match is not a finding, judged on the sentence around it (see guards.ts):
 * - `negated`: a negation shortly before the match ("I can't promise", "todavía no puedo asegurarle");
 * - `reported`: the claim is reported or retracted ("I told you it was fixed and it wasn't");
 * - `conditional`: inside "should you need", "if you prefer", "si lo desea", "en caso de que";
 * - `concrete`: a date, a time or a concrete next step in the same or the next sentence;
 * - `ownsIt`: the writer is the subject ("yo debería haber probado ese caso", "I should have");
 * - `controlled`: what is promised is the writer's own next step ("I promise to send it on Friday");
 * - `request`: a vague time that belongs to a request to the client ("when you can, could you...?");
 * - `agent`: a passive that names who did it ("by the host") or sits in an indirect question ("why it was");
 * - `apology`: the writer apologises for or owns the mistake nearby ("perdoná, no revisé bien...");
 * - `attested`: a source the writer names vouches for the change ("the host confirmed they updated PHP", "el registro muestra");
 * - `datedUnlessMine`: a dated statement of a change is a timeline fact, unless the evidence says it was the user's;
 * - `offered`: a scope note followed by the writer's offer ("outside the quote; I can send you an estimate");
 * - `instruction`: the sentence is a plain how-to with no reproach in it ("To clear the cache, open Settings");
 * - `apportioned`: the cause is shared out, not pushed away ("part of the problem was on the hosting side").
 */
export type ToneGuard =
  | 'negated'
  | 'reported'
  | 'retracted'
  | 'conditional'
  | 'concrete'
  | 'ownsIt'
  | 'controlled'
  | 'request'
  | 'agent'
  | 'datedUnlessMine'
  | 'apology'
  | 'attested'
  | 'backed'
  | 'checksTheirs'
  | 'offered'
  | 'instruction'
  | 'apportioned';

/** Whose change the evidence blames for the regression, when known. */
export type ChangeOwner = 'me' | 'others';

export interface ToneRule {
  /** Stable id, `<category>.<name>`; shown with findings and used to silence a rule. */
  id: string;
  category: ToneCategory;
  /**
   * Regular-expression sources. Matching ignores case (unless `caseSensitive`) and accents, treats
   * ’ as ', and requires whole words at both ends (unless `wholeWords` is false). `{verb}` expands
   * to every form of a Spanish verb (spanishVerbs.ts) or of an English one (`{en:verb}`).
   */
  patterns: string[];
  caseSensitive?: boolean;
  /** false for punctuation rules, where word boundaries mean nothing. */
  wholeWords?: boolean;
  /** Matches that are exactly one of these (compared as written) are not findings, e.g. acronyms. */
  exceptions?: string[];
  guards?: ToneGuard[];
  /** For dodging: the rule fires only when the evidence does not say the change was someone else's ('known'), or only when it says it was the user's ('me'). */
  needsOwner?: 'not-others' | 'me';
  /** Why it reads badly to a client, in the rule file's language. */
  reason: string;
  /** What to write instead, as advice to the writer. */
  suggestion: string;
  /**
   * The quick fix: the text to put in place ('' removes). [Brackets] mark what the person fills in.
   * With `fixScope: 'sentence'` it replaces the whole sentence; otherwise only the match.
   */
  alternative: string;
  fixScope?: 'match' | 'sentence';
  /** Instead of `alternative`, replace the match with itself transformed: capitals to lower case, or a run of marks to one. */
  transform?: 'lowercase' | 'single';
  /** Texts the rule must flag and texts it must not: each rule's own tests. */
  examples: { flag: string[]; pass: string[] };
}

/** What a category explains and suggests, shared by the rules that find it (advice.{en,es}.ts). */
export type Advice = Pick<ToneRule, 'reason' | 'suggestion' | 'alternative'>;

export interface ToneFinding {
  ruleId: string;
  category: ToneCategory;
  /** Offsets into the checked text (UTF-16), end exclusive. */
  start: number;
  end: number;
  /** 1-based line and column of `start`. */
  line: number;
  column: number;
  /** The text as written. */
  text: string;
  reason: string;
  suggestion: string;
  alternative: string;
  /** The span the quick fix replaces: the match, or the sentence it is in. */
  fixStart: number;
  fixEnd: number;
}
