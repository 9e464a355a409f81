// `npm run bench`: our engine against the plain git commands that answer the same questions, on
// synthetic repositories of 10k and 100k commits. It informs; it is not a test, so it exits 0 even
// when a target is missed, and says so.
//
// Environment: BENCH_SIZES=2000,10000 (commit counts), BENCH_RUNS=5 (measured runs after a warm-up),
// BENCH_BUDGET_S=60 (per side and operation; slower operations get fewer runs, or one cold run),
// BENCH_ALL_ISSUES_MAX (only the first N issues in the all-issues row; default all), BENCH_WORKBENCH=0
// (skips the end-to-end section in VS Code, see workbenchBench.ts), BENCH_REPO=/path/to/clone (the
// in-process rows on a real repository too, see realRepo.ts; BENCH_REPO_ISSUES=5 issues), BENCH_SIZES=none
// (no generated repository), BENCH_ONLY=scan (only the full scan and re-scan rows, with the scan's profile).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REQUEST_LANES } from '../../src/git/gitRunner';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { IssueEvidence } from '../../src/core/evidence/model';
import type { GitPort } from '../../src/core/gitPort';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import type { ScanCache } from '../../src/core/linking/scan';
import { machineFacts } from './machine';
import type { MachineFacts } from './machine';
import { measurePair, median, timeOnce } from './measure';
import type { MeasureOptions, PairTiming } from './measure';
import { clockGitProcesses, clockPort } from './profile';
import { rawEvidenceForAll, rawEvidenceForIssue, rawScan } from './rawGit';
import type { RawIssueFacts } from './rawGit';
import { defaultParams, ensureSynthRepo } from './synthRepo';
import type { SynthIssue, SynthManifest } from './synthRepo';
import { checkAgainstTruth, oursEvidence, oursEvidenceForAll, verdictDisagreements } from './ours';
import { cacheLoadTimes, commitGraphWriteCost, evidenceFromCacheFile, measureCachedEvidence, memoryOfScan, withoutCommitGraph, writeScanCacheFile } from './largeHistory';
import type { Agreement } from './ours';
import { workbenchSection } from './workbenchBench';
import { portSummary, profileScan } from './scanProfile';
import { ms, ratioRow, scanRowsOnly, table } from './rows';
import type { Row } from './rows';
import { benchRealRepo } from './realRepo';
import { measureRescan } from './rescan';

interface SizeReport {
  rows: Row[];
  notes: string[];
}

const ALL_REVS = ['--all'];
const SCAN_OPTIONS = { patterns: DEFAULT_ID_PATTERNS };

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function sizes(): number[] {
  const text = process.env.BENCH_SIZES;
  if (text === undefined || text.trim() === '') return [10000, 100000];
  if (text.trim() === 'none') return [];
  return text
    .split(',')
    .map((s) => Number(s.trim().replace(/k$/i, '000')))
    .filter((n) => Number.isInteger(n) && n >= 200);
}

function sizeLabel(commits: number): string {
  return commits >= 1000 && commits % 1000 === 0 ? `${commits / 1000}k` : String(commits);
}

/** The issue a client would most likely ask about: one fix on main, later partly rewritten by someone. */
function representativeIssue(manifest: SynthManifest): SynthIssue {
  const fits = (i: SynthIssue): boolean => i.fixes.length === 1 && i.fixes[0]?.branch === 'main' && i.fixes[0].overwrittenBy !== null;
  return manifest.issues.find(fits) ?? (manifest.issues[0] as SynthIssue);
}

async function benchSize(manifest: SynthManifest, options: MeasureOptions): Promise<SizeReport> {
  const size = sizeLabel(manifest.params.commits);
  const repo = manifest.repoDir;
  // Asked as the CLI and the extension ask a person's request: its commands on two lanes.
  const port = createGitPort(repo, { requestLanes: REQUEST_LANES });
  const rows: Row[] = [];
  const notes: string[] = [];
  const refs = { target: manifest.target, deployed: manifest.deployedRef };

  log(`${size}: full scan`);
  let lastScan: ScanCache | null = null;
  const scan = await measurePair(
    async () => {
      lastScan = (await scanHistory(port, SCAN_OPTIONS)).cache;
    },
    () => rawScan(repo, ALL_REVS),
    options,
  );
  rows.push(ratioRow('full scan (raw: `git log --all --format=%H%x1f%B%x1e`)', size, scan, 1.1));
  notes.push(...(await profileScan(repo, size)));

  log(`${size}: re-scan after one new commit`);
  const cache = lastScan as ScanCache | null;
  if (cache === null) throw new Error('the full scan returned no cache');
  const rescan = await measureRescan(manifest.repoDir, port, cache, options, {
    parent: manifest.mainSha,
    ref: `refs/heads/${manifest.target}`,
    previous: manifest.mainSha,
    message: (n) => `Corrige ACME-${9000 + n}: ajuste tras la revisión del benchmark\n`,
  });
  const share = rescan.median / scan.ours.median;
  rows.push({
    operation: 're-scan after 1 new commit (raw column: our full scan)',
    size,
    ours: ms(rescan.median),
    raw: ms(scan.ours.median),
    ratio: `${(share * 100).toFixed(1)}%`,
    target: '< 5% of full scan',
    met: share < 0.05,
    runs: String(rescan.runs),
  });
  if (rescan.commitsRead !== 1) notes.push(`- ${size}: the re-scan read ${rescan.commitsRead} commits, expected 1.`);
  if (scanRowsOnly()) return { rows, notes };

  const issue = representativeIssue(manifest);
  log(`${size}: evidence for ${issue.id}`);
  const one = await measurePair(
    () => oursEvidence(port, manifest, issue.id),
    () => rawEvidenceForIssue(repo, issue.id, ALL_REVS, refs),
    options,
  );
  rows.push(ratioRow(`evidence for one issue, no scan cache: history searched by id (${issue.id})`, size, one, 1.5));
  notes.push(...(await profileEvidence(repo, manifest, issue.id, size)));
  notes.push(...(await benchLargeHistory(port, manifest, issue.id, size, options, rows)));

  notes.push(...(await measureCli(manifest, issue.id, one, options, rows)));

  log(`${size}: evidence for all ${manifest.issues.length} issues`);
  // A cap for quick looks at big sizes; the default is every issue, and the row says how many ran.
  const cap = Math.floor(envNumber('BENCH_ALL_ISSUES_MAX', Number.POSITIVE_INFINITY));
  const ids = manifest.issues.slice(0, cap).map((i) => i.id);
  let rawAll: RawIssueFacts[] = [];
  let oursAll: IssueEvidence[] = [];
  const all = await measurePair(
    async () => {
      oursAll = await oursEvidenceForAll(port, manifest, ids);
    },
    async () => {
      rawAll = await rawEvidenceForAll(repo, ids, ALL_REVS, refs);
    },
    options,
  );
  const label = ids.length === manifest.issues.length ? `all ${ids.length} issues` : `the first ${ids.length} of ${manifest.issues.length} issues`;
  rows.push(ratioRow(`evidence for ${label}`, size, all, null));

  const agreement = checkAgainstTruth({ ...manifest, issues: manifest.issues.slice(0, ids.length) }, oursAll, rawAll);
  notes.push(...agreementNotes(size, agreement));
  // What the view's rows compute (the verdict alone): the same verdicts, in how much of the time.
  let verdictsOnly: IssueEvidence[] = [];
  const verdictMs = await timeOnce(async () => {
    verdictsOnly = await oursEvidenceForAll(port, manifest, ids, 'verdict');
  });
  const differ = verdictDisagreements(oursAll, verdictsOnly);
  notes.push(
    `- ${size} verdict-level evidence (the view's rows) for the same ${ids.length} issues, once, scan included: ${ms(verdictMs)} ms against ${ms(all.ours.median)} ms (median) for the full evidence; ` +
      `verdicts and client's-version containment equal to the full evidence's for ${ids.length - differ.length}/${ids.length}` +
      (differ.length > 0 ? ` (**differ**: ${differ.slice(0, 5).join('; ')})` : '') + '.',
  );
  return { rows, notes };
}

/**
 * Evidence for one issue through the scan cache file (CLI after `scan`, the extension after its first
 * scan or a restart), with git's commit-graph file and without it; memory; the commit-graph's cost.
 */
async function benchLargeHistory(port: GitPort, manifest: SynthManifest, id: string, size: string, options: MeasureOptions, rows: Row[]): Promise<string[]> {
  const repo = manifest.repoDir;
  log(`${size}: evidence for ${id} from the scan cache`);
  await writeScanCacheFile(port);
  const cached = await measureCachedEvidence(port, manifest, id, options);
  rows.push(ratioRow(`evidence for one issue from the scan cache (${id})`, size, cached, 0.5));
  log(`${size}: the same without a commit-graph file`);
  const bare = await withoutCommitGraph(repo, () => measureCachedEvidence(port, manifest, id, options));
  rows.push(ratioRow(`evidence for one issue from the scan cache, repository without commit-graph (${id})`, size, bare, 0.5));
  const stats = { answered: 0, asked: 0 };
  await evidenceFromCacheFile(port, manifest, id, stats);
  const memory = await memoryOfScan(port);
  const load = await cacheLoadTimes(repo, options.runs);
  const write = await commitGraphWriteCost(repo, ['--reachable']);
  const writeBloom = await commitGraphWriteCost(repo, ['--reachable', '--changed-paths']);
  return [
    `- ${size} containment for ${id}: ${stats.answered} questions answered from the scan's commit graph, ${stats.asked} asked of git.`,
    `- ${size} scan cache file (${load.megabytes.toFixed(1)} MB), loaded as after a window reload (median of ${options.runs}): read ${ms(load.read)} ms, ` +
      `decoded and checked ${ms(load.decode)} ms, the graph's query structure ${ms(load.graph)} ms (${ms(load.read + load.decode + load.graph)} ms in all); ` +
      `longest step without a pause ${ms(load.longestStep)} ms.`,
    `- ${size} memory: the scan cache with its commit graph holds ≈ ${memory.scanMb} MB of heap; with the graph's query structure ≈ ${memory.totalMb} MB.`,
    `- ${size} \`git commit-graph write --reachable\` took ${ms(write)} ms; with \`--changed-paths\` ${ms(writeBloom)} ms (once; later writes are incremental).`,
  ];
}

/**
 * The same question through the shipped CLI: what a script or CI job pays, Node start-up and bundle
 * load included. Informational; the targets are about the engine.
 */
async function measureCli(manifest: SynthManifest, id: string, rawOne: PairTiming, options: MeasureOptions, rows: Row[]): Promise<string[]> {
  const cli = join(process.cwd(), 'dist', 'cli.js');
  if (!existsSync(cli)) return [`- CLI not measured: ${cli} is missing (run \`node esbuild.mjs --production\`).`];
  const args = [cli, 'evidence', '--repo', manifest.repoDir, '--ref', id, '--target', manifest.target, '--deployed', manifest.deployedRef, ...manifest.me.flatMap((m) => ['--me', m]), '--json'];
  const first = await runNode(args);
  if (first.code !== 0 && first.code !== 1) return [`- CLI not measured: \`evidence\` exited ${first.code}: ${first.stderr.trim().split('\n')[0] ?? ''}`];
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push(await timeOnce(() => runNode(args)));
  const ours = median(samples);
  rows.push({
    operation: `evidence for one issue via the CLI process (${id})`,
    size: sizeLabel(manifest.params.commits),
    ours: ms(ours),
    raw: ms(rawOne.raw.median),
    ratio: `${(ours / rawOne.raw.median).toFixed(2)}x`,
    target: '—',
    met: null,
    runs: String(samples.length),
  });
  return [];
}

function runNode(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

/**
 * One extra scan, not in the medians, split into the time git ran, the Node CPU it took and the time
 * left after git ended; then the same log drained raw, and its bytes through the scan's own parser.
 */
async function profileEvidence(repo: string, manifest: SynthManifest, id: string, size: string): Promise<string[]> {
  const clocked = clockPort(createGitPort(repo, { requestLanes: REQUEST_LANES }));
  const stop = clockGitProcesses();
  const total = await timeOnce(() => oursEvidence(clocked.port, manifest, id));
  const processes = stop();
  const stopRaw = clockGitProcesses();
  const rawTotal = await timeOnce(() => rawEvidenceForIssue(repo, id, ALL_REVS, { target: manifest.target, deployed: manifest.deployedRef }));
  const rawProcesses = stopRaw();
  return [
    `- ${size} evidence ${id}, profiled: ${ms(total)} ms total; ${processes.processes} git processes alive ${ms(processes.busyMs)} ms, ` +
      `${processes.silent} of them printed nothing (simple-git settles such a call 50 ms after it ends: ≈ ${processes.silent * 50} ms of waiting); ` +
      `${(processes.stdoutBytes / 2 ** 20).toFixed(2)} MiB read; port calls: ${portSummary(clocked.stats)}. ` +
      `Raw: ${ms(rawTotal)} ms, ${rawProcesses.processes} git processes alive ${ms(rawProcesses.busyMs)} ms.`,
  ];
}

function agreementNotes(size: string, a: Agreement): string[] {
  const lines = [
    `- ${size} agreement with the generator's ground truth (${a.issues} issues): fix commits ${a.fixSetsOurs}/${a.issues} ours, ${a.fixSetsRaw}/${a.issues} raw; ` +
      `reverts ${a.revertsOurs}/${a.revertsExpected} ours, ${a.revertsRaw}/${a.revertsExpected} raw; ` +
      `surviving-line counts on main ${a.survivalOurs}/${a.survivalChecked} ours, ${a.survivalRaw}/${a.survivalChecked} raw.`,
  ];
  for (const example of a.examples) lines.push(`  - ${example}`);
  return lines;
}

function machineLines(m: MachineFacts): string[] {
  return [
    `- CPU: ${m.cpuModel}, ${m.cpus} cores available; ${m.memoryGb} GB RAM; ${m.os}`,
    `- Node ${m.node}; git ${m.git}; 1-minute load when the run started: ${m.loadAtStart}`,
  ];
}

async function main(): Promise<void> {
  const root = process.cwd();
  const options: MeasureOptions = { runs: Math.floor(envNumber('BENCH_RUNS', 5)), budgetMs: envNumber('BENCH_BUDGET_S', 60) * 1000 };
  const facts = await machineFacts(root);
  const rows: Row[] = [];
  const notes: string[] = [];
  const repos: string[] = [];
  const measured: { manifest: SynthManifest; size: string }[] = [];
  for (const commits of sizes()) {
    const manifest = await ensureSynthRepo(join(root, '.bench'), defaultParams(commits), log);
    measured.push({ manifest, size: sizeLabel(commits) });
    repos.push(
      `- ${sizeLabel(commits)}: ${manifest.commitCount} commits, ${manifest.params.files} files, ${manifest.tagCount} tags, ` +
        `${manifest.issues.length} issues with ${manifest.issues.reduce((n, i) => n + i.fixes.length, 0)} fix commits; generated in ${(manifest.generationMs / 1000).toFixed(1)} s`,
    );
    const report = await benchSize(manifest, options);
    rows.push(...report.rows);
    notes.push(...report.notes);
  }
  const real = process.env.BENCH_REPO;
  if (real !== undefined && real.trim() !== '') {
    const report = await benchRealRepo(real.trim(), options, Math.floor(envNumber('BENCH_REPO_ISSUES', 5)), log);
    rows.push(...report.rows);
    notes.push(...report.notes);
    repos.push(report.description);
  }
  const missed = rows.filter((r) => r.met === false);
  const text = [
    '# Benchmark',
    '',
    `Median of ${options.runs} runs after a warm-up (fewer when one run exceeds the ${options.budgetMs / 1000} s budget), ours and raw git alternating.`,
    '',
    table(rows),
    '',
    '## Machine',
    ...machineLines(facts),
    '',
    '## Repositories',
    ...repos,
    '',
    '## Where the time goes',
    ...notes,
    '',
    missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.map((r) => `${r.operation} @ ${r.size} (${r.ratio}, target ${r.target})`).join('; ')}.`,
    '',
  ].join('\n');
  process.stdout.write(text);
  mkdirSync(join(root, 'test-output'), { recursive: true });
  writeFileSync(join(root, 'test-output', 'bench.md'), text);
  log('written to test-output/bench.md');
  // The end-to-end section (BENCH_WORKBENCH=0 skips it); a workbench that cannot start fails the run.
  if (process.env.BENCH_WORKBENCH === '0') return;
  const section = await workbenchSection(measured);
  process.stdout.write(`\n${section}`);
  writeFileSync(join(root, 'test-output', 'bench.md'), `${text}\n${section}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
