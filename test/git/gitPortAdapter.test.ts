// The simple-git adapter on real repositories: the editor-facing queries, coded failures, and the
// hardening (no option injection, no code run from the repository's config).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeEvidence } from '../../src/core/evidence/engine';
import { GitFailure } from '../../src/core/gitPort';
import { createGitPort } from '../../src/git/simpleGitPort';
import { lines, ME, OTHER, TempRepo } from '../support/tempRepo';

describe('git adapter on real repositories', function () {
  this.timeout(60000);
  let repo: TempRepo;
  let first: string;
  let second: string;
  before(() => {
    repo = TempRepo.create();
    first = repo.commit('Initial a.c', { files: { 'src/app.js': lines('line', 5) } });
    second = repo.commit('Change abc (fixes ACME-1)', { files: { 'src/app.js': lines('line', 5).replace('line 3', 'changed 3') }, author: OTHER });
    repo.tag('v1.0.0');
    repo.checkout('feature', true);
    repo.checkout('main');
  });
  after(() => repo.dispose());

  it('lists recent commits, newest first, with a fixed-string grep', async () => {
    const port = createGitPort(repo.dir);
    assert.deepEqual((await port.recentCommits({ limit: 10 })).map((c) => c.sha), [second, first]);
    assert.deepEqual((await port.recentCommits({ limit: 1 })).map((c) => c.sha), [second]);
    // "a.c" is text, not a pattern: it must not match "abc".
    assert.deepEqual((await port.recentCommits({ limit: 10, grep: 'a.c' })).map((c) => c.sha), [first]);
    assert.deepEqual((await port.recentCommits({ limit: 10, grep: 'x(y' })).map((c) => c.sha), []);
    await assert.rejects(port.recentCommits({ limit: 5, ref: '--output=/tmp/x' }), { code: 'bad-argument' });
  });

  it('tells the commit that last changed a line, or that it is not committed', async () => {
    const port = createGitPort(repo.dir);
    const line3 = await port.blameLine('src/app.js', 3);
    assert.deepEqual([line3?.sha, line3?.authorEmail, line3?.uncommitted, line3?.subject], [second, OTHER.email, false, 'Change abc (fixes ACME-1)']);
    assert.equal((await port.blameLine(path.join(repo.dir, 'src/app.js'), 1))?.sha, first);
    assert.equal(await port.blameLine('src/app.js', 99), null);
    assert.equal(await port.blameLine('missing.js', 1), null);
    repo.write('src/app.js', lines('line', 5).replace('line 1', 'local 1'));
    try {
      assert.equal((await port.blameLine('src/app.js', 1))?.uncommitted, true);
    } finally {
      repo.git(['checkout', '--', 'src/app.js']);
    }
  });

  it('lists refs, the default branch and the user email', async () => {
    const port = createGitPort(repo.dir);
    assert.deepEqual(await port.listRefs(), { branches: ['feature', 'main'], tags: ['v1.0.0'], current: 'main' });
    assert.equal(await port.defaultBranch(), 'main');
    assert.equal(await port.userEmail(), ME.email);
    const clone = repo.sibling('clone');
    repo.git(['clone', '-q', repo.dir, clone]);
    assert.equal(await createGitPort(clone).defaultBranch(), 'main');
  });

  it('resolves refs and never hands git an option', async () => {
    const port = createGitPort(repo.dir);
    assert.equal(await port.resolveCommit('v1.0.0'), second);
    assert.equal(await port.resolveCommit(second.slice(0, 7)), second);
    assert.equal(await port.resolveCommit('nope'), null);
    assert.equal(await port.resolveCommit('--upload-pack=touch /tmp/pwned'), null);
    assert.equal(await port.resolveCommit('main..feature'), null);
    assert.deepEqual((await port.commits([first, 'deadbeefdead'])).map((c) => c.sha), [first]);
    await assert.rejects(port.isAncestor('--all', first), { code: 'bad-argument' });
    await assert.rejects(port.commits(['-p']), { code: 'bad-argument' });
  });

  it('answers concurrent calls from several ports on one repository (serialized per repository)', async () => {
    const a = createGitPort(repo.dir);
    const b = createGitPort(repo.dir);
    const answers = await Promise.all([a.recentCommits({ limit: 5 }), b.listTips(), a.resolveCommit('v1.0.0'), b.scanMessages({ include: 'all', exclude: [] }, () => undefined), a.userEmail()]);
    assert.deepEqual(answers.slice(2), [second, 2, ME.email]);
    assert.equal((answers[0] as unknown[]).length, 2);
  });

  it('maps failures to codes', async () => {
    const plain = repo.sibling('plain');
    fs.mkdirSync(plain, { recursive: true });
    await assert.rejects(createGitPort(plain).repoState(), (e: unknown) => e instanceof GitFailure && e.code === 'not-a-repository');
    await assert.rejects(createGitPort(repo.dir, { binary: 'git-not-installed-here' }).repoState(), { code: 'git-missing' });
  });

  it('never runs code from the repository configuration (fsmonitor, textconv, external diff, pager)', async () => {
    const evil = TempRepo.create('evil');
    try {
      const marker = evil.sibling('ran');
      const script = evil.sibling('hook.sh');
      fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> ${marker}\ncat "$1" 2>/dev/null\n`, { mode: 0o755 });
      evil.commit('Initial', { files: { 'src/app.js': lines('line', 20), '.gitattributes': '*.js diff=evil\n' } });
      evil.commit('Fix (fixes ACME-1)', { files: { 'src/app.js': lines('line', 20).replace('line 10', 'fixed 10') } });
      evil.commit('Later', { files: { 'src/app.js': lines('line', 20).replace('line 10', 'fixed 10').replace('line 2', 'two') } });
      for (const [key, value] of [
        ['core.fsmonitor', script],
        ['diff.evil.textconv', script],
        ['diff.external', script],
        ['core.pager', script],
        ['pager.log', script],
      ]) {
        evil.git(['config', key as string, value as string]);
      }
      evil.write('src/app.js', 'dirty\n');
      const e = await computeEvidence(createGitPort(evil.dir), { ref: 'ACME-1' });
      assert.equal(e.fixes.length, 1);
      assert.equal(e.fixes[0]?.survival?.intact, 1);
      assert.deepEqual(e.caveats.map((c) => c.code), ['uncommitted-changes']);
      await createGitPort(evil.dir).blameLine('src/app.js', 1);
      assert.equal(fs.existsSync(marker), false, fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');
    } finally {
      evil.dispose();
    }
  });
});
