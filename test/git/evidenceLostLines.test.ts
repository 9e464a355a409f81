// Who took a fix's line away. A lost line is told with the commit that removed it; lines with the
// same text are common (blank lines, a closing brace, `return`), and a commit that removed another
// line with that text elsewhere in the file did not touch the fix. Seen on a real history: a blank
// line of a 2018 fix removed in 2024, blamed on a 2021 commit that removed another blank line and
// that the client's release (where the fix was intact) already held.
import * as assert from 'node:assert/strict';
import type { FixEvidence, IssueEvidence } from '../../src/core/evidence/model';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import { createGitPort } from '../../src/git/simpleGitPort';
import { evidenceBothWays } from '../support/evidenceBothWays';
import { ME, OTHER, suiteRepos } from '../support/tempRepo';

async function evidence(dir: string, request: EvidenceRequest): Promise<IssueEvidence> {
  return evidenceBothWays(createGitPort(dir), { now: () => new Date('2026-01-01T00:00:00Z'), ...request });
}

const BEFORE = ['def total(items):', '    n = 0', '', '    return n', '', 'def render(bar):', '    if bar.hidden:', '        return', '    draw(bar)', ''].join('\n');
// The fix prints the label once when the bar is hidden: three lines, the last one blank.
const FIXED = BEFORE.replace('    if bar.hidden:\n', '    if bar.hidden:\n        if bar.last != bar.label:\n            echo(bar.label)\n\n');

function only(e: IssueEvidence): FixEvidence {
  assert.equal(e.fixes.length, 1);
  return e.fixes[0] as FixEvidence;
}

describe('evidence: which later commit took each lost line of the fix away', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('a commit that removed another line with the same text is not the one that changed the fix', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'bar.py': BEFORE } });
    const fix = repo.commit('Print the label of a hidden bar once (fixes ACME-70)', { files: { 'bar.py': FIXED } });
    // Another blank line, outside the fix, goes first.
    const tidy = repo.commit('Tidy total()', { files: { 'bar.py': FIXED.replace('    n = 0\n\n', '    n = 0\n') }, author: OTHER });
    repo.tag('v1.1.0');
    const rework = repo.commit('Rework hidden bars', {
      files: { 'bar.py': FIXED.replace('    n = 0\n\n', '    n = 0\n').replace('echo(bar.label)\n\n', 'echo(bar.label)\n') },
      author: OTHER,
    });
    const e = await evidence(repo.dir, { ref: 'ACME-70', target: 'main', deployed: 'v1.1.0', me: [ME.email] });
    const f = only(e);
    assert.equal(f.sha, fix);
    assert.deepEqual([f.survival?.added, f.survival?.intact, f.survival?.modified, f.survival?.removed], [3, 2, 0, 1]);
    assert.deepEqual(f.survival?.files[0]?.lost.map((l) => [l.state, l.by]), [['removed', rework]]);
    assert.deepEqual(f.survival?.changedBy.map((c) => c.sha), [rework]);
    assert.ok(!f.laterChanges.some((c) => c.sha === tidy && c.why === 'changed-fix-lines'), 'the tidy commit did not change the fix');
    // The client's release holds the tidy commit, and the fix is intact there.
    assert.deepEqual([f.survivalDeployed?.intact, f.survivalDeployed?.changedBy.length], [3, 0]);
  });

  it('past the checks it can afford, a lost line is told with no commit rather than a wrong one', async () => {
    const repo = make();
    // Twelve functions with a blank line each, then the fix's block with its own blank line.
    const funcs = Array.from({ length: 12 }, (_, i) => `def f${i}():\n    a = ${i}\n\n    return a\n`).join('');
    const base = `${funcs}def render(bar):\n    if bar.hidden:\n        return\n`;
    repo.commit('Initial', { files: { 'bar.py': base } });
    let text = base.replace('    if bar.hidden:\n', '    if bar.hidden:\n        echo(bar.label)\n\n');
    const fix = repo.commit('Echo the label of a hidden bar (fixes ACME-72)', { files: { 'bar.py': text } });
    const tidies: string[] = [];
    for (let i = 0; i < 12; i++) {
      text = text.replace(`    a = ${i}\n\n`, `    a = ${i}\n`);
      tidies.push(repo.commit(`Tidy f${i}`, { files: { 'bar.py': text }, author: OTHER }));
    }
    const rework = repo.commit('Rework hidden bars', { files: { 'bar.py': text.replace('echo(bar.label)\n\n', 'echo(bar.label)\n') }, author: OTHER });
    const f = only(await evidence(repo.dir, { ref: 'ACME-72', target: 'main', me: [ME.email] }));
    assert.equal(f.sha, fix);
    assert.deepEqual([f.survival?.added, f.survival?.intact, f.survival?.removed], [2, 1, 1]);
    const by = f.survival?.files[0]?.lost[0]?.by ?? null;
    assert.ok(by === null || by === rework, `told with ${by}`);
    assert.ok(!f.survival?.changedBy.some((c) => tidies.includes(c.sha)), 'no tidy commit changed the fix');
  });

  it('of two lost lines with the same text, each is told with the commit that removed it', async () => {
    const repo = make();
    const base = ['a()', '}', 'b()', '}', 'c()', ''].join('\n');
    repo.commit('Initial', { files: { 'x.js': base } });
    // The fix closes two blocks of its own.
    const withFix = ['a()', '}', 'if (x) {', '  y()', '}', 'b()', '}', 'if (z) {', '  w()', '}', 'c()', ''].join('\n');
    const fix = repo.commit('Guard x and z (fixes ACME-71)', { files: { 'x.js': withFix } });
    // First a brace of the old code goes, then the fix's second block loses its brace, then its first.
    const one = repo.commit('Drop the old block', { files: { 'x.js': withFix.replace('b()\n}\n', 'b()\n') }, author: OTHER });
    const two = repo.commit('Merge the z block', { files: { 'x.js': withFix.replace('b()\n}\n', 'b()\n').replace('  w()\n}\n', '  w()\n') }, author: OTHER });
    const three = repo.commit('Merge the x block', {
      files: { 'x.js': withFix.replace('b()\n}\n', 'b()\n').replace('  w()\n}\n', '  w()\n').replace('  y()\n}\n', '  y()\n') },
      author: OTHER,
    });
    const e = await evidence(repo.dir, { ref: 'ACME-71', target: 'main', me: [ME.email] });
    const f = only(e);
    assert.equal(f.sha, fix);
    const lost = f.survival?.files[0]?.lost ?? [];
    // The fix's lines 5 and 10 are its two braces: line 10 went in `two`, line 5 in `three`.
    assert.deepEqual(lost.map((l) => [l.line, l.by]), [[5, three], [10, two]]);
    assert.deepEqual(new Set(f.survival?.changedBy.map((c) => c.sha)), new Set([two, three]));
    assert.ok(!f.survival?.changedBy.some((c) => c.sha === one));
  });

  it('a line taken away by a revert and put back by the revert\'s revert is lost to the commit that took it again', async () => {
    const repo = make();
    const base = ['int pair(void)', '{', '  int s = listen_socket();', '  return accept(s);', '}', ''].join('\n');
    repo.commit('Initial', { files: { 'pair.c': base } });
    // Two of its lines have one text: the later change takes the second only.
    const fixed = base
      .replace('  int s', '  check_peer(s);\n  int s')
      .replace('  return accept(s);\n', '  set_nonblocking(s, TRUE);\n  wait_readable(s, 10 * 1000);\n  check_peer(s);\n  return accept(s);\n');
    const fix = repo.commit('pair: never block in accept (fixes #7144)', { files: { 'pair.c': fixed } });
    const revert = repo.revert(fix, OTHER);
    const again = repo.revert(revert, OTHER);
    // Later, another hand shortens the wait: one of the fix's lines changes, long after the revert.
    const later = repo.commit('pair: wait 5 seconds, check the peer once', {
      files: { 'pair.c': fixed.replace('10 * 1000', '5 * 1000').replace('  check_peer(s);\n  return', '  return') },
      author: OTHER,
    });
    const f = only(await evidence(repo.dir, { ref: '#7144', target: 'main', me: [ME.email] }));
    assert.equal(f.sha, fix);
    assert.deepEqual([f.survival?.added, f.survival?.intact, f.survival?.modified, f.survival?.removed], [4, 2, 2, 0]);
    assert.deepEqual(f.survival?.files[0]?.lost.map((l) => [l.line, l.by]), [[6, later], [7, later]]);
    assert.deepEqual(f.survival?.changedBy.map((c) => c.sha), [later]);
    assert.ok(!f.survival?.changedBy.some((c) => c.sha === revert || c.sha === again));
  });
});
