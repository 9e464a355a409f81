// No repository and no user configuration can make our git runs start a program or change an
// answer. One repository carries a marker program for every mechanism git offers (config in the
// repository and in a hostile HOME, attributes, hooks, environment variables, a promisor remote,
// a signed commit); every query of both ports, the history scan, the evidence engine and the CLI
// run against it, and must give the same answers as with a clean HOME while no marker runs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeEvidence } from '../../src/core/evidence/engine';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { createCommitContentPort } from '../../src/git/commitContent';
import { createGitPort } from '../../src/git/simpleGitPort';
import { bundleCli } from '../support/cli';
import type { Markers } from '../support/hostileHome';
import { hostileEnv, hostileHome, hostileRepo, markers, promisorRemote, withEnv } from '../support/hostileHome';
import type { TempRepo } from '../support/tempRepo';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';

const BASE = lines('line', 12);
const FIXED = BASE.replace('line 6\n', 'if (!cart) return 0;\nreturn round(total);\n');
const MISSING = 'deadbeef'.repeat(5);

/** A commit like HEAD but with a (fake) PGP signature: showing it with log.showSignature runs gpg. */
function signedCommit(repo: TempRepo): string {
  const raw = repo.git(['cat-file', 'commit', 'HEAD']);
  const [header, ...body] = raw.split('\n\n');
  const sig = 'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----';
  const sha = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: `${header}\n${sig}\n\n${body.join('\n\n')}` }).trim();
  repo.git(['update-ref', 'refs/heads/main', sha]);
  repo.git(['reset', '-q', '--hard', sha]);
  return sha;
}

/** Every answer of both ports, the scan and the engine, in a form deepEqual compares. */
async function answers(dir: string, shas: Record<string, string>): Promise<Record<string, unknown>> {
  const port = createGitPort(dir);
  const content = createCommitContentPort(dir);
  const out: Record<string, unknown> = {};
  out.repoState = await port.repoState();
  out.resolve = [await port.resolveCommit('v1.0.0'), await port.resolveCommit(shas.fix?.slice(0, 7) ?? ''), await port.resolveCommit(MISSING)];
  out.commits = await port.commits([shas.fix as string, shas.moved as string, MISSING]);
  out.logMessages = await port.logMessages({ include: 'all', exclude: [], grep: ['acme-1'] });
  const scanned: unknown[] = [];
  out.scanCount = await port.scanMessages({ include: 'all', exclude: [] }, (r) =>
    scanned.push({ sha: r.sha, parents: r.parents, authorName: r.authorName, authorEmail: r.authorEmail, time: r.time, zone: r.zone, message: r.message }),
  );
  out.scanned = scanned;
  out.tips = await port.listTips();
  out.ancestor = await port.isAncestor(shas.fix as string, shas.head as string);
  out.commitDiff = await port.commitDiff(shas.fix as string, shas.base as string);
  out.moveDiff = await port.commitDiff(shas.moved as string, shas.fix as string);
  out.logPatches = await port.logPatches({ range: { include: [shas.head as string], exclude: [shas.fix as string] }, paths: ['lib/cart.txt', 'cart.txt'], fullDiff: false, noMerges: true });
  out.tags = await port.tagsContaining([shas.fix as string]);
  out.pathsAt = await port.pathsAt(shas.head as string, ['lib/cart.txt', 'cart.txt', 'app.js']);
  out.renames = [...(await port.renames(shas.fix as string, shas.head as string))];
  const blame = await port.blame('lib/cart.txt', { include: [shas.head as string], exclude: [shas.base as string] });
  out.blame = { lines: blame.lines, commits: [...blame.commits] };
  out.uncommitted = await port.uncommittedChanges(['lib/cart.txt', 'app.js', 'notes.txt']);
  out.recent = await port.recentCommits({ limit: 20, grep: 'ACME' });
  out.blameLine = await port.blameLine(path.join(dir, 'lib', 'cart.txt'), 6);
  out.refs = await port.listRefs();
  out.defaultBranch = await port.defaultBranch();
  out.userEmail = await port.userEmail();
  out.commitFiles = await content.commitFiles(shas.moved as string);
  out.fileAt = await content.fileAt(shas.head as string, 'lib/cart.txt');
  const scan = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS });
  out.scan = scan.issues;
  out.evidence = await computeEvidence(port, { ref: 'ACME-1', deployed: 'v1.0.0', now: () => new Date('2024-06-01T00:00:00Z') });
  return out;
}

describe('git runs: no program from any config, the same answer under any config', function () {
  this.timeout(180000);
  const make = suiteRepos();
  let repo: TempRepo;
  let m: Markers;
  let home: string;
  let cleanHome: string;
  const shas: Record<string, string> = {};

  before(() => {
    repo = make();
    shas.base = repo.commit('Initial cart, café', { files: { 'cart.txt': BASE, 'app.js': 'const a = 1;\n', 'notes.txt': 'n\n' } });
    shas.fix = repo.commit('Round cart totals\n\nFixes ACME-1', { files: { 'cart.txt': FIXED } });
    repo.tag('v1.0.0', { message: 'Release 1.0.0' });
    // A move with an edit: rename detection must pair the two paths.
    shas.moved = repo.commit('Move cart to lib/', { files: { 'cart.txt': null, 'lib/cart.txt': FIXED.replace('line 12', 'line twelve') } });
    shas.other = repo.commit('Rework totals, see ACME-1', { files: { 'lib/cart.txt': FIXED.replace('return round(total);', 'return total;').replace('line twelve', 'line twelve') }, author: OTHER });
    // Honouring this file (blame.ignoreRevsFile) would blame another commit for OTHER's line.
    repo.commit('Ignore list', { files: { '.git-blame-ignore-revs': `${shas.other}\n` } });
    repo.git(['notes', 'add', '-m', 'a note that notes.displayRef would show', shas.fix]);
    shas.head = signedCommit(repo);
    // Uncommitted: one file changed, one touched only (stat-dirty, which makes git re-hash it through filters).
    repo.write('app.js', 'const a = 2;\n');
    const touched = path.join(repo.dir, 'notes.txt');
    fs.utimesSync(touched, new Date('2030-01-01'), new Date('2030-01-01'));
    m = markers(repo.sibling('markers'));
    hostileRepo(repo, m);
    home = hostileHome(repo.sibling('homes'), m);
    cleanHome = repo.sibling('clean-home');
    fs.mkdirSync(cleanHome);
    m.reset();
  });
  beforeEach(() => m.reset());

  it('the fixture is hostile: plain git runs its programs and fails its blame', () => {
    const env = { ...repo.env({ HOME: home, XDG_CONFIG_HOME: home }) };
    const run = (args: string[]): number | null => spawnSync('git', args, { cwd: repo.dir, env, encoding: 'utf8' }).status;
    run(['status', '--porcelain']);
    run(['log', '-p', '-1', shas.fix as string]);
    run(['log', '-1']);
    assert.notEqual(run(['blame', '--porcelain', 'HEAD', '--', 'lib/cart.txt']), 0);
    const ran = new Set(m.ran());
    for (const mechanism of ['repo-core.fsmonitor', 'repo-filter.mark.clean', 'repo-diff.mark.textconv', 'repo-gpg.program']) {
      assert.ok([...ran].some((r) => r === mechanism), `${mechanism} did not run: ${[...ran].join(', ')}`);
    }
    m.reset();
  });

  it('through both ports, the scan and the engine: the same answers with a hostile HOME, and no program runs', async () => {
    const clean = await withEnv({ HOME: cleanHome, XDG_CONFIG_HOME: cleanHome }, () => answers(repo.dir, shas));
    assert.deepEqual(m.ran(), [], 'a marker ran with a clean HOME (repository config)');
    const hostile = await withEnv({ HOME: home, XDG_CONFIG_HOME: home, ...hostileEnv(m) }, () => answers(repo.dir, shas));
    assert.deepEqual(m.ran(), [], 'a marker ran with the hostile HOME');
    for (const key of Object.keys(clean)) assert.deepEqual(hostile[key], clean[key], `${key} differs under the hostile config`);
    // And the answers are right, not merely equal.
    assert.deepEqual(clean.uncommitted, ['app.js']);
    assert.deepEqual(clean.renames, [['cart.txt', 'lib/cart.txt']]);
    const evidence = clean.evidence as { verdict: string; fixes: { survival: { intact: number; modified: number } | null }[] };
    // v1.0.0 has the fix intact; the rework after it changed a line on the target.
    assert.equal(evidence.verdict, 'fix-intact');
    assert.deepEqual([evidence.fixes[0]?.survival?.intact, evidence.fixes[0]?.survival?.modified], [1, 1]);
    const blame = clean.blame as { commits: [string, { authorName: string }][] };
    assert.ok(blame.commits.some(([sha, info]) => sha === shas.other && info.authorName === OTHER.name), 'blame names the commit that changed the line');
    assert.match(String((clean.commits as { subject: string }[])[0]?.subject ?? ''), /^Round cart totals$/);
    assert.match(String((clean.scanned as { message: string }[]).find((r) => r.message.startsWith('Initial'))?.message), /café/);
  });

  it('through the CLI (dist/cli.js in a child process): the same evidence and scan, and no program runs', async () => {
    const cli = repo.sibling('cli.js');
    await bundleCli(cli);
    const run = (env: Record<string, string>, args: string[]): string => {
      const r = spawnSync(process.execPath, [cli, ...args], { cwd: repo.dir, env: { ...process.env, ...env }, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout;
    };
    const args = [
      ['evidence', '--repo', repo.dir, '--ref', 'ACME-1', '--deployed', 'v1.0.0', '--json'],
      ['scan', '--repo', repo.dir, '--no-cache', '--json'],
    ];
    for (const a of args) {
      const clean = run({ HOME: cleanHome, XDG_CONFIG_HOME: cleanHome }, a);
      const hostile = run({ HOME: home, XDG_CONFIG_HOME: home, ...hostileEnv(m) }, a);
      // Both print a time of computation; everything else must match.
      const strip = (t: string): unknown => JSON.parse(t.replace(/"(computedAt|generatedAt|scannedAt)": ?"[^"]*"/g, '"$1":""'));
      assert.deepEqual(strip(hostile), strip(clean), a.join(' '));
    }
    assert.deepEqual(m.ran(), []);
  });
});

describe('a partial clone cannot make us fetch', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('asking for a commit the repository lacks is a failure, and the promisor transport never runs', async () => {
    const repo = make();
    const head = repo.commit('Initial', { files: { 'a.txt': 'a\n' } });
    const m = markers(repo.sibling('markers'));
    promisorRemote(repo, m);
    const port = createGitPort(repo.dir);
    await assert.rejects(port.resolveCommit(MISSING), (e: { code?: string }) => e.code === 'failed');
    await assert.rejects(port.commits([MISSING]), (e: { code?: string }) => e.code === 'failed');
    await assert.rejects(createCommitContentPort(repo.dir).commitFiles(MISSING), (e: { code?: string }) => e.code === 'failed');
    assert.equal(await port.resolveCommit(head.slice(0, 8)), head);
    assert.deepEqual(m.ran(), []);
    // Plain git, allowed to, would have run it.
    spawnSync('git', ['-c', 'protocol.allow=always', 'cat-file', '-t', MISSING], { cwd: repo.dir, env: repo.env(), timeout: 20000 });
    assert.ok(m.ran().includes('promisor-fetch'), m.ran().join(', '));
  });
});

describe('a commit message cannot forge a commit record', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a message carrying separators (old 0x1E/0x1D, NUL, a guessed nonce) is read as text by the scan and the evidence', async () => {
    const repo = make();
    const victim = repo.commit('Unrelated work', { files: { 'a.txt': 'a\n' } });
    const fake = (sep: { rs: string; fs: string }): string => `${sep.rs}${victim}${sep.fs}Boss${sep.fs}boss@example.com${sep.fs}1700000000 +0000${sep.fs}Fixes ACME-9\n${sep.fs}\n`;
    const message = `Innocent change\n${fake({ rs: '\x1e', fs: '\x1d' })}${fake({ rs: `\x00${'0123456789abcdef'}\x1e`, fs: '\x00\x1d' }).replace(/\0/g, '')}`;
    const innocent = repo.commit(message, { files: { 'b.txt': 'b\n' } });
    // fast-import writes what `git commit` refuses: a NUL inside the message, then a fake record.
    const nulMessage = `Also innocent\0${fake({ rs: '\x1e', fs: '\x1d' })}`;
    repo.git(['fast-import', '--quiet'], {
      input: `commit refs/heads/main\nauthor Ana Dev <ana@example.com> 1704110000 +0000\ncommitter Ana Dev <ana@example.com> 1704110000 +0000\ndata ${Buffer.byteLength(nulMessage)}\n${nulMessage}\nfrom ${innocent}\nM 644 inline c.txt\ndata 2\nc\n\n`,
    });
    const port = createGitPort(repo.dir);
    const scan = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS });
    const acme9 = scan.issues.find((i) => i.id === 'ACME-9');
    const linked = [...(acme9?.fixes ?? []), ...(acme9?.mentions ?? [])];
    assert.ok(!linked.some((c) => c.sha === victim), 'the victim commit was linked by a forged record');
    assert.ok(!linked.some((c) => c.authorName === 'Boss'), 'a forged author appeared');
    assert.equal(scan.commitsRead, 3);
    const evidence = await computeEvidence(port, { ref: 'ACME-9', now: () => new Date('2024-06-01T00:00:00Z') });
    assert.ok(!evidence.fixes.some((f) => f.sha === victim), 'evidence used the forged record');
    assert.ok(evidence.fixes.every((f) => f.authorName !== 'Boss'));
  });
});
