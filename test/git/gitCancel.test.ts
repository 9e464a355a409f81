// Cancelling a computation kills the git command it is running (not only the ones after it): the
// run rejects with the cancellation, never an empty answer or a git failure, the process is gone,
// and the next command in the repository's queue starts at once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { cancellable, EvidenceCancelled } from '../../src/core/evidence/cancel';
import { createGitRunner } from '../../src/git/gitRunner';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { suiteRepos } from '../support/tempRepo';
import { pollUntil, processAlive } from '../support/wait';

/** A git that, for `merge-base`, notes its process id and then runs for a minute; any other command is git's. */
function slowGit(repo: TempRepo, pidFile: string): string {
  const file = repo.sibling('slow-merge-base.sh');
  fs.writeFileSync(file, `#!/bin/sh\nfor a in "$@"; do if [ "$a" = "merge-base" ]; then echo $$ > '${pidFile}'; exec sleep 60; fi; done\nexec git "$@"\n`, { mode: 0o755 });
  return file;
}

describe('git cancellation', function () {
  this.timeout(60000);
  const make = suiteRepos();
  let repo: TempRepo;
  let first: string;
  let second: string;
  before(() => {
    repo = make();
    first = repo.commit('Initial', { files: { 'a.txt': 'a\n' } });
    second = repo.commit('Second', { files: { 'a.txt': 'b\n' } });
  });

  it('kills a running git command when the computation is cancelled, and reports the cancellation', async () => {
    const pidFile = repo.sibling('merge-base.pid');
    fs.rmSync(pidFile, { force: true });
    const lines: string[] = [];
    const port = createGitPort(repo.dir, { binary: slowGit(repo, pidFile), log: (l) => lines.push(l) });
    const abort = new AbortController();
    const started = Date.now();
    const asked = cancellable(port, abort.signal).isAncestor(first, second);
    assert.ok(await pollUntil(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== '', 20000), 'the slow merge-base never started');
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    assert.ok(processAlive(pid));
    // A command queued behind it, outside the computation: it must not wait for the minute.
    const next = port.resolveCommit('main');
    abort.abort();
    await assert.rejects(asked, (e: unknown) => e instanceof EvidenceCancelled);
    assert.equal(await next, second);
    assert.ok(Date.now() - started < 20000, `took ${Date.now() - started} ms`);
    assert.ok(await pollUntil(() => !processAlive(pid), 5000), `git (pid ${pid}) still runs after the cancellation`);
    assert.ok(lines.some((l) => /^git .*merge-base .*\(\d+ ms, cancelled\)$/.test(l)), lines.join('\n'));
  });

  it('never starts a command cancelled while it waited in the queue, and lets uncancelled ones answer', async () => {
    const lines: string[] = [];
    const runner = createGitRunner(repo.dir, { log: (l) => lines.push(l) });
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(runner.run(['rev-parse', 'HEAD'], { signal: abort.signal }), (e: unknown) => e instanceof EvidenceCancelled);
    assert.match(lines[0] ?? '', /^git rev-parse HEAD \(cancelled before it started\)$/);
    assert.equal((await runner.run(['rev-parse', 'HEAD'], { signal: new AbortController().signal })).stdout.trim(), second);
  });
});
