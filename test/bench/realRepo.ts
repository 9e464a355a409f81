// BENCH_REPO=/path/to/a/clone: the in-process rows on a real repository, beside the same raw git
// commands. Nothing is generated and the clone's history is only read: the scan cache file is
// written in its git dir (as `proof-of-fix scan` does), and each re-scan run creates one commit
// object under a temporary branch, proof-of-fix-bench-rescan, deleted right after. There is no
// ground truth: our fix commits are compared with the ones the raw commands found instead.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { compareVersions, DEFAULT_TAG_PATTERN } from '../../src/core/evidence/versions';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import type { ScanResult } from '../../src/core/linking/scan';
import { scanHistory } from '../../src/core/linking/scan';
import { REQUEST_LANES } from '../../src/git/gitRunner';
import { createGitPort } from '../../src/git/simpleGitPort';
import { git } from './gitProcess';
import { measureCachedEvidence, writeScanCacheFile } from './largeHistory';
import type { MeasureOptions } from './measure';
import { measurePair } from './measure';
import { oursEvidence, oursEvidenceForAll } from './ours';
import type { BenchRefs } from './ours';
import { rawEvidenceForIssue, rawScan } from './rawGit';
import type { RawIssueFacts } from './rawGit';
import { measureRescan } from './rescan';
import { ms, ratioRow, scanRowsOnly } from './rows';
import { profileScan } from './scanProfile';
import type { Row } from './rows';

const SCAN_OPTIONS = { patterns: DEFAULT_ID_PATTERNS };
// A branch, so the scan (which reads branches, tags and remotes) sees the new commit.
const RESCAN_REF = 'refs/heads/proof-of-fix-bench-rescan';

export interface RealRepoReport {
  rows: Row[];
  notes: string[];
  description: string;
}

/** The client's version: the newest release tag by version, else the target itself. */
async function newestRelease(dir: string, target: string): Promise<string> {
  const pattern = new RegExp(DEFAULT_TAG_PATTERN);
  const tags = (await git(dir, ['tag', '--list'])).split('\n').filter((t) => t !== '' && pattern.test(t));
  return tags.sort(compareVersions).at(-1) ?? target;
}

/** The issues a client would ask about: the newest ones whose fixes the scan found. */
function pickIssues(scan: ScanResult, count: number): string[] {
  const newest = (i: ScanResult['issues'][number]): number => Math.max(...i.fixes.map((f) => Date.parse(f.date) || 0));
  return scan.issues
    .filter((i) => i.fixes.length > 0)
    .sort((a, b) => newest(b) - newest(a))
    .slice(0, count)
    .map((i) => i.id);
}

function fixSetsAgree(ours: IssueEvidence[], raw: RawIssueFacts[]): { agree: number; differ: string[] } {
  let agree = 0;
  const differ: string[] = [];
  for (const r of raw) {
    const o = ours.find((e) => e.issueId === r.id);
    const a = new Set(o?.fixes.map((f) => f.sha) ?? []);
    const b = new Set(r.fixes.map((f) => f.sha));
    if (a.size === b.size && [...a].every((s) => b.has(s))) agree += 1;
    else differ.push(`${r.id}: ours ${[...a].map((s) => s.slice(0, 8)).join(',') || 'none'}, raw ${[...b].map((s) => s.slice(0, 8)).join(',') || 'none'}`);
  }
  return { agree, differ };
}

export async function benchRealRepo(dir: string, options: MeasureOptions, issueCount: number, log: (line: string) => void): Promise<RealRepoReport> {
  const port = createGitPort(dir, { requestLanes: REQUEST_LANES });
  const label = basename(dir);
  const rows: Row[] = [];
  const notes: string[] = [];

  log(`${label}: full scan`);
  let last: ScanResult | null = null;
  const scan = await measurePair(
    async () => {
      last = await scanHistory(port, SCAN_OPTIONS);
    },
    () => rawScan(dir, ['--all']),
    options,
  );
  rows.push(ratioRow('full scan (raw: `git log --all --format=%H%x1f%B%x1e`)', label, scan, 1.1));
  const result = last as ScanResult | null;
  if (result === null) throw new Error('the full scan returned nothing');
  notes.push(...(await profileScan(dir, label)));

  log(`${label}: re-scan after one new commit`);
  const head = (await git(dir, ['rev-parse', 'HEAD'])).trim();
  const rescan = await measureRescan(dir, port, result.cache, options, { parent: head, ref: RESCAN_REF, previous: null, message: (n) => `bench re-scan ${Date.now()} ${n}` });
  const share = rescan.median / scan.ours.median;
  rows.push({ operation: 're-scan after 1 new commit (raw column: our full scan)', size: label, ours: ms(rescan.median), raw: ms(scan.ours.median), ratio: `${(share * 100).toFixed(1)}%`, target: '< 5% of full scan', met: share < 0.05, runs: String(rescan.runs) });
  if (rescan.commitsRead !== 1) notes.push(`- ${label}: the re-scan read ${rescan.commitsRead} commits, expected 1.`);
  const description = `- ${label}: ${dir}, ${result.commitsKnown} commits, ${Object.keys(result.cache.refs).length} refs`;
  if (scanRowsOnly()) return { rows, notes, description };

  const ids = pickIssues(result, issueCount);
  const target = (await port.defaultBranch()) ?? 'HEAD';
  const refs: BenchRefs = { repoDir: dir, target, deployedRef: await newestRelease(dir, target), me: [] };
  const first = ids[0];
  if (first === undefined) {
    notes.push(`- ${label}: the scan found no issue with a fix commit (ids as \`#12\` or \`KEY-12\` after a closing keyword), so no evidence row.`);
    return { rows, notes, description: `- ${label}: ${dir}, ${result.commitsKnown} commits, ${Object.keys(result.cache.refs).length} refs; no linked issue found` };
  }

  log(`${label}: evidence for ${first}`);
  const rawRefs = { target: refs.target, deployed: refs.deployedRef };
  const one = await measurePair(() => oursEvidence(port, refs, first), () => rawEvidenceForIssue(dir, first, ['--all'], rawRefs), options);
  rows.push(ratioRow(`evidence for one issue, no scan cache: history searched by id (${first})`, label, one, 1.5));
  await writeScanCacheFile(port);
  const cached = await measureCachedEvidence(port, refs, first, options);
  rows.push(ratioRow(`evidence for one issue from the scan cache (${first})`, label, cached, 0.5));

  log(`${label}: evidence for ${ids.length} issues`);
  let ours: IssueEvidence[] = [];
  let raw: RawIssueFacts[] = [];
  const all = await measurePair(
    async () => {
      ours = await oursEvidenceForAll(port, refs, ids);
    },
    async () => {
      raw = [];
      for (const id of ids) raw.push(await rawEvidenceForIssue(dir, id, ['--all'], rawRefs));
    },
    options,
  );
  rows.push(ratioRow(`evidence for the ${ids.length} newest issues with a fix (scan included)`, label, all, null));
  const agreement = fixSetsAgree(ours, raw);
  notes.push(
    `- ${label}: target \`${refs.target}\`, client's version \`${refs.deployedRef}\`; issues ${ids.join(', ')}. ` +
      `Fix commits agree with the raw commands' for ${agreement.agree}/${ids.length} issues (the raw side reads closing keywords only: a trailer or a Spanish keyword can differ).`,
  );
  for (const d of agreement.differ.slice(0, 5)) notes.push(`  - ${d}`);
  const graphFile = (await git(dir, ['rev-parse', '--git-path', 'objects/info/commit-graph'])).trim();
  return {
    rows,
    notes,
    description: `- ${label}: ${dir}, ${result.commitsKnown} commits, ${Object.keys(result.cache.refs).length} refs, ${result.issues.length} issue ids referenced (${existsSync(resolve(dir, graphFile)) ? 'with' : 'without'} a commit-graph file)`,
  };
}
