// Locale-aware formatting for replies: dates, lists and counts (short shas: core/sha.ts). Everything
// takes the client's locale explicitly so a reply never depends on the machine that renders it.

export interface DateOptions {
  locale: string;
  /** IANA zone; undefined means the machine's zone. */
  timeZone?: string;
}

function toDate(iso: string): Date {
  // A bare YYYY-MM-DD is a calendar day, not a UTC midnight that a western zone would show as
  // the previous day.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12);
  return new Date(iso);
}

function isBareDay(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso);
}

/** "12 March 2026" / "12 de marzo de 2026" (the locale decides the order). */
export function formatDate(iso: string, options: DateOptions): string {
  const date = toDate(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'long',
    timeZone: isBareDay(iso) ? undefined : options.timeZone,
  }).format(date);
}

/** With the weekday, for next steps: "Wednesday, 25 November 2026". */
export function formatDay(iso: string, options: DateOptions): string {
  const date = toDate(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'full',
    timeZone: isBareDay(iso) ? undefined : options.timeZone,
  }).format(date);
}

/** "a, b and c" / "a, b y c". */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** "1 line" / "3 lines": the count followed by the form the locale's plural rules pick. */
export function formatCount(count: number, one: string, other: string, locale: string): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? one : other;
  return `${new Intl.NumberFormat(locale).format(count)} ${form}`;
}

/**
 * The calendar day `days` working days (Monday to Friday) after `fromIso`, as YYYY-MM-DD in the
 * given zone. A default next-step date the person can change before sending.
 */
export function addWorkingDays(fromIso: string, days: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(fromIso))
    .split('-')
    .map(Number);
  const date = new Date(Date.UTC(parts[0] as number, (parts[1] as number) - 1, parts[2] as number));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}
