// The helpers reply templates may call. Each checks its arguments and fails with the template's
// line rather than print a blank; links and code spans exist only in Markdown replies, so a plain
// text reply (an email body) never shows Markdown syntax.
import type Handlebars from 'handlebars';
import type { ReplyContext } from './context';
import { isSha, shortSha } from '../sha';
import { formatCount, formatDate, formatDay, formatList, pluralForm, yearOf } from './format';
import type { Forge } from './remoteLinks';
import { commitUrl, isSafeLink, tagUrl } from './remoteLinks';
import type { Loc } from './templateErrors';
import { helperError } from './templateErrors';

export type ReplyFormat = 'markdown' | 'text';

export const HELPER_NAMES: ReadonlySet<string> = new Set([
  'date', 'day', 'short', 'commit', 'tag', 'code', 'list', 'commits', 'tags', 'authors', 'count', 'plural',
  'reg', 'eq', 'gt',
]);

export interface HelperSettings {
  locale: string;
  timeZone?: string;
  forge: Forge | null;
  format: ReplyFormat;
}

interface HelperOptions {
  loc?: Loc;
  data?: { root?: ReplyContext };
}

function asOptions(value: unknown): HelperOptions {
  return (value ?? {}) as HelperOptions;
}

function requireString(helper: string, value: unknown, options: HelperOptions): string {
  if (typeof value !== 'string' || value === '') throw helperError(helper, 'expects a non-empty text', options.loc);
  return value;
}

function requireArray(helper: string, value: unknown, options: HelperOptions): unknown[] {
  if (!Array.isArray(value)) throw helperError(helper, 'expects a list', options.loc);
  return value;
}

function shaOf(helper: string, item: unknown, options: HelperOptions): string {
  const sha = item !== null && typeof item === 'object' ? (item as { sha?: unknown }).sha : item;
  if (typeof sha !== 'string' || !isSha(sha)) {
    throw helperError(helper, 'expects commits (objects with a sha) or shas', options.loc);
  }
  return sha;
}

/** Link text cannot close the link early. */
function linkText(text: string): string {
  return text.replace(/([[\]\\])/g, '\\$1');
}

export function registerHelpers(env: typeof Handlebars, settings: HelperSettings): void {
  const { locale, format } = settings;
  const forge = format === 'markdown' ? settings.forge : null;
  const link = (text: string, url: string): string => (forge && isSafeLink(url) ? `[${linkText(text)}](${url})` : text);
  const commitLink = (sha: string): string => (forge ? link(shortSha(sha), commitUrl(forge, sha)) : shortSha(sha));
  const tagLink = (name: string): string => (forge ? link(name, tagUrl(forge, name)) : name);
  const dateOptions = (o: HelperOptions): { locale: string; timeZone?: string; currentYear?: number } => {
    const checkedAt = o.data?.root?.checkedAt;
    let currentYear: number | undefined;
    try {
      currentYear = typeof checkedAt === 'string' ? yearOf(checkedAt, settings.timeZone) : undefined;
    } catch {
      // A context without a valid check time: every date keeps its year.
      currentYear = undefined;
    }
    return { locale, ...(settings.timeZone !== undefined ? { timeZone: settings.timeZone } : {}), ...(currentYear !== undefined ? { currentYear } : {}) };
  };
  const dateHelper = (name: string, formatter: typeof formatDate) => (value: unknown, o: unknown): string => {
    const opts = asOptions(o);
    const iso = requireString(name, value, opts);
    try {
      return formatter(iso, dateOptions(opts));
    } catch {
      throw helperError(name, `not a date: ${iso}`, opts.loc);
    }
  };

  env.registerHelper('date', dateHelper('date', formatDate));
  env.registerHelper('day', dateHelper('day', formatDay));
  env.registerHelper('short', (value: unknown, o: unknown) => shortSha(shaOf('short', value, asOptions(o))));
  env.registerHelper('commit', (value: unknown, o: unknown) => commitLink(shaOf('commit', value, asOptions(o))));
  env.registerHelper('tag', (value: unknown, o: unknown) => {
    const v = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : value;
    return tagLink(requireString('tag', v, asOptions(o)));
  });
  // {{code target.ref}}: a ref or path as code in Markdown; as it is in a plain text email.
  env.registerHelper('code', (value: unknown, o: unknown) => {
    const text = requireString('code', value, asOptions(o));
    return format === 'markdown' ? `\`${text.replace(/`/g, "'")}\`` : text;
  });
  env.registerHelper('commits', (value: unknown, o: unknown) => {
    const opts = asOptions(o);
    return formatList(requireArray('commits', value, opts).map((c) => commitLink(shaOf('commits', c, opts))), locale);
  });
  env.registerHelper('tags', (value: unknown, o: unknown) => {
    const opts = asOptions(o);
    return formatList(requireArray('tags', value, opts).map((t) => tagLink(requireString('tags', t, opts))), locale);
  });
  env.registerHelper('authors', (value: unknown, o: unknown) => {
    const opts = asOptions(o);
    const names = requireArray('authors', value, opts).map((c) => {
      const author = c !== null && typeof c === 'object' ? (c as { author?: unknown }).author : undefined;
      return requireString('authors', author, opts);
    });
    return formatList([...new Set(names)], locale);
  });
  // {{list items}} or {{list items "field"}}
  env.registerHelper('list', (value: unknown, ...rest: unknown[]) => {
    const opts = asOptions(rest[rest.length - 1]);
    const field = rest.length > 1 ? rest[0] : undefined;
    const items = requireArray('list', value, opts).map((item) => {
      const v = typeof field === 'string' && item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field] : item;
      return typeof v === 'number' ? String(v) : requireString('list', v, opts);
    });
    return formatList(items, locale);
  });
  env.registerHelper('count', (n: unknown, one: unknown, other: unknown, o: unknown) => {
    const opts = asOptions(o);
    const value = Array.isArray(n) ? n.length : n;
    if (typeof value !== 'number') throw helperError('count', 'expects a number or a list', opts.loc);
    return formatCount(value, requireString('count', one, opts), requireString('count', other, opts), locale);
  });
  env.registerHelper('plural', (n: unknown, one: unknown, other: unknown, o: unknown) => {
    const opts = asOptions(o);
    const value = Array.isArray(n) ? n.length : n;
    if (typeof value !== 'number') throw helperError('plural', 'expects a number or a list', opts.loc);
    return pluralForm(value, requireString('plural', one, opts), requireString('plural', other, opts), locale);
  });
  // {{reg "usted form" "tú form"}}: the Spanish register the client is addressed in.
  env.registerHelper('reg', (usted: unknown, tu: unknown, o: unknown) => {
    const opts = asOptions(o);
    const formal = requireString('reg', usted, opts);
    const informal = typeof tu === 'string' ? tu : requireString('reg', tu, opts);
    return opts.data?.root?.tu === true ? informal : formal;
  });
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('gt', (a: unknown, b: unknown, o: unknown) => {
    const left = Array.isArray(a) ? a.length : a;
    if (typeof left !== 'number' || typeof b !== 'number') throw helperError('gt', 'expects numbers or a list', asOptions(o).loc);
    return left > b;
  });
  // Handlebars' own `log` writes to the console (the CLI's stdout); the check refuses it, and it
  // is removed here too so that nothing a template says ever leaves the reply.
  env.unregisterHelper('log');
}
