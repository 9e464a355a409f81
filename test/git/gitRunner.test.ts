// The git runner shared by both adapters, on a real repository: each command logged when it ends
// with its duration (failures with exit code, error code and stderr), one command at a time per
// repository across both adapters, and no extra wait after a command that prints nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { runMarked } from '../../src/core/backgroundWork';
import { createCommitContentPort } from '../../src/git/commitContent';
import { createGitRunner } from '../../src/git/gitRunner';
import { createGitPort } from '../../src/git/simpleGitPort';
import { TempRepo } from '../support/tempRepo';

describe('git runner on a real repository', function () {
  this.timeout(60000);
  let repo: TempRepo;
  let head: string;
  before(() => {
    repo = TempRepo.create();
    head = repo.commit('Initial', { files: { 'a.txt': 'a\n' } });
  });
  after(() => repo.dispose());

  it('logs each command when it ends with its duration, and failures with exit code, error code and stderr', async () => {
    const lines: string[] = [];
    const runner = createGitRunner(repo.dir, { log: (l) => lines.push(l) });
    assert.equal((await runner.run(['rev-parse', 'HEAD'])).stdout.trim(), head);
    assert.equal((await runner.run(['rev-parse', '-q', '--verify', 'refs/heads/nope'], { okExit: [1] })).exitCode, 1);
    await assert.rejects(runner.run(['rev-parse', '--verify', 'nope']), { code: 'bad-ref' });
    assert.match(lines[0] ?? '', /^git rev-parse HEAD \(\d+ ms\)$/);
    assert.match(lines[1] ?? '', /^git rev-parse -q --verify refs\/heads\/nope \(\d+ ms, exit 1\)$/);
    assert.match(lines[2] ?? '', /^git rev-parse --verify nope \(\d+ ms, exit 128, bad-ref\): fatal: Needed a single revision$/);
    assert.equal(lines.length, 3);
  });

  it('a streamed command hands its output to the caller only, and still fails as a failure', async () => {
    const runner = createGitRunner(repo.dir);
    const chunks: Buffer[] = [];
    const streamed = await runner.run(['rev-list', 'HEAD'], { onStdout: (c) => chunks.push(Buffer.from(c)), streamOnly: true });
    assert.equal(streamed.stdout, '', 'not also collected');
    assert.equal(Buffer.concat(chunks).toString('utf8'), `${head}\n`);
    const kept = await runner.run(['rev-list', 'HEAD'], { onStdout: () => undefined });
    assert.equal(kept.stdout, `${head}\n`, 'without streamOnly the result keeps it');
    await assert.rejects(runner.run(['rev-list', 'nope'], { onStdout: () => undefined, streamOnly: true }), { code: 'bad-ref' });
  });

  it('runs the commands of both adapters on one repository one at a time', async () => {
    const trace = repo.sibling('trace');
    const binary = repo.sibling('git-traced.sh');
    // A git that notes when it starts and ends: overlapping commands would show two starts in a row.
    fs.writeFileSync(binary, `#!/bin/sh\necho start >> '${trace}'\nsleep 0.02\ngit "$@"\nrc=$?\necho end >> '${trace}'\nexit $rc\n`, { mode: 0o755 });
    const port = createGitPort(repo.dir, { binary });
    const content = createCommitContentPort(repo.dir, { binary });
    await Promise.all([port.listTips(), content.commitFiles(head), port.userEmail(), content.fileAt(head, 'a.txt'), port.resolveCommit('main')]);
    const marks = fs.readFileSync(trace, 'utf8').trim().split('\n');
    assert.ok(marks.length >= 10, marks.join(' '));
    marks.forEach((mark, i) => assert.equal(mark, i % 2 === 0 ? 'start' : 'end', `command ${Math.floor(i / 2) + 1} overlapped another`));
  });

  it('settles a command that prints nothing without waiting for more output', async () => {
    // simple-git alone waits 50 ms after such a command; the runner tells it that stdout ended.
    // Compared with the same kind of command that prints, interleaved, so machine load hits both.
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Nothing changed']);
    const empty = repo.head();
    const lines: string[] = [];
    const content = createCommitContentPort(repo.dir, { log: (l) => lines.push(l) });
    const runner = createGitRunner(repo.dir, { log: (l) => lines.push(l) });
    for (let i = 0; i < 7; i++) {
      await runner.run(['rev-parse', '-q', '--verify', 'refs/heads/nope'], { okExit: [1] });
      await runner.run(['rev-parse', '-q', '--verify', 'refs/heads/main']);
      // The diff of a commit that changed nothing is empty.
      assert.deepEqual((await content.commitFiles(empty))?.files, []);
    }
    const ms = (prefix: string): number[] => lines.filter((l) => l.startsWith(prefix)).map((l) => Number(/\((\d+) ms/.exec(l)?.[1]));
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const silent = ms('git rev-parse -q --verify refs/heads/nope');
    const printing = ms('git rev-parse -q --verify refs/heads/main');
    assert.equal(silent.length, 7);
    assert.equal(ms('git diff-tree').length, 7);
    // The wait would put every silent command 50 ms behind its printing twin.
    assert.ok(median(silent) < median(printing) + 35, `silent ${silent.join(',')} vs printing ${printing.join(',')}`);
  });

  it("starts background work's git under nice, the user's own git as it is, and reads the mark when the command starts", async () => {
    const trace = repo.sibling('nice-trace');
    const nice = repo.sibling('nice-recording');
    // A nice that notes what it was asked to start, then starts it (at its own priority: no need here).
    fs.writeFileSync(nice, `#!/bin/sh\necho "$1 $2" >> '${trace}'\nexec "$@"\n`, { mode: 0o755 });
    const lines: string[] = [];
    const runner = createGitRunner(repo.dir, { nice, log: (l) => lines.push(l) });
    const mark = { background: true };
    assert.equal((await runMarked(mark, () => runner.run(['rev-parse', 'HEAD']))).stdout.trim(), repo.head(), 'same answer under nice');
    await runner.run(['rev-parse', '--verify', 'main']);
    mark.background = false;
    await runMarked(mark, () => runner.run(['rev-parse', 'HEAD^{tree}']));
    await assert.rejects(runMarked({ background: true }, () => runner.run(['rev-parse', '--verify', 'nope'])), { code: 'bad-ref' }, 'a failure under nice is still the failure');
    const started = fs.readFileSync(trace, 'utf8').trim().split('\n');
    assert.equal(started.length, 2, started.join(' | '));
    assert.ok(started.every((line) => line.startsWith('git ')), 'nice starts git itself, the arguments after it');
    assert.match(lines[0] ?? '', /^git rev-parse HEAD \(\d+ ms, background\)$/);
    assert.match(lines[1] ?? '', /^git rev-parse --verify main \(\d+ ms\)$/);
    assert.match(lines[2] ?? '', /^git rev-parse HEAD\^\{tree\} \(\d+ ms\)$/, 'the user now waits for it: no nice');
  });

  it('runs background work at a lower CPU priority with the system nice, where there is one', async function () {
    if (process.platform === 'win32' || !fs.existsSync('/proc/self/stat')) this.skip();
    const binary = repo.sibling('git-niceness.sh');
    // A git that reports its own niceness (field 19 of /proc/self/stat of the shell nice started).
    fs.writeFileSync(binary, `#!/bin/sh\nawk '{print $19}' /proc/$$/stat\n`, { mode: 0o755 });
    const runner = createGitRunner(repo.dir, { binary });
    const own = Number((await runner.run(['x'])).stdout.trim());
    const background = Number((await runMarked({ background: true }, () => runner.run(['x']))).stdout.trim());
    assert.ok(background > own, `background niceness ${background}, the user's ${own}`);
  });
});
