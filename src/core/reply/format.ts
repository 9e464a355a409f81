// Locale-aware formatting for replies: dates, lists and counts (short shas: core/sha.ts). Everything
// takes the client's locale explicitly so a reply never depends on the machine that renders it.
// Intl formatters are costly to build and a reply formats dozens of values, so each one is built
// once per locale and options and reused.

export interface DateOptions {
  locale: string;
  /** IANA zone; undefined means the machine's zone. */
  timeZone?: string;
  /** The year the reply is written in: a date of that year is written without it ("el 10 de febrero"). */
  currentYear?: number;
}

const cache = new Map<string, unknown>();

function cached<T>(key: string, build: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`date:${locale}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

function listFormat(locale: string): Intl.ListFormat {
  return cached(`list:${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
}

function pluralRules(locale: string): Intl.PluralRules {
  return cached(`plural:${locale}`, () => new Intl.PluralRules(locale));
}

function numberFormat(locale: string): Intl.NumberFormat {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale));
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

function zoneOf(iso: string, options: DateOptions): string | undefined {
  return isBareDay(iso) ? undefined : options.timeZone;
}

/** The calendar year of a date in the given zone. */
export function yearOf(iso: string, timeZone?: string): number {
  const date = toDate(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  return Number(dateFormat('en', { year: 'numeric', timeZone: isBareDay(iso) ? undefined : timeZone }).format(date));
}

function parts(iso: string, options: DateOptions, weekday: boolean): string {
  const date = toDate(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  const timeZone = zoneOf(iso, options);
  const withYear = options.currentYear === undefined || yearOf(iso, options.timeZone) !== options.currentYear;
  const text = dateFormat(options.locale, {
    ...(weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone,
  }).format(date);
  // Spanish writes "el jueves 3 de diciembre", without the comma Intl puts after the weekday.
  return options.locale.startsWith('es') ? text.replace(/^(\p{L}+), /u, '$1 ') : text;
}

/** "12 March 2026" / "12 de marzo de 2026"; without the year when it is the current one. */
export function formatDate(iso: string, options: DateOptions): string {
  return parts(iso, options, false);
}

/** With the weekday, for next steps: "Thursday, December 3" / "jueves 3 de diciembre". */
export function formatDay(iso: string, options: DateOptions): string {
  return parts(iso, options, true);
}

/** "a, b and c" / "a, b y c". */
export function formatList(items: readonly string[], locale: string): string {
  return listFormat(locale).format(items);
}

/** The form the locale's plural rules pick for a count. */
export function pluralForm(count: number, one: string, other: string, locale: string): string {
  return pluralRules(locale).select(count) === 'one' ? one : other;
}

/** "1 line" / "3 lines": the count followed by the form the locale's plural rules pick. */
export function formatCount(count: number, one: string, other: string, locale: string): string {
  return `${numberFormat(locale).format(count)} ${pluralForm(count, one, other, locale)}`;
}

/** Today as YYYY-MM-DD in the given zone. */
function calendarDay(iso: string, timeZone?: string): string {
  return dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * The calendar day `days` working days (Monday to Friday) after `fromIso`, as YYYY-MM-DD in the
 * given zone: the suggestion for a next-step date, which the person confirms or changes.
 */
export function addWorkingDays(fromIso: string, days: number, timeZone?: string): string {
  const [y, m, d] = calendarDay(fromIso, timeZone).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * The next-step date to suggest: `days` working days after today, or none when the setting asks
 * for none (0 or less). The person confirms or changes it; it is never put in a reply unasked.
 */
export function suggestNextStepBy(nowIso: string, days: number, timeZone?: string): string | undefined {
  return Number.isInteger(days) && days > 0 ? addWorkingDays(nowIso, days, timeZone) : undefined;
}
