// A fix's tests show that it works; later commits rewrite them for reasons of their own (traefik: a
// Go version bump rewrote a fix's test lines). What the client runs is the fix's code: changes to
// its tests alone leave the fix intact, and a fix made only of tests is measured by them.
import * as assert from 'node:assert/strict';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { lines, suiteRepos } from '../support/tempRepo';
import type { TempRepo } from '../support/tempRepo';

const CODE = lines('code', 20);
const TEST = lines('check', 20);

async function evidenceFor(dir: string, deployed: string): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { ref: '#12', issueId: '#12', deployed, target: 'main', now: () => new Date('2026-01-01T00:00:00Z') });
}

function fixWithTest(repo: TempRepo): void {
  repo.commit('Initial', { files: { 'src/cart.js': CODE, 'test/cart.test.js': TEST }, date: '2025-01-01T10:00:00Z' });
  repo.commit('Fix the total of an empty cart (fixes #12)', {
    files: { 'src/cart.js': CODE.replace('code 5\n', 'if (items.length === 0) return 0;\n'), 'test/cart.test.js': `${TEST}it('totals an empty cart', () => expect(total([])).toBe(0));\n` },
    date: '2025-01-02T10:00:00Z',
  });
  repo.tag('1.1', { date: '2025-01-02T11:00:00Z' });
}

describe('evidence: a fix\'s tests are not what the client runs', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a later rewrite of the fix\'s test leaves the fix intact; the test file is listed, not measured', async () => {
    const repo = make();
    fixWithTest(repo);
    repo.commit('Move the tests to the new runner', { files: { 'test/cart.test.js': `${TEST}test('totals an empty cart', () => assert.equal(total([]), 0));\n` }, date: '2025-01-03T10:00:00Z' });
    const e = await evidenceFor(repo.dir, '1.1');
    assert.equal(e.verdict, 'fix-intact');
    const survival = e.fixes[0]?.survival;
    assert.equal(survival?.added, 1, 'only the code line is measured');
    assert.equal(survival?.intact, 1);
    assert.deepEqual(survival?.files.filter((f) => f.test === true).map((f) => f.path), ['test/cart.test.js']);
    assert.equal(e.fixes[0]?.laterChanges.length, 0);
  });

  it('a later change to the fix\'s code is told, whatever happened to its test', async () => {
    const repo = make();
    fixWithTest(repo);
    repo.commit('Simplify the total', { files: { 'src/cart.js': CODE.replace('code 5\n', 'if (!items.length) return 0;\n') }, date: '2025-01-03T10:00:00Z' });
    const e = await evidenceFor(repo.dir, 'main');
    assert.equal(e.verdict, 'fix-modified');
    assert.deepEqual(e.fixes[0]?.survival?.changedBy.map((c) => c.subject), ['Simplify the total']);
  });

  it('a fix made only of tests is measured by them', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CODE, 'test/cart.test.js': TEST }, date: '2025-01-01T10:00:00Z' });
    repo.commit('Pin the empty cart total with a test (fixes #12)', { files: { 'test/cart.test.js': `${TEST}it('totals an empty cart', () => expect(total([])).toBe(0));\n` }, date: '2025-01-02T10:00:00Z' });
    repo.commit('Drop the empty cart test', { files: { 'test/cart.test.js': TEST }, date: '2025-01-03T10:00:00Z' });
    const e = await evidenceFor(repo.dir, 'main');
    assert.equal(e.fixes[0]?.survival?.added, 1);
    assert.equal(e.fixes[0]?.survival?.removed, 1);
    assert.notEqual(e.verdict, 'fix-intact');
  });
});
