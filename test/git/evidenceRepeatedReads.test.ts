// Linked fixes that are copies of one patch (a fix cherry-picked to two release lines, every copy
// naming the issue) each measure the target's copy: the same blames and walks. Asked once per
// computation (redis #1428: three commits of one patch, each blame and walk ran three times).
import * as assert from 'node:assert/strict';
import { computeEvidence } from '../../src/core/evidence/engine';
import { createGitPort } from '../../src/git/simpleGitPort';
import { lines, suiteRepos } from '../support/tempRepo';

describe('evidence: copies of one fix read the history once', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('runs no git command twice for three linked copies of one patch, and tells the same evidence', async () => {
    const repo = make();
    const src = lines('db', 30);
    repo.commit('Initial', { files: { 'src/db.c': src } });
    repo.checkout('2.8', true);
    repo.checkout('3.0', true);
    repo.checkout('main');
    const fix = repo.commit('Reject a MOVE to a database that is no number (fixes ACME-1)', { files: { 'src/db.c': src.replace('db 12\n', 'if (!is_integer(arg)) return reply_error(c);\n') } });
    repo.commit('Log moves', { files: { 'src/db.c': src.replace('db 12\n', 'if (!is_integer(arg)) return reply_error(c);\n').replace('db 20\n', 'log_move(c);\n') } });
    repo.checkout('2.8');
    repo.cherryPick(fix);
    repo.checkout('3.0');
    repo.cherryPick(fix);
    repo.checkout('main');
    const commands: string[] = [];
    const e = await computeEvidence(createGitPort(repo.dir, { log: (l) => commands.push(l.replace(/ \(\d+ ms\).*$/, '')) }), { ref: 'ACME-1', issueId: 'ACME-1', target: 'main', deployed: '3.0' });
    assert.equal(e.fixes.length, 3);
    const reads = commands.filter((c) => /^git (blame|log|diff-tree|ls-tree) /.test(c));
    const twice = reads.filter((c, i) => reads.indexOf(c) !== i);
    assert.deepEqual(twice, [], `each history read once:\n${reads.join('\n')}`);
    const again = await computeEvidence(createGitPort(repo.dir), { ref: 'ACME-1', issueId: 'ACME-1', target: 'main', deployed: '3.0' });
    assert.deepEqual({ ...e, computedAt: '' }, { ...again, computedAt: '' });
  });
});
