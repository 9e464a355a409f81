// The tone check's data shapes. Rules are plain data, one file per language; a finding is a span of
// the checked text with the rule's reason and a neutral alternative to offer in its place.

export type ToneCategory = 'blame' | 'stalling' | 'condescension' | 'hedging' | 'promise' | 'shouting';

export interface ToneRule {
  /** Stable id, `<category>.<name>`; shown with findings and used to silence a rule. */
  id: string;
  category: ToneCategory;
  /**
   * Regular-expression sources. Matching ignores case (unless `caseSensitive`) and accents, treats
   * ’ as ', and requires whole words at both ends (unless `wholeWords` is false).
   */
  patterns: string[];
  caseSensitive?: boolean;
  /** false for punctuation rules, where word boundaries mean nothing. */
  wholeWords?: boolean;
  /** Matches that are exactly one of these (compared as written) are not findings, e.g. acronyms. */
  exceptions?: string[];
  /** Why it reads badly to a client, in the rule file's language. */
  reason: string;
  /** Neutral replacement; '' means delete. [Brackets] mark what the person fills in. */
  alternative: string;
  /** Instead of `alternative`, replace the match with itself transformed (e.g. capitals to lower case). */
  transform?: 'lowercase';
  /** Texts the rule must flag and texts it must not: each rule's own tests. */
  examples: { flag: string[]; pass: string[] };
}

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
  alternative: string;
}
