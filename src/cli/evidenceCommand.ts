// `proof-of-fix evidence`: where is the fix of an issue, and does it survive.
import * as l10n from '@vscode/l10n';
import { formatEvidence } from './evidenceReport';
import { evidenceFromArgs, evidenceOptionsHelp, parseEvidenceArgs } from './evidenceOptions';
import type { CliIo } from './main';
import { ExitCode } from './main';

function usage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix evidence [--repo DIR] (--issue ID | --ref TEXT | --fix SHA ...) [--target REF] [--deployed REF] [--me EMAIL ...] [--json]'),
    '',
    evidenceOptionsHelp(),
    '',
    l10n.t('exit codes: 0 evidence printed, 2 bad arguments or an issue or clients file that does not parse or validate, 3 not a git repository (or git missing, or no commits), 4 git failed'),
  ].join('\n') + '\n';
}

export async function evidenceCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseEvidenceArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`proof-of-fix evidence: ${parsed.message}\n\n${usage()}`);
    return ExitCode.badArguments;
  }
  if (parsed.options.help) {
    io.stdout.write(usage());
    return ExitCode.ok;
  }
  const run = await evidenceFromArgs(parsed.options, io);
  if (run.evidence === null) return run.code;
  io.stdout.write(parsed.options.json ? `${JSON.stringify(run.evidence, null, 2)}\n` : formatEvidence(run.evidence));
  return ExitCode.ok;
}
