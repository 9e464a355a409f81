// Declared formats: a field→placeholder mapping generates both the `--format` argument and its
// parser, with ASCII record (0x1E) and field (0x1D) separators. Every parser accepts arbitrary
// text: a truncated last record is dropped, odd records are skipped, nothing throws.

const RS = '\x1e';
const FS = '\x1d';

export interface FormatDeclaration<K extends string> {
  /** The value for `--format=` (log) or `--format=` (for-each-ref). */
  format: string;
  /** Complete records only; `rest` is whatever git printed after the record's fields (a patch). */
  parse(text: string): { fields: Record<K, string>; rest: string }[];
}

export type FieldsOf<T> = T extends FormatDeclaration<infer K> ? Record<K, string> : never;

/**
 * Declares a query's fields. The record starts with RS and ends with FS, so a record cut short
 * (fewer separators than fields) is recognised and dropped. The last field may contain anything
 * but RS: surplus FS inside it are kept as text.
 */
export function declareFormat<K extends string>(
  fields: Readonly<Record<K, string>>,
  escapes: { rs: string; fs: string } = { rs: '%x1E', fs: '%x1D' },
): FormatDeclaration<K> {
  const keys = Object.keys(fields) as K[];
  const format = escapes.rs + keys.map((k) => fields[k]).join(escapes.fs) + escapes.fs;
  return {
    format,
    parse(text: string) {
      // indexOf scanning rather than split: a whole-history read has 100k records.
      const out: { fields: Record<K, string>; rest: string }[] = [];
      const last = keys.length - 1;
      let start = text.indexOf(RS);
      while (start >= 0) {
        const next = text.indexOf(RS, start + 1);
        const end = next < 0 ? text.length : next;
        const record = {} as Record<K, string>;
        let at = start + 1;
        let complete = true;
        for (let i = 0; i < last; i++) {
          const sep = text.indexOf(FS, at);
          if (sep < 0 || sep >= end) {
            complete = false;
            break;
          }
          record[keys[i] as K] = text.slice(at, sep);
          at = sep + 1;
        }
        // The last field runs to the record's final FS; FS inside it stay part of it.
        const close = complete ? text.lastIndexOf(FS, end - 1) : -1;
        if (complete && close >= at) {
          record[keys[last] as K] = text.slice(at, close);
          out.push({ fields: record, rest: text.slice(close + 1, end) });
        }
        start = next;
      }
      return out;
    },
  };
}

export interface RecordStream {
  /** Feeds the next piece of output; complete records are handed over at once. */
  push(text: string): void;
  /** The output ended: hands over the last record if it is complete. */
  end(): void;
}

/** Parses a declared format while git is still printing, so parsing overlaps git's work. */
export function recordStream<K extends string>(declaration: FormatDeclaration<K>, onRecord: (fields: Record<K, string>, rest: string) => void): RecordStream {
  let buffer = '';
  const flush = (text: string): void => {
    for (const r of declaration.parse(text)) onRecord(r.fields, r.rest);
  };
  return {
    push(text: string): void {
      buffer += text;
      const last = buffer.lastIndexOf(RS);
      if (last <= 0) return;
      flush(buffer.slice(0, last));
      buffer = buffer.slice(last);
    },
    end(): void {
      flush(buffer);
      buffer = '';
    },
  };
}
