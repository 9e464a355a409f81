// Commands fed on stdin (the scan's second read gives git the marked ids as the first read finds
// them): git gets every piece, in order, while it already runs; its output streams as other
// commands'; and it fails, stops and is cancelled as every command run through simple-git does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { EvidenceCancelled } from '../../src/core/evidence/cancel';
import { GitFailure } from '../../src/core/gitPort';
import { createGitRunner } from '../../src/git/gitRunner';
import type { TempRepo } from '../support/tempRepo';
import { suiteRepos } from '../support/tempRepo';

/** Pieces given one by one, each when the test says so, then the end. */
class Pieces implements AsyncIterable<string> {
  private queue: (string | null)[] = [];
  private wake: (() => void) | null = null;

  give(piece: string | null): void {
    this.queue.push(piece);
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      const next = this.queue.shift();
      if (next === null) return;
      if (next !== undefined) yield next;
      else await new Promise<void>((woken) => (this.wake = woken));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: no such process, it was killed.
    return false;
  }
}

async function waitFor(what: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (what()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return what();
}

describe('git commands fed on stdin', function () {
  this.timeout(60000);
  const make = suiteRepos();
  let repo: TempRepo;
  let first: string;
  let second: string;
  before(() => {
    repo = make();
    first = repo.commit('First', { files: { 'a.txt': 'a\n' } });
    second = repo.commit('Second', { files: { 'a.txt': 'b\n' } });
  });

  it('gives git every piece while it runs, streams its output, and logs how many lines it was given', async () => {
    const lines: string[] = [];
    const runner = createGitRunner(repo.dir, { log: (l) => lines.push(l) });
    const input = new Pieces();
    const chunks: Buffer[] = [];
    const run = runner.run(['rev-list', '--no-walk=unsorted', '--stdin', '--'], { input, onStdout: (c) => chunks.push(Buffer.from(c)), streamOnly: true });
    input.give(`${second}\n`);
    // git is running and waits for more: the second piece comes later.
    await new Promise((r) => setTimeout(r, 100));
    input.give(`${first}\n`);
    input.give(null);
    const result = await run;
    assert.equal(result.stdout, '', 'streamed only');
    assert.equal(Buffer.concat(chunks).toString('utf8'), `${second}\n${first}\n`);
    assert.match(lines[0] ?? '', /^git rev-list --no-walk=unsorted --stdin -- \(\d+ ms, 2 lines on stdin\)$/);
    const once = new Pieces();
    once.give(`${first}\n`);
    once.give(null);
    const kept = await runner.run(['rev-list', '--no-walk', '--stdin'], { input: once });
    assert.equal(kept.stdout, `${first}\n`, 'without streamOnly the result keeps the output');
  });

  it('runs with the forced settings and the command-only ones, as every command', async () => {
    const input = new Pieces();
    input.give('x\n');
    input.give(null);
    // `git config --get` reads no stdin; it tells what the command's `-c` settings are.
    const runner = createGitRunner(repo.dir);
    assert.equal((await runner.run(['config', '--get', 'core.hooksPath'], { input })).stdout.trim(), '/nonexistent/proof-of-fix/no-program');
    const again = new Pieces();
    again.give(null);
    assert.equal((await runner.run(['config', '--get', 'core.warnAmbiguousRefs'], { input: again, config: ['core.warnAmbiguousRefs=false'] })).stdout.trim(), 'false');
  });

  it('a git that fails on what it was given is a failure with its code, never an empty answer', async () => {
    const lines: string[] = [];
    const input = new Pieces();
    input.give('0000000000000000000000000000000000000001\n');
    input.give(null);
    const run = createGitRunner(repo.dir, { log: (l) => lines.push(l) }).run(['rev-list', '--no-walk', '--stdin', '--'], { input, onStdout: () => undefined, streamOnly: true });
    await assert.rejects(run, (e: unknown) => e instanceof GitFailure && e.code === 'bad-ref');
    assert.match(lines[0] ?? '', /\(\d+ ms, exit 128, bad-ref\): fatal: bad object 0{39}1$/);
  });

  it('a missing git is git-missing', async () => {
    const input = new Pieces();
    input.give(null);
    await assert.rejects(createGitRunner(repo.dir, { binary: repo.sibling('no-such-git') }).run(['rev-list', '--stdin'], { input }), (e: unknown) => e instanceof GitFailure && e.code === 'git-missing');
  });

  it('kills a git still waiting for input when it is cancelled, and the queue goes on', async () => {
    const pidFile = repo.sibling('stdin.pid');
    const binary = repo.sibling('git-pid.sh');
    fs.writeFileSync(binary, `#!/bin/sh\necho $$ > '${pidFile}'\nexec git "$@"\n`, { mode: 0o755 });
    const runner = createGitRunner(repo.dir, { binary });
    const abort = new AbortController();
    const input = new Pieces();
    input.give(`${first}\n`);
    const run = runner.run(['rev-list', '--no-walk', '--stdin', '--'], { input, signal: abort.signal, onStdout: () => undefined, streamOnly: true });
    assert.ok(await waitFor(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== '', 20000), 'git never started');
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    const next = runner.run(['rev-parse', 'HEAD']);
    abort.abort();
    await assert.rejects(run, (e: unknown) => e instanceof EvidenceCancelled);
    assert.equal((await next).stdout.trim(), second);
    assert.ok(await waitFor(() => !alive(pid), 5000), `git (pid ${pid}) still runs after the cancellation`);
  });

  it('stops a git that prints nothing for its block time once its input ended', async () => {
    const binary = repo.sibling('git-silent.sh');
    fs.writeFileSync(binary, `#!/bin/sh\ncat > /dev/null\nexec sleep 30\n`, { mode: 0o755 });
    const input = new Pieces();
    input.give(`${first}\n`);
    // Longer than the block time, while input still comes: not stopped for that.
    setTimeout(() => input.give(null), 1500);
    const started = Date.now();
    await assert.rejects(createGitRunner(repo.dir, { binary, blockTimeoutMs: 1000 }).run(['rev-list', '--stdin'], { input }), (e: unknown) => e instanceof GitFailure && e.code === 'timeout');
    const took = Date.now() - started;
    assert.ok(took >= 2400 && took < 20000, `stopped after ${took} ms`);
  });
});
