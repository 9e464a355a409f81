// Declared formats: a field→placeholder mapping generates both the `--format` argument and its
// parser. Separators cannot be forged by what git prints inside a field: a field never contains a
// NUL byte (git prints names, dates and messages as C strings; `git commit` refuses NUL in a
// message), and every separator starts with one. The record separator also carries a random
// nonce drawn when this module loads, so not even a patch (which may hold NUL bytes when the
// repository's attributes call a binary file text) can start a record: commits are written before
// the nonce exists. Every parser accepts arbitrary text: a truncated last record is dropped, odd
// records are skipped, nothing throws.
import { randomBytes } from 'node:crypto';

const NONCE = randomBytes(8).toString('hex');
const RS = `\0${NONCE}\x1e`;
const FS = '\0\x1d';

export interface FormatDeclaration<K extends string> {
  /** The value for `--format=` (log) or `--format=` (for-each-ref). */
  format: string;
  /** The separators as git prints them, for building fixtures. */
  separators: { record: string; field: string };
  /** Complete records only; `rest` is whatever git printed after the record's fields (a patch). */
  parse(text: string): { fields: Record<K, string>; rest: string }[];
}

export type FieldsOf<T> = T extends FormatDeclaration<infer K> ? Record<K, string> : never;

/** How a command spells a byte in its format: `%x00` for log, `%00` for for-each-ref. */
type Escape = 'log' | 'ref';

function escaped(text: string, escape: Escape): string {
  const hex = (c: string): string => c.charCodeAt(0).toString(16).padStart(2, '0');
  return [...text].map((c) => (c < ' ' ? (escape === 'log' ? `%x${hex(c)}` : `%${hex(c)}`) : c)).join('');
}

/**
 * Declares a query's fields. A record is RS, then each field followed by FS; a record cut short
 * (fewer separators than fields) is recognised and dropped.
 */
export function declareFormat<K extends string>(fields: Readonly<Record<K, string>>, escape: Escape = 'log'): FormatDeclaration<K> {
  const keys = Object.keys(fields) as K[];
  const format = escaped(RS, escape) + keys.map((k) => fields[k] + escaped(FS, escape)).join('');
  return {
    format,
    separators: { record: RS, field: FS },
    parse(text: string) {
      // indexOf scanning rather than split: a whole-history read has 100k records.
      const out: { fields: Record<K, string>; rest: string }[] = [];
      let start = text.indexOf(RS);
      while (start >= 0) {
        const next = text.indexOf(RS, start + RS.length);
        const end = next < 0 ? text.length : next;
        const record = {} as Record<K, string>;
        let at = start + RS.length;
        let complete = true;
        for (const key of keys) {
          const sep = text.indexOf(FS, at);
          if (sep < 0 || sep + FS.length > end) {
            complete = false;
            break;
          }
          record[key] = text.slice(at, sep);
          at = sep + FS.length;
        }
        if (complete) out.push({ fields: record, rest: text.slice(at, end) });
        start = next;
      }
      return out;
    },
  };
}
