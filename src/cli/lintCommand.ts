// `proof-of-fix lint FILE...`: the tone check of a reply, from the command line. Findings print one
// per line (or as JSON); the exit code says whether any were found, so scripts and CI can gate on it.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { checkTone, guessLanguage } from '../core/tone/check';
import type { ChangeOwner, ToneFinding } from '../core/tone/model';
import type { Language } from '../core/store/model';
import { flagOption, listOption, optionLine, parseArgs, stringOption } from './args';
import type { OptionSpec } from './args';
import type { CliIo } from './main';
import { ExitCode } from './main';

function usage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix lint FILE... [--lang es|en] [--allow WORD ...] [--change-by me|others] [--json]'),
    '',
    optionLine('FILE', l10n.t('a reply (Markdown or plain text); - reads standard input')),
    optionLine('--lang es|en', l10n.t("the reply's language (default: guessed from its words)")),
    optionLine('--allow WORD', l10n.t('a word accepted as written, e.g. a client name in capitals (repeatable)')),
    optionLine('--change-by me|others', l10n.t("whose change the evidence blames, when known: with me, passives that hide it are flagged")),
    optionLine('--json', l10n.t('print the findings as JSON (each names its category)')),
    '',
    l10n.t('exit codes: 0 no findings, 1 findings, 2 bad arguments or unreadable file'),
  ].join('\n') + '\n';
}

const SPEC: Readonly<Record<string, OptionSpec>> = {
  lang: { kind: 'string' },
  allow: { kind: 'string', repeatable: true },
  'change-by': { kind: 'string' },
  json: { kind: 'flag' },
  help: { kind: 'flag' },
};

/** Splits FILE arguments from options, since the shared parser takes options only. */
function splitPositionals(argv: string[]): { files: string[]; options: string[] } {
  const files: string[] = [];
  const options: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--lang' || token === '--allow' || token === '--change-by') {
      options.push(token, ...(argv[i + 1] === undefined ? [] : [argv[i + 1] as string]));
      i++;
    } else if (token.startsWith('-') && token !== '-') options.push(token);
    else files.push(token);
  }
  return { files, options };
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(path.resolve(io.cwd, file), 'utf8');
}

/** One finding per line: where, the rule (named after its category), the words, why, and what instead. */
export function formatFinding(file: string, f: ToneFinding): string {
  return `${file}:${f.line}:${f.column}  ${f.ruleId}  "${f.text}"  ${f.reason} ${f.suggestion}\n`;
}

export async function lintCommand(argv: string[], io: CliIo): Promise<number> {
  const { files, options } = splitPositionals(argv);
  const parsed = parseArgs(options, SPEC, { '-h': 'help' });
  if (!parsed.ok) {
    io.stderr.write(`proof-of-fix lint: ${parsed.message}\n\n${usage()}`);
    return ExitCode.badArguments;
  }
  if (flagOption(parsed.values, 'help')) {
    io.stdout.write(usage());
    return ExitCode.ok;
  }
  const lang = stringOption(parsed.values, 'lang');
  if (lang !== undefined && lang !== 'en' && lang !== 'es') {
    io.stderr.write(`proof-of-fix lint: ${l10n.t('--lang must be es or en, not {0}', JSON.stringify(lang))}\n`);
    return ExitCode.badArguments;
  }
  const changeBy = stringOption(parsed.values, 'change-by');
  if (changeBy !== undefined && changeBy !== 'me' && changeBy !== 'others') {
    io.stderr.write(`proof-of-fix lint: ${l10n.t('--change-by must be me or others, not {0}', JSON.stringify(changeBy))}\n`);
    return ExitCode.badArguments;
  }
  const changeOwner: ChangeOwner | undefined = changeBy;
  if (files.length === 0) {
    io.stderr.write(`proof-of-fix lint: ${l10n.t('say which file to check')}\n\n${usage()}`);
    return ExitCode.badArguments;
  }
  const json = flagOption(parsed.values, 'json');
  const report: Array<{ file: string; language: Language; findings: ToneFinding[] }> = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readInput(file, io);
    } catch (error) {
      io.stderr.write(`proof-of-fix lint: ${l10n.t('cannot read {0}: {1}', file, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
      return ExitCode.badArguments;
    }
    const language: Language = lang ?? guessLanguage(text);
    report.push({ file, language, findings: checkTone(text, language, { allow: listOption(parsed.values, 'allow'), changeOwner }) });
  }
  if (json) {
    const flat = report.flatMap(({ file, language, findings }) => findings.map((f) => ({ file, language, ...f })));
    io.stdout.write(`${JSON.stringify(flat, null, 2)}\n`);
  }
  else for (const { file, findings } of report) for (const f of findings) io.stdout.write(formatFinding(file, f));
  return report.some((r) => r.findings.length > 0) ? ExitCode.findings : ExitCode.ok;
}
