// A person's request runs its independent read-only git commands side by side (the runner's
// `requestLanes`): on a real repository its commands overlap in time, background work's never do,
// cancelling the request kills every command it has running, and the evidence is the same as with
// one queue. Also: the tags containing a commit come from `git tag --contains`, with for-each-ref's answer.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { runMarked } from '../../src/core/backgroundWork';
import { cancellable, EvidenceCancelled } from '../../src/core/evidence/cancel';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { TagRecord } from '../../src/core/gitPort';
import { createGitRunner } from '../../src/git/gitRunner';
import { parseTags, tagFormat } from '../../src/git/parsers/refs';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';
import { pollUntil, processAlive } from '../support/wait';

/** A git that notes when each command starts and ends (and waits a moment, so that overlaps show). */
function tracedGit(repo: TempRepo, name: string): { binary: string; marks: () => string[] } {
  const trace = repo.sibling(`${name}.trace`);
  const binary = repo.sibling(`${name}.sh`);
  fs.rmSync(trace, { force: true });
  fs.writeFileSync(binary, `#!/bin/sh\necho start >> '${trace}'\nsleep 0.05\ngit "$@"\nrc=$?\necho end >> '${trace}'\nexit $rc\n`, { mode: 0o755 });
  return { binary, marks: () => (fs.existsSync(trace) ? fs.readFileSync(trace, 'utf8').trim().split('\n') : []) };
}

/** The most commands that ran at once, from a trace of starts and ends. */
function mostAtOnce(marks: string[]): number {
  let now = 0;
  let most = 0;
  for (const m of marks) {
    now += m === 'start' ? 1 : -1;
    most = Math.max(most, now);
  }
  return most;
}

describe("a person's request runs its git commands side by side", function () {
  this.timeout(120000);
  const make = suiteRepos();
  let repo: TempRepo;
  let fixA: string;
  let fixB: string;
  before(() => {
    repo = make();
    repo.commit('Initial', { files: { 'src/a.js': lines('a', 12), 'src/b.js': lines('b', 12) } });
    fixA = repo.commit('Guard a (fixes ACME-7)', { files: { 'src/a.js': lines('a', 12).replace('a 4\n', 'a 4\nif (!x) return;\nlog(x);\n') } });
    repo.tag('v1.0.0', { message: 'Release 1.0.0' });
    repo.commit('Unrelated', { files: { 'README.md': 'readme\n' } });
    fixB = repo.commit('Guard b (fixes ACME-7)', { files: { 'src/b.js': lines('b', 12).replace('b 8\n', 'b 8\nif (!y) return;\n') } });
    repo.tag('v1.1.0');
    // The client's release line: branched at 1.1.0, with a merge on it, so the target's patches are not reused there.
    repo.checkout('release', true);
    repo.commit('Release work', { files: { 'src/c.js': 'c\n' } });
    repo.checkout('main');
    repo.commit('Rewrite the guard of a', { files: { 'src/a.js': lines('a', 12).replace('a 4\n', 'a 4\nif (x == null) return;\nlog(x);\n') }, author: OTHER });
    repo.commit('Touch b', { files: { 'src/b.js': lines('b', 12).replace('b 8\n', 'b 8\nif (!y) return;\n').replace('b 1\n', 'b one\n') } });
    repo.checkout('release');
    repo.merge('main', 'Merge main into release');
    repo.commit('Release fix of a', { files: { 'src/a.js': lines('a', 12).replace('a 4\n', 'a 4\nif (!x) { return; }\nlog(x);\n') } });
    repo.tag('v1.2.0', { message: 'Release 1.2.0' });
    repo.checkout('main');
  });

  it('overlaps the commands of a request on two lanes, never those of background work', async () => {
    const request = tracedGit(repo, 'request');
    const runner = createGitRunner(repo.dir, { binary: request.binary, requestLanes: 2 });
    await Promise.all(Array.from({ length: 6 }, () => runner.run(['rev-parse', 'HEAD'])));
    assert.equal(mostAtOnce(request.marks()), 2, request.marks().join(' '));

    const background = tracedGit(repo, 'background');
    const niced = createGitRunner(repo.dir, { binary: background.binary, requestLanes: 2, nice: null });
    await runMarked({ background: true }, () => Promise.all(Array.from({ length: 6 }, () => niced.run(['rev-parse', 'HEAD']))));
    assert.equal(background.marks().length, 12);
    assert.equal(mostAtOnce(background.marks()), 1, background.marks().join(' '));

    const single = tracedGit(repo, 'single');
    const one = createGitRunner(repo.dir, { binary: single.binary });
    await Promise.all(Array.from({ length: 6 }, () => one.run(['rev-parse', 'HEAD'])));
    assert.equal(mostAtOnce(single.marks()), 1, 'without lanes a request stays one command at a time');
  });

  it('starts the next command on whichever lane frees first: short commands do not wait behind a long one', async () => {
    const order = repo.sibling('freed-lane.order');
    fs.rmSync(order, { force: true });
    const binary = repo.sibling('freed-lane.sh');
    // merge-base stands for a long walk; every other command ends at once. Each notes when it ends.
    fs.writeFileSync(binary, `#!/bin/sh\nname=rev-parse\nfor a in "$@"; do if [ "$a" = "merge-base" ]; then name=merge-base; sleep 1.5; fi; done\ngit "$@"\nrc=$?\necho $name >> '${order}'\nexit $rc\n`, { mode: 0o755 });
    const runner = createGitRunner(repo.dir, { binary, requestLanes: 2 });
    await Promise.all([
      runner.run(['merge-base', fixA, fixB]),
      runner.run(['rev-parse', 'HEAD']),
      runner.run(['rev-parse', 'HEAD']),
      runner.run(['rev-parse', 'HEAD']),
      runner.run(['rev-parse', 'HEAD']),
    ]);
    const ended = fs.readFileSync(order, 'utf8').trim().split('\n');
    assert.deepEqual(ended, ['rev-parse', 'rev-parse', 'rev-parse', 'rev-parse', 'merge-base'], 'the four short commands all end on the free lane while the walk runs');
  });

  it('computes the same evidence on two lanes as on one queue, with its commands overlapping', async () => {
    const traced = tracedGit(repo, 'evidence');
    const request = { ref: 'ACME-7', target: 'main', deployed: 'v1.2.0', me: [], now: () => new Date('2026-01-01T00:00:00Z') };
    const one = await computeEvidence(createGitPort(repo.dir), request);
    const two = await computeEvidence(createGitPort(repo.dir, { binary: traced.binary, requestLanes: 2 }), request);
    assert.deepEqual(two, one);
    // The two fixes are measured, each at the target and in the client's version.
    assert.deepEqual(one.fixes.map((f) => f.sha), [fixA, fixB]);
    assert.ok(one.fixes.every((f) => f.survival !== null && f.survivalDeployed !== null));
    assert.equal(mostAtOnce(traced.marks()), 2, traced.marks().join(' '));
  });

  it('kills every running command of a cancelled request', async () => {
    const pids = repo.sibling('merge-base.pids');
    fs.rmSync(pids, { force: true });
    const binary = repo.sibling('slow-merge-base.sh');
    fs.writeFileSync(binary, `#!/bin/sh\nfor a in "$@"; do if [ "$a" = "merge-base" ]; then echo $$ >> '${pids}'; exec sleep 60; fi; done\nexec git "$@"\n`, { mode: 0o755 });
    const abort = new AbortController();
    const port = cancellable(createGitPort(repo.dir, { binary, requestLanes: 2 }), abort.signal);
    const asked = [port.isAncestor(fixA, fixB), port.isAncestor(fixB, fixA)];
    const started = (): number[] => (fs.existsSync(pids) ? fs.readFileSync(pids, 'utf8').trim().split('\n').filter((l) => l !== '').map(Number) : []);
    assert.ok(await pollUntil(() => started().length === 2, 20000), `both merge-bases should run at once, started: ${started().join(',')}`);
    for (const pid of started()) assert.ok(processAlive(pid));
    abort.abort();
    const settled = await Promise.allSettled(asked);
    for (const s of settled) assert.ok(s.status === 'rejected' && s.reason instanceof EvidenceCancelled, String(s.status));
    for (const pid of started()) assert.ok(await pollUntil(() => !processAlive(pid), 5000), `git (pid ${pid}) still runs after the cancellation`);
  });

  it("lists the tags containing commits as for-each-ref does, whatever the tag settings say", async () => {
    // The query before: every ref containing a commit, branches and tags, in for-each-ref's order.
    const forEachRef = (shas: string[]): TagRecord[] => parseTags(repo.git(['for-each-ref', `--format=${tagFormat.format}`, ...shas.flatMap((s) => ['--contains', s]), 'refs/heads', 'refs/tags']));
    repo.tag('nested', { ref: 'v1.0.0', message: 'A tag of a tag' });
    const blob = repo.git(['hash-object', '-w', 'src/a.js']).trim();
    repo.git(['tag', 'a-blob', blob]);
    repo.git(['config', 'tag.sort', '-refname']);
    repo.git(['config', 'column.tag', 'always']);
    const port = createGitPort(repo.dir);
    for (const shas of [[fixA], [fixB], [fixA, fixB], [repo.head('release')]]) {
      const tags = await port.tagsContaining(shas);
      assert.deepEqual(tags, forEachRef(shas));
      assert.ok(tags.length > 0);
    }
    assert.ok((await port.tagsContaining([fixA])).some((t) => t.name === 'nested'), 'a tag of a tag is listed');
    repo.commit('After every release', { files: { 'src/d.js': 'd\n' } });
    assert.deepEqual(await port.tagsContaining([repo.head()]), [], 'no tag: an empty answer, not a failure');
  });
});
