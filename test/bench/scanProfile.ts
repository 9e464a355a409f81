// Where a full scan's time goes: git's processes, Node's CPU beside them, the gap from git's exit to
// the answer, and the same bytes parsed in Node step by step. For the generated repositories and a
// real clone alike.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { markedCommitStream, SCAN_LOG_ARGS } from '../../src/git/parsers/log';
import { REQUEST_LANES } from '../../src/git/gitRunner';
import { createGitPort } from '../../src/git/simpleGitPort';
import { CommitGraphBuilder } from '../../src/core/linking/commitGraphData';
import { compileIdPatterns, DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { emptyScanCache, recordCommit, scanHistory } from '../../src/core/linking/scan';
import { drainGit } from './gitProcess';
import { childrenCpuMs } from './machine';
import { median, timeOnce } from './measure';
import { clockGitProcesses, clockPort } from './profile';
import { rawScan } from './rawGit';
import { ms } from './rows';
import type { MessageRecord } from '../../src/core/gitPort';

const ALL_REVS = ['--all'];
const SCAN_OPTIONS = { patterns: DEFAULT_ID_PATTERNS };

export async function profileScan(repo: string, size: string): Promise<string[]> {
  const clocked = clockPort(createGitPort(repo, { requestLanes: REQUEST_LANES }));
  const stop = clockGitProcesses();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await scanHistory(clocked.port, SCAN_OPTIONS);
  const total = performance.now() - started;
  const nodeCpu = process.cpuUsage(cpu);
  const processes = stop();
  const afterGit = performance.now() - (processes.lastExit ?? started);
  // The scan's read raw: how much of the gap is git printing more than the baseline's format.
  // One run each, back to back, swung by ±15% on this machine: they alternate, and git's CPU is
  // told beside the wall time (less moved by other work on the machine).
  const firstRead = [...SCAN_LOG_ARGS, '--branches', '--tags', '--remotes', 'HEAD', '--'];
  const formats = await alternate(
    () => drainGit(repo, firstRead),
    () => rawScan(repo, ALL_REVS),
    FORMAT_ROUNDS,
  );
  // The Node side on the same bytes: records and marks, then the graph, as the scan does while git prints.
  const chunks = await gitChunks(repo, firstRead);
  const marks = compileIdPatterns(DEFAULT_ID_PATTERNS).marks ?? [];
  const marked: MessageRecord[] = [];
  let records = 0;
  const parse = await timeOnce(async () => {
    const stream = markedCommitStream(marks, {
      marked(record) {
        records++;
        marked.push(record);
      },
      other: {
        addLine() {
          records++;
        },
      },
    });
    for (const chunk of chunks) stream.push(chunk);
    stream.end();
  });
  const builder = new CommitGraphBuilder();
  const graph = await timeOnce(async () => {
    const stream = markedCommitStream(marks, { marked: () => undefined, other: builder });
    for (const chunk of chunks) stream.push(chunk);
    stream.end();
    void builder.data;
  });
  // The marked commits' references.
  const cache = emptyScanCache(DEFAULT_ID_PATTERNS);
  let referencing = 0;
  const refs = await timeOnce(async () => {
    for (const record of marked) if (recordCommit(cache, record, DEFAULT_ID_PATTERNS)) referencing++;
  });
  const cpuMs = (nodeCpu.user + nodeCpu.system) / 1000;
  return [
    `- ${size} full scan, profiled: ${ms(total)} ms total; git processes alive ${ms(processes.busyMs)} ms (${processes.processes} processes, ` +
      `${(processes.stdoutBytes / 2 ** 20).toFixed(1)} MiB read); Node CPU ${ms(cpuMs)} ms during the scan (on the other core while git runs); ` +
      `${ms(afterGit)} ms from the last git process's exit to the answer; port calls: ${portSummary(clocked.stats)}. ` +
      `The scan's read (ids, parents, authors, messages) drained raw, ${FORMAT_ROUNDS} runs alternating with the baseline's format, medians: ${formats.summary}. ` +
      `On those bytes in Node: ${records} records parsed and tested for marks in ${ms(parse)} ms (${marked.length} show one); with the graph built: ${ms(graph)} ms. ` +
      `The references of the ${marked.length} marked commits found (${referencing} reference an issue): ${ms(refs)} ms.`,
  ];
}

const FORMAT_ROUNDS = 3;

interface Alternated {
  summary: string;
}

/** Runs `wide` and `narrow` in turn, `rounds` times each, and tells their median wall time and git's CPU. */
async function alternate(wide: () => Promise<unknown>, narrow: () => Promise<unknown>, rounds: number): Promise<Alternated> {
  const walls: [number[], number[]] = [[], []];
  const cpus: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    // Every other round the baseline goes first: neither side always follows the other.
    const order: [0 | 1, () => Promise<unknown>][] = i % 2 === 0 ? [[0, wide], [1, narrow]] : [[1, narrow], [0, wide]];
    for (const [side, fn] of order) {
      const before = childrenCpuMs();
      walls[side].push(await timeOnce(fn));
      const after = childrenCpuMs();
      if (before !== null && after !== null) cpus[side].push(after - before);
    }
  }
  const [wideMs, narrowMs] = [median(walls[0]), median(walls[1])];
  const cpu = cpus[0].length === 0 ? '' : `; git's CPU ${ms(median(cpus[0]))} ms against ${ms(median(cpus[1]))} ms (${(median(cpus[0]) / median(cpus[1])).toFixed(2)}x)`;
  return { summary: `${ms(wideMs)} ms against the baseline's ${ms(narrowMs)} ms (${(wideMs / narrowMs).toFixed(2)}x)${cpu}` };
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
