// Argument parsing for every subcommand, on Node's own `util.parseArgs` in strict mode: unknown
// options, missing values and stray words are errors, so nothing meant as an option slips through
// as a value or the other way round. A value that starts with `-` must be written `--name=-value`.
// Node's messages are English; each failure is mapped to a line in the user's language.
import { parseArgs as nodeParseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Repeatable: every value is kept, in order. Other options may be given once. */
  multiple?: boolean;
  /** A one-letter alias, e.g. `h` for `-h`. */
  short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export type ParsedArgs = Record<string, string | string[] | boolean | undefined>;

export type ArgsResult = { ok: true; values: ParsedArgs; positionals: string[] } | { ok: false; message: string };

/** `--help` / `-h`, which every subcommand takes. */
const HELP: OptionSpecs = { help: { type: 'boolean', short: 'h' } };

function quoted(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? message;
}

function optionName(message: string): string {
  // Node names a string option as "'--repo <value>'"; the user typed only the option.
  return quoted(message).split(' ')[0] ?? '';
}

function describeNodeError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return l10n.t('unknown option {0}', `'${quoted(message)}'`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return l10n.t('unexpected argument {0}', `'${quoted(message)}'`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = `'${optionName(message)}'`;
      if (message.includes('does not take an argument')) return l10n.t('option {0} takes no value', name);
      if (message.includes('ambiguous')) return l10n.t('option {0} needs a value (write {1} for a value that starts with -)', name, `${optionName(message)}=-…`);
      return l10n.t('option {0} needs a value', name);
    }
    default:
      return undefined;
  }
}

/**
 * Parses `argv` against `spec` (plus `--help`). With `positionals`, words that are not options are
 * returned in order (`-` included, for standard input); without, any such word is an error.
 */
export function parseArgs(argv: readonly string[], spec: OptionSpecs, options: { positionals?: boolean } = {}): ArgsResult {
  const all: OptionSpecs = { ...HELP, ...spec };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options: { ...all }, strict: true, allowPositionals: options.positionals === true, tokens: true });
  } catch (error) {
    const message = describeNodeError(error);
    if (message === undefined) throw error;
    return { ok: false, message };
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name) && all[token.name]?.multiple !== true) {
      return { ok: false, message: l10n.t('option {0} given more than once', `'--${token.name}'`) };
    }
    seen.add(token.name);
  }
  // parseArgs builds `values` without a prototype, so option names such as `constructor` are plain keys.
  return { ok: true, values: { ...(parsed.values as ParsedArgs) }, positionals: [...parsed.positionals] };
}

export function stringOption(values: ParsedArgs, name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return v[v.length - 1];
  return typeof v === 'string' ? v : undefined;
}

export function listOption(values: ParsedArgs, name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' ? [v] : [];
}

export function flagOption(values: ParsedArgs, name: string): boolean {
  return values[name] === true;
}

/** One line of an options list: the option as typed, then what it does in the user's language. */
export function optionLine(option: string, description: string): string {
  return `  ${option.padEnd(20)}  ${description}`;
}
