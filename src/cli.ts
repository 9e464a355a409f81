// The headless entry: `proof-of-fix <command> [options]`. It runs the same core as the extension.
import * as l10n from '@vscode/l10n';
import { runCli } from './cli/main';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`proof-of-fix: ${l10n.t('internal error: {0}', error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 70;
  });
