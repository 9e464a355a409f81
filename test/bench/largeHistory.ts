// The rows about big histories: evidence for one issue the way the CLI (after `scan`) and the
// extension (after its first scan, or a restart) ask for it — through the scan cache file, whose
// commit graph answers containment — beside the hand-run commands, with and without git's own
// commit-graph file (the generator writes one, as `git gc` would; git/git's clones often have none).
import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { ContainmentStats } from '../../src/core/evidence/containment';
import { withContainment } from '../../src/core/evidence/containment';
import type { GitPort } from '../../src/core/gitPort';
import { commitGraphOf } from '../../src/core/linking/commitGraph';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import type { CacheReadTimes } from '../../src/core/linking/scanCacheFile';
import { readScanCache, scanWithCacheFile } from '../../src/core/linking/scanCacheFile';
import { git } from './gitProcess';
import type { MeasureOptions, PairTiming } from './measure';
import { measurePair, timeOnce } from './measure';
import { rawEvidenceForIssue } from './rawGit';
import type { BenchRefs } from './ours';

const PATTERNS = DEFAULT_ID_PATTERNS;

/** Leaves the cache file in place, so that every measured run reads it as a restarted process would. */
export async function writeScanCacheFile(port: GitPort): Promise<void> {
  const result = await scanWithCacheFile(port, PATTERNS, 'use', (error) => {
    throw error;
  });
  if (result === null || result.cache.graph.shas.length === 0) throw new Error('the scan left no commit graph');
}

/** Our side: bring the cache file up to date (nothing new: no log), then the evidence from it. */
export async function evidenceFromCacheFile(port: GitPort, manifest: BenchRefs, id: string, stats?: ContainmentStats): Promise<void> {
  const scan = await scanWithCacheFile(port, PATTERNS, 'if-present', () => undefined);
  if (scan === null) throw new Error('no usable scan cache file');
  const request = { ref: id, target: manifest.target, deployed: manifest.deployedRef, me: manifest.me };
  // With stats, the graph is put in front of the port here (and not passed again) so it can count.
  if (stats === undefined) await computeEvidence(port, { ...request, scan });
  else await computeEvidence(withContainment(port, scan.cache, stats), { ...request, scan: { issues: scan.issues } });
}

export function measureCachedEvidence(port: GitPort, manifest: BenchRefs, id: string, options: MeasureOptions): Promise<PairTiming> {
  const refs = { target: manifest.target, deployed: manifest.deployedRef };
  return measurePair(
    () => evidenceFromCacheFile(port, manifest, id),
    () => rawEvidenceForIssue(manifest.repoDir, id, ['--all'], refs),
    options,
  );
}

/** Runs `fn` with the repository's commit-graph files moved aside, and puts them back. */
export async function withoutCommitGraph<T>(repoDir: string, fn: () => Promise<T>): Promise<T> {
  const info = join(repoDir, '.git', 'objects', 'info');
  const moved: [string, string][] = [];
  for (const name of ['commit-graph', 'commit-graphs']) {
    const from = join(info, name);
    if (existsSync(from)) {
      const to = `${from}.bench-aside`;
      renameSync(from, to);
      moved.push([from, to]);
    }
  }
  try {
    return await fn();
  } finally {
    for (const [from, to] of moved) renameSync(to, from);
  }
}

/**
 * How long writing git's commit-graph takes here (what the extension's advice costs the user
 * once), measured with the repository's own file moved aside and put back afterwards.
 */
export async function commitGraphWriteCost(repoDir: string, args: string[]): Promise<number> {
  return withoutCommitGraph(repoDir, () => timeOnce(() => git(repoDir, ['commit-graph', 'write', ...args])));
}

/** Heap taken by a scan with its commit graph, and by the graph's query structure (one sample, after GC when exposed). */
export async function memoryOfScan(port: GitPort): Promise<{ scanMb: number; totalMb: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const scan = await scanWithCacheFile(port, PATTERNS, 'if-present', () => undefined);
  gc?.();
  const afterScan = process.memoryUsage().heapUsed;
  const graph = scan === null ? null : commitGraphOf(scan.cache.graph);
  graph?.containing([scan?.cache.graph.shas[0] ?? ''], []);
  gc?.();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const mb = (n: number): number => Math.round(n / 2 ** 20);
  return { scanMb: mb(afterScan - before), totalMb: mb(after - before) };
}

/**
 * Loading the scan cache file as the extension does after a window reload: medians of `runs` reads
 * of each step, the longest stretch between two pauses (what a question waiting on the extension
 * host can be held up by), and the file's size.
 */
export async function cacheLoadTimes(repoDir: string, runs: number): Promise<CacheReadTimes & { megabytes: number }> {
  const file = join(repoDir, '.git', 'proof-of-fix', 'scan-cache.bin');
  const samples: CacheReadTimes[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const times: CacheReadTimes = { read: 0, decode: 0, graph: 0, longestStep: 0 };
    if ((await readScanCache(file, times)) === undefined) throw new Error(`${file} did not read back`);
    if (i > 0) samples.push(times);
  }
  const mid = (pick: (t: CacheReadTimes) => number): number => {
    const sorted = samples.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  return {
    read: mid((t) => t.read),
    decode: mid((t) => t.decode),
    graph: mid((t) => t.graph),
    longestStep: mid((t) => t.longestStep),
    megabytes: statSync(file).size / 2 ** 20,
  };
}
