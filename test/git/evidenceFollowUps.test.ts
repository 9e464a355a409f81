// An issue fixed in several commits: a follow-up fix of the same issue that changes the first
// fix's lines is the fix going on, not a later change that undid part of it. Seen on curl #9917:
// "bump the deprecated requirements to gcc 5.3", then "… to gcc 6.1" (both "Fixes #9917"); the
// client's release held both, and the issue was told as "fix modified since" by its own second fix.
import * as assert from 'node:assert/strict';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { createGitPort } from '../../src/git/simpleGitPort';
import { replyJson } from '../support/cli';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { lines, ME, OTHER, suiteRepos } from '../support/tempRepo';

async function evidence(dir: string, request: EvidenceRequest): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { now: () => new Date('2026-01-01T00:00:00Z'), ...request });
}

const BASE = lines('line', 12);
const FIRST = BASE.replace('line 6\n', '#if GCC_VERSION >= 503\n#define DEPRECATED 1\n#endif\n');
const SECOND = FIRST.replace('>= 503', '>= 601');

describe('evidence: follow-up fixes of one issue', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a line a later fix of the same issue changed does not make the issue modified', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'curl.h': BASE } });
    const first = repo.commit('curl.h: bump the deprecated requirement to gcc 5.3\n\nFixes #9917', { files: { 'curl.h': FIRST } });
    const second = repo.commit('curl.h: bump the deprecated requirement to gcc 6.1\n\nFixes #9917', { files: { 'curl.h': SECOND }, author: OTHER });
    repo.tag('v1.1.0');
    const e = await evidence(repo.dir, { ref: '#9917', target: 'main', deployed: 'v1.1.0', me: [ME.email] });
    assert.deepEqual(e.fixes.map((f) => f.sha).sort(), [first, second].sort());
    // The facts stay as git tells them: the first fix's line was changed, by the second.
    const f1 = e.fixes.find((f) => f.sha === first);
    assert.deepEqual(f1?.survivalDeployed?.changedBy.map((c) => [c.sha, c.lines]), [[second, 1]]);
    assert.equal(e.fixVerdicts[first], 'fix-intact');
    assert.equal(e.verdict, 'fix-intact');
  });

  it('a change by a commit that is not a fix of the issue still makes it modified', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'curl.h': BASE } });
    repo.commit('curl.h: bump the deprecated requirement to gcc 5.3\n\nFixes #9917', { files: { 'curl.h': FIRST } });
    repo.commit('curl.h: bump the deprecated requirement to gcc 6.1\n\nRef: #9917', { files: { 'curl.h': SECOND }, author: OTHER });
    repo.tag('v1.1.0');
    const e = await evidence(repo.dir, { ref: '#9917', target: 'main', deployed: 'v1.1.0', me: [ME.email] });
    assert.equal(e.verdict, 'fix-modified');
  });

  it('a reply tells neither a follow-up fix as a change to the fix nor its line as lost', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'curl.h': BASE } });
    repo.commit('curl.h: bump the deprecated requirement to gcc 5.3\n\nFixes #9917', { files: { 'curl.h': FIRST } });
    repo.commit('curl.h: bump the deprecated requirement to gcc 6.1\n\nFixes #9917', { files: { 'curl.h': SECOND }, author: OTHER });
    repo.commit('curl.h: drop the deprecation macro', { files: { 'curl.h': SECOND.replace('#define DEPRECATED 1\n', '') }, author: OTHER });
    repo.tag('v1.1.0');
    const r = await replyJson(repo.dir, ['--ref', '#9917', '--deployed', 'v1.1.0', '--lang', 'en', '--audience', 'plain', '--me', ME.email]);
    assert.equal(r.verdict, 'fix-modified');
    // Four lines were added by the two fixes, one of them (the first's `>= 503`) is the second's now:
    // three lines of the fix, one of them removed by the third commit.
    // The counts are the technical reply's; a plain one says "part of it" and lists the one change.
    const technical = await replyJson(repo.dir, ['--ref', '#9917', '--deployed', 'v1.1.0', '--lang', 'en', '--audience', 'technical', '--me', ME.email]);
    assert.match(technical.text, /1 of the 3 lines/, technical.text);
    assert.doesNotMatch(r.text, /2 changes/, r.text);
    assert.equal([...r.text.matchAll(/altered the fix\./g)].length, 1, r.text);
  });
});
