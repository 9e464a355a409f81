// A revert undone later in the same history (a restore): the classifier's forms of it, the fix's
// lines as a restore put them back, and the verdict and update for a client whose version has the
// revert and not the restore (prometheus #16628, curl #5634).
import * as assert from 'node:assert/strict';
import type { CommitFacts, RestoreFact, RevertFact } from '../../src/core/evidence/model';
import { fixLinesIn, standingRestore } from '../../src/core/evidence/restoredLines';
import type { RevertCandidate } from '../../src/core/evidence/reverts';
import { judgeReverts } from '../../src/core/evidence/reverts';
import { firstUpdate } from '../../src/core/evidence/updates';
import { fixVerdict, judgeIssue } from '../../src/core/evidence/verdict';
import type { FileDiff } from '../../src/core/gitPort';
import { restoredForClient } from '../../src/core/reply/restored';
import { fixEvidence } from '../support/evidenceFixtures';

const FIX = 'f1f2f3f4f5f6f7f8f9f0a1a2a3a4a5a6a7a8a9a0';
const REVERT = 'c1'.repeat(20);
const SUBJECT = 'annotations: add warning for ineffective sort (#16628)';

function facts(sha: string, subject: string): CommitFacts {
  return { sha, subject, authorName: 'A', authorEmail: 'a@x', date: '2024-02-01T00:00:00Z', byMe: false };
}

function candidate(sha: string, message: string, patch?: { removed: string[]; added: string[] }): RevertCandidate {
  return { facts: facts(sha, message.split('\n')[0] ?? ''), message, ...(patch ?? {}) };
}

const revert = candidate(REVERT, `Revert "${SUBJECT}" (#18357)\n\nThis reverts commit ${FIX}.`, { removed: ['warn(sort);'], added: [] });
const content = { base: FIX, added: ['warn(sort);'], removed: [] };

function judged(newestFirst: RevertCandidate[]): { reverts: string[]; restores: [string, string, string][] } {
  const j = judgeReverts({ sha: FIX, subject: SUBJECT }, [FIX], newestFirst, content);
  return { reverts: j.reverts.map((r) => r.sha.slice(0, 2)), restores: j.restores.map((s) => [s.sha.slice(0, 2), s.how, s.revert.sha.slice(0, 2)]) };
}

function diff(path: string, added: string[]): FileDiff {
  return { path, oldPath: null, status: 'M', binary: false, added: added.map((text, i) => ({ line: i + 1, text, hunk: 0 })), removed: [] };
}

const revertFact: RevertFact = { ...facts(REVERT, 'Revert'), how: 'message', reverts: FIX };
const restoreFact = (tags: string[]): RestoreFact => ({ ...facts('d1'.repeat(20), SUBJECT), how: 'same-subject', revert: revertFact, tags, firstTag: tags[0] === undefined ? null : { name: tags[0], date: '2026-05-19T00:00:00Z' } });

describe('evidence: reverts undone later (restores)', () => {
  it('a revert of the revert, by the sha it names or by its subject (also quoted with single quotes), restores the fix', () => {
    assert.deepEqual(judged([candidate('d1'.repeat(20), `Revert "Revert x"\n\nThis reverts commit ${REVERT}.`), revert]), { reverts: [], restores: [['d1', 'revert-of-revert', 'c1']] });
    assert.deepEqual(judged([candidate('d2'.repeat(20), `Revert "Revert "${SUBJECT}" (#18357)"`), revert]).restores, [['d2', 'revert-of-revert', 'c1']]);
    const curlRevert = candidate(REVERT, 'Revert "multi: implement wait using winsock events"');
    const j = judgeReverts({ sha: FIX, subject: 'multi: implement wait using winsock events' }, [FIX], [candidate('d3'.repeat(20), 'Revert "Revert \'multi: implement wait using winsock events\'"'), curlRevert], null);
    assert.deepEqual([j.reverts, j.restores.map((s) => s.how)], [[], ['revert-of-revert']]);
  });

  it('`Reapply "…"`, the subject landed again without the request number, and the patch put back restore it', () => {
    assert.deepEqual(judged([candidate('d1'.repeat(20), `Reapply "${SUBJECT}"`), revert]).restores, [['d1', 'reapply', 'c1']]);
    assert.deepEqual(judged([candidate('d2'.repeat(20), 'annotations: add warning for ineffective sort'), revert]).restores, [['d2', 'same-subject', 'c1']]);
    assert.deepEqual(judged([candidate('d3'.repeat(20), 'Bring the warning back', { removed: [], added: ['warn(sort);', 'other();'] }), revert]).restores, [['d3', 'patch', 'c1']]);
  });

  it('a commit before the revert restores nothing, and neither does an unrelated change', () => {
    assert.deepEqual(judged([revert, candidate('d1'.repeat(20), 'annotations: add warning for ineffective sort')]), { reverts: ['c1'], restores: [] });
    assert.deepEqual(judged([candidate('d2'.repeat(20), 'annotations: tidy', { removed: [], added: ['tidy();'] }), revert]), { reverts: ['c1'], restores: [] });
  });

  it('a revert of the restore undoes the fix again: that revert is in effect', () => {
    const restore = candidate('d1'.repeat(20), `Revert "Revert x"\n\nThis reverts commit ${REVERT}.`);
    const again = candidate('e1'.repeat(20), `Revert "Revert "Revert x""\n\nThis reverts commit ${'d1'.repeat(20)}.`);
    assert.deepEqual(judged([again, restore, revert]), { reverts: ['e1'], restores: [['d1', 'revert-of-revert', 'c1']] });
  });

  it('the fix\'s lines as a restore put them back: only the restore\'s lines that are the fix\'s, each once', () => {
    const fixed = [diff('engine.go', ['warn(sort);', 'if x {', '}']), diff('engine_test.go', ['test(sort)'])];
    const restore = [diff('engine.go', ['warn(sort);', 'if  x {', 'other()', '}']), diff('histograms.test', ['eval sort'])];
    assert.deepEqual(fixLinesIn(restore, fixed).map((f) => [f.path, f.added.map((l) => l.text)]), [['engine.go', ['warn(sort);', 'if  x {', '}']]]);
    assert.equal(standingRestore([revertFact], [restoreFact([])]), null, 'a revert in effect: no restore stands');
    assert.equal(standingRestore([], [restoreFact([])])?.how, 'same-subject');
  });

  it('undone in the client\'s version, restored on the target: fix-not-deployed, the client\'s version lacks it, and the update is the restore\'s release', () => {
    const fix = fixEvidence({ sha: FIX, tags: ['v3.11.0', 'v3.11.1', 'v3.12.0'], reverts: [], restores: [restoreFact(['v3.12.0'])], revertsDeployed: [revertFact] });
    assert.equal(fixVerdict(fix, true), 'fix-not-deployed');
    assert.deepEqual(judgeIssue([fix], true), { verdict: 'fix-not-deployed', containsFix: false });
    const releases = [{ name: 'v3.11.1', date: '2026-04-01T00:00:00Z' }, { name: 'v3.12.0', date: '2026-05-28T00:00:00Z' }];
    assert.equal(firstUpdate([fix], releases, 'v3.11.0')?.name, 'v3.12.0', 'not v3.11.1: it holds the revert too');
    assert.deepEqual(restoredForClient([fix]).map((r) => [r.undo.sha, r.restore?.sha, r.release?.name]), [[REVERT, 'd1'.repeat(20), 'v3.12.0']]);
    // Reverted on the target too: fix-reverted, as before.
    assert.equal(fixVerdict({ ...fix, reverts: [revertFact], survivalDeployed: null }, true), 'fix-reverted');
    // Restored in the client's version as well: judged by its lines there.
    assert.equal(fixVerdict({ ...fix, revertsDeployed: [] }, true), 'fix-intact');
  });

  it('undone in the client\'s version and never on the target: told with the change that undid it and no restore; nothing when it was not undone there', () => {
    const fix = fixEvidence({ sha: FIX, tags: ['v2.2.0'], reverts: [], revertsDeployed: [revertFact] });
    assert.equal(fixVerdict(fix, true), 'fix-not-deployed');
    assert.deepEqual(restoredForClient([fix]).map((r) => [r.sha, r.undo.sha, r.restore, r.release]), [[FIX, REVERT, undefined, undefined]]);
    assert.deepEqual(restoredForClient([{ ...fix, revertsDeployed: [] }]), []);
  });
});
