// The persisted scan cache: <git-common-dir>/proof-of-fix/scan-cache.bin (format in
// scanCacheFormat.ts). In the common git dir so every worktree shares it and it is never committed;
// written atomically (temp file + rename) so a crash or a concurrent run never leaves half a file;
// an old, damaged or unreadable file only costs a full scan. Reading it pauses between its slices
// of work, so the extension host answers other requests while a 100k-commit cache loads.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { GitPort, RefTip } from '../gitPort';
import { prepareCommitGraph } from './commitGraph';
import type { IdPatterns } from './messageParser';
import type { ScanCache, ScanResult } from './scan';
import { patternsKey, scanHistory } from './scan';
import { decodeScanCache, encodeScanCache } from './scanCacheFormat';

export function scanCachePath(gitCommonDir: string): string {
  return path.join(gitCommonDir, 'proof-of-fix', 'scan-cache.bin');
}

/** The JSON file earlier versions wrote: removed once the new file is written. */
function legacyCachePath(gitCommonDir: string): string {
  return path.join(gitCommonDir, 'proof-of-fix', 'scan-cache.json');
}

/** Lets the event loop run (I/O, timers, other requests) between two slices of work. */
function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Where each step of the last read went, in milliseconds (for the benchmark and logs). */
export interface CacheReadTimes {
  read: number;
  decode: number;
  graph: number;
  /** The longest stretch between two pauses. */
  longestStep: number;
}

/**
 * The cache in a file, or undefined (none, damaged, another format). With `times`, each step is
 * timed. The commit graph's query structure is built here too, in slices: the first question after
 * a reload then finds it ready instead of building it in one block.
 */
export async function readScanCache(file: string, times?: CacheReadTimes): Promise<ScanCache | undefined> {
  let mark = performance.now();
  let stepStart = mark;
  let longest = 0;
  const timedPause = async (): Promise<void> => {
    longest = Math.max(longest, performance.now() - stepStart);
    await pause();
    stepStart = performance.now();
  };
  const lap = (): number => {
    const now = performance.now();
    const spent = now - mark;
    mark = now;
    return spent;
  };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    // No cache yet, or an unreadable one: a full scan builds it.
    return undefined;
  }
  const read = lap();
  stepStart = performance.now();
  const cache = await decodeScanCache(bytes, timedPause);
  const decode = lap();
  if (cache !== undefined) await prepareCommitGraph(cache.graph, timedPause);
  longest = Math.max(longest, performance.now() - stepStart);
  if (times !== undefined) Object.assign(times, { read, decode, graph: lap(), longestStep: longest });
  return cache;
}

async function writeScanCache(file: string, cache: ScanCache): Promise<void> {
  const bytes = encodeScanCache(cache);
  // Ids of mixed lengths cannot be stored in this format: the next session scans in full.
  if (bytes === null) return;
  await mkdir(path.dirname(file), { recursive: true });
  // A dot-name in the same folder: the rename is atomic, and a reader sees the old file or the new.
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    await rename(tmp, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
  // The older format's file is ours too, and never read again.
  await rm(legacyCachePath(path.dirname(path.dirname(file))), { force: true });
}

/**
 * A scan through the repository's persisted cache: read it, bring it up to date (only new commits
 * are read), store it again when anything new was read. `ignore` neither reads nor writes it;
 * `if-present` answers null unless an existing cache for these patterns could be updated, for a
 * caller that has a cheaper way than a full scan.
 */
export async function scanWithCacheFile(
  port: GitPort,
  patterns: IdPatterns,
  mode: 'use' | 'ignore' | 'if-present',
  onWriteError: (error: unknown) => void,
): Promise<ScanResult | null> {
  if (mode === 'ignore') return scanHistory(port, { patterns });
  // The refs are listed while the file is read and decoded (git's work beside Node's): the scan is
  // handed that listing. Refs that move meanwhile are read as a re-scan reads any move.
  const listing = port.listTips();
  listing.catch(() => undefined);
  const file = scanCachePath((await port.repoState()).gitCommonDir);
  const cache = await readScanCache(file);
  if (mode === 'if-present' && (cache === undefined || cache.patternsKey !== patternsKey(patterns))) {
    // No git is left running unawaited; the listing's failure does not matter without a scan.
    await listing.catch(() => undefined);
    return null;
  }
  const result = await scanHistory(withListing(port, listing), { patterns }, cache);
  if (mode === 'if-present' && !result.incremental) return null;
  if (result.commitsRead > 0) {
    try {
      await writeScanCache(file, result.cache);
    } catch (error) {
      onWriteError(error);
    }
  }
  return result;
}

/** The port, whose first `listTips` is answered by a listing already under way. */
function withListing(port: GitPort, listing: Promise<RefTip[]>): GitPort {
  let handed = false;
  return new Proxy(port, {
    get(target, name, receiver): unknown {
      if (name !== 'listTips' || handed) return Reflect.get(target, name, receiver);
      return (): Promise<RefTip[]> => {
        handed = true;
        return listing;
      };
    },
  });
}

/**
 * The extension's scan through the same file: the first scan of a session starts from the file, so
 * after a restart only the commits made since are read; later scans start from the cache in memory.
 * The file is written after a scan that read new commits, without making the caller wait for it.
 */
export async function scanThroughCacheFile(
  port: GitPort,
  patterns: IdPatterns,
  gitCommonDir: string,
  inMemory: ScanCache | undefined,
  onWriteError: (error: unknown) => void,
): Promise<ScanResult> {
  const file = gitCommonDir === '' ? null : scanCachePath(gitCommonDir);
  const cache = inMemory ?? (file === null ? undefined : await readScanCache(file));
  const result = await scanHistory(port, { patterns }, cache);
  // The answer does not depend on the write: a failed one costs the next session a longer scan.
  if (result.commitsRead > 0 && file !== null) writeScanCache(file, result.cache).catch(onWriteError);
  return result;
}
