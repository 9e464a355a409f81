// `proof-of-fix evidence`: where is the fix of an issue, and does it survive.
import { formatEvidence } from './evidenceReport';
import { evidenceFromArgs, parseEvidenceArgs } from './evidenceOptions';
import { ExitCode } from './exitCodes';
import type { CliIo } from './main';
import { evidenceUsage } from './usage';

export async function evidenceCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseEvidenceArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`proof-of-fix evidence: ${parsed.message}\n\n${evidenceUsage()}`);
    return ExitCode.badArguments;
  }
  if (parsed.options.help) {
    io.stdout.write(evidenceUsage());
    return ExitCode.ok;
  }
  const run = await evidenceFromArgs(parsed.options, io);
  if (run.evidence === null) return run.code;
  io.stdout.write(parsed.options.json ? `${JSON.stringify(run.evidence, null, 2)}\n` : formatEvidence(run.evidence));
  return ExitCode.ok;
}
