// Runs the CLI in process and keeps what it writes, for the tests of its subcommands; or builds
// it as a bundle, for the tests that run it in a child process as users do.
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { runCli } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '../../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in process, capturing what it writes. */
export async function runCliCaptured(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd });
  return { code, stdout, stderr };
}

/** `reply --json` run in process: the reply's verdict and text, the run having succeeded. */
export async function replyJson(dir: string, args: string[]): Promise<{ verdict: string; text: string; tone: unknown[] }> {
  const r = await runCliCaptured(['reply', '--repo', dir, '--json', ...args], dir);
  if (r.code !== 0) throw new Error(`reply exited with ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { verdict: string; text: string; tone: unknown[] };
}

/** Builds the same bundle as dist/cli.js (esbuild.mjs) at `outfile`, so a test does not depend on a prior build. */
export async function bundleCli(outfile: string): Promise<void> {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli.ts'],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    logOverride: { 'unsupported-require-call': 'silent' },
    banner: { js: '#!/usr/bin/env node' },
  });
}
