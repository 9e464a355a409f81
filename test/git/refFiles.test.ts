// The tips read from the ref files against `git show-ref --head --dereference` on real
// repositories, state after state: the file reading must give exactly show-ref's parsed answer, or
// `null` (the caller then runs show-ref); and in the common states it must answer.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RefTip } from '../../src/core/gitPort';
import { parseShowRefTips } from '../../src/git/parsers/refs';
import type { ObjectMemo } from '../../src/git/refFiles';
import { learnFromShowRef, readRefFiles } from '../../src/git/refFiles';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { suiteRepos } from '../support/tempRepo';

function showRef(repo: TempRepo, cwd = repo.dir): string {
  try {
    return repo.git(['show-ref', '--head', '--dereference'], { cwd });
  } catch (e) {
    // Exit 1: nothing to list.
    if ((e as { status?: number }).status === 1) return '';
    throw e;
  }
}

function dirs(repo: TempRepo, cwd = repo.dir): { gitDir: string; commonDir: string } {
  const [gitDir, commonDir] = repo.git(['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir'], { cwd }).trim().split('\n');
  return { gitDir: gitDir as string, commonDir: commonDir as string };
}

/**
 * Compares the files' answer with show-ref's, then teaches the memo what show-ref said. Returns
 * whether the files answered (before learning); `must` asserts they did.
 */
function check(repo: TempRepo, memo: ObjectMemo, what: string, opts: { cwd?: string; must?: boolean } = {}): boolean {
  const { gitDir, commonDir } = dirs(repo, opts.cwd);
  const got = readRefFiles(gitDir, commonDir, memo);
  const text = showRef(repo, opts.cwd);
  const want = parseShowRefTips(text);
  if (got !== null) assert.deepEqual(got, want, what);
  else if (opts.must === true) assert.fail(`${what}: no answer from the files`);
  learnFromShowRef(memo, text);
  // After learning, every state here is one the files answer (nothing unknown remains but objects in packs that show-ref listed).
  const again = readRefFiles(gitDir, commonDir, memo);
  assert.deepEqual(again, want, `${what} (after show-ref)`);
  return got !== null;
}

function names(tips: RefTip[] | null): string[] {
  return (tips ?? []).map((t) => t.name);
}

describe('ref files: the tips show-ref lists, read without git', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('fresh and unborn repositories, detached HEAD, nested branches, loose and packed tags', () => {
    const repo = make();
    const memo: ObjectMemo = new Map();
    assert.equal(check(repo, memo, 'empty repository', { must: true }), true);
    const a = repo.commit('A', { files: { 'a.txt': '1\n' } });
    check(repo, memo, 'first commit (loose)', { must: true });
    repo.checkout('a/b/c', true);
    repo.commit('B', { files: { 'b.txt': '1\n' } });
    check(repo, memo, 'nested branch', { must: true });
    repo.tag('v1', { message: 'Release 1' });
    repo.tag('light');
    check(repo, memo, 'annotated tag, loose object', { must: true });
    repo.git(['tag', '-a', '-m', 'outer', 'v1-again', 'v1']);
    check(repo, memo, 'tag of a tag', { must: true });
    repo.git(['tag', '-a', '-m', 'tree', 'tree-tag', 'HEAD^{tree}']);
    repo.git(['tag', '-a', '-m', 'blob', 'blob-tag', 'HEAD:b.txt']);
    repo.git(['tag', 'light-tree', 'HEAD^{tree}']);
    check(repo, memo, 'tags of a tree and a blob', { must: true });
    repo.git(['pack-refs', '--all']);
    check(repo, memo, 'after pack-refs --all', { must: true });
    repo.git(['update-ref', 'refs/heads/a/b/c', a]);
    check(repo, memo, 'a loose ref overriding a packed one', { must: true });
    assert.equal(readRefFiles(dirs(repo).gitDir, dirs(repo).commonDir, memo)?.find((t) => t.name === 'refs/heads/a/b/c')?.sha, a);
    repo.git(['tag', '-d', 'light']);
    repo.git(['branch', '-D', 'main']);
    check(repo, memo, 'packed refs deleted', { must: true });
    repo.git(['checkout', '-q', '--detach', a]);
    check(repo, memo, 'detached HEAD', { must: true });
    repo.git(['checkout', '-q', '--orphan', 'unborn']);
    const tips = readRefFiles(dirs(repo).gitDir, dirs(repo).commonDir, memo);
    assert.equal(names(tips).includes('HEAD'), false, 'an unborn HEAD is not listed');
    check(repo, memo, 'unborn branch', { must: true });
  });

  it('asks git for what it cannot know: objects in packs, locks, other storage, odd names and content', () => {
    const repo = make();
    repo.commit('A', { files: { 'a.txt': '1\n' } });
    repo.tag('v1', { message: 'one' });
    repo.git(['gc', '-q']);
    const { gitDir, commonDir } = dirs(repo);
    assert.equal(readRefFiles(gitDir, commonDir, new Map()), null, 'packed objects never listed before');
    const memo: ObjectMemo = new Map();
    check(repo, memo, 'after gc');
    repo.git(['tag', 'v2', 'HEAD']);
    check(repo, memo, 'a new loose tag at a known commit', { must: true });
    const heads = path.join(commonDir, 'refs', 'heads');
    fs.writeFileSync(path.join(commonDir, 'packed-refs.lock'), '');
    assert.equal(readRefFiles(gitDir, commonDir, memo), null, 'packed-refs being rewritten');
    fs.rmSync(path.join(commonDir, 'packed-refs.lock'));
    fs.writeFileSync(path.join(heads, 'main.lock'), 'garbage');
    check(repo, memo, 'a lock file is skipped as git skips it', { must: true });
    fs.rmSync(path.join(heads, 'main.lock'));
    const id = repo.head();
    fs.writeFileSync(path.join(heads, 'odd'), `${id} trailing\n`);
    assert.equal(readRefFiles(gitDir, commonDir, memo), null, 'content git may read differently');
    fs.writeFileSync(path.join(heads, 'odd'), `${id.toUpperCase()}\n`);
    assert.equal(readRefFiles(gitDir, commonDir, memo), null, 'upper-case id');
    fs.writeFileSync(path.join(heads, 'odd'), `${'0'.repeat(40)}\n`);
    assert.equal(readRefFiles(gitDir, commonDir, memo), null, 'the null id');
    fs.rmSync(path.join(heads, 'odd'));
    fs.writeFileSync(path.join(heads, 'bad name'), `${id}\n`);
    assert.equal(readRefFiles(gitDir, commonDir, memo), null, 'a name git refuses');
    fs.rmSync(path.join(heads, 'bad name'));
    fs.symlinkSync(path.join(heads, 'main'), path.join(heads, 'link'));
    assert.equal(readRefFiles(gitDir, commonDir, memo), null, 'a symbolic link');
    fs.rmSync(path.join(heads, 'link'));
    fs.writeFileSync(path.join(heads, 'gone'), `${'1'.repeat(40)}\n`);
    assert.equal(readRefFiles(gitDir, commonDir, memo), null, 'an object nobody knows');
    fs.rmSync(path.join(heads, 'gone'));
    check(repo, memo, 'back to normal', { must: true });
    repo.git(['config', 'extensions.refStorage', 'reftable']);
    assert.equal(readRefFiles(gitDir, commonDir, memo), null, 'another ref storage');
  });

  it('a clone: remote branches, origin/HEAD (symbolic, dangling), fetched tags in a pack; a linked worktree', () => {
    const upstream = make();
    upstream.commit('A', { files: { 'a.txt': '1\n' } });
    upstream.tag('v1', { message: 'one' });
    upstream.checkout('side', true);
    upstream.commit('S', { files: { 's.txt': '1\n' } });
    upstream.checkout('main');
    const dir = upstream.sibling('clone');
    upstream.git(['clone', '-q', '--no-local', upstream.dir, dir]);
    const cwd = dir;
    const memo: ObjectMemo = new Map();
    check(upstream, memo, 'fresh clone', { cwd });
    const { gitDir, commonDir } = dirs(upstream, cwd);
    upstream.tag('v2', { message: 'two' });
    upstream.commit('B', { files: { 'a.txt': '2\n' } });
    upstream.git(['fetch', '-q', '--tags', 'origin'], { cwd });
    check(upstream, memo, 'tags fetched into a pack', { cwd });
    upstream.git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/side'], { cwd });
    check(upstream, memo, 'origin/HEAD to a packed branch', { cwd, must: true });
    upstream.git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/gone'], { cwd });
    check(upstream, memo, 'dangling origin/HEAD', { cwd, must: true });
    upstream.git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/tags/v1'], { cwd });
    check(upstream, memo, 'symbolic ref to an annotated tag', { cwd, must: true });
    const wt = upstream.sibling('wt');
    upstream.git(['worktree', 'add', '-q', '-b', 'wt-branch', wt, 'origin/side'], { cwd });
    upstream.git(['-c', 'user.name=W', '-c', 'user.email=w@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'in the worktree'], { cwd: wt });
    check(upstream, memo, 'linked worktree: its own HEAD', { cwd: wt, must: true });
    check(upstream, memo, 'main worktree beside it', { cwd, must: true });
    upstream.git(['checkout', '-q', '--detach', 'HEAD~1'], { cwd: wt });
    check(upstream, memo, 'linked worktree detached', { cwd: wt, must: true });
    assert.notEqual(dirs(upstream, wt).gitDir, gitDir);
    assert.equal(dirs(upstream, wt).commonDir, commonDir);
  });

  it('a random sequence of ref operations: equal to show-ref or no answer, at every step', () => {
    const repo = make();
    const memo: ObjectMemo = new Map();
    repo.commit('root', { files: { 'f.txt': '0\n' } });
    let seed = 20240601;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const branches = ['main'];
    let answered = 0;
    for (let step = 0; step < 60; step++) {
      const op = rand(10);
      const pick = <T>(list: T[]): T | undefined => list[rand(list.length)];
      try {
        if (op === 0) repo.commit(`c${step}`, { files: { 'f.txt': `${step}\n` } });
        else if (op === 1) {
          const b = `b/${rand(3)}/x${step}`;
          repo.git(['branch', b]);
          branches.push(b);
        } else if (op === 2) repo.tag(`t${step}`, rand(2) === 0 ? {} : { message: `tag ${step}` });
        else if (op === 3) repo.git(['pack-refs', rand(2) === 0 ? '--all' : '--prune']);
        else if (op === 4) {
          const t = pick(repo.git(['tag']).split('\n').filter(Boolean));
          if (t !== undefined) repo.git(['tag', '-d', t]);
        } else if (op === 5) {
          const b = pick(branches.filter((n) => n !== 'main'));
          if (b !== undefined) {
            repo.git(['branch', '-D', b]);
            branches.splice(branches.indexOf(b), 1);
          }
        } else if (op === 6) repo.git(['checkout', '-q', rand(2) === 0 ? '--detach' : 'main']);
        else if (op === 7) {
          const t = pick(repo.git(['tag']).split('\n').filter(Boolean));
          if (t !== undefined) repo.git(['tag', '-a', '-m', 'nested', `n${step}`, t]);
        } else if (op === 8 && rand(4) === 0) repo.git(['gc', '-q']);
        else if (op === 9) repo.git(['update-ref', `refs/heads/${pick(branches) ?? 'main'}`, 'HEAD']);
      } catch {
        // An operation git refused (a branch that is checked out): the state is still one to compare.
      }
      if (check(repo, memo, `step ${step} (op ${op})`)) answered++;
    }
    assert.ok(answered >= 40, `the files answered ${answered} of 60 steps`);
  });

  it("the port's listTips: show-ref once, then the files while they can answer", async () => {
    const repo = make();
    repo.commit('A', { files: { 'a.txt': '1\n' } });
    repo.tag('v1', { message: 'one' });
    repo.git(['gc', '-q']);
    const log: string[] = [];
    const port = createGitPort(repo.dir, { log: (l) => log.push(l) });
    const first = await port.listTips();
    assert.deepEqual(first, parseShowRefTips(showRef(repo)));
    assert.equal(log.filter((l) => l.includes('show-ref')).length, 1);
    repo.commit('B', { files: { 'a.txt': '2\n' } });
    repo.tag('v2', { message: 'two' });
    log.length = 0;
    assert.deepEqual(await port.listTips(), parseShowRefTips(showRef(repo)));
    assert.deepEqual(log, [], 'no git process for a new commit and a new tag');
  });
});
