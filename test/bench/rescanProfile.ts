// Where a re-scan after one new commit spends its time: each git command (start, end), and the scan's total.
// Run: node esbuild.mjs --tests && node out/test/bench/rescanProfile.js <repo> [runs]
import { performance } from 'node:perf_hooks';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { createGitPort } from '../../src/git/simpleGitPort';
import { git } from './gitProcess';
import { median } from './measure';

async function main(): Promise<void> {
  const repo = process.argv[2] as string;
  const runs = Number(process.argv[3] ?? 7);
  let started = 0;
  const lines: string[] = [];
  const port = createGitPort(repo, { log: (line) => lines.push(`${(performance.now() - started).toFixed(1)} ms: ${line.slice(0, 50)} ... ${line.slice(-30)}`) });
  const full = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS });
  const head = (await git(repo, ['rev-parse', 'HEAD'])).trim();
  const branch = (await git(repo, ['symbolic-ref', 'HEAD'])).trim();
  const tree = (await git(repo, ['rev-parse', 'HEAD^{tree}'])).trim();
  const totals: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const created = (await git(repo, ['-c', 'user.name=B', '-c', 'user.email=b@example.invalid', 'commit-tree', tree, '-p', head, '-m', `Corrige ACME-${9000 + i}: ajuste ${Date.now()}\n`])).trim();
    await git(repo, ['update-ref', branch, created, head]);
    try {
      lines.length = 0;
      started = performance.now();
      const r = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS }, full.cache);
      const total = performance.now() - started;
      if (i > 0) totals.push(total);
      console.log(`re-scan ${total.toFixed(1)} ms, read ${r.commitsRead}\n  ${lines.join('\n  ')}`);
    } finally {
      await git(repo, ['update-ref', branch, head, created]);
    }
  }
  console.log(`median ${median(totals).toFixed(1)} ms of ${totals.length}`);
}

void main();
