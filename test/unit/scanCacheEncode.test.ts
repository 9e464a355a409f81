import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CommitGraphBuilder } from '../../src/core/linking/commitGraphData';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import type { CachedCommit, ScanCache } from '../../src/core/linking/scan';
import { emptyScanCache } from '../../src/core/linking/scan';
import { ENGINE_BUILD } from '../../src/core/engineBuild';
import { decodeScanCache, encodeScanCache } from '../../src/core/linking/scanCacheFormat';

function sha(n: number): string {
  return createHash('sha1').update(String(n)).digest('hex');
}

function commit(n: number, subject = `Fixes ACME-${n}`): CachedCommit {
  return { subject, authorName: 'Ana', authorEmail: 'ana@example.com', date: '2024-01-01T00:00:00+00:00', refs: [[`ACME-${n}`, 'fix', 'keyword']] };
}

/** `from` with commits `first`..`last` added on top of a linear history (as a re-scan adds them). */
function extended(from: ScanCache, first: number, last: number, subject?: string): ScanCache {
  const builder = new CommitGraphBuilder(from.graph);
  const commits = { ...from.commits };
  for (let n = first; n <= last; n++) {
    builder.add(sha(n), n === 0 ? [] : [sha(n - 1)]);
    if (n % 2 === 0) commits[sha(n)] = commit(n, subject);
  }
  return { ...from, commits, graph: builder.data, tips: [sha(last)], refs: { 'refs/heads/main': sha(last) }, commitsRead: from.commitsRead + last - first + 1 };
}

/** The bytes of a cache made of new objects throughout: nothing an earlier encoding made is reused. */
function freshBytes(cache: ScanCache): Buffer {
  return encodeScanCache(structuredClone(cache)) as Buffer;
}

describe('scan cache file: encoding what a re-scan added', () => {
  it('writes, after a re-scan, the bytes a first encoding of the same cache writes', async () => {
    const base = extended(emptyScanCache(DEFAULT_ID_PATTERNS), 0, 4500);
    assert.deepEqual(encodeScanCache(base), freshBytes(base));
    const next = extended(base, 4501, 4503);
    assert.deepEqual(encodeScanCache(next), freshBytes(next));
    // Read back from the file's bytes (as the CLI's next run does), then extended again.
    const read = (await decodeScanCache(encodeScanCache(next) as Buffer, async () => undefined)) as ScanCache;
    assert.notEqual(read, undefined);
    const after = extended(read, 4504, 4504);
    const bytes = encodeScanCache(after) as Buffer;
    assert.deepEqual(bytes, freshBytes(after));
    const back = (await decodeScanCache(bytes, async () => undefined)) as ScanCache;
    assert.deepEqual([back.graph.shas.length, Object.keys(back.commits).length, back.commits[sha(4504)]], [4505, 2253, commit(4504)]);
  });

  it('writes a commit whose facts were replaced, and a graph that is not an extension, as they are now', () => {
    const base = extended(emptyScanCache(DEFAULT_ID_PATTERNS), 0, 2100);
    encodeScanCache(base);
    const replaced = { ...base, commits: { ...base.commits, [sha(10)]: commit(10, 'Closes ACME-10 (reworded)') } };
    assert.deepEqual(encodeScanCache(replaced), freshBytes(replaced));
    const other = extended(emptyScanCache(DEFAULT_ID_PATTERNS), 3000, 3100);
    assert.deepEqual(encodeScanCache(other), freshBytes(other));
    const mixed = { ...base, graph: { ...base.graph, shas: [...base.graph.shas.slice(0, -1), 'ab'.repeat(32)] } };
    assert.equal(encodeScanCache(mixed), null, 'ids of two lengths are not stored');
  });

  it('reads as no cache a file another build of the scan wrote (the build, not the package version)', async () => {
    // The build's digest of src/core and src/git (esbuild.mjs), in the tests' build too.
    assert.match(ENGINE_BUILD, /^[0-9a-f]{16}$/);
    const cache = extended(emptyScanCache(DEFAULT_ID_PATTERNS), 0, 20);
    const bytes = encodeScanCache(cache) as Buffer;
    assert.notEqual(await decodeScanCache(bytes, async () => undefined), undefined);
    const mark = Buffer.from(`"engine":"${ENGINE_BUILD}"`, 'utf8');
    const at = bytes.indexOf(mark);
    assert.ok(at > 0, 'the header names no build');
    const other = Buffer.from(bytes);
    Buffer.from(`"engine":"${'0'.repeat(16)}"`, 'utf8').copy(other, at);
    assert.equal(await decodeScanCache(other, async () => undefined), undefined);
  });
});
