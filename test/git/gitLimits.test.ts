// The runner's limits and the rule that a failed git command is never an empty answer: a total
// time per command, a cap on the output it buffers, git giving up on rename detection, blame
// failing for a reason other than "no such path", and uncommitted changes told from the index
// and our own hashing of the working files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFailure } from '../../src/core/gitPort';
import { createCommitContentPort } from '../../src/git/commitContent';
import { createGitRunner } from '../../src/git/gitRunner';
import { createGitPort } from '../../src/git/simpleGitPort';
import { reportFailure } from '../../src/cli/evidenceOptions';
import type { TempRepo } from '../support/tempRepo';
import { lines, suiteRepos } from '../support/tempRepo';

/** A git that behaves like git except for the commands `when` matches: those print `stderr` and exit with `code`. */
function failingGit(repo: TempRepo, name: string, when: string, stderr: string, code = 128): string {
  const file = repo.sibling(name);
  fs.writeFileSync(file, `#!/bin/sh\nfor a in "$@"; do if [ "$a" = "${when}" ]; then echo "${stderr}" >&2; exit ${code}; fi; done\nexec git "$@"\n`, { mode: 0o755 });
  return file;
}

function code(expected: string, limit?: number): (e: unknown) => boolean {
  return (e: unknown) => e instanceof GitFailure && e.code === expected && (limit === undefined || e.limit === limit);
}

describe('git runner limits and failures', function () {
  this.timeout(120000);
  const make = suiteRepos();
  let repo: TempRepo;
  let head: string;

  before(() => {
    repo = make();
    repo.commit('Initial', { files: { 'a.txt': lines('a', 2000) } });
    head = repo.commit('Second', { files: { 'a.txt': lines('b', 2000) } });
  });

  it('stops a command past its total time: "timed out after N s", even while it prints', async () => {
    // A git that keeps printing (so the no-output timeout never fires) and never ends.
    const slow = repo.sibling('slow-git.sh');
    fs.writeFileSync(slow, '#!/bin/sh\nwhile true; do echo tick; sleep 0.1; done\n', { mode: 0o755 });
    const lines: string[] = [];
    const runner = createGitRunner(repo.dir, { binary: slow, totalTimeoutMs: 1000, blockTimeoutMs: 60000, log: (l) => lines.push(l) });
    const started = Date.now();
    await assert.rejects(runner.run(['log']), code('timeout', 1));
    assert.ok(Date.now() - started < 10000);
    assert.match(lines[0] ?? '', /\(\d+ ms, timeout\): timed out after 1 s$/);
  });

  it('stops a command whose output passes the cap: "output too large"', async () => {
    const runner = createGitRunner(repo.dir, { maxOutputBytes: 10 * 1024 * 1024 });
    assert.ok((await runner.run(['log', '-p'])).stdout.length > 10000);
    const small = createGitRunner(repo.dir, { maxOutputBytes: 10 * 1024 });
    await assert.rejects(small.run(['log', '-p']), (e: unknown) => e instanceof GitFailure && e.code === 'output-too-large' && /output too large/.test(e.detail));
    // The CLI says it in words, with the limit.
    let err = '';
    reportFailure(new GitFailure('output-too-large', 'output too large', 512), { stdout: { write: () => undefined }, stderr: { write: (t: string) => (err += t) }, cwd: repo.dir }, repo.dir);
    reportFailure(new GitFailure('timeout', 'timed out after 600 s', 600), { stdout: { write: () => undefined }, stderr: { write: (t: string) => (err += t) }, cwd: repo.dir }, repo.dir);
    assert.match(err, /git output too large \(more than 512 MiB\): stopped/);
    assert.match(err, /git timed out after 600 s and was stopped/);
  });

  it('fails with incomplete-renames when git gives up on rename detection, instead of a diff that pairs nothing', async () => {
    const r = make();
    const files: Record<string, string | null> = {};
    for (let i = 1; i <= 30; i++) files[`f${i}.txt`] = lines(`file ${i} line`, i + 5);
    const before = r.commit('Thirty files', { files });
    const moved: Record<string, string | null> = {};
    for (let i = 1; i <= 30; i++) {
      moved[`f${i}.txt`] = null;
      moved[`lib/g${i}.txt`] = `${lines(`file ${i} line`, i + 5)}edited\n`;
    }
    const move = r.commit('Move them, with an edit each', { files: moved });
    const limited = createGitPort(r.dir, { renameLimit: 5 });
    await assert.rejects(limited.commitDiff(move, before), code('incomplete-renames'));
    await assert.rejects(limited.renames(before, move), code('incomplete-renames'));
    await assert.rejects(limited.logPatches({ range: { include: [move], exclude: [before] }, paths: [], fullDiff: false, noMerges: true }), code('incomplete-renames'));
    await assert.rejects(createCommitContentPort(r.dir, { renameLimit: 5 }).commitFiles(move), code('incomplete-renames'));
    // With the default limit every file is paired with its new path.
    const renames = await createGitPort(r.dir).renames(before, move);
    assert.equal(renames.size, 30);
    assert.equal(renames.get('f7.txt'), 'lib/g7.txt');
  });

  it('a blame that fails for any reason but "no such path" is a failure, not "no lines"', async () => {
    const port = createGitPort(repo.dir, { binary: failingGit(repo, 'blame-fails.sh', 'blame', 'fatal: could not open object name list: .git-blame-ignore-revs') });
    await assert.rejects(port.blame('a.txt', { include: [head], exclude: [] }), code('failed'));
    await assert.rejects(port.blameLine('a.txt', 1), code('failed'));
    // A path the commit lacks is a coded failure for blame (the engine asks only for paths it found)
    // and an expected "no commit" for the line under the cursor.
    const real = createGitPort(repo.dir);
    await assert.rejects(real.blame('gone.txt', { include: [head], exclude: [] }), code('bad-ref'));
    assert.equal(await real.blameLine('gone.txt', 1), null);
  });

  it('a lookup that fails for any reason but "no such commit" is a failure, not "not found"', async () => {
    const broken = failingGit(repo, 'rev-parse-fails.sh', 'rev-parse', 'fatal: unable to read index: Permission denied');
    await assert.rejects(createGitPort(repo.dir, { binary: broken }).resolveCommit('main'), (e: unknown) => e instanceof GitFailure);
    const catFile = failingGit(repo, 'cat-file-fails.sh', 'cat-file', 'fatal: loose object is corrupt');
    await assert.rejects(createCommitContentPort(repo.dir, { binary: catFile }).fileAt(head, 'a.txt'), code('failed'));
    assert.equal(await createCommitContentPort(repo.dir).fileAt(head, 'nope.txt'), null);
  });

  describe('uncommitted changes, without git status', () => {
    let r: TempRepo;
    before(() => {
      r = make();
      r.commit('Initial', { files: { 'same.txt': 'same\n', 'edited.txt': 'one\n', 'staged.txt': 'one\n', 'deleted.txt': 'one\n', 'crlf.txt': 'a\nb\n', 'untracked-dir/keep.txt': 'k\n', 'exec.sh': 'echo\n' } });
      fs.symlinkSync('same.txt', path.join(r.dir, 'link'));
      r.commit('A link', {});
      r.write('edited.txt', 'two\n');
      r.write('staged.txt', 'two\n');
      r.git(['add', 'staged.txt']);
      fs.rmSync(path.join(r.dir, 'deleted.txt'));
      // The same text with CRLF line ends, as an autocrlf checkout writes it.
      r.write('crlf.txt', 'a\r\nb\r\n');
      r.write('new.txt', 'untracked\n');
      r.write('added.txt', 'added\n');
      r.git(['add', 'added.txt']);
      // Touched, not changed: git would re-hash it (through filters); its content is the same.
      fs.utimesSync(path.join(r.dir, 'same.txt'), new Date('2030-01-01'), new Date('2030-01-01'));
    });

    it('lists staged, unstaged, deleted and added paths; not untouched, untracked, CRLF-only or symlinks', async () => {
      const port = createGitPort(r.dir);
      const all = ['same.txt', 'edited.txt', 'staged.txt', 'deleted.txt', 'crlf.txt', 'new.txt', 'added.txt', 'link', 'untracked-dir'];
      assert.deepEqual(await port.uncommittedChanges(all), ['added.txt', 'deleted.txt', 'edited.txt', 'staged.txt']);
      assert.deepEqual(await port.uncommittedChanges(['same.txt']), []);
      fs.unlinkSync(path.join(r.dir, 'link'));
      fs.symlinkSync('edited.txt', path.join(r.dir, 'link'));
      assert.deepEqual(await port.uncommittedChanges(['link']), ['link']);
    });

    it('lists staged files before the first commit (no HEAD tree), and fails loudly where HEAD is broken', async () => {
      const fresh = make();
      fresh.write('first.txt', 'one\n');
      fresh.write('later.txt', 'two\n');
      fresh.git(['add', 'first.txt']);
      assert.deepEqual(await createGitPort(fresh.dir).uncommittedChanges(['first.txt', 'later.txt']), ['first.txt']);
      // HEAD names a branch whose ref holds an object that is not there: not "no changes".
      const broken = make();
      broken.commit('Initial', { files: { 'a.txt': 'a\n' } });
      fs.writeFileSync(path.join(broken.dir, '.git', 'refs', 'heads', 'main'), `${'1'.repeat(40)}\n`);
      await assert.rejects(createGitPort(broken.dir).uncommittedChanges(['a.txt']));
    });
  });
});
