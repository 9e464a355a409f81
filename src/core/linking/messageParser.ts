// Finds client-issue references in a commit message and tells fixes from mentions, the way
// GitHub, GitLab, Sentry and Linear read closing keywords, plus Spanish verb forms and trailers.
// Pure and total: any text in, a list out.
import type { IdMark } from '../gitPort';
import { isRevertSubject } from './revertSubject';

export interface IdPatterns {
  /** `CLIENT-N` keys: an uppercase prefix (2-10 letters/digits), a dash and a number. */
  keys: boolean;
  /** Restrict keys to these prefixes (e.g. the clients' prefixes); empty or absent = any prefix. */
  keyPrefixes?: string[];
  /** `#N` references. */
  hashes: boolean;
  /** User regular expressions (JavaScript syntax). Capture group 1, when present, is the id. */
  custom: string[];
}

export const DEFAULT_ID_PATTERNS: IdPatterns = { keys: true, hashes: true, custom: [] };

export type ReferenceKind = 'fix' | 'mention';

export interface Reference {
  id: string;
  kind: ReferenceKind;
  /** How a fix was recognised; null for mentions. */
  via: 'keyword' | 'trailer' | null;
  /** The closing keyword or trailer token as written, null for mentions. */
  keyword: string | null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const EN_KEYWORDS = [
  'close', 'closes', 'closed', 'closing',
  'fix', 'fixes', 'fixed', 'fixing',
  'resolve', 'resolves', 'resolved', 'resolving',
  'implement', 'implements', 'implemented', 'implementing',
  'complete', 'completes', 'completed', 'completing',
];

// Infinitive, present, participle (four endings), preterite (accented and not), gerund, 1st plural.
const ES_KEYWORDS = [
  'corregir', 'corrige', 'corrigen', 'corrijo', 'corregimos', 'corregido', 'corregida', 'corregidos', 'corregidas',
  'corregí', 'corregi', 'corrigió', 'corrigio', 'corrigiendo',
  'arreglar', 'arregla', 'arreglan', 'arreglo', 'arreglamos', 'arreglado', 'arreglada', 'arreglados', 'arregladas',
  'arreglé', 'arregle', 'arregló', 'arreglando',
  'solucionar', 'soluciona', 'solucionan', 'soluciono', 'solucionamos', 'solucionado', 'solucionada', 'solucionados',
  'solucionadas', 'solucioné', 'solucione', 'solucionó', 'solucionando',
  'resolver', 'resuelve', 'resuelven', 'resuelvo', 'resolvemos', 'resuelto', 'resuelta', 'resueltos', 'resueltas',
  'resolví', 'resolvi', 'resolvió', 'resolvio', 'resolviendo',
  'cerrar', 'cierra', 'cierran', 'cierro', 'cerramos', 'cerrado', 'cerrada', 'cerrados', 'cerradas',
  'cerré', 'cerre', 'cerró', 'cerro', 'cerrando',
];

const TRAILER_TOKENS = new Set([
  'fixes', 'fixed', 'fix', 'closes', 'closed', 'close', 'resolves', 'resolved', 'client-issue',
  'corrige', 'arregla', 'soluciona', 'resuelve', 'cierra',
]);

const WORD = '[\\p{L}\\p{N}_]';
const KEYWORD_RE = new RegExp(
  `(?<!${WORD})(${[...EN_KEYWORDS, ...ES_KEYWORDS].sort((a, b) => b.length - a.length).join('|')})(?!${WORD})`,
  'giu',
);
// A negation right before the keyword, at most two plain words apart ("does not really fix").
const NEGATION_RE = new RegExp(
  `(?:(?<!${WORD})(?:not|never|no|nunca|sin|tampoco|ni)|n['’]t)\\s+(?:[\\p{L}'’]+\\s+){0,2}$`,
  'iu',
);
// "fix" as a noun naming an earlier change's fix, after a preposition of time or origin or an adjective
// such as "previous" (redis: "After fix for #13033, address sanitizer reports…", "Remove brackets from
// fix for #3282", "This extends the previous fix (#10049)"): a mention, as the forges read it. "Part of
// the fix for #3" is this commit's share of the fix, and stays one.
const ANOTHER_FIX_RE = new RegExp(
  `(?<!${WORD})(?:after|since|before|following|during|from|(?<!part\\s+)of|like|than|until|previous|earlier|original|prior|former|older)\\s+` +
    `(?:(?:the|a|an|that|this|its|our|their|previous|earlier|original|prior|initial|former|older|first|last)\\s+){0,2}$`,
  'iu',
);
const NOUN_KEYWORDS = new Set(['fix', 'fixes']);
const FILLER_RE = new RegExp(
  `^(?:(?:the|this|that|for|of|issues?|bugs?|tickets?|errors?|problems?|regression|el|la|los|las|lo|de|del|para|` +
    `incidencias?|errore?s?|fallos?|problemas?)\\s+){0,3}`,
  'iu',
);
const LIST_SEPARATOR_RE = /^\s*(?:,\s*(?:and|y|e|or|o)\s+|,|;|&|\+|\band\b|\by\b|\be\b|\bor\b|\bo\b)\s*/iu;
const TRAILER_RE = /^\s*([A-Za-z][A-Za-z-]*)\s*:\s*(.*)$/;
// The request number a forge appends to a squash-merged subject: "Docs fixes (#5829)". It names
// the request, not an issue the keyword before it closes (the forges do not close on it either).
const REQUEST_SUFFIX_RE = /\s\(([^()\s]+)\)\s*$/u;
// A body line that lists another commit's subject: indented (git's merge summary) or a bullet.
const LISTED_SUBJECT_RE = /^(?:\s+\S|\s*[*-]\s)/u;

interface CompiledPatterns {
  regexes: RegExp[];
  /** Cheap test that tells whether a message can hold any id at all (the marks, as one expression). */
  prefilter: RegExp | null;
  /** What every id of the built-in patterns has around its first digit; null with custom patterns. */
  marks: IdMark[] | null;
  errors: string[];
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** "UTF-8", "SHA-256", "ISO-8859", "RFC-2822" read like keys (on git/git, UTF-8 was an "issue" with 7 fixes). */
const STANDARD_NAMES = ['UTF', 'UCS', 'SHA', 'MD', 'ISO', 'RFC', 'CVE', 'CWE', 'GHSA', 'IEC', 'ECMA', 'TLS', 'SSL', 'HTTP', 'CRC', 'AES', 'RSA', 'HMAC', 'IPV', 'CP', 'KOI', 'EUC', 'LATIN', 'WINDOWS', 'PEP'];

/**
 * The marks the built-in patterns' ids cannot be without: `#` before a digit, and a dash between
 * a key's last character ([A-Z0-9] without prefixes, a prefix's last otherwise) and a digit.
 */
function idMarks(patterns: IdPatterns, prefixes: string[]): IdMark[] | null {
  if (patterns.custom.length > 0) return null;
  const marks: IdMark[] = [];
  // As the patterns' look-behinds: never after a letter, digit or `_` (nor `&`, `/` for `#`, `-` for keys).
  if (patterns.hashes) marks.push({ mark: '#', before: null, digits: '123456789', notBefore: LOWER + UPPER + DIGITS + '_&/' });
  if (patterns.keys) {
    const last = prefixes.map((p) => p.slice(-1));
    // A prefix that ends outside ASCII cannot be seen byte by byte: any character may come before its dash.
    const before = prefixes.length === 0 ? UPPER + DIGITS : last.every((c) => c.charCodeAt(0) < 128) ? [...new Set(last)].join('') : null;
    // Without prefixes, the key's shape is known: on git/git, "SHA-1", "UTF-8" and dates made one
    // message in ten show a mark, where one in two hundred holds a key.
    const key = prefixes.length === 0 ? { length: [2, 10] as const, notKeys: STANDARD_NAMES } : undefined;
    marks.push(key === undefined ? { mark: '-', before } : { mark: '-', before, notBefore: LOWER + '_-', key });
  }
  return marks;
}

/** The marks as one expression, for a message already decoded. */
function markExpression(marks: IdMark[]): RegExp {
  const one = (m: IdMark): string => (m.before === null ? '' : `[${escapeRegExp(m.before)}]`) + escapeRegExp(m.mark) + '[0-9]';
  return new RegExp(marks.length === 0 ? '(?!)' : marks.map(one).join('|'));
}

/**
 * The parser's reading of messages: raised whenever the same message yields other references, so a
 * scan cache made by an older reading is not trusted (see `patternsKey`). 2: backtrace frames, #0, and
 * request numbers ending the subjects a body lists. 3: a revert's subject (git's `Revert "…"`,
 * Django's `Reverted "…"`, a release line's `[4.2.x] Revert…`) fixes nothing, its body closes issues
 * as any message does, and a keyword inside a revert's quoted subject anywhere fixes nothing. 4: "fix"
 * as a noun naming an earlier change's fix ("after the fix for #3") is a mention.
 */
export const MESSAGE_READING = 4;


const compiled = new WeakMap<IdPatterns, CompiledPatterns>();

/** Compiles the patterns; invalid user expressions are reported and left out, never thrown. */
export function compileIdPatterns(patterns: IdPatterns): CompiledPatterns {
  const cached = compiled.get(patterns);
  if (cached !== undefined) return cached;
  const regexes: RegExp[] = [];
  const errors: string[] = [];
  if (patterns.keys) {
    const prefixes = (patterns.keyPrefixes ?? []).filter((p) => p.length > 0);
    // Without the user's prefixes, the names of encodings, hashes and standards are not keys.
    const prefix = prefixes.length > 0 ? `(?:${prefixes.map(escapeRegExp).join('|')})` : `(?!(?:${STANDARD_NAMES.join('|')})-)[A-Z][A-Z0-9]{1,9}`;
    // Not followed by another dash and digits: "CVE-2025-48384" is one identifier, not issue CVE-2025.
    regexes.push(new RegExp(`(?<![\\p{L}\\p{N}_-])(${prefix}-[0-9]{1,9})(?!${WORD}|-[0-9])`, 'gu'));
  }
  // No forge numbers an issue 0 ("#0" is a backtrace's first frame, or a placeholder).
  if (patterns.hashes) regexes.push(new RegExp(`(?<![\\p{L}\\p{N}_&/])(#[1-9][0-9]{0,8})(?!${WORD})`, 'gu'));
  for (const source of patterns.custom) {
    try {
      regexes.push(new RegExp(source, 'g'));
    } catch {
      // An invalid user expression is reported as data; the other patterns still apply.
      errors.push(source);
    }
  }
  const marks = idMarks(patterns, (patterns.keyPrefixes ?? []).filter((p) => p.length > 0));
  const result = { regexes, prefilter: marks === null ? null : markExpression(marks), marks, errors };
  compiled.set(patterns, result);
  return result;
}

interface Occurrence {
  id: string;
  start: number;
  end: number;
}

// A backtrace frame pasted in a message ("#3 0x4c8a2d in main test.c:5", "#1 serverLogRaw
// src/server.c:116 (redis-server+0x8d797)", lldb's "frame #2: 0x…"): its number is the frame's.
// On redis, sanitizer traces made every issue from #1 to #40 "mentioned" by crash-fix commits.
const BACKTRACE_FRAME_RE = /^[ \t>*]*(?:frame[ \t]+)?#\d+:?[ \t]+(?:0x[0-9a-f]+\b|[^\s(]+(?:[ \t]*\([^)\n]*\)[ \t]+(?:at|from)[ \t]|[ \t]+\S*(?::\d+|\+0x[0-9a-f]+)))/gimu;

/** Where the frame numbers of backtraces in `text` start (the `#`), for `occurrences` to skip. */
function frameNumbers(text: string): Set<number> {
  const at = new Set<number>();
  if (!text.includes('#')) return at;
  BACKTRACE_FRAME_RE.lastIndex = 0;
  for (let m = BACKTRACE_FRAME_RE.exec(text); m !== null; m = BACKTRACE_FRAME_RE.exec(text)) at.add(m.index + m[0].indexOf('#'));
  return at;
}

function occurrences(text: string, patterns: CompiledPatterns): Occurrence[] {
  const frames = frameNumbers(text);
  const found: Occurrence[] = [];
  for (const re of patterns.regexes) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = re.exec(text)) !== null && guard++ < 10000) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const id = (m[1] ?? m[0]).trim();
      if (id.length === 0) continue;
      const offset = m[1] !== undefined ? m[0].indexOf(m[1]) : 0;
      if (frames.has(m.index + Math.max(0, offset))) continue;
      found.push({ id, start: m.index + Math.max(0, offset), end: m.index + Math.max(0, offset) + id.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Occurrence[] = [];
  let lastEnd = -1;
  for (const o of found) {
    if (o.start < lastEnd) continue;
    out.push(o);
    lastEnd = o.end;
  }
  return out;
}

/** The ids in a text (any kind), in order of appearance, without duplicates. */
export function idsIn(text: string, patterns: IdPatterns): string[] {
  return [...new Set(occurrences(text.normalize('NFC'), compileIdPatterns(patterns)).map((o) => o.id))];
}

function skipFiller(text: string, at: number): number {
  const m = FILLER_RE.exec(text.slice(at));
  return at + (m === null ? 0 : m[0].length);
}

/** The ids of a list starting at `at`: "#1, #2 and ACME-3", optional brackets around each id. */
function listAt(text: string, at: number, byStart: Map<number, Occurrence>): Occurrence[] {
  const out: Occurrence[] = [];
  let cursor = at;
  for (;;) {
    cursor = skipFiller(text, cursor);
    let bracket = false;
    if (text[cursor] === '(' || text[cursor] === '[') {
      cursor++;
      bracket = true;
    }
    const occurrence = byStart.get(cursor);
    if (occurrence === undefined) return out;
    out.push(occurrence);
    cursor = occurrence.end;
    if (bracket && (text[cursor] === ')' || text[cursor] === ']')) cursor++;
    const sep = LIST_SEPARATOR_RE.exec(text.slice(cursor, cursor + 12));
    if (sep === null) return out;
    cursor += sep[0].length;
  }
}

/**
 * Where a message's subject ends: at its first blank line (a wrapped subject runs on), else its end.
 * A forge that cuts a long subject (`Revert "Fix crash when the cart is emp…`) goes on in the first
 * paragraph of the body (`…ty (fixes ACME-4)"`): that paragraph is the subject too.
 */
function subjectLength(text: string): number {
  const blank = /\n[ \t]*\n/.exec(text);
  if (blank === null) return text.length;
  const rest = blank.index + blank[0].length;
  if (!/[…]\s*$|\.\.\.\s*$/u.test(text.slice(0, blank.index)) || !/^\s*(?:…|\.\.\.)/u.test(text.slice(rest))) return blank.index;
  const next = /\n[ \t]*\n/.exec(text.slice(rest));
  return next === null ? text.length : rest + next.index;
}

// A reverted commit's subject quoted after the word, anywhere in a line: Django's
// `Refs #31877 -- Reverted "Fixes #31877 -- Used lazy()…"` reverts a fix, and
// `Fixed #31877 -- Reverted "Fixed #19878 -- …"` fixes #31877, not #19878.
const QUOTED_REVERT_RE = /(?<![\p{L}\p{N}_])(?:revert(?:ed|s|ing)?|revierte|revertir)\s+"([^"\n]*)"?/giu;

/** Whether position `at` of `line` lies inside the quoted subject of a revert. */
function insideQuotedRevert(line: string, at: number): boolean {
  QUOTED_REVERT_RE.lastIndex = 0;
  let q: RegExpExecArray | null;
  while ((q = QUOTED_REVERT_RE.exec(line)) !== null) {
    const start = q.index + q[0].indexOf('"');
    if (at > start && at < q.index + q[0].length) return true;
  }
  return false;
}

/** References to issues in a commit message: one per id, a fix if any occurrence is a fix. */
export function parseReferences(message: string, patterns: IdPatterns): Reference[] {
  const compiledPatterns = compileIdPatterns(patterns);
  if (compiledPatterns.prefilter !== null && !compiledPatterns.prefilter.test(message)) return [];
  const text = message.normalize('NFC');
  const all = occurrences(text, compiledPatterns);
  if (all.length === 0) return [];
  const byStart = new Map(all.map((o) => [o.start, o]));
  const fixes = new Map<string, { via: 'keyword' | 'trailer'; keyword: string }>();
  // A revert's subject quotes the reverted subject ("Revert "Fix ACME-3"", Django's "Reverted "Fixed #3""): the ids in it name the
  // change undone, never an issue the revert fixes. Its body is read as any other: reverting a change
  // that broke something is how that is fixed (curl: `Revert "multi: …"` … `Fixes #6146`), and a
  // revert of a revert can close the issue again (`Closes #7144 (again)`).
  const subjectEnd = isRevertSubject(text) ? subjectLength(text) : 0;
  const undone = new Set(all.filter((o) => o.start < subjectEnd).map((o) => o.id));
  {
    let lineStart = 0;
    // Occurrences are in order of their start: `next` is the first that starts at or after the line.
    let next = 0;
    for (const line of text.split('\n')) {
      while (next < all.length && (all[next] as Occurrence).start < lineStart) next++;
      // A fix's ids follow its keyword or trailer on the same line: a line where no id starts has
      // none (most lines of a long message; the keyword expression was most of a scan's parsing).
      if (next === all.length || (all[next] as Occurrence).start >= lineStart + line.length || lineStart < subjectEnd) {
        lineStart += line.length + 1;
        continue;
      }
      // The request number ending the subject, or a subject a merge or squash body lists indented or
      // as a bullet ("  combine-diff: diff-files fix (#2)", "* Fix totals (#41)"): the request, not a
      // closed issue. Prose in the body ("This fixes (#12)") is read as written.
      const listed = lineStart === 0 || LISTED_SUBJECT_RE.test(line);
      const suffix = listed ? REQUEST_SUFFIX_RE.exec(line) : null;
      const request = suffix === null ? undefined : byStart.get(lineStart + suffix.index + suffix[0].indexOf('(') + 1);
      const trailer = TRAILER_RE.exec(line);
      if (trailer !== null && TRAILER_TOKENS.has((trailer[1] as string).toLowerCase())) {
        const valueStart = lineStart + line.length - (trailer[2] as string).length;
        for (const o of listAt(text, valueStart, byStart)) {
          if (o.end > lineStart + line.length) break;
          fixes.set(o.id, { via: 'trailer', keyword: trailer[1] as string });
        }
      } else {
        KEYWORD_RE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = KEYWORD_RE.exec(line)) !== null) {
          if (NEGATION_RE.test(line.slice(0, m.index))) continue;
          if (NOUN_KEYWORDS.has(m[0].toLowerCase()) && ANOTHER_FIX_RE.test(line.slice(0, m.index))) continue;
          if (insideQuotedRevert(line, m.index)) continue;
          let after = m.index + m[0].length;
          const colon = /^\s*:?\s*/.exec(line.slice(after));
          after += colon === null ? 0 : colon[0].length;
          for (const o of listAt(text, lineStart + after, byStart)) {
            if (o.end > lineStart + line.length || o === request) break;
            if (!fixes.has(o.id)) fixes.set(o.id, { via: 'keyword', keyword: m[0] });
          }
        }
      }
      lineStart += line.length + 1;
    }
  }
  const out: Reference[] = [];
  const seen = new Set<string>();
  for (const o of all) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    const fix = undone.has(o.id) ? undefined : fixes.get(o.id);
    out.push(
      fix === undefined
        ? { id: o.id, kind: 'mention', via: null, keyword: null }
        : { id: o.id, kind: 'fix', via: fix.via, keyword: fix.keyword },
    );
  }
  return out;
}
