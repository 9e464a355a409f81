// Subcommand dispatch for the CLI. Each subcommand lives in its own file in this folder and is
// listed in SUBCOMMANDS; they share the argument parser in args.ts.

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
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
const SUBCOMMANDS: Record<string, { summary: string; load: () => Promise<Subcommand> }> = {
  lint: { summary: 'check the tone of a reply: blame, stalling, hedging, promises, shouting', load: async () => (await import('./lintCommand.js')).lintCommand },
  reply: { summary: 'draft the status reply to the client from the evidence', load: async () => (await import('./replyCommand.js')).replyCommand },
  evidence: { summary: 'where the fix of an issue is, and whether it survives', load: async () => (await import('./evidenceCommand.js')).evidenceCommand },
  scan: { summary: 'every issue id referenced in the history, with its fixes and mentions', load: async () => (await import('./scanCommand.js')).scanCommand },
};

function usage(): string {
  const lines = ['usage: proof-of-fix <command> [options]', '', 'commands:'];
  for (const [name, entry] of Object.entries(SUBCOMMANDS)) lines.push(`  ${name.padEnd(10)} ${entry.summary}`);
  lines.push('', 'Run `proof-of-fix <command> --help` for its options.');
  return lines.join('\n') + '\n';
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
    io.stderr.write(`proof-of-fix: unknown command '${name}'\n\n${usage()}`);
    return ExitCode.badArguments;
  }
  const run = await entry.load();
  return run(rest, io);
}
