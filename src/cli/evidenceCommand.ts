// `proof-of-fix evidence`: where is the fix of an issue, and does it survive.
import { formatEvidence } from './evidenceReport';
import { EVIDENCE_OPTIONS_HELP, evidenceFromArgs, parseEvidenceArgs } from './evidenceOptions';
import type { CliIo } from './main';
import { ExitCode } from './main';

const USAGE = [
  'usage: proof-of-fix evidence [--repo DIR] (--issue ID | --ref TEXT | --fix SHA ...) [--target REF] [--deployed REF] [--me EMAIL ...] [--json]',
  '',
  EVIDENCE_OPTIONS_HELP,
  '',
  'exit codes: 0 evidence printed, 2 bad arguments, 3 not a git repository (or git missing, or no commits), 4 git failed',
].join('\n') + '\n';

export async function evidenceCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseEvidenceArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`proof-of-fix evidence: ${parsed.message}\n\n${USAGE}`);
    return ExitCode.badArguments;
  }
  if (parsed.options.help) {
    io.stdout.write(USAGE);
    return ExitCode.ok;
  }
  const run = await evidenceFromArgs(parsed.options, io);
  if (run.evidence === null) return run.code;
  io.stdout.write(parsed.options.json ? `${JSON.stringify(run.evidence, null, 2)}\n` : formatEvidence(run.evidence));
  return ExitCode.ok;
}
