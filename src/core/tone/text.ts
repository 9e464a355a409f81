// Text plumbing for the tone check: accent folding with a map back to the original offsets, the
// spans the writer did not word (code, links, quotes), and sentences, the unit the guards judge.

export interface Folded {
  /** Accents stripped, ’ as '. */
  text: string;
  /** `text` in lower case, index for index (a character whose lower case is longer stays as is). */
  lower: string;
  /** For each index of `text`, the index in the original. One more entry marks the end. */
  toOriginal: number[];
}

function foldChar(ch: string): string {
  if (ch === '’' || ch === '‘' || ch === '´') return "'";
  return ch.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Strips accents (keeping ñ's n, ü's u...) and maps every folded index back to the original. */
export function foldText(text: string): Folded {
  let out = '';
  let lower = '';
  const toOriginal: number[] = [];
  let index = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    for (let i = 0; i < folded.length; i++) toOriginal.push(index);
    out += folded;
    const lowered = folded.toLowerCase();
    lower += lowered.length === folded.length ? lowered : folded;
    index += ch.length;
  }
  toOriginal.push(index);
  return { text: out, lower, toOriginal };
}

export function foldPattern(source: string): string {
  return source.normalize('NFD').replace(/\p{M}/gu, '');
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

export interface Sentence {
  /** Offsets into the text the sentences were cut from; `end` includes the closing punctuation. */
  start: number;
  end: number;
}

/**
 * Sentences of a text: cut after . ! ? … ; (not inside "v1.4.0" or "e.g.") and at line breaks.
 * Leading spaces and list markers are left out, so a sentence range is what a person would select.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const cut = /(?:[.!?…;]+(?=[\s"'»”)\]]|$)[»”"')\]]*)|\n/g;
  let from = 0;
  const push = (start: number, end: number): void => {
    const lead = /^[\s>*\-–•]*(?:\d+[.)]\s+)?/.exec(text.slice(start, end))?.[0].length ?? 0;
    const s = start + lead;
    let e = end;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (const m of text.matchAll(cut)) {
    const end = m.index + m[0].length;
    // "e.g." / "p. ej." / "etc." inside a sentence are not its end.
    if (m[0] === '.' && /(?:\be\.g|\bi\.e|\bp\. ?ej|\bej|\betc|\bvs|\bnº|\bn\.o|\bsr|\bsra|\bdr|\bdra|\bud|\buds)$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    push(from, m[0] === '\n' ? m.index : end);
    from = end;
  }
  push(from, text.length);
  return out;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}
