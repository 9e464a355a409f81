// Where a full scan's time goes: git's processes, Node's CPU beside them, the gap from git's exit to
// the answer, and the same bytes parsed in Node step by step. For the generated repositories and a
// real clone alike.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { SCAN_ARGS, scanRecordStream } from '../../src/git/parsers/log';
import { createGitPort } from '../../src/git/simpleGitPort';
import { CommitGraphBuilder } from '../../src/core/linking/commitGraphData';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { emptyScanCache, recordCommit, scanHistory } from '../../src/core/linking/scan';
import { drainGit } from './gitProcess';
import { timeOnce } from './measure';
import { clockGitProcesses, clockPort } from './profile';
import { rawScan } from './rawGit';
import { ms } from './rows';

const ALL_REVS = ['--all'];
const SCAN_OPTIONS = { patterns: DEFAULT_ID_PATTERNS };

export async function profileScan(repo: string, size: string): Promise<string[]> {
  const clocked = clockPort(createGitPort(repo));
  const stop = clockGitProcesses();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await scanHistory(clocked.port, SCAN_OPTIONS);
  const total = performance.now() - started;
  const nodeCpu = process.cpuUsage(cpu);
  const processes = stop();
  const afterGit = performance.now() - (processes.lastExit ?? started);
  // The scan's log read raw: how much of the gap is git printing more than the baseline's format.
  const scanArgs = [...SCAN_ARGS, '--branches', '--tags', '--remotes', 'HEAD', '--'];
  const wide = await timeOnce(() => drainGit(repo, scanArgs));
  const narrow = await timeOnce(() => rawScan(repo, ALL_REVS));
  // The Node side on the same bytes: records, references, the graph, as the scan does while git prints.
  const chunks = await gitChunks(repo, scanArgs);
  const cache = emptyScanCache(DEFAULT_ID_PATTERNS);
  const builder = new CommitGraphBuilder();
  let records = 0;
  const parse = await timeOnce(async () => {
    const stream = scanRecordStream(() => records++);
    for (const chunk of chunks) stream.push(chunk);
    stream.end();
  });
  let referencing = 0;
  const refs = await timeOnce(async () => {
    const stream = scanRecordStream((r) => {
      if (recordCommit(cache, r, DEFAULT_ID_PATTERNS)) referencing++;
    });
    for (const chunk of chunks) stream.push(chunk);
    stream.end();
  });
  const graph = await timeOnce(async () => {
    const stream = scanRecordStream((r) => builder.add(r.sha, r.parents ?? []));
    for (const chunk of chunks) stream.push(chunk);
    stream.end();
    void builder.data;
  });
  const cpuMs = (nodeCpu.user + nodeCpu.system) / 1000;
  return [
    `- ${size} full scan, profiled: ${ms(total)} ms total; git processes alive ${ms(processes.busyMs)} ms (${processes.processes} processes, ` +
      `${(processes.stdoutBytes / 2 ** 20).toFixed(1)} MiB read); Node CPU ${ms(cpuMs)} ms during the scan (on the other core while git runs); ` +
      `${ms(afterGit)} ms from the last git process's exit to the answer; port calls: ${portSummary(clocked.stats)}. ` +
      `The scan's log drained raw: ${ms(wide)} ms (the baseline's narrow format: ${ms(narrow)} ms, ${(wide / narrow).toFixed(2)}x). ` +
      `On those bytes in Node: ${records} records parsed in ${ms(parse)} ms; with references found (${referencing} commits reference an issue): ${ms(refs)} ms; ` +
      `with the graph built: ${ms(graph)} ms.`,
  ];
}

/** A command's output as the chunks a pipe delivers. */
function gitChunks(cwd: string, args: string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(chunks) : reject(new Error(`git ${args.join(' ')} failed (${code})`))));
  });
}

export function portSummary(stats: Map<string, { calls: number; ms: number }>): string {
  return [...stats.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, s]) => `${name} ×${s.calls} ${ms(s.ms)} ms`)
    .join(', ');
}
