// The check a template passes before anything renders: every field it names exists in the reply
// context, every helper is one of ours (or a Handlebars block helper that cannot write anywhere but
// the reply), every partial exists. A misspelt field fails even where strict mode cannot see it.
import { CONTEXT_FIELDS } from './context';
import type { Loc } from './templateErrors';
import { TemplateFailure } from './templateErrors';

/**
 * Handlebars' own helpers a template may call. `log` is left out on purpose: it writes to the
 * console, which is the CLI's stdout (it would break `reply --json`).
 */
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup']);

/** Properties every array has that a template may legitimately read. */
const ARRAY_FIELDS = new Set(['length']);

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

export function staticCheck(ast: hbs.AST.Program, partials: ReadonlySet<string>, helpers: ReadonlySet<string>): TemplateFailure[] {
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

/** Names of the partials a template calls by name, at any depth. */
export function partialsUsed(node: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const n of node) partialsUsed(n, into);
  else if (node !== null && typeof node === 'object') {
    const n = node as Node;
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && isPath(n.name)) into.add(n.name.original);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') partialsUsed(value, into);
  }
  return into;
}
