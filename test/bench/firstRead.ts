// Where the scan's read spends its time against the baseline's read: the same repository read
// by git alone (drained), through our runner (output thrown away), through the runner and the
// parser, and the whole scan, alternating variant by variant so load lands on all of them. For each:
// wall time, Node's CPU and git's CPU (the children's CPU from /proc, Linux only).
// Run: node esbuild.mjs --tests && node out/test/bench/firstRead.js <repo> [rounds] [variant,...]
import { performance } from 'node:perf_hooks';
import { CommitGraphBuilder } from '../../src/core/linking/commitGraphData';
import { compileIdPatterns, DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { createGitRunner } from '../../src/git/gitRunner';
import { markedCommitStream, SCAN_LOG_ARGS } from '../../src/git/parsers/log';
import { createGitPort } from '../../src/git/simpleGitPort';
import { drainGit, git } from './gitProcess';
import { childrenCpuMs } from './machine';
import { median } from './measure';

const BASELINE = ['log', '--format=%H%x1f%B%x1e', '--all'];

interface Sample {
  wall: number;
  node: number;
  git: number;
}

async function sample(fn: () => Promise<unknown>): Promise<Sample> {
  const children = childrenCpuMs() ?? 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await fn();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, node: (used.user + used.system) / 1000, git: (childrenCpuMs() ?? 0) - children };
}

async function main(): Promise<void> {
  const repo = process.argv[2];
  if (repo === undefined) throw new Error('usage: firstRead.js <repo> [rounds] [variants]');
  const rounds = Number(process.argv[3] ?? 5);
  const tipLines = (await git(repo, ['show-ref', '--head', '--dereference'])).trim().split('\n');
  const tips = [...new Set(tipLines.map((l) => l.split(' ')[0] as string))];
  const first = [...SCAN_LOG_ARGS, '--ignore-missing', ...tips, '--'];
  const config = ['core.warnAmbiguousRefs=false'];
  const marks = compileIdPatterns(DEFAULT_ID_PATTERNS).marks ?? [];
  const noop = (): void => undefined;
  const variants: Record<string, () => Promise<unknown>> = {
    'raw baseline (drained)': () => drainGit(repo, BASELINE),
    'first read (drained)': () => drainGit(repo, ['-c', 'core.warnAmbiguousRefs=false', ...first]),
    'baseline via runner': () => createGitRunner(repo).run(BASELINE, { onStdout: noop, streamOnly: true }),
    'first read via runner': () => createGitRunner(repo).run(first, { onStdout: noop, streamOnly: true, config }),
    'first read via runner, parsed': async () => {
      const builder = new CommitGraphBuilder();
      const stream = markedCommitStream(marks, { marked: noop, other: builder });
      await createGitRunner(repo).run(first, { onStdout: (c) => stream.push(c as Buffer), streamOnly: true, config });
      stream.end();
      return builder.data;
    },
    'full scan': () => scanHistory(createGitPort(repo), { patterns: DEFAULT_ID_PATTERNS }),
  };
  const wanted = process.argv[4]?.split(',');
  const names = Object.keys(variants).filter((n, i) => wanted === undefined || wanted.includes(String(i)));
  const samples = new Map<string, Sample[]>(names.map((n) => [n, []]));
  for (const name of names) await (variants[name] as () => Promise<unknown>)();
  for (let round = 0; round < rounds; round++) {
    // Each round in another order, so no variant always follows the same one.
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples.get(name)?.push(await sample(variants[name] as () => Promise<unknown>));
  }
  const base = median((samples.get(names[0] as string) ?? []).map((s) => s.wall));
  for (const [name, list] of samples) {
    const wall = median(list.map((s) => s.wall));
    const show = (k: keyof Sample): string => list.map((s) => Math.round(s[k])).join(' ');
    console.log(`${name}: wall median ${Math.round(wall)} ms (${(wall / base).toFixed(2)}x the first) [${show('wall')}]; Node CPU median ${Math.round(median(list.map((s) => s.node)))} [${show('node')}]; git CPU median ${Math.round(median(list.map((s) => s.git)))} [${show('git')}]`);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
