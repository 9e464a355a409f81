// Spawns git the way a plain user would from a terminal, for the raw-git side of the benchmark and for
// the generator. Arguments are always arrays: nothing here ever goes through a shell.
import { spawn } from 'node:child_process';

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs git in `cwd` and collects its output; rejects only when git cannot be started. */
export function runGit(cwd: string, args: string[], input?: string): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: gitEnv() });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** Like runGit, but a non-zero exit is an error: for steps whose failure means the benchmark is wrong. */
export async function git(cwd: string, args: string[], input?: string): Promise<string> {
  const run = await runGit(cwd, args, input);
  if (run.code !== 0) throw new Error(`git ${args.join(' ')} failed (${run.code}): ${run.stderr.trim()}`);
  return run.stdout;
}

/**
 * Runs git and only counts the bytes it prints, so timing a big read measures git and the pipe, not
 * the cost of building one huge string in this process.
 */
export function drainGit(cwd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: gitEnv() });
    let bytes = 0;
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(bytes);
      else reject(new Error(`git ${args.join(' ')} failed (${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
  });
}

// The raw side runs git as fast as the engine's git runs: prompts off (a benchmark never waits for
// a person) and GIT_FLUSH=0 as the engine sets it, so the raw read is not slowed by a flush per commit.
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_FLUSH: '0' };
}
