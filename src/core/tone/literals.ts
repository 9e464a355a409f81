// What every match of a rule pattern must contain: a few literal strings, at least one of which
// occurs in any text the pattern matches. The check asks this before it builds a pattern's
// expression, so a reply pays V8's compile (up to a second for the verb-class patterns, and again
// for each of its string representations) only for the patterns that could match it.
//
// The analysis reads the pattern's source (the `u`-flag syntax the rules use) and answers only what
// it can prove: anything it does not understand, or a pattern that can match without a literal
// (`\p{L}+`, an optional group alone), gives `undefined`, and that pattern is always run.

/** Larger sets of exact strings are not multiplied out further (a verb class has thousands of forms). */
const MAX_EXACT = 64;
/** Past this many literals a requirement is worth less than its test (a verb class's forms): none is kept. */
const MAX_REQUIRED = 512;

/** Strings with the length of the shortest, which says how selective they are as a requirement. */
interface Strings {
  list: readonly string[];
  shortest: number;
}

interface Info {
  /** Every string the node can match, when few and known (a zero-width node matches ''). */
  exact?: Strings;
  /** Literals of which every match of the node contains one (none known: undefined). */
  required?: Strings;
}

function strings(list: readonly string[]): Strings {
  const unique = list.length > 1 ? [...new Set(list)] : list;
  let shortest = Infinity;
  for (const s of unique) if (s.length < shortest) shortest = s.length;
  return { list: unique, shortest };
}

const EMPTY: Strings = { list: [''], shortest: 0 };

/** The more selective requirement: the longer shortest literal, then fewer literals. */
function better(a: Strings | undefined, b: Strings | undefined): Strings | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.shortest !== b.shortest) return a.shortest > b.shortest ? a : b;
  return a.list.length <= b.list.length ? a : b;
}

/** Exact strings as required literals: only when none is empty (an empty match requires nothing). */
function asRequired(exact: Strings | undefined): Strings | undefined {
  return exact === undefined || exact.shortest === 0 || exact.list.length === 0 ? undefined : exact;
}

function requiredOf(info: Info): Strings | undefined {
  return better(asRequired(info.exact), info.required);
}

const PLAIN_RUN = /[^\\^$.|?*+()[\]{}\uD800-\uDFFF]+/uy;
const QUANTIFIER = /(?:\?|\*|\+|\{(\d+)(?:(,)(\d*))?\})\??/uy;
const GROUP_HEAD = /\((\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/uy;
const WORD_BOUNDARY = /\\[bB]/uy;
const CLASS_ESCAPE = /\\(?:[dDwWsS]|[pP]\{[^}]*\})/uy;
const BACK_REFERENCE = /\\(?:[1-9]\d*|k<[^>]*>)/uy;
const HEX_ESCAPE = /\\(?:x([\dA-Fa-f]{2})|u([\dA-Fa-f]{4})|u\{([\dA-Fa-f]+)\})/uy;
const CONTROLS: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

class Parser {
  private i = 0;

  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i !== this.src.length) throw new Error(`unexpected ${this.src.charAt(this.i)} at ${this.i}`);
    return info;
  }

  private peek(): string {
    return this.src.charAt(this.i);
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as Info;
    let exact: string[] | undefined = [];
    let required: string[] | undefined = [];
    for (const branch of branches) {
      if (exact !== undefined && branch.exact !== undefined && exact.length + branch.exact.list.length <= MAX_EXACT) exact.push(...branch.exact.list);
      else exact = undefined;
      const r = requiredOf(branch);
      if (required !== undefined && r !== undefined && required.length + r.list.length <= MAX_REQUIRED) required.push(...r.list);
      else required = undefined;
    }
    return { ...(exact ? { exact: strings(exact) } : {}), ...(required ? { required: strings(required) } : {}) };
  }

  private sequence(): Info {
    // The strings matched so far (while few and known), and the best requirement met on the way.
    let run: readonly string[] = [''];
    let best: Strings | undefined;
    let whole = true;
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      // Most of a pattern is plain words: a run of plain characters is appended at once.
      const plain = this.plainRun();
      if (plain !== '') {
        run = run.map((a) => a + plain);
        continue;
      }
      const item = this.quantified();
      best = better(best, item.required);
      if (item.exact !== undefined && run.length * item.exact.list.length <= MAX_EXACT) {
        const tails = item.exact.list;
        run = run.flatMap((a) => tails.map((b) => a + b));
        continue;
      }
      // The run ends here: what it matched is one requirement, and a new run starts after this item.
      best = better(best, asRequired(strings(run)));
      whole = false;
      run = item.exact ? item.exact.list : [''];
    }
    const last = strings(run);
    best = better(best, asRequired(last));
    return { ...(whole ? { exact: last } : {}), ...(best ? { required: best } : {}) };
  }

  /** Plain characters from here that no quantifier follows, consumed. */
  private plainRun(): string {
    PLAIN_RUN.lastIndex = this.i;
    const m = PLAIN_RUN.exec(this.src);
    if (m === null) return '';
    // The run's last character belongs to a quantifier after it ("casos?"): left for the atom.
    const text = /^[?*+{]/u.test(this.src.slice(this.i + m[0].length, this.i + m[0].length + 1)) ? m[0].slice(0, -1) : m[0];
    this.i += text.length;
    return text;
  }

  private quantified(): Info {
    const atom = this.atom();
    const q = this.sticky(QUANTIFIER);
    if (q === null) return atom;
    this.i += q[0].length;
    const min = q[0].startsWith('+') ? 1 : q[0].startsWith('{') ? Number(q[1]) : 0;
    const max = q[0].startsWith('?') ? 1 : q[0].startsWith('{') ? (q[2] === undefined ? Number(q[1]) : q[3] === '' ? Infinity : Number(q[3])) : Infinity;
    if (min === 0) {
      if (max === 1 && atom.exact !== undefined && atom.exact.list.length < MAX_EXACT) return { exact: strings([...atom.exact.list, '']) };
      return {};
    }
    // At least one repetition: the atom's requirement holds; exact strings only for exactly one.
    const required = requiredOf(atom);
    return { ...(min === 1 && max === 1 && atom.exact ? { exact: atom.exact } : {}), ...(required ? { required } : {}) };
  }

  private atom(): Info {
    const ch = this.peek();
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    if (ch === '\\') return this.escape();
    if (ch === '^' || ch === '$') {
      this.i++;
      return { exact: EMPTY };
    }
    if (ch === '.') {
      this.i++;
      return {};
    }
    if ('*+?{}]'.includes(ch)) throw new Error(`unexpected ${ch} at ${this.i}`);
    const cp = this.src.codePointAt(this.i) as number;
    const literal = String.fromCodePoint(cp);
    this.i += literal.length;
    return { exact: strings([literal]) };
  }

  private group(): Info {
    const head = this.sticky(GROUP_HEAD) as RegExpExecArray;
    this.i += head[0].length;
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Error(`unclosed group at ${this.i}`);
    this.i++;
    const kind = head[1];
    // Lookarounds consume nothing: they only narrow where the rest may match.
    if (kind === '?=' || kind === '?!' || kind === '?<=' || kind === '?<!') return { exact: EMPTY };
    return inner;
  }

  private escape(): Info {
    if (this.sticky(WORD_BOUNDARY)) {
      this.i += 2;
      return { exact: EMPTY };
    }
    const cls = this.sticky(CLASS_ESCAPE) ?? this.sticky(BACK_REFERENCE);
    if (cls) {
      this.i += cls[0].length;
      return {};
    }
    return { exact: strings([this.escapedChar()]) };
  }

  /** One escaped character (`\.`, `\n`, `\u00e9`...), consumed; throws on what it does not know. */
  private escapedChar(): string {
    const hex = this.sticky(HEX_ESCAPE);
    if (hex) {
      this.i += hex[0].length;
      return String.fromCodePoint(parseInt((hex[1] ?? hex[2] ?? hex[3]) as string, 16));
    }
    const c = this.src.charAt(this.i + 1);
    const control = CONTROLS[c];
    if (control !== undefined) {
      this.i += 2;
      return control;
    }
    // Under the `u` flag only syntax characters, '/' and '-' may be escaped as themselves.
    if (c !== '' && '^$\\.*+?()[]{}|/-'.includes(c)) {
      this.i += 2;
      return c;
    }
    throw new Error(`unknown escape \\${c} at ${this.i}`);
  }

  /** A match of `re` (sticky) where the parser stands, not consumed. */
  private sticky(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.i;
    return re.exec(this.src);
  }

  private charClass(): Info {
    this.i++;
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let known = !negated;
    const first = this.i;
    while (this.peek() !== ']') {
      if (this.i >= this.src.length) throw new Error('unclosed class');
      if (this.peek() === '-' && this.i !== first && this.src.charAt(this.i + 1) !== ']') {
        // A range after an escaped character ("\\.-z"): its members are not listed.
        this.i++;
        known = false;
        continue;
      }
      if (this.peek() === '\\') {
        const cls = this.sticky(CLASS_ESCAPE) ?? this.sticky(WORD_BOUNDARY);
        if (cls) {
          this.i += cls[0].length;
          known = false;
          continue;
        }
        chars.add(this.escapedChar());
        continue;
      }
      if (this.src.charAt(this.i + 1) === '-' && this.i + 2 < this.src.length && this.src.charAt(this.i + 2) !== ']') {
        // A range: too many strings to list, and nothing required.
        if (this.src.charAt(this.i + 2) === '\\') throw new Error('escaped range end');
        this.i += 3;
        known = false;
        continue;
      }
      const literal = String.fromCodePoint(this.src.codePointAt(this.i) as number);
      this.i += literal.length;
      chars.add(literal);
    }
    this.i++;
    return known && chars.size > 0 && chars.size <= MAX_EXACT ? { exact: strings([...chars]) } : {};
  }
}

/**
 * Literals of which every match of `source` (a `u`-flag expression, run on the text it is given)
 * contains at least one; undefined when no such set is known, and the pattern must simply be run.
 */
export function requiredLiterals(source: string): readonly string[] | undefined {
  try {
    const required = requiredOf(new Parser(source).parse());
    return required?.list;
  } catch {
    // A syntax the analysis does not read: no prefilter, the expression is always run.
    return undefined;
  }
}
