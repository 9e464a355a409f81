// The headless entry: `proof-of-fix <command> [options]`. It runs the same core as the extension.
import { runCli } from './cli/main';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`proof-of-fix: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  });
