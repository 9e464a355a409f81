// Evidence computed both ways, full and for the verdict alone (EvidenceRequest's `detail`), with
// the promise the view relies on checked on every repository a test builds: the verdict-level
// evidence gives the same verdict, the same containment in the client's version and the same
// places of every fix, and every fix it measured is measured exactly as the full evidence does.
import * as assert from 'node:assert/strict';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { FixEvidence, IssueEvidence } from '../../src/core/evidence/model';
import type { GitPort } from '../../src/core/gitPort';

function placeOf(f: FixEvidence): unknown {
  return [f.sha, f.exists, f.reachable, f.equivalents.map((e) => e.sha), f.reachableDeployed, f.equivalentsDeployed.map((e) => e.sha), f.inDeployed, f.tags, f.firstTag, f.counterpartOf];
}

/** Asserts that `verdictLevel` agrees with `full` as the view needs it to. */
export function assertVerdictLevelAgrees(full: IssueEvidence, verdictLevel: IssueEvidence): void {
  const what = `${full.issueId ?? 'the fixes'}`;
  assert.equal(full.detail, undefined, 'the full evidence says nothing of a detail');
  // Nothing left out makes it the full evidence itself.
  if (verdictLevel.detail === undefined) assert.deepEqual({ ...verdictLevel, computedAt: '' }, { ...full, computedAt: '' }, `evidence of ${what}`);
  assert.equal(verdictLevel.verdict, full.verdict, `verdict of ${what}`);
  assert.deepEqual(verdictLevel.deployed, full.deployed, `client's version of ${what}`);
  assert.deepEqual(verdictLevel.fixes.map(placeOf), full.fixes.map(placeOf), `places of the fixes of ${what}`);
  for (const [sha, v] of Object.entries(verdictLevel.fixVerdicts)) {
    assert.equal(v, full.fixVerdicts[sha], `verdict of fix ${sha.slice(0, 8)} of ${what}`);
    const a = verdictLevel.fixes.find((f) => f.sha === sha);
    const b = full.fixes.find((f) => f.sha === sha);
    assert.deepEqual([a?.survival, a?.reverts, a?.laterChanges], [b?.survival, b?.reverts, b?.laterChanges], `measures of fix ${sha.slice(0, 8)} of ${what}`);
  }
}

/** The full evidence, after checking that the verdict-level computation agrees with it. */
export async function evidenceBothWays(port: GitPort, request: EvidenceRequest): Promise<IssueEvidence> {
  const full = await computeEvidence(port, request);
  assertVerdictLevelAgrees(full, await computeEvidence(port, { ...request, detail: 'verdict' }));
  return full;
}
