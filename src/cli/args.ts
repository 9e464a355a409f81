// A small argv parser shared by the subcommands: `--name value`, `--name=value`, flags, repeatable
// options. No positionals, no short-option clusters: every unknown token is an error, so nothing
// meant as an option slips through as a value or the other way round.
import * as l10n from '@vscode/l10n';

export interface OptionSpec {
  kind: 'string' | 'flag';
  repeatable?: boolean;
}

export type ParsedArgs = Record<string, string[] | boolean | undefined>;

export type ArgsResult = { ok: true; values: ParsedArgs } | { ok: false; message: string };

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>, aliases: Readonly<Record<string, string>> = {}): ArgsResult {
  const values: ParsedArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (!token.startsWith('--') || token === '--') {
      const name = aliases[token];
      if (name === undefined) return { ok: false, message: l10n.t('unexpected argument {0}', `'${token}'`) };
      values[name] = true;
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
    const option = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (option === undefined) return { ok: false, message: l10n.t('unknown option {0}', `'--${name}'`) };
    if (option.kind === 'flag') {
      if (eq >= 0) return { ok: false, message: l10n.t('option {0} takes no value', `'--${name}'`) };
      values[name] = true;
      continue;
    }
    let value: string;
    if (eq >= 0) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined) return { ok: false, message: l10n.t('option {0} needs a value', `'--${name}'`) };
      value = next;
      i++;
    }
    const previous = values[name];
    if (Array.isArray(previous)) {
      if (option.repeatable !== true) return { ok: false, message: l10n.t('option {0} given more than once', `'--${name}'`) };
      previous.push(value);
    } else values[name] = [value];
  }
  return { ok: true, values };
}

export function stringOption(values: ParsedArgs, name: string): string | undefined {
  const v = values[name];
  return Array.isArray(v) ? v[v.length - 1] : undefined;
}

export function listOption(values: ParsedArgs, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : [];
}

export function flagOption(values: ParsedArgs, name: string): boolean {
  return values[name] === true;
}

/** One line of an options list: the option as typed, then what it does in the user's language. */
export function optionLine(option: string, description: string): string {
  return `  ${option.padEnd(20)}  ${description}`;
}
