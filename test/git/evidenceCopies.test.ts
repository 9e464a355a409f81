// The search for copies (cherry-picks) of a fix that a ref lacks, on a real repository: a copy is a
// commit with the fix's patch (changed lines, whitespace and line numbers ignored), whatever its
// message says. For a fix of several files, the search reads the paths each commit changed and
// patches only of the commits that changed every one of them; for a fix of one file, every commit
// that changed it. Either way it must find exactly what reading every commit's patch finds.
import * as assert from 'node:assert/strict';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import type { FixEvidence, IssueEvidence } from '../../src/core/evidence/model';
import type { GitPort } from '../../src/core/gitPort';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { lines, suiteRepos } from '../support/tempRepo';

const NOW = (): Date => new Date('2024-06-01T00:00:00Z');

describe('copies of a fix on another line', function () {
  this.timeout(60000);
  const make = suiteRepos();
  let repo: TempRepo;
  const fix: Record<string, string> = {};
  const copy: Record<string, string> = {};
  let partial = '';
  let tweak = '';
  let request: EvidenceRequest;

  /** Cherry-picks onto the current branch; `-x` adds the "(cherry picked from commit …)" line. */
  function pick(sha: string, trailer: boolean): string {
    repo.git(['cherry-pick', ...(trailer ? ['-x'] : []), sha], { env: { GIT_COMMITTER_DATE: repo.nextDate() } });
    return repo.head();
  }

  before(() => {
    repo = make();
    const names = ['t', 'r', 'c', 'k', 'n'];
    const guardText = (name: string): string => `if (!${name}) return;\nlog("${name}");\n`;
    const files: Record<string, string> = { 's.js': lines('s', 20) };
    for (const name of names) Object.assign(files, { [`${name}.js`]: lines(name, 20), [`${name}-b.js`]: lines(`${name}-b`, 20) });
    repo.commit('Initial', { files });
    repo.tag('v1.0.0');
    repo.checkout('release/1.x', true);
    // The release line changes lines next to (c.js) and at (k.js) what the fixes will change.
    repo.commit('Release-only tweaks', { files: { 'c.js': lines('c', 20).replace('c 8\n', 'c 8 release\n'), 'k.js': lines('k', 20).replace('k 10\n', 'k 10 legacy\n') } });
    repo.checkout('main');
    // Main moves lines down, so the copies apply at other line numbers.
    const shifted = (name: string): string => `${lines(`${name} new`, 3)}${lines(name, 20)}`;
    repo.commit('Header lines', { files: Object.fromEntries(['s', 't', 'r', 'c', 'n'].map((name) => [`${name}.js`, shifted(name)])) });
    // Each fix but one changes two files: a guard in NAME.js, one line in NAME-b.js.
    const guard = (name: string): Record<string, string> => ({
      [`${name}.js`]: repo.read(`${name}.js`).replace(`${name} 10\n`, guardText(name)),
      [`${name}-b.js`]: repo.read(`${name}-b.js`).replace(`${name}-b 5\n`, `${name}-b five\n`),
    });
    fix.trailer = repo.commit('Fix crash on login (ACME-1)', { files: guard('t') });
    fix.reworded = repo.commit('Fix empty cart (ACME-2)', { files: guard('r') });
    fix.context = repo.commit('Fix export (ACME-3)', { files: guard('c') });
    fix.conflict = repo.commit('Fix totals (ACME-4)', { files: guard('k') });
    fix.none = repo.commit('Fix search (ACME-5)', { files: guard('n') });
    fix.single = repo.commit('Fix sort (ACME-6)', { files: { 's.js': repo.read('s.js').replace('s 10\n', guardText('s')) } });

    repo.checkout('release/1.x');
    // The same change as a fix's in one of its two files only (undone after): not its patch.
    partial = repo.commit('Guard carts in r.js only', { files: { 'r.js': lines('r', 20).replace('r 10\n', guardText('r')) } });
    repo.commit('Undo the guard', { files: { 'r.js': lines('r', 20) } });
    copy.trailer = pick(fix.trailer, true);
    pick(fix.reworded, false);
    repo.git(['commit', '--amend', '-q', '-m', 'Backport: guard carts without items'], { env: { GIT_COMMITTER_DATE: repo.nextDate() } });
    copy.reworded = repo.head();
    copy.context = pick(fix.context, true);
    // The line the fix replaced reads otherwise here: the backport replaces that line instead.
    copy.conflict = repo.commit(`Fix totals (ACME-4)\n\n(cherry picked from commit ${fix.conflict})`, {
      files: { 'k.js': lines('k', 20).replace('k 10\n', guardText('k')), 'k-b.js': lines('k-b', 20).replace('k-b 5\n', 'k-b five\n') },
    });
    copy.single = pick(fix.single, true);
    repo.tag('v1.0.1');
    tweak = repo.commit('Search tweak', { files: { 'n.js': lines('n', 20).replace('n 10\n', 'if (!n) return null;\n'), 'n-b.js': lines('n-b', 20).replace('n-b 5\n', 'n-b five\n') } });
    repo.checkout('main');
    request = {
      fixes: Object.values(fix).map((sha) => ({ sha, linkedBy: 'argument' as const })),
      target: 'release/1.x',
      deployed: 'v1.0.1',
      now: NOW,
    };
  });

  function of(e: IssueEvidence, sha: string | undefined): FixEvidence {
    const f = e.fixes.find((x) => x.sha === sha);
    assert.ok(f !== undefined, `fix ${sha} is in the evidence`);
    return f;
  }

  /** The real port, counting the commits whose patches the copy search reads. */
  function counted(dir: string): { port: GitPort; patched: string[] } {
    const real = createGitPort(dir);
    const patched: string[] = [];
    const port: GitPort = {
      ...real,
      commitPatches: (shas) => {
        patched.push(...shas);
        return (real.commitPatches as (s: string[]) => ReturnType<NonNullable<GitPort['commitPatches']>>)(shas);
      },
    };
    return { port, patched };
  }

  it('finds a copy with the cherry-pick line, one with a reworded subject and none, one applied at other lines, and one of a one-file fix', async () => {
    const e = await computeEvidence(createGitPort(repo.dir), request);
    for (const name of ['trailer', 'reworded', 'context', 'single']) {
      const f = of(e, fix[name]);
      assert.equal(f.reachable, false, name);
      assert.deepEqual(f.equivalents.map((c) => [c.sha, c.how]), [[copy[name], 'patch-id']], name);
      assert.deepEqual(f.equivalentsDeployed.map((c) => c.sha), [copy[name]], name);
      assert.equal(f.inDeployed, true, name);
    }
  });

  it('finds no copy where the backport changed other lines (a conflict resolved by hand), nor where the line has none', async () => {
    const e = await computeEvidence(createGitPort(repo.dir), request);
    for (const name of ['conflict', 'none']) {
      const f = of(e, fix[name]);
      assert.deepEqual([f.equivalents, f.equivalentsDeployed, f.inDeployed], [[], [], false], name);
    }
  });

  it('gives the evidence that reading every commit\'s patch gives', async () => {
    const real = createGitPort(repo.dir);
    const everyPatch: GitPort = { ...real, logTouchedPaths: undefined, commitPatches: undefined };
    const fast = await computeEvidence(real, request);
    const slow = await computeEvidence(everyPatch, request);
    assert.deepEqual({ ...fast, computedAt: '' }, { ...slow, computedAt: '' });
    // The copies found are not all the same answer by accident: the fixtures have copies.
    assert.ok(slow.fixes.some((f) => f.equivalents.length > 0));
  });

  it('reads patches only of commits that changed every file of a fix, once for the target and the client\'s version', async () => {
    const { port, patched } = counted(repo.dir);
    await computeEvidence(port, request);
    assert.equal(new Set(patched).size, patched.length, 'no commit read twice');
    assert.deepEqual([...patched].sort(), [copy.trailer, copy.reworded, copy.context, copy.conflict, tweak].sort());
    // Not the commit that changed one of the two files, nor the copy of the one-file fix (read with every commit that changed its file).
    assert.ok(!patched.includes(partial) && !patched.includes(copy.single as string));
  });
});

describe('the git port\'s reads for the copy search', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('lists every path a commit changed, and reads the same patches as the log of the range', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'a.txt': lines('a', 5), 'old name.txt': lines('o', 5), 'b.bin': Buffer.from([0, 1, 2]) } });
    const base = repo.head();
    repo.commit('Edit and move', { files: { 'a.txt': lines('a', 6), 'old name.txt': null, 'dir/new name.txt': lines('o', 5).replace('o 2', 'o two') } });
    repo.commit('Binary and a new file', { files: { 'b.bin': Buffer.from([0, 1, 3]), 'c.txt': 'c\n', 'niño "x".txt': 'ñ\n' } });
    repo.commit('Unrelated', { files: { 'd.txt': 'd\n' } });
    const port = createGitPort(repo.dir);
    const range = { include: [repo.head()], exclude: [base] };
    const touched = await port.logTouchedPaths?.({ range, paths: ['a.txt', 'b.bin'], noMerges: true });
    assert.deepEqual(
      touched?.map((c) => c.paths.sort()),
      [['b.bin', 'c.txt', 'niño "x".txt'], ['a.txt', 'dir/new name.txt', 'old name.txt']],
    );
    const listed = await port.logPatches({ range, paths: ['a.txt', 'b.bin'], fullDiff: true, noMerges: true });
    assert.deepEqual(await port.commitPatches?.(listed.map((p) => p.commit.sha)), listed);
    // A name git quotes in patches is the same name in both reads.
    assert.ok(listed[0]?.files.some((f) => f.path === 'niño "x".txt'));
    await assert.rejects(port.commitPatches?.(['0'.repeat(40)]) ?? Promise.resolve());
  });
});
