// Where one issue's evidence spends its time on a real clone: the evidence from the clone's scan cache
// file (run `proof-of-fix scan` first), with the time of each kind of git command, beside the raw
// commands for the same issue (rawGit.ts). After `node esbuild.mjs --tests`:
//   node out/test/bench/issueProfile.js /path/to/clone '#2' '#19'
// PROFILE_VERBOSE=1 lists every git command; PROFILE_OUT=file.json keeps the evidence (to compare
// two versions of the engine). Target: the default branch; client's version: the newest release tag.
import { writeFileSync } from 'node:fs';
import { computeEvidence } from '../../src/core/evidence/engine';
import { compareVersions, DEFAULT_TAG_PATTERN } from '../../src/core/evidence/versions';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanWithCacheFile } from '../../src/core/linking/scanCacheFile';
import { REQUEST_LANES } from '../../src/git/gitRunner';
import { createGitPort } from '../../src/git/simpleGitPort';
import { git } from './gitProcess';
import { rawEvidenceForIssue } from './rawGit';

async function main(): Promise<void> {
  const [dir, ...ids] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: issueProfile DIR ID...');
  const lines: string[] = [];
  const port = createGitPort(dir, { log: (l) => lines.push(l), requestLanes: REQUEST_LANES });
  const target = (await port.defaultBranch()) ?? 'HEAD';
  const pattern = new RegExp(DEFAULT_TAG_PATTERN);
  const deployed = (await git(dir, ['tag', '--list'])).split('\n').filter((t) => t !== '' && pattern.test(t)).sort(compareVersions).at(-1) ?? target;
  const scan = await scanWithCacheFile(port, DEFAULT_ID_PATTERNS, 'if-present', () => undefined);
  if (scan === null) throw new Error('no scan cache');
  const out: unknown[] = [];
  for (const id of ids) {
    lines.length = 0;
    const t0 = performance.now();
    const e = await computeEvidence(port, { ref: id, target, deployed, me: [], scan });
    const ours = performance.now() - t0;
    const byKind = new Map<string, [number, number]>();
    for (const l of lines) {
      const m = /\((\d+) ms\)\s*$/.exec(l);
      if (m === null) continue;
      const w = l.split(' ');
      let k = w[1] ?? '?';
      if (k === 'log') k = l.includes('--reverse') ? 'log follow' : l.includes(' -p ') ? 'log -p' : 'log';
      const v = byKind.get(k) ?? [0, 0];
      byKind.set(k, [v[0] + 1, v[1] + Number(m[1])]);
    }
    const t1 = performance.now();
    const raw = await rawEvidenceForIssue(dir, id, ['--all'], { target, deployed });
    const rawMs = performance.now() - t1;
    console.log(`${id}: ours ${ours.toFixed(0)} ms, raw ${rawMs.toFixed(0)} ms (${(ours / rawMs).toFixed(2)}x); fixes ours ${e.fixes.map((f) => f.sha.slice(0, 8)).join(',')} raw ${raw.fixes.map((f) => f.sha.slice(0, 8)).join(',')}`);
    console.log(`  ${[...byKind].map(([k, [n, ms]]) => `${k} ${n}x ${ms} ms`).join('; ')}`);
    if (process.env.PROFILE_VERBOSE === '1') for (const l of lines) console.log(`    ${l.slice(0, 260)}`);
    out.push({ ...e, computedAt: '' });
  }
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(out, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
