// Our side of the evidence rows, and a sanity check: a fast engine that answers wrongly would make
// the table meaningless, so the answers are compared with what the generator knows it wrote.
import type { GitPort } from '../../src/core/gitPort';
import type { EvidenceDetail, IssueEvidence } from '../../src/core/evidence/model';
import { computeEvidence } from '../../src/core/evidence/engine';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import type { RawIssueFacts } from './rawGit';
import type { SynthManifest } from './synthRepo';

/** What the evidence rows ask with: a generated repository's manifest, or a real clone's choice. */
export type BenchRefs = Pick<SynthManifest, 'repoDir' | 'target' | 'deployedRef' | 'me'>;

/** Evidence for one issue, asked the way the CLI asks for `evidence --ref ID --target --deployed`. */
export function oursEvidence(port: GitPort, manifest: BenchRefs, id: string): Promise<IssueEvidence> {
  return computeEvidence(port, { ref: id, target: manifest.target, deployed: manifest.deployedRef, me: manifest.me });
}

/**
 * Every issue, as the extension's evidence service does it: one scan of the history (timed here
 * too), then each issue's evidence from that scan, one after another.
 */
export async function oursEvidenceForAll(port: GitPort, manifest: BenchRefs, ids: string[], detail: EvidenceDetail = 'full'): Promise<IssueEvidence[]> {
  const scan = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS });
  const out: IssueEvidence[] = [];
  for (const id of ids) out.push(await computeEvidence(port, { ref: id, target: manifest.target, deployed: manifest.deployedRef, me: manifest.me, scan, detail }));
  return out;
}

/** Issues whose verdict-level evidence (what the view's rows compute) disagrees with the full evidence: the verdict or the client's version. */
export function verdictDisagreements(full: IssueEvidence[], verdictLevel: IssueEvidence[]): string[] {
  const out: string[] = [];
  for (const f of full) {
    const v = verdictLevel.find((e) => e.issueId === f.issueId);
    if (v === undefined || v.verdict !== f.verdict || v.deployed?.containsFix !== f.deployed?.containsFix) out.push(`${f.issueId ?? '?'}: full ${f.verdict}, verdict-level ${v?.verdict ?? 'none'}`);
  }
  return out;
}

export interface Agreement {
  issues: number;
  fixSetsOurs: number;
  fixSetsRaw: number;
  revertsExpected: number;
  revertsOurs: number;
  revertsRaw: number;
  survivalChecked: number;
  survivalOurs: number;
  survivalRaw: number;
  /** A few disagreements, described, to start a diagnosis from. */
  examples: string[];
}

export function checkAgainstTruth(manifest: SynthManifest, ours: IssueEvidence[], raw: RawIssueFacts[]): Agreement {
  const a: Agreement = {
    issues: manifest.issues.length,
    fixSetsOurs: 0,
    fixSetsRaw: 0,
    revertsExpected: 0,
    revertsOurs: 0,
    revertsRaw: 0,
    survivalChecked: 0,
    survivalOurs: 0,
    survivalRaw: 0,
    examples: [],
  };
  const note = (text: string): void => {
    if (a.examples.length < 6) a.examples.push(text);
  };
  const short = (sha: string | null | undefined): string => (sha ?? 'none').slice(0, 8);
  for (const issue of manifest.issues) {
    const want = new Set(issue.fixes.map((f) => f.sha));
    const o = ours.find((e) => e.issueId === issue.id);
    const r = raw.find((e) => e.id === issue.id);
    const oursShas = new Set((o?.fixes ?? []).map((f) => f.sha));
    const rawShas = new Set((r?.fixes ?? []).map((f) => f.sha));
    const same = (got: Set<string>): boolean => got.size === want.size && [...want].every((s) => got.has(s));
    if (same(oursShas)) a.fixSetsOurs++;
    else note(`${issue.id}: fixes expected [${[...want].map(short).join(', ')}], ours [${[...oursShas].map(short).join(', ')}]`);
    if (same(rawShas)) a.fixSetsRaw++;
    for (const fix of issue.fixes) {
      const of = o?.fixes.find((f) => f.sha === fix.sha);
      const rf = r?.fixes.find((f) => f.sha === fix.sha);
      if (fix.revertedBy !== null) {
        a.revertsExpected++;
        if (of?.reverts.some((x) => x.sha === fix.revertedBy) === true) a.revertsOurs++;
        else note(`${issue.id}: ${short(fix.sha)} reverted by ${short(fix.revertedBy)}, ours found [${(of?.reverts ?? []).map((x) => short(x.sha)).join(', ')}]`);
        if (rf?.revertedBy === fix.revertedBy) a.revertsRaw++;
      }
      // Survival is only comparable for fixes made on main: the generator knows their lines at main's tip.
      if (fix.branch === 'main' && fix.pickedFrom === null) {
        a.survivalChecked++;
        const oursIntact = of?.survival?.intact ?? (fix.linesSurvivingOnMain === 0 ? 0 : -1);
        if (oursIntact === fix.linesSurvivingOnMain) a.survivalOurs++;
        else note(`${issue.id}: ${short(fix.sha)} has ${fix.linesSurvivingOnMain}/${fix.linesAdded} lines intact on main, ours says ${of?.survival?.intact ?? 'no survival'}`);
        if (rf?.intact === fix.linesSurvivingOnMain) a.survivalRaw++;
      }
    }
  }
  return a;
}
