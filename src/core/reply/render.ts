// Renders a reply from its templates in an isolated Handlebars environment, strict and unescaped.
// Failures are data (code, file, line, name) for the layer above to word; a template that fails
// never yields a reply with a blank where a fact should be.
import Handlebars from 'handlebars';
import type { ReplyContext } from './context';
import { CONTEXT_FIELDS } from './context';
import { shortSha } from '../sha';
import { formatCount, formatDate, formatDay, formatList } from './format';
import type { Forge } from './remoteLinks';
import { commitUrl, tagUrl } from './remoteLinks';
import type { TemplateFile, TemplateSource } from './templateSource';

export type TemplateErrorCode =
  | 'syntax'
  | 'unknown-field'
  | 'missing-field'
  | 'unknown-helper'
  | 'missing-partial'
  | 'missing-template'
  | 'helper-argument'
  | 'render';

export interface TemplateError {
  code: TemplateErrorCode;
  /** The template file at fault. */
  file: string;
  /** The template (or partial) name at fault. */
  template: string;
  /** 1-based; absent when the engine gave no position. */
  line?: number;
  column?: number;
  /** The field, helper or partial at fault (the template's name when nothing narrower is known). */
  name: string;
  origin: 'builtin' | 'override';
  /** The engine's own message, for logs. */
  detail: string;
}

export type RenderResult =
  | { ok: true; text: string; /** Names taken from the override source. */ overridden: string[] }
  | { ok: false; errors: TemplateError[] };

export interface RenderOptions {
  builtin: TemplateSource;
  override?: TemplateSource;
  /** BCP 47 locale for dates, lists and numbers; defaults to the context's language. */
  locale?: string;
  timeZone?: string;
  /** From the repository's remote; null or absent prints plain short shas. */
  forge?: Forge | null;
}

export const HELPER_NAMES: ReadonlySet<string> = new Set([
  'date', 'day', 'short', 'commit', 'tag', 'list', 'commits', 'tags', 'authors', 'count', 'plural',
  'reg', 'eq', 'gt',
]);

const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

/** Properties every array has that a template may legitimately read. */
const ARRAY_FIELDS = new Set(['length']);

class TemplateFailure extends Error {
  constructor(readonly failure: Omit<TemplateError, 'file' | 'template' | 'origin'>) {
    super(failure.detail);
  }
}

interface Loc {
  start: { line: number; column: number };
}

function helperError(name: string, message: string, loc: Loc | undefined): TemplateFailure {
  return new TemplateFailure({
    code: 'helper-argument',
    name,
    detail: `${name}: ${message}`,
    ...(loc ? { line: loc.start.line, column: loc.start.column + 1 } : {}),
  });
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
  if (typeof item === 'string') return requireString(helper, item, options);
  if (item !== null && typeof item === 'object' && typeof (item as { sha?: unknown }).sha === 'string') {
    return (item as { sha: string }).sha;
  }
  throw helperError(helper, 'expects commits (objects with a sha) or shas', options.loc);
}

function registerHelpers(env: typeof Handlebars, locale: string, options: RenderOptions): void {
  const dateOptions = { locale, timeZone: options.timeZone };
  const forge = options.forge ?? null;
  const commitLink = (sha: string): string => (forge ? `[${shortSha(sha)}](${commitUrl(forge, sha)})` : shortSha(sha));
  const tagLink = (name: string): string => (forge ? `[${name}](${tagUrl(forge, name)})` : name);

  env.registerHelper('date', (value: unknown, o: unknown) => {
    const iso = requireString('date', value, asOptions(o));
    try {
      return formatDate(iso, dateOptions);
    } catch {
      throw helperError('date', `not a date: ${iso}`, asOptions(o).loc);
    }
  });
  env.registerHelper('day', (value: unknown, o: unknown) => {
    const iso = requireString('day', value, asOptions(o));
    try {
      return formatDay(iso, dateOptions);
    } catch {
      throw helperError('day', `not a date: ${iso}`, asOptions(o).loc);
    }
  });
  env.registerHelper('short', (value: unknown, o: unknown) => shortSha(shaOf('short', value, asOptions(o))));
  env.registerHelper('commit', (value: unknown, o: unknown) => commitLink(shaOf('commit', value, asOptions(o))));
  env.registerHelper('tag', (value: unknown, o: unknown) => {
    const v = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : value;
    return tagLink(requireString('tag', v, asOptions(o)));
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
    const oneForm = requireString('plural', one, opts);
    const otherForm = requireString('plural', other, opts);
    return new Intl.PluralRules(locale).select(value) === 'one' ? oneForm : otherForm;
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
}

// --- static check -----------------------------------------------------------------------------

interface Node {
  type: string;
  loc?: Loc;
  [key: string]: unknown;
}

interface PathNode extends Node {
  type: 'PathExpression';
  data: boolean;
  original: string;
  parts: string[];
}

function isPath(node: unknown): node is PathNode {
  return (node as Node | undefined)?.type === 'PathExpression';
}

function collectBlockParams(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const n of node) collectBlockParams(n, into);
  else if (node !== null && typeof node === 'object') {
    const n = node as Node;
    if (n.type === 'Program' && Array.isArray(n.blockParams)) for (const p of n.blockParams as string[]) into.add(p);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') collectBlockParams(value, into);
  }
  return into;
}

function staticCheck(ast: hbs.AST.Program, partials: ReadonlySet<string>, helpers: ReadonlySet<string>): TemplateFailure[] {
  const failures: TemplateFailure[] = [];
  const blockParams = collectBlockParams(ast, new Set());
  const at = (node: Node): { line?: number; column?: number } =>
    node.loc ? { line: node.loc.start.line, column: node.loc.start.column + 1 } : {};

  const checkField = (path: PathNode): void => {
    let parts = path.parts;
    if (path.data) {
      // @index, @first, @key...: Handlebars' own data; @root.x is the context again.
      if (parts[0] !== 'root') return;
      parts = parts.slice(1);
    }
    for (const [i, part] of parts.entries()) {
      const known = CONTEXT_FIELDS.has(part) || ARRAY_FIELDS.has(part) || /^\d+$/.test(part) || (i === 0 && blockParams.has(part));
      if (!known) {
        failures.push(new TemplateFailure({ code: 'unknown-field', name: path.original, detail: `unknown field "${path.original}"`, ...at(path) }));
        return;
      }
    }
  };

  const checkCallee = (path: unknown, hasArguments: boolean): void => {
    if (!isPath(path)) return;
    const name = path.original;
    const isHelper = !path.data && path.parts.length === 1 && (helpers.has(name) || BUILTIN_HELPERS.has(name));
    if (isHelper) return;
    if (hasArguments) {
      failures.push(new TemplateFailure({ code: 'unknown-helper', name, detail: `unknown helper "${name}"`, ...at(path) }));
      return;
    }
    checkField(path);
  };

  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as Node;
    switch (n.type) {
      case 'Program':
        walk(n.body);
        return;
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement':
      case 'DecoratorBlock':
      case 'Decorator': {
        const params = (n.params as unknown[] | undefined) ?? [];
        const pairs = ((n.hash as { pairs?: unknown[] } | undefined)?.pairs ?? []) as { value: unknown }[];
        checkCallee(n.path, params.length > 0 || pairs.length > 0);
        walk(params);
        walk(pairs.map((p) => p.value));
        walk(n.program);
        walk(n.inverse);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = n.name as Node;
        if (isPath(name) && !partials.has(name.original)) {
          failures.push(new TemplateFailure({ code: 'missing-partial', name: name.original, detail: `no partial "${name.original}"`, ...at(name) }));
        } else if (!isPath(name)) walk(name);
        walk(n.params);
        walk(((n.hash as { pairs?: { value: unknown }[] } | undefined)?.pairs ?? []).map((p) => p.value));
        walk(n.program);
        return;
      }
      case 'PathExpression':
        checkField(n as PathNode);
        return;
      default:
        return;
    }
  };
  walk(ast);
  return failures;
}

// --- rendering --------------------------------------------------------------------------------

function isProgram(value: hbs.AST.Program | TemplateError): value is hbs.AST.Program {
  return (value as { type?: unknown }).type === 'Program';
}

/** Names of the partials a template calls by name, at any depth. */
function partialsUsed(node: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const n of node) partialsUsed(n, into);
  else if (node !== null && typeof node === 'object') {
    const n = node as Node;
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && isPath(n.name)) into.add(n.name.original);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') partialsUsed(value, into);
  }
  return into;
}

function parseErrorPosition(error: unknown): { line?: number; column?: number } {
  const e = error as { lineNumber?: unknown; column?: unknown; message?: unknown };
  if (typeof e.lineNumber === 'number') {
    return { line: e.lineNumber, ...(typeof e.column === 'number' ? { column: e.column + 1 } : {}) };
  }
  const m = /on line (\d+)/.exec(String(e.message ?? ''));
  return m ? { line: Number(m[1]) } : {};
}

function toTemplateError(error: unknown, file: TemplateFile): TemplateError {
  const base = { file: file.file, template: file.name, origin: file.origin };
  if (error instanceof TemplateFailure) return { ...error.failure, ...base };
  const detail = error instanceof Error ? error.message : String(error);
  const missing = /^"([^"]+)" not defined in/.exec(detail);
  if (missing) {
    return { code: 'missing-field', name: missing[1] as string, detail, ...parseErrorPosition(error), ...base };
  }
  const partial = /^The partial (\S+) could not be found/.exec(detail);
  if (partial) return { code: 'missing-partial', name: partial[1] as string, detail, ...base };
  return { code: 'render', name: file.name, detail, ...parseErrorPosition(error), ...base };
}

const FAILED = Symbol('templateErrorAttached');

function attach(error: unknown, file: TemplateFile): unknown {
  if (error !== null && typeof error === 'object' && FAILED in error) return error;
  const templateError = toTemplateError(error, file);
  return Object.assign(new Error(templateError.detail), { [FAILED]: templateError });
}

/**
 * Partials are whole lines: each ends with exactly one newline, whether or not its file does, so a
 * partial on a line of its own keeps the line break that Handlebars removes with that line.
 */
function asWholeLines(text: string): string {
  return text.replace(/(?:\r?\n)+$/, '') + '\n';
}

/** Joins the template set: override files replace built-in files of the same name. */
function templateSet(options: RenderOptions): Map<string, TemplateFile> {
  const set = new Map<string, TemplateFile>();
  for (const source of [options.builtin, options.override]) {
    if (source === undefined) continue;
    for (const name of source.list()) {
      const file = source.read(name);
      if (file) set.set(name, file);
    }
  }
  return set;
}

/** Collapses runs of blank lines that optional sections leave behind and ends with one newline. */
function tidy(text: string): string {
  return (
    text
      .replace(/\r\n/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

/**
 * Renders the template named after the context's verdict, with every other template available as
 * a partial. Each template is parsed and checked (fields, helpers, partials) before anything runs.
 */
export function renderReply(context: ReplyContext, options: RenderOptions, templateName: string = context.verdict): RenderResult {
  const env = Handlebars.create();
  registerHelpers(env, options.locale ?? context.language, options);
  const files = templateSet(options);
  const main = files.get(templateName);
  if (main === undefined) {
    const file = options.builtin.read(templateName)?.file ?? `${templateName}.hbs`;
    return { ok: false, errors: [{ code: 'missing-template', file, template: templateName, name: templateName, origin: 'builtin', detail: `no template "${templateName}"` }] };
  }

  // Parse everything, then check and compile only what this reply uses: the main template and the
  // partials it reaches. A broken template of another verdict does not block this one.
  const partialNames = new Set([...files.keys()].filter((n) => n !== templateName));
  const parsed = new Map<string, hbs.AST.Program | TemplateError>();
  for (const file of files.values()) {
    try {
      parsed.set(file.name, env.parse(file.name === templateName ? file.text : asWholeLines(file.text)));
    } catch (error) {
      parsed.set(file.name, { code: 'syntax', file: file.file, template: file.name, origin: file.origin, name: file.name, detail: error instanceof Error ? error.message : String(error), ...parseErrorPosition(error) });
    }
  }
  const errors: TemplateError[] = [];
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const queue = [templateName];
  const seen = new Set(queue);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const file = files.get(name) as TemplateFile;
    const ast = parsed.get(name);
    if (ast === undefined) continue;
    if (!isProgram(ast)) {
      errors.push(ast);
      continue;
    }
    const failures = staticCheck(ast, partialNames, HELPER_NAMES);
    if (failures.length > 0) {
      errors.push(...failures.map((f) => toTemplateError(f, file)));
      continue;
    }
    compiled.set(name, env.compile(ast, { strict: true, noEscape: true }));
    for (const used of partialsUsed(ast)) {
      if (!seen.has(used) && files.has(used)) {
        seen.add(used);
        queue.push(used);
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const run = (file: TemplateFile, ctx: unknown, runtime?: Handlebars.RuntimeOptions): string => {
    try {
      return (compiled.get(file.name) as Handlebars.TemplateDelegate)(ctx, runtime);
    } catch (error) {
      throw attach(error, file);
    }
  };
  for (const name of compiled.keys()) {
    if (name === templateName) continue;
    const file = files.get(name) as TemplateFile;
    env.registerPartial(name, ((ctx: unknown, runtime?: Handlebars.RuntimeOptions) => run(file, ctx, runtime)) as unknown as Handlebars.Template);
  }
  try {
    const text = run(main, context);
    const overridden = [...compiled.keys()].filter((n) => files.get(n)?.origin === 'override').sort();
    return { ok: true, text: tidy(text), overridden };
  } catch (error) {
    const attached = error !== null && typeof error === 'object' && FAILED in error ? (error as { [FAILED]: TemplateError })[FAILED] : toTemplateError(error, main);
    return { ok: false, errors: [attached] };
  }
}

export interface ReplyOutcome {
  /** The reply; from the built-in templates when the overrides failed. */
  text: string;
  /** Why the overrides were not used; empty when they rendered (or there were none). */
  overrideErrors: TemplateError[];
  overridden: string[];
}

/**
 * Renders with the overrides; when they fail, renders with the built-in templates alone and returns
 * the overrides' errors alongside, for the caller to show. Built-in failures are returned as such.
 */
export function renderReplyWithFallback(context: ReplyContext, options: RenderOptions): { ok: true; outcome: ReplyOutcome } | { ok: false; errors: TemplateError[] } {
  const first = renderReply(context, options);
  if (first.ok) return { ok: true, outcome: { text: first.text, overrideErrors: [], overridden: first.overridden } };
  if (options.override === undefined || first.errors.every((e) => e.origin === 'builtin')) return first;
  const builtin = renderReply(context, { ...options, override: undefined });
  if (!builtin.ok) return builtin;
  return { ok: true, outcome: { text: builtin.text, overrideErrors: first.errors, overridden: [] } };
}

/** `file:line:column: code "name": detail`, the one-line form CLIs and logs print. */
export function describeTemplateError(error: TemplateError): string {
  const position = error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : '';
  return `${error.file}${position}: ${error.code} "${error.name}": ${error.detail}`;
}
