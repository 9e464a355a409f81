// Subcommand dispatch for the CLI. Each subcommand lives in its own file in this folder and is
// listed in SUBCOMMANDS; they share the argument parser in args.ts, the exit codes in exitCodes.ts
// and the usage texts in usage.ts.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { CliEnv } from './cliMessages';
import { configureCliMessages } from './cliMessages';
import { ExitCode } from './exitCodes';
import { packageRoot } from './packageRoot';
import { mainUsage } from './usage';

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

type Subcommand = (argv: string[], io: CliIo) => Promise<number>;

// Subcommands load lazily so `proof-of-fix lint` never pays for the git layer.
const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  lint: async () => (await import('./lintCommand.js')).lintCommand,
  reply: async () => (await import('./replyCommand.js')).replyCommand,
  evidence: async () => (await import('./evidenceCommand.js')).evidenceCommand,
  scan: async () => (await import('./scanCommand.js')).scanCommand,
  report: async () => (await import('./reportCommand.js')).reportCommand,
  issue: async () => (await import('./issueCommand.js')).issueCommand,
  client: async () => (await import('./clientCommand.js')).clientCommand,
};

/** The version of the installed package, as its package.json says. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return String(manifest.version);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  configureCliMessages(io.env ?? {});
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainUsage());
    return name === undefined ? ExitCode.badArguments : ExitCode.ok;
  }
  if (name === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const load = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (load === undefined) {
    io.stderr.write(`proof-of-fix: ${l10n.t('unknown command {0}', `'${name}'`)}\n\n${mainUsage()}`);
    return ExitCode.badArguments;
  }
  const run = await load();
  return run(rest, io);
}
