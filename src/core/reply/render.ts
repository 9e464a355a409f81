// Renders a reply from its templates in an isolated Handlebars environment, strict and unescaped.
// Templates are checked before anything runs (templateCheck.ts), helpers are ours alone
// (templateHelpers.ts), and rendering is bounded: a workspace template cannot make a reply run for
// seconds or fill memory by calling partials within partials.
import Handlebars from 'handlebars';
import type { ReplyContext } from './context';
import type { Forge } from './remoteLinks';
import { partialsUsed, staticCheck } from './templateCheck';
import type { TemplateError } from './templateErrors';
import { parseErrorPosition, TemplateFailure, toTemplateError } from './templateErrors';
import type { ReplyFormat } from './templateHelpers';
import { HELPER_NAMES, registerHelpers } from './templateHelpers';
import type { TemplateFile, TemplateSource } from './templateSource';

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
  /** Markdown (default) or a plain text email body with no Markdown syntax at all. */
  format?: ReplyFormat;
}

/** Bounds on one rendering; the built-in replies stay far below each. */
const RENDER_LIMITS = {
  /** Characters of rendered text, in any one partial and in the whole reply. */
  maxChars: 200_000,
  /** Partials within partials. */
  maxDepth: 12,
  /** Partial calls in one reply. */
  maxPartialCalls: 2_000,
} as const;

/** How every template compiles: strict (a missing field fails) and unescaped (the reply is Markdown, not HTML). */
const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/**
 * Templates parsed and compiled, by their exact text: a reply's set takes 0.2-0.8 s of the
 * extension host to compile and is the same text on every draft, so each text is compiled once per
 * process and each rendering binds it to its own environment (its helpers, its bounded partials).
 * Keyed by the text, an edited workspace template is simply a new entry. The cached tree is only
 * read (the checks), never handed to the compiler, which may rewrite the tree it is given.
 */
const templateCache = new Map<string, { ast: hbs.AST.Program; spec?: TemplateSpecification }>();
/** A bound far above one workspace's templates in two languages; past it the cache starts again. */
const TEMPLATE_CACHE_MAX = 400;

function cachedTemplate(text: string): { ast: hbs.AST.Program; spec?: TemplateSpecification } {
  let entry = templateCache.get(text);
  if (entry === undefined) {
    if (templateCache.size >= TEMPLATE_CACHE_MAX) templateCache.clear();
    entry = { ast: Handlebars.parse(text) };
    templateCache.set(text, entry);
  }
  return entry;
}

/**
 * The template's compiled functions, made once per text: Handlebars' own precompiled form, read
 * back the way Handlebars documents for precompiled templates, and bound per rendering by
 * `env.template` (as `env.compile` does internally on its first call).
 */
function compiledSpec(text: string): TemplateSpecification {
  const entry = cachedTemplate(text);
  if (entry.spec === undefined) {
    const source = Handlebars.precompile(text, COMPILE_OPTIONS) as unknown as string;
    entry.spec = new Function(`return ${source};`)() as TemplateSpecification;
  }
  return entry.spec;
}

function isProgram(value: hbs.AST.Program | TemplateError): value is hbs.AST.Program {
  return (value as { type?: unknown }).type === 'Program';
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
 * A Markdown reply as a plain text email body: list markers become bullets, the appendix rule a
 * blank line, links their text, code spans their content. Templates already write no Markdown
 * in text mode (helpers print no links or backticks); this covers what the template text itself
 * spells, and the user's edited draft.
 */
export function markdownToText(markdown: string): string {
  return tidy(
    markdown
      .replace(/^(\s*)[-*] /gm, '$1• ')
      .replace(/^\s*(?:---+|\*\*\*+)\s*$/gm, '')
      .replace(/\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]+)\)/g, (_m, text: string) => text.replace(/\\([[\]\\])/g, '$1'))
      .replace(/`([^`\n]*)`/g, '$1')
      .replace(/\*\*([^*\n]+)\*\*/g, '$1'),
  );
}

/**
 * Renders the template named after the context's verdict, with every other template available as
 * a partial. Each template is parsed and checked (fields, helpers, partials) before anything runs.
 */
export function renderReply(context: ReplyContext, options: RenderOptions, templateName: string = context.verdict): RenderResult {
  const env = Handlebars.create();
  const format = options.format ?? 'markdown';
  registerHelpers(env, {
    locale: options.locale ?? context.language,
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    forge: options.forge ?? null,
    format,
  });
  const files = templateSet(options);
  const main = files.get(templateName);
  if (main === undefined) {
    const file = options.builtin.read(templateName)?.file ?? `${templateName}.hbs`;
    return { ok: false, errors: [{ code: 'missing-template', file, template: templateName, name: templateName, origin: 'builtin', detail: `no template "${templateName}"` }] };
  }

  // Parse, check and compile only what this reply uses: the main template and the partials it
  // reaches. A broken template of another verdict does not block this one.
  const partialNames = new Set([...files.keys()].filter((n) => n !== templateName));
  const sourceOf = (file: TemplateFile): string => (file.name === templateName ? file.text : asWholeLines(file.text));
  const parse = (file: TemplateFile): hbs.AST.Program | TemplateError => {
    if (file.refused !== undefined) {
      return { code: 'outside-workspace', file: file.file, template: file.name, origin: file.origin, name: file.name, detail: `${file.file} leads outside the workspace` };
    }
    try {
      return cachedTemplate(sourceOf(file)).ast;
    } catch (error) {
      return { code: 'syntax', file: file.file, template: file.name, origin: file.origin, name: file.name, detail: error instanceof Error ? error.message : String(error), ...parseErrorPosition(error) };
    }
  };
  const errors: TemplateError[] = [];
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const queue = [templateName];
  const seen = new Set(queue);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const file = files.get(name) as TemplateFile;
    const ast = parse(file);
    if (!isProgram(ast)) {
      errors.push(ast);
      continue;
    }
    const failures = staticCheck(ast, partialNames, HELPER_NAMES);
    if (failures.length > 0) {
      errors.push(...failures.map((f) => toTemplateError(f, file)));
      continue;
    }
    // Bound on first use, as env.compile does: a partial this reply never calls costs nothing more.
    let bound: Handlebars.TemplateDelegate | undefined;
    const source = sourceOf(file);
    compiled.set(name, (ctx: unknown, runtime?: Handlebars.RuntimeOptions) => (bound ??= env.template(compiledSpec(source)))(ctx, runtime));
    for (const used of partialsUsed(ast)) {
      if (!seen.has(used) && files.has(used)) {
        seen.add(used);
        queue.push(used);
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  let depth = 0;
  let calls = 0;
  const limit = (name: string, detail: string): TemplateFailure => new TemplateFailure({ code: 'limit', name, detail });
  const run = (file: TemplateFile, ctx: unknown, runtime?: Handlebars.RuntimeOptions): string => {
    let text: string;
    try {
      text = (compiled.get(file.name) as Handlebars.TemplateDelegate)(ctx, runtime);
    } catch (error) {
      throw attach(error, file);
    }
    if (text.length > RENDER_LIMITS.maxChars) throw attach(limit(file.name, `renders more than ${RENDER_LIMITS.maxChars} characters`), file);
    return text;
  };
  for (const name of compiled.keys()) {
    if (name === templateName) continue;
    const file = files.get(name) as TemplateFile;
    const partial = (ctx: unknown, runtime?: Handlebars.RuntimeOptions): string => {
      calls++;
      if (calls > RENDER_LIMITS.maxPartialCalls) throw attach(limit(name, `more than ${RENDER_LIMITS.maxPartialCalls} partial calls`), file);
      if (depth >= RENDER_LIMITS.maxDepth) throw attach(limit(name, `partials nested deeper than ${RENDER_LIMITS.maxDepth}`), file);
      depth++;
      try {
        return run(file, ctx, runtime);
      } finally {
        depth--;
      }
    };
    env.registerPartial(name, partial as unknown as Handlebars.Template);
  }
  try {
    const text = tidy(run(main, context));
    const overridden = [...compiled.keys()].filter((n) => files.get(n)?.origin === 'override').sort();
    return { ok: true, text: format === 'text' ? markdownToText(text) : text, overridden };
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
