// The history scan on real repositories: one pass, all branches and tags, incremental re-scans
// that read only new commits, odd messages, and a history of a few thousand commits.
import * as assert from 'node:assert/strict';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import type { ScanCache } from '../../src/core/linking/scan';
import { scanHistory } from '../../src/core/linking/scan';
import { decodeScanCache, encodeScanCache } from '../../src/core/linking/scanCacheFormat';
import { createGitPort } from '../../src/git/simpleGitPort';
import { OTHER, suiteRepos } from '../support/tempRepo';

const OPTIONS = { patterns: DEFAULT_ID_PATTERNS };

describe('linking: scan on real repositories', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('finds fixes and mentions on every branch and tag in one log pass', async () => {
    const repo = make();
    const a = repo.commit('Initial, see ACME-1', { files: { 'a.txt': '1\n' } });
    const b = repo.commit('Fix crash (fixes ACME-1, #7)', { files: { 'a.txt': '2\n' }, author: OTHER });
    repo.checkout('feature', true);
    const c = repo.commit('Arregla la exportación\n\nCorrige: ACME-2', { files: { 'b.txt': '1\n' } });
    repo.checkout('main');
    repo.git(['tag', 'v1', b]);
    const log: string[] = [];
    const result = await scanHistory(createGitPort(repo.dir, { log: (l) => log.push(l) }), OPTIONS);
    assert.deepEqual(
      result.issues.map((i) => [i.id, i.fixes.map((f) => f.sha), i.mentions.map((m) => m.sha)]),
      [
        ['#7', [b], []],
        ['ACME-1', [b], [a]],
        ['ACME-2', [c], []],
      ],
    );
    assert.equal(result.issues[1]?.fixes[0]?.authorEmail, OTHER.email);
    assert.equal(result.issues[2]?.fixes[0]?.via, 'trailer');
    assert.equal(result.commitsRead, 3);
    assert.equal(log.filter((l) => /^git (rev-list|log) /.test(l)).length, 1, 'one walk of the history');
    assert.equal(result.historyComplete, true);
  });

  it('re-scans incrementally: only the new commits are read, and nothing when nothing changed', async () => {
    const repo = make();
    for (let i = 1; i <= 5; i++) repo.commit(`Work ${i} on ACME-${i}`, { files: { 'a.txt': `${i}\n` } });
    const port = createGitPort(repo.dir);
    const first = await scanHistory(port, OPTIONS);
    assert.equal(first.commitsRead, 5);
    // The cache survives a round trip through its file format (the CLI and the extension persist it).
    const cache = (await decodeScanCache(encodeScanCache(first.cache) as Buffer, async () => undefined)) as ScanCache;
    assert.notEqual(cache, undefined);
    const same = await scanHistory(port, OPTIONS, cache);
    assert.equal(same.commitsRead, 0);
    assert.equal(same.incremental, true);
    assert.deepEqual(same.issues, first.issues);
    const added = repo.commit('Fixes ACME-3', { files: { 'a.txt': 'x\n' } });
    const next = await scanHistory(port, OPTIONS, cache);
    assert.equal(next.commitsRead, 1);
    assert.equal(next.commitsKnown, 6);
    assert.deepEqual(next.issues.find((i) => i.id === 'ACME-3')?.fixes.map((f) => f.sha), [added]);
    assert.equal(next.issues.find((i) => i.id === 'ACME-3')?.mentions.length, 1);
  });

  it('starts over when the id patterns change, and survives tips that no longer exist', async () => {
    const repo = make();
    repo.commit('Fixes ACME-1 and ticket 9', { files: { 'a.txt': '1\n' } });
    const port = createGitPort(repo.dir);
    const first = await scanHistory(port, OPTIONS);
    const other = await scanHistory(port, { patterns: { keys: false, hashes: false, custom: ['ticket (\\d+)'] } }, first.cache);
    assert.equal(other.incremental, false);
    assert.deepEqual(other.issues.map((i) => i.id), ['9']);
    const stale: ScanCache = { ...first.cache, refs: { 'refs/heads/main': '0123456789abcdef0123456789abcdef01234567' } };
    const again = await scanHistory(port, OPTIONS, stale);
    assert.equal(again.commitsRead, 1);
    assert.equal(again.incremental, true);
    assert.deepEqual(again.issues.map((i) => i.id), ['ACME-1']);
    const garbage = await scanHistory(port, OPTIONS, { nonsense: true } as unknown as ScanCache);
    assert.equal(garbage.incremental, false);
  });

  it('reads messages that are not UTF-8 and ids with regex metacharacters in custom patterns', async () => {
    const repo = make();
    repo.commit('Initial', { files: { 'a.txt': '1\n' } });
    // A Latin-1 message without an encoding header: raw bytes git cannot re-encode.
    repo.write('msg.bin', Buffer.from('Corrige la sesi\xf3n (corrige ACME-4)\n', 'latin1'));
    repo.git(['-c', 'i18n.commitEncoding=UTF-8', 'commit', '-q', '--allow-empty', '-F', 'msg.bin']);
    const result = await scanHistory(createGitPort(repo.dir), { patterns: { ...DEFAULT_ID_PATTERNS, custom: ['REQ\\[(\\d+)\\]'] } });
    assert.deepEqual(result.issues.map((i) => [i.id, i.fixes.length]), [['ACME-4', 1]]);
  });

  it('scans a history of 3000 commits in one pass', async () => {
    const repo = make();
    let script = '';
    const when = 1704103200;
    for (let i = 1; i <= 3000; i++) {
      const message = i % 10 === 0 ? `Fix ${i} (fixes ACME-${i / 10})\n` : `Work ${i}\n`;
      script += `commit refs/heads/main\ncommitter Ana Dev <ana@example.com> ${when + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}`;
      script += `M 644 inline f.txt\ndata ${String(i).length + 1}\n${i}\n\n`;
    }
    repo.git(['fast-import', '--quiet'], { input: script });
    const started = Date.now();
    const result = await scanHistory(createGitPort(repo.dir), OPTIONS);
    assert.equal(result.commitsRead, 3000);
    assert.equal(result.issues.length, 300);
    assert.ok(Date.now() - started < 20000);
  });

  it('re-reads from the refs that moved only: a new tag, a new branch, a branch that moved', async () => {
    const repo = make();
    for (let i = 1; i <= 20; i++) {
      repo.commit(`Work ${i} (fixes ACME-${i})`, { files: { 'a.txt': `${i}\n` } });
      if (i % 2 === 0) repo.tag(`v0.${i}.0`);
    }
    const log: string[] = [];
    const port = createGitPort(repo.dir, { log: (l) => log.push(l) });
    const first = await scanHistory(port, OPTIONS);
    log.length = 0;
    const unchanged = await scanHistory(port, OPTIONS, first.cache);
    assert.equal(unchanged.commitsRead, 0);
    // The refs read from their files (the objects were listed by the first show-ref): no git at all.
    assert.deepEqual(log.map((l) => l.split(' ')[1]), [], 'no log when no ref moved');
    repo.checkout('side', true);
    const side = repo.commit('Side (fixes ACME-99)', { files: { 'b.txt': 'b\n' } });
    repo.checkout('main');
    repo.tag('v1.0.0', { message: 'Release', ref: 'HEAD~3' });
    log.length = 0;
    const next = await scanHistory(port, OPTIONS, unchanged.cache);
    assert.equal(next.commitsRead, 1);
    assert.deepEqual(next.issues.find((i) => i.id === 'ACME-99')?.fixes.map((f) => f.sha), [side]);
    const logCall = log.find((l) => l.startsWith('git rev-list')) ?? '';
    assert.notEqual(logCall, '', 'the history walk is logged');
    assert.doesNotMatch(logCall, /--tags/);
    assert.ok(logCall.split(' ').length < 20, 'tags are not passed one by one');
  });

  it('reports an empty repository as a coded failure', async () => {
    const repo = make();
    await assert.rejects(scanHistory(createGitPort(repo.dir), OPTIONS), { code: 'empty-repository' });
  });
});
