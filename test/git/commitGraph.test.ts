// The scan's commit graph against git itself, on real repositories: every ancestry question and
// every "which tags contain it" must get git's answer (merges, several roots, tags on side branches,
// annotated and lightweight tags, a tag of a blob), also after incremental re-scans; where the
// graph cannot be sure it must say so rather than answer.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { CommitGraphFile } from '../../src/core/gitPort';
import type { ContainmentStats } from '../../src/core/evidence/containment';
import { withContainment } from '../../src/core/evidence/containment';
import { CommitGraph, commitGraphOf } from '../../src/core/linking/commitGraph';
import type { CommitGraphData } from '../../src/core/linking/commitGraphData';
import { CommitGraphBuilder } from '../../src/core/linking/commitGraphData';
import { COMMIT_GRAPH_COMMAND, commitGraphAdvice } from '../../src/core/linking/commitGraphAdvice';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanHistory } from '../../src/core/linking/scan';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { lines, suiteRepos } from '../support/tempRepo';

const OPTIONS = { patterns: DEFAULT_ID_PATTERNS };

function allCommits(repo: TempRepo): string[] {
  return repo
    .git(['rev-list', '--all'])
    .split('\n')
    .filter((l) => l !== '');
}

function gitIsAncestor(repo: TempRepo, a: string, b: string): boolean {
  try {
    repo.git(['merge-base', '--is-ancestor', a, b]);
    return true;
  } catch {
    // Exit 1 is git's "no"; any other failure would also fail the comparison below.
    return false;
  }
}

function gitTagsContaining(repo: TempRepo, sha: string): string[] {
  return repo
    .git(['tag', '--contains', sha])
    .split('\n')
    .filter((l) => l !== '')
    .sort();
}

/** Two roots, side branches merged both ways, tags on main, on a side branch and on the second root. */
function tangledHistory(repo: TempRepo): void {
  repo.commit('root one', { files: { 'a.txt': lines('a', 3) } });
  repo.commit('main 2', { files: { 'a.txt': lines('a', 4) } });
  repo.tag('v1.0.0', { message: 'release 1' });
  repo.checkout('side', true);
  repo.commit('side 1, fixes ACME-1', { files: { 'b.txt': lines('b', 2) } });
  repo.tag('side-only');
  repo.commit('side 2', { files: { 'b.txt': lines('b', 3) } });
  repo.checkout('main');
  repo.commit('main 3', { files: { 'a.txt': lines('a', 5) } });
  repo.merge('side', 'merge side');
  repo.checkout('side');
  repo.commit('side 3', { files: { 'b.txt': lines('b', 4) } });
  repo.git(['merge', '-q', '--no-ff', '-m', 'merge main into side', 'main']);
  repo.tag('v1.1.0-rc1', { message: 'rc on the side branch' });
  repo.git(['checkout', '-q', '--orphan', 'other']);
  repo.git(['rm', '-rqf', '.']);
  repo.commit('root two', { files: { 'c.txt': lines('c', 2) } });
  repo.tag('other-root');
  repo.checkout('main');
  repo.git(['merge', '-q', '--no-ff', '--allow-unrelated-histories', '-m', 'join the second root', 'other']);
  repo.tag('v2.0.0');
  repo.commit('main 4', { files: { 'a.txt': lines('a', 6) } });
  // A tag of a blob contains no commit; git lists it for no commit either.
  const blob = repo.git(['rev-parse', 'HEAD:a.txt']).trim();
  repo.git(['tag', 'blob-tag', blob]);
}

describe('commit graph: containment from the scan against git', function () {
  this.timeout(120000);
  const make = suiteRepos();

  it('answers every ancestry question and every tag containment as git does', async () => {
    const repo = make();
    tangledHistory(repo);
    const port = createGitPort(repo.dir);
    const scan = await scanHistory(port, OPTIONS);
    const commits = allCommits(repo);
    const graph = commitGraphOf(scan.cache.graph);
    assert.equal(graph.size, commits.length);
    for (const a of commits) {
      for (const b of commits) assert.equal(graph.isAncestor(a, b), gitIsAncestor(repo, a, b), `is ${a.slice(0, 7)} an ancestor of ${b.slice(0, 7)}`);
    }
    const list = await port.listCommitTags?.();
    assert.ok(list !== undefined && list.complete);
    assert.ok(!list.tags.some((t) => t.name === 'blob-tag'));
    for (const sha of commits) {
      const ours = (graph.containing([sha], list.tags) ?? []).map((t) => t.name).sort();
      assert.deepEqual(ours, gitTagsContaining(repo, sha), `tags containing ${sha.slice(0, 7)}`);
    }
  });

  it('keeps the same answers when the graph grows through incremental re-scans', async () => {
    const repo = make();
    repo.commit('first', { files: { 'a.txt': '1\n' } });
    repo.checkout('topic', true);
    repo.commit('topic 1', { files: { 't.txt': '1\n' } });
    repo.checkout('main');
    repo.commit('second', { files: { 'a.txt': '2\n' } });
    const port = createGitPort(repo.dir);
    const first = await scanHistory(port, OPTIONS);
    const before = first.cache.graph.shas.length;
    repo.merge('topic', 'merge topic');
    repo.tag('v1.0.0');
    repo.checkout('topic');
    repo.commit('topic 2', { files: { 't.txt': '2\n' } });
    repo.tag('v1.0.1-topic', { message: 'annotated on topic' });
    const second = await scanHistory(port, OPTIONS, first.cache);
    assert.equal(second.commitsRead, 2, 'only the new commits are read');
    assert.equal(first.cache.graph.shas.length, before, "the caller's cache is not changed");
    const graph = commitGraphOf(second.cache.graph);
    const commits = allCommits(repo);
    assert.equal(graph.size, commits.length);
    const tags = (await port.listCommitTags?.())?.tags ?? [];
    for (const a of commits) {
      for (const b of commits) assert.equal(graph.isAncestor(a, b), gitIsAncestor(repo, a, b));
      assert.deepEqual((graph.containing([a], tags) ?? []).map((t) => t.name).sort(), gitTagsContaining(repo, a));
    }
  });

  it('gives the evidence git gives, answering containment without git', async () => {
    const repo = make();
    tangledHistory(repo);
    const port = createGitPort(repo.dir);
    const scan = await scanHistory(port, OPTIONS);
    const request = { ref: 'ACME-1', target: 'main', deployed: 'v1.0.0', me: ['ana@example.com'], now: (): Date => new Date(0) };
    const withGit = await computeEvidence(port, request);
    const stats: ContainmentStats = { answered: 0, asked: 0 };
    const fromGraph = await computeEvidence(withContainment(port, scan.cache, stats), request);
    const withScan = await computeEvidence(port, { ...request, scan });
    assert.deepEqual(fromGraph, withGit);
    assert.deepEqual(withScan.fixes, withGit.fixes);
    assert.deepEqual(withGit.fixes[0]?.tags, ['v1.1.0-rc1', 'v2.0.0'], 'tags on the side branch count');
    assert.equal(stats.asked, 0);
    assert.ok(stats.answered >= 3, `answered ${stats.answered}`);
  });
});

/**
 * git/git's shape: tags of tags (for-each-ref peels only once), a tag of a tag of a tag, and nested
 * tags on a commit that only the tag reaches (on no branch).
 */
function nestedTags(repo: TempRepo): void {
  repo.commit('first, fixes ACME-7', { files: { 'a.txt': lines('a', 3) } });
  repo.tag('v1.0.0', { message: 'release 1' });
  repo.commit('second', { files: { 'a.txt': lines('a', 4) } });
  repo.tag('inner', { message: 'annotated' });
  repo.git(['-c', 'advice.nestedTag=false', 'tag', '-a', 'v1.1.0', '-m', 'a tag of a tag', 'inner']);
  repo.git(['-c', 'advice.nestedTag=false', 'tag', '-a', 'v1.2.0', '-m', 'a tag of a tag of a tag', 'v1.1.0']);
  repo.checkout('loose', true);
  repo.commit('only the tags reach this', { files: { 'b.txt': lines('b', 2) } });
  repo.tag('loose-inner', { message: 'annotated, off every branch' });
  repo.git(['-c', 'advice.nestedTag=false', 'tag', '-a', 'v2.0.0-loose', '-m', 'nested, off every branch', 'loose-inner']);
  repo.checkout('main');
  repo.git(['branch', '-D', 'loose']);
  repo.git(['tag', '-d', 'loose-inner']);
  repo.commit('third', { files: { 'a.txt': lines('a', 5) } });
}

describe('commit graph: tags of tags', function () {
  this.timeout(120000);
  const make = suiteRepos();

  it('peels tags of tags to their commits and answers containment as git tag --contains does, without asking git', async () => {
    const repo = make();
    nestedTags(repo);
    const commands: string[] = [];
    const port = createGitPort(repo.dir, { log: (line) => commands.push(line) });
    const scan = await scanHistory(port, OPTIONS);
    const commits = allCommits(repo);
    const loose = repo.git(['rev-parse', 'v2.0.0-loose^{commit}']).trim();
    assert.ok(commits.includes(loose), 'the scan read the commit only the nested tag reaches');
    const list = await port.listCommitTags?.();
    assert.ok(list !== undefined && list.complete, 'every tag peels to a commit');
    for (const t of list.tags) assert.equal(t.sha, repo.git(['rev-parse', `refs/tags/${t.name}^{commit}`]).trim(), t.name);
    const graph = commitGraphOf(scan.cache.graph);
    for (const sha of commits) {
      const ours = (graph.containing([sha], list.tags) ?? []).map((t) => t.name).sort();
      assert.deepEqual(ours, gitTagsContaining(repo, sha), `tags containing ${sha.slice(0, 7)}`);
    }
    const request = { ref: 'ACME-7', target: 'main', deployed: 'v1.2.0', me: ['ana@example.com'], now: (): Date => new Date(0) };
    const withGit = await computeEvidence(createGitPort(repo.dir), request);
    commands.length = 0;
    const stats: ContainmentStats = { answered: 0, asked: 0 };
    const fromGraph = await computeEvidence(withContainment(port, scan.cache, stats), request);
    assert.deepEqual(fromGraph, withGit);
    assert.deepEqual(withGit.fixes[0]?.tags, ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v2.0.0-loose']);
    assert.equal(stats.asked, 0);
    assert.deepEqual(
      commands.filter((c) => c.includes('--contains') || c.includes('merge-base')),
      [],
      'containment asked nothing of git',
    );
  });

  it('leaves containment to git when a tag of a tag ends at a blob, and git answers it the same', async () => {
    const repo = make();
    nestedTags(repo);
    const blob = repo.git(['rev-parse', 'HEAD:a.txt']).trim();
    repo.git(['tag', '-a', 'blob-inner', '-m', 'a blob', blob]);
    repo.git(['-c', 'advice.nestedTag=false', 'tag', '-a', 'blob-outer', '-m', 'a tag of a tag of a blob', 'blob-inner']);
    const port = createGitPort(repo.dir);
    const scan = await scanHistory(port, OPTIONS);
    const list = await port.listCommitTags?.();
    assert.ok(list !== undefined && !list.complete, 'not every tag could be peeled here');
    const request = { ref: 'ACME-7', target: 'main', deployed: 'v1.2.0', me: ['ana@example.com'], now: (): Date => new Date(0) };
    const stats: ContainmentStats = { answered: 0, asked: 0 };
    const fromGraph = await computeEvidence(withContainment(port, scan.cache, stats), request);
    assert.deepEqual(fromGraph, await computeEvidence(port, request));
    assert.ok(stats.asked > 0, 'the tag question went to git');
    const first = repo.git(['rev-list', '--max-parents=0', 'HEAD']).trim();
    assert.deepEqual((await port.tagsContaining([first])).map((t) => t.name).sort(), gitTagsContaining(repo, first));
  });
});

describe("commit graph: git's own file", function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('tells whether git keeps a commit-graph and its changed-path filters, and the advice names the command that writes them', async () => {
    const repo = make();
    repo.commit('first', { files: { 'a.txt': '1\n' } });
    repo.commit('second', { files: { 'a.txt': '2\n' } });
    const port = createGitPort(repo.dir);
    const none = await port.commitGraphFile?.();
    assert.deepEqual(none, { present: false, changedPaths: false });
    const advice = commitGraphAdvice('shop', 2, none as CommitGraphFile);
    assert.ok(advice?.includes(`\`${COMMIT_GRAPH_COMMAND}\``) && advice.includes('no commit-graph file') && advice.includes('does not run it'));
    repo.git(['commit-graph', 'write', '--reachable']);
    const bare = await port.commitGraphFile?.();
    assert.deepEqual(bare, { present: true, changedPaths: false });
    assert.match(commitGraphAdvice('shop', 2, bare as CommitGraphFile) ?? '', /without changed-path filters.*--changed-paths/);
    repo.git(COMMIT_GRAPH_COMMAND.split(' ').slice(1));
    const filtered = await port.commitGraphFile?.();
    assert.deepEqual(filtered, { present: true, changedPaths: true });
    assert.equal(commitGraphAdvice('shop', 2, filtered as CommitGraphFile), null);
  });

  it('reads a split chain: filters count only when every layer has them', async () => {
    const repo = make();
    repo.commit('first', { files: { 'a.txt': '1\n' } });
    const port = createGitPort(repo.dir);
    repo.git(['commit-graph', 'write', '--reachable', '--split', '--changed-paths']);
    repo.commit('second', { files: { 'a.txt': '2\n' } });
    // A new layer on top, written without filters (git keeps the first layer's).
    repo.git(['commit-graph', 'write', '--reachable', '--split=no-merge', '--no-changed-paths']);
    const info = path.join(repo.dir, '.git', 'objects', 'info');
    assert.ok(!fs.existsSync(path.join(info, 'commit-graph')), 'only the chain');
    const layers = fs.readFileSync(path.join(info, 'commit-graphs', 'commit-graph-chain'), 'utf8').trim().split('\n');
    assert.equal(layers.length, 2, 'two layers');
    assert.deepEqual(await port.commitGraphFile?.(), { present: true, changedPaths: false });
    repo.git(['commit-graph', 'write', '--reachable', '--split=replace', '--changed-paths']);
    assert.deepEqual(await port.commitGraphFile?.(), { present: true, changedPaths: true });
  });

  it('a damaged commit-graph file has no filters to offer, and asking never throws', async () => {
    const repo = make();
    repo.commit('first', { files: { 'a.txt': '1\n' } });
    const info = path.join(repo.dir, '.git', 'objects', 'info');
    fs.mkdirSync(info, { recursive: true });
    // A header that promises nine chunks and a table cut short.
    fs.writeFileSync(path.join(info, 'commit-graph'), Buffer.from([0x43, 0x47, 0x50, 0x48, 1, 1, 9, 0, 0x42, 0x49, 0x44]));
    assert.deepEqual(await createGitPort(repo.dir).commitGraphFile?.(), { present: true, changedPaths: false });
  });
});

describe('commit graph: what it cannot know', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  const C = 'c'.repeat(40);
  const D = 'd'.repeat(40);

  it('links parents read after their children (any walk order)', () => {
    const builder = new CommitGraphBuilder();
    builder.add(C, [B]);
    builder.add(B, [A]);
    builder.add(A, []);
    assert.equal(builder.missingParents, 0);
    const graph = new CommitGraph(builder.data);
    assert.equal(graph.isAncestor(A, C), true);
    assert.equal(graph.isAncestor(C, A), false);
  });

  it('answers null, not no, when a walk meets a parent it never read, or for an unknown commit', () => {
    const builder = new CommitGraphBuilder();
    builder.add(C, [B]);
    builder.add(D, []);
    assert.equal(builder.missingParents, 1);
    const graph = new CommitGraph(builder.data);
    assert.equal(graph.isAncestor(D, C), null, 'D might be behind the unread B');
    assert.equal(graph.isAncestor(C, D), false, 'a root has no ancestors to hide C');
    assert.equal(graph.isAncestor(A, C), null);
    assert.equal(graph.containing([D], [{ sha: C }]), null);
    assert.deepEqual(graph.containing([D], [{ sha: D }]), [{ sha: D }]);
  });

  it('says which commits a tip reaches in one walk, and whether a merge stands above an ancestor', () => {
    const builder = new CommitGraphBuilder();
    const E = 'e'.repeat(40);
    // A <- B <- C <- E, and D a merge of C and B.
    builder.add(E, [C]);
    builder.add(D, [C, B]);
    builder.add(C, [B]);
    builder.add(B, [A]);
    builder.add(A, []);
    const graph = new CommitGraph(builder.data);
    assert.deepEqual(graph.reachableFrom(C, [A, B, C, E]), [true, true, true, false]);
    assert.equal(graph.reachableFrom(C, ['f'.repeat(40)]), null);
    assert.equal(graph.linearAbove(E, B), true);
    assert.equal(graph.linearAbove(D, B), false);
    assert.equal(graph.linearAbove(B, B), true);
  });

  it('leaves the data it extends unchanged', () => {
    const first = new CommitGraphBuilder();
    first.add(A, []);
    const next = new CommitGraphBuilder(first.data);
    next.add(B, [A]);
    next.add(A, []);
    const plain = (d: CommitGraphData): unknown => ({ shas: d.shas, parentStart: [...d.parentStart], parentIds: [...d.parentIds] });
    assert.deepEqual(plain(first.data), { shas: [A], parentStart: [0, 0], parentIds: [] });
    assert.deepEqual(plain(next.data), { shas: [A, B], parentStart: [0, 0, 1], parentIds: [0] });
  });
});
