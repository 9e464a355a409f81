// One full scan's timeline: when each git command ended, relative to the scan's start, and the answer.
// Run: node esbuild.mjs --tests && node out/test/bench/scanTimeline.js <repo> [runs]
import { performance } from 'node:perf_hooks';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { createGitPort } from '../../src/git/simpleGitPort';
import { drainGit } from './gitProcess';

async function main(): Promise<void> {
  const repo = process.argv[2] as string;
  const runs = Number(process.argv[3] ?? 3);
  let started = 0;
  const lines: string[] = [];
  const port = createGitPort(repo, { log: (line) => lines.push(`${Math.round(performance.now() - started)} ms: ${line.slice(0, 60)} ... ${line.slice(-30)}`) });
  for (let i = 0; i <= runs; i++) {
    lines.length = 0;
    started = performance.now();
    await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS });
    const total = performance.now() - started;
    const rawStart = performance.now();
    await drainGit(repo, ['log', '--format=%H%x1f%B%x1e', '--all']);
    const raw = performance.now() - rawStart;
    console.log(`scan ${Math.round(total)} ms, raw ${Math.round(raw)} ms (${(total / raw).toFixed(2)}x)\n  ${lines.join('\n  ')}`);
  }
}

void main();
