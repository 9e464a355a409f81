// Subcommand dispatch for the CLI. Each subcommand lives in its own file in this folder and is
// listed in SUBCOMMANDS; they share the argument parser in args.ts.
import * as l10n from '@vscode/l10n';
import type { CliEnv } from './cliMessages';
import { configureCliMessages } from './cliMessages';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  /**
   * The environment that picks the language of the CLI's messages. Without it they are in English,
   * so an in-process caller gets the same words on every machine.
   */
  env?: CliEnv;
}

/** Exit codes shared by every subcommand. */
export const ExitCode = {
  ok: 0,
  findings: 1,
  badArguments: 2,
  notARepository: 3,
} as const;

export type Subcommand = (argv: string[], io: CliIo) => Promise<number>;

// Subcommands load lazily so `proof-of-fix lint` never pays for the git layer.
const SUBCOMMANDS: Record<string, { summary: () => string; load: () => Promise<Subcommand> }> = {
  lint: { summary: () => l10n.t('check the tone of a reply: blame, stalling, hedging, promises, shouting'), load: async () => (await import('./lintCommand.js')).lintCommand },
  reply: { summary: () => l10n.t('draft the status reply to the client from the evidence'), load: async () => (await import('./replyCommand.js')).replyCommand },
  evidence: { summary: () => l10n.t('where the fix of an issue is, and whether it survives'), load: async () => (await import('./evidenceCommand.js')).evidenceCommand },
  report: { summary: () => l10n.t('write the proof page: the timeline of an issue as one HTML file to attach'), load: async () => (await import('./reportCommand.js')).reportCommand },
  scan: { summary: () => l10n.t('every issue id referenced in the history, with its fixes and mentions'), load: async () => (await import('./scanCommand.js')).scanCommand },
};

function usage(): string {
  const lines = [l10n.t('usage: proof-of-fix <command> [options]'), '', l10n.t('commands:')];
  for (const [name, entry] of Object.entries(SUBCOMMANDS)) lines.push(`  ${name.padEnd(10)} ${entry.summary()}`);
  lines.push('', l10n.t('Run `proof-of-fix <command> --help` for its options.'));
  return lines.join('\n') + '\n';
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  configureCliMessages(io.env ?? {});
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? ExitCode.badArguments : ExitCode.ok;
  }
  if (name === '--version') {
    io.stdout.write('0.1.0\n');
    return ExitCode.ok;
  }
  const entry = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (entry === undefined) {
    io.stderr.write(`proof-of-fix: ${l10n.t('unknown command {0}', `'${name}'`)}\n\n${usage()}`);
    return ExitCode.badArguments;
  }
  const run = await entry.load();
  return run(rest, io);
}
