// `proof-of-fix lint FILE...`: the tone check of a reply, from the command line. Findings print one
// per line (or as JSON); the exit code says whether any were found, so scripts and CI can gate on it.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { checkTone, guessLanguage } from '../core/tone/check';
import type { ChangeOwner, ToneFinding } from '../core/tone/model';
import type { Language } from '../core/store/model';
import { flagOption, listOption, parseArgs, stringOption } from './args';
import type { OptionSpecs } from './args';
import { ExitCode } from './exitCodes';
import type { CliIo } from './main';
import { lintUsage } from './usage';

const SPEC: OptionSpecs = {
  lang: { type: 'string' },
  allow: { type: 'string', multiple: true },
  'change-by': { type: 'string' },
  json: { type: 'boolean' },
};

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
  const parsed = parseArgs(argv, SPEC, { positionals: true });
  if (!parsed.ok) {
    io.stderr.write(`proof-of-fix lint: ${parsed.message}\n\n${lintUsage()}`);
    return ExitCode.badArguments;
  }
  if (flagOption(parsed.values, 'help')) {
    io.stdout.write(lintUsage());
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
  const files = parsed.positionals;
  if (files.length === 0) {
    io.stderr.write(`proof-of-fix lint: ${l10n.t('say which file to check')}\n\n${lintUsage()}`);
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
