// The `evidence` and `scan` subcommands on real repositories: one repository per verdict, the
// workspace issue files, every bad input with its exit code and one clear line (never a stack
// trace), in-process through runCli and once through the bundled CLI in a child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IssueEvidence } from '../../src/core/evidence/model';
import type { ScanCache } from '../../src/core/linking/scan';
import { decodeScanCache, encodeScanCache } from '../../src/core/linking/scanCacheFormat';
import type { CliRun } from '../support/cli';
import { bundleCli, runCliCaptured } from '../support/cli';
import type { TempRepo } from '../support/tempRepo';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';

const ROOT = path.resolve(__dirname, '../../..');
const BASE = lines('line', 20);
const FIXED = BASE.replace('line 10\n', 'if (!user) return null;\nlog("guarded");\n');

function cli(args: string[], cwd = ROOT): Promise<CliRun> {
  return runCliCaptured(args, cwd);
}

async function evidenceJson(args: string[]): Promise<IssueEvidence> {
  const run = await cli(['evidence', ...args, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as IssueEvidence;
}

function assertCleanError(run: CliRun, code: number, pattern: RegExp): void {
  assert.equal(run.code, code, `exit ${run.code}: ${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(run.stdout, '');
}

describe('CLI evidence and scan', function () {
  this.timeout(120000);
  const make = suiteRepos();
  let main: TempRepo;
  const shas: Record<string, string> = {};

  before(() => {
    // One repository holding an issue per verdict.
    main = make();
    main.commit('Initial', { files: { 'src/app.js': BASE, 'src/b.js': BASE, 'src/c.js': BASE, 'src/d.js': BASE } });
    main.tag('v1.0.0');
    shas.intact = main.commit('Guard app (fixes ACME-1)', { files: { 'src/app.js': FIXED } });
    shas.reverted = main.commit('Guard b (fixes ACME-2)', { files: { 'src/b.js': FIXED } });
    shas.modified = main.commit('Guard c (corrige ACME-3)', { files: { 'src/c.js': FIXED } });
    main.tag('v1.1.0');
    main.revert(shas.reverted, OTHER);
    main.commit('Rework c', { files: { 'src/c.js': FIXED.replace('log("guarded");', 'console.log("x");') }, author: OTHER });
    shas.late = main.commit('Guard d (fixes ACME-4)', { files: { 'src/d.js': FIXED } });
    main.checkout('wip', true);
    shas.offTarget = main.commit('Try something (fixes ACME-5)', { files: { 'src/e.js': 'e\n' } });
    main.checkout('main');
    main.write('.proof-of-fix/clients.json', JSON.stringify({ schemaVersion: 1, clients: [{ name: 'Acme', prefix: 'ACME', language: 'es', deployedRef: 'v1.1.0' }] }));
    main.write('.proof-of-fix/issues/ACME-9.json', JSON.stringify({ schemaVersion: 1, id: 'ACME-9', client: 'Acme', title: 't', status: 'open', created: '2024-01-01', reports: [], fixes: [{ sha: shas.intact, how: 'manual' }], replies: [] }));
    main.write('.proof-of-fix/issues/BROKEN.json', '{ not json');
  });

  const cases: [string, string[], string][] = [
    ['fix-intact', ['--ref', 'ACME-1', '--deployed', 'v1.1.0'], ''],
    ['deployed-unknown', ['--ref', 'ACME-1'], ''],
    ['fix-reverted', ['--ref', 'ACME-2', '--deployed', 'main'], ''],
    // v1.1.0 holds the fix intact: the revert after it is not in the version the client runs.
    ['fix-intact', ['--ref', 'ACME-2', '--deployed', 'v1.1.0'], ''],
    ['fix-modified', ['--ref', 'ACME-3', '--deployed', 'main'], ''],
    // v1.1.0 has the fix intact: the target's later rework is not in the version the client runs.
    ['fix-intact', ['--ref', 'ACME-3', '--deployed', 'v1.1.0'], ''],
    ['fix-not-deployed', ['--ref', 'ACME-4', '--deployed', 'v1.1.0'], ''],
    ['fix-not-on-target', ['--ref', 'ACME-5'], ''],
    ['no-fix-linked', ['--ref', 'ACME-6'], ''],
  ];
  for (const [verdict, args] of cases) {
    it(`answers ${verdict} (${args.join(' ')})`, async () => {
      const e = await evidenceJson(['--repo', main.dir, ...args]);
      assert.equal(e.verdict, verdict);
      assert.equal(e.target.ref, 'main');
      assert.match(e.target.sha, /^[0-9a-f]{40}$/);
    });
  }

  it('reads the issue file: manual links and the client\'s deployed ref', async () => {
    const e = await evidenceJson(['--repo', main.dir, '--issue', 'ACME-9']);
    assert.equal(e.issueId, 'ACME-9');
    assert.deepEqual(e.fixes.map((f) => [f.sha, f.linkedBy]), [[shas.intact, 'manual']]);
    assert.equal(e.deployed?.ref, 'v1.1.0');
    assert.equal(e.verdict, 'fix-intact');
    const explicit = await evidenceJson(['--repo', main.dir, '--issue', 'ACME-9', '--deployed', 'v1.0.0']);
    assert.equal(explicit.verdict, 'fix-not-deployed');
  });

  it('takes --fix commits, repeatable, and --me identities', async () => {
    const e = await evidenceJson(['--repo', main.dir, '--fix', shas.intact as string, '--fix', (shas.modified as string).slice(0, 12), '--me', OTHER.email]);
    assert.deepEqual(e.fixes.map((f) => f.sha), [shas.intact, shas.modified]);
    assert.deepEqual(e.me, [OTHER.email]);
    assert.equal(e.fixes[1]?.survival?.changedBy[0]?.byMe, true);
  });

  it('prints a short human-readable report without --json', async () => {
    const run = await cli(['evidence', '--repo', main.dir, '--ref', 'ACME-3', '--deployed', 'v1.1.0']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^ACME-3: fix-intact\n/);
    assert.match(run.stdout, /releases: v1\.1\.0/);
    assert.match(run.stdout, /changed by [0-9a-f]{7} \S+ Bob Other <bob@client\.example> "Rework c" \(1 line\)/);
  });

  it('resolves --repo against the working directory and defaults to it', async () => {
    const run = await cli(['evidence', '--ref', 'ACME-1', '--json'], main.dir);
    assert.equal(run.code, 0, run.stderr);
    const sub = await cli(['evidence', '--repo', 'src', '--ref', 'ACME-1', '--json'], main.dir);
    assert.equal((JSON.parse(sub.stdout) as IssueEvidence).verdict, 'deployed-unknown');
  });

  it('scan lists every issue with its fix and mention commits, as JSON and as text', async () => {
    const run = await cli(['scan', '--repo', main.dir, '--json', '--no-cache']);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { issues: { id: string; fixes: { sha: string }[]; mentions: { sha: string }[] }[]; commitsRead: number };
    assert.deepEqual(result.issues.map((i) => i.id), ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4', 'ACME-5']);
    assert.equal(result.issues[1]?.mentions.length, 1, 'the revert mentions ACME-2');
    assert.equal('cache' in result, false);
    const text = await cli(['scan', '--repo', main.dir]);
    assert.match(text.stdout, /^ACME-1: 1 fix, 0 mentions\n/);
  });

  it('scan keeps its cache in the git dir and re-reads only new commits', async () => {
    const repo = make();
    repo.commit('One (fixes ACME-1)', { files: { 'a.txt': '1\n' } });
    repo.commit('Two', { files: { 'a.txt': '2\n' } });
    const first = JSON.parse((await cli(['scan', '--repo', repo.dir, '--json'])).stdout) as { commitsRead: number };
    assert.equal(first.commitsRead, 2);
    assert.ok(fs.existsSync(path.join(repo.dir, '.git', 'proof-of-fix', 'scan-cache.bin')));
    repo.commit('Three (fixes ACME-2)', { files: { 'a.txt': '3\n' } });
    const second = JSON.parse((await cli(['scan', '--repo', repo.dir, '--json'])).stdout) as { commitsRead: number; incremental: boolean; issues: unknown[] };
    assert.deepEqual([second.commitsRead, second.incremental, second.issues.length], [1, true, 2]);
    fs.writeFileSync(path.join(repo.dir, '.git', 'proof-of-fix', 'scan-cache.bin'), '{ damaged');
    const third = JSON.parse((await cli(['scan', '--repo', repo.dir, '--json'])).stdout) as { commitsRead: number };
    assert.equal(third.commitsRead, 3);
  });

  it('scan names the commit-graph command once, on a full read of a repository without one, and never runs it', async () => {
    const repo = make();
    repo.commit('One (fixes ACME-1)', { files: { 'a.txt': '1\n' } });
    const graph = path.join(repo.dir, '.git', 'objects', 'info', 'commit-graph');
    const first = await cli(['scan', '--repo', repo.dir]);
    assert.equal(first.code, 0);
    assert.match(first.stderr, /no commit-graph file.*`git commit-graph write --reachable --changed-paths`/);
    assert.ok(!fs.existsSync(graph), 'the command was not run');
    repo.commit('Two', { files: { 'a.txt': '2\n' } });
    assert.equal((await cli(['scan', '--repo', repo.dir])).stderr, '', 'an incremental scan says nothing again');
    repo.git(['commit-graph', 'write', '--reachable']);
    const unfiltered = await cli(['scan', '--repo', repo.dir, '--no-cache']);
    assert.match(unfiltered.stderr, /without changed-path filters.*`git commit-graph write --reachable --changed-paths`/, 'a file without filters: the filters are offered');
    repo.git(['commit-graph', 'write', '--reachable', '--changed-paths']);
    assert.equal((await cli(['scan', '--repo', repo.dir, '--no-cache'])).stderr, '', 'with the file and its filters, nothing to say');
  });

  it('a cache with null or wrong-typed entries costs a rescan, never an internal error', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/app.js': BASE } });
    const fix = repo.commit('Guard app (fixes ACME-1)', { files: { 'src/app.js': FIXED } });
    assert.equal((await cli(['scan', '--repo', repo.dir])).code, 0);
    const file = path.join(repo.dir, '.git', 'proof-of-fix', 'scan-cache.bin');
    const good = (await decodeScanCache(fs.readFileSync(file), async () => undefined)) as unknown as { commits: Record<string, unknown>; tips: unknown[] };
    assert.ok(good !== undefined, 'the file reads back');
    const damages: ((c: { commits: Record<string, unknown>; tips: unknown[] }) => void)[] = [
      (c) => (c.commits[fix] = null),
      (c) => (c.commits[fix] = { ...(c.commits[fix] as object), refs: [null] }),
      (c) => (c.commits[fix] = { ...(c.commits[fix] as object), refs: 'ACME-1' }),
      (c) => (c.commits[fix] = { ...(c.commits[fix] as object), date: 12 }),
      (c) => (c.commits[fix] = { ...(c.commits[fix] as object), refs: [['ACME-1', 'fix', 7]] }),
      (c) => (c.tips = [null]),
    ];
    // The file's bytes with a wrong index in the graph, and cut short.
    const bytes = encodeScanCache(good as unknown as ScanCache) as Buffer;
    const badIndex = Buffer.from(bytes);
    badIndex.writeInt32LE(99, bytes.length - 20 * 2 - 4);
    const damagedFiles = [badIndex, bytes.subarray(0, bytes.length - 1), Buffer.from('{ damaged')];
    for (const damage of damages) {
      const copy = structuredClone(good);
      damage(copy);
      damagedFiles.push(encodeScanCache(copy as unknown as ScanCache) as Buffer);
    }
    for (const damaged of damagedFiles) {
      fs.writeFileSync(file, damaged);
      const scanned = await cli(['scan', '--repo', repo.dir, '--json']);
      assert.equal(scanned.code, 0, scanned.stderr);
      const result = JSON.parse(scanned.stdout) as { commitsRead: number; issues: { id: string }[] };
      assert.deepEqual([result.commitsRead, result.issues.map((i) => i.id)], [2, ['ACME-1']]);
      fs.writeFileSync(file, damaged);
      const shown = await cli(['evidence', '--repo', repo.dir, '--ref', 'ACME-1', '--json']);
      assert.equal(shown.code, 0, shown.stderr);
      assert.equal((JSON.parse(shown.stdout) as { fixes: { sha: string }[] }).fixes[0]?.sha, fix);
    }
  });

  it('evidence --ref uses the scan cache when there is one, with the same answer', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/app.js': BASE } });
    repo.commit('Guard app (fixes ACME-1)', { files: { 'src/app.js': FIXED } });
    const searched = await cli(['evidence', '--repo', repo.dir, '--ref', 'ACME-1', '--json', '--verbose']);
    assert.match(searched.stderr, /--grep=ACME-1/);
    assert.equal((await cli(['scan', '--repo', repo.dir])).code, 0);
    repo.commit('See ACME-1 again', { files: { 'b.txt': 'b\n' } });
    const cached = await cli(['evidence', '--repo', repo.dir, '--ref', 'ACME-1', '--json', '--verbose']);
    assert.equal(cached.code, 0, cached.stderr);
    assert.doesNotMatch(cached.stderr, /--grep/);
    const a = JSON.parse(searched.stdout) as IssueEvidence;
    const b = JSON.parse(cached.stdout) as IssueEvidence;
    assert.deepEqual(b.fixes.map((f) => f.sha), a.fixes.map((f) => f.sha));
    assert.equal(b.verdict, a.verdict);
    assert.equal(b.mentions.length, 1, 'the commit made after the scan is read incrementally');
  });

  describe('bad input: one clear line and an exit code', () => {
    it('not a repository, a missing folder, an empty repository: exit 3', async () => {
      const plain = main.sibling('plain');
      fs.mkdirSync(plain, { recursive: true });
      assertCleanError(await cli(['evidence', '--repo', plain, '--ref', 'ACME-1']), 3, /is not a git repository/);
      assertCleanError(await cli(['evidence', '--repo', path.join(plain, 'nope'), '--ref', 'ACME-1']), 3, /is not a git repository/);
      assertCleanError(await cli(['scan', '--repo', plain]), 3, /is not a git repository/);
      const empty = make();
      assertCleanError(await cli(['evidence', '--repo', empty.dir, '--ref', 'ACME-1']), 3, /no commits yet/);
      assertCleanError(await cli(['scan', '--repo', empty.dir]), 3, /no commits yet/);
    });

    const bad: [string, string[], RegExp][] = [
      ['no issue selector', [], /--issue ID, --ref TEXT or --fix SHA/],
      ['an unknown option', ['--ref', 'ACME-1', '--frobnicate'], /unknown option '--frobnicate'/],
      ['a stray argument', ['ACME-1'], /unexpected argument 'ACME-1'/],
      ['a missing value', ['--ref'], /'--ref' needs a value/],
      ['--issue and --ref together', ['--issue', 'ACME-9', '--ref', 'ACME-1'], /not both/],
      ['a malformed sha', ['--fix', 'xyz'], /"xyz" is not a commit id/],
      ['a sha that looks like an option', ['--fix=--output=/tmp/x'], /is not a commit id/],
      ['a target that looks like an option', ['--ref', 'ACME-1', '--target=--upload-pack=touch /tmp/pwned'], /--target .* is not a valid branch/],
      ['a deployed ref that looks like an option', ['--ref', 'ACME-1', '--deployed=--exec=sh'], /--deployed .* is not a valid branch/],
      ['an option where a value should be', ['--ref', 'ACME-1', '--deployed', '--exec=sh'], /option '--deployed' needs a value/],
      ['an id that looks like an option', ['--ref=--all'], /is not an issue id/],
      ['an issue id with a path', ['--issue', '../../etc/passwd'], /is not an issue id/],
      ['an invalid id pattern', ['--ref', 'ACME-1', '--id-pattern', '(unclosed'], /not a valid regular expression/],
      ['a bad --me', ['--ref', 'ACME-1', '--me', 'nobody'], /not an email address/],
    ];
    for (const [what, args, message] of bad) {
      it(`${what}: exit 2`, async () => {
        assertCleanError(await cli(['evidence', '--repo', main.dir, ...args]), 2, message);
      });
    }

    it('unknown refs and shas, missing or unparseable issue files: exit 2', async () => {
      assertCleanError(await cli(['evidence', '--repo', main.dir, '--ref', 'ACME-1', '--target', 'nope']), 2, /"nope": the target is not a branch/);
      assertCleanError(await cli(['evidence', '--repo', main.dir, '--ref', 'ACME-1', '--deployed', 'v9.9']), 2, /"v9\.9": the deployed ref is not/);
      assertCleanError(await cli(['evidence', '--repo', main.dir, '--issue', 'ACME-404']), 2, /ACME-404\.json: no such issue file/);
      assertCleanError(await cli(['evidence', '--repo', main.dir, '--issue', 'BROKEN']), 2, /BROKEN\.json: cannot read or parse the issue file/);
    });

    it('ids with regex metacharacters are text, not patterns', async () => {
      const e = await evidenceJson(['--repo', main.dir, '--ref', 'ACME-.*']);
      assert.equal(e.verdict, 'no-fix-linked');
      assert.deepEqual(e.mentions, []);
    });

    it('a missing sha is evidence, not an error', async () => {
      const e = await evidenceJson(['--repo', main.dir, '--fix', 'deadbeefdeadbeef']);
      // Not evidence of anything: the verdict is not built on a commit the repository lacks.
      assert.equal(e.verdict, 'no-fix-linked');
      assert.equal(e.fixes[0]?.exists, false);
      assert.deepEqual(e.caveats.map((c) => c.code), ['fix-missing']);
    });
  });

  describe('the bundled CLI in a child process', () => {
    let bundle: string;
    before(async () => {
      bundle = path.join(main.sibling('bin'), 'cli.js');
      await bundleCli(bundle);
    });

    it('prints the evidence JSON and exits 0', () => {
      const run = spawnSync(process.execPath, [bundle, 'evidence', '--repo', main.dir, '--ref', 'ACME-2', '--deployed', 'main', '--json'], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const e = JSON.parse(run.stdout) as IssueEvidence;
      assert.equal(e.verdict, 'fix-reverted');
      assert.equal(e.fixes[0]?.reverts[0]?.how, 'message');
    });

    it('exits 2 on a bad argument and 3 when git is missing', () => {
      const badArg = spawnSync(process.execPath, [bundle, 'evidence', '--repo', main.dir, '--fix', 'nothex'], { encoding: 'utf8' });
      assert.equal(badArg.status, 2);
      assert.doesNotMatch(badArg.stderr, /\n\s+at /);
      const noGit = spawnSync(process.execPath, [bundle, 'evidence', '--repo', main.dir, '--ref', 'ACME-1'], { encoding: 'utf8', env: { ...process.env, PATH: main.sibling('empty-path') } });
      assert.equal(noGit.status, 3, noGit.stderr);
      assert.match(noGit.stderr, /git was not found/);
      assert.doesNotMatch(noGit.stderr, /\n\s+at /);
    });
  });
});
