// The persisted scan cache: <git-common-dir>/proof-of-fix/scan-cache.json. In the common git dir
// so every worktree shares it and it is never committed; written atomically (temp file + rename)
// so a crash or a concurrent run never leaves half a file; a damaged file only costs a full scan.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { GitPort } from '../gitPort';
import { createNodeStoreFs } from '../store/storeFs';
import type { IdPatterns } from './messageParser';
import type { ScanCache, ScanResult } from './scan';
import { isScanCache, patternsKey, scanHistory } from './scan';

function scanCachePath(gitCommonDir: string): string {
  return path.join(gitCommonDir, 'proof-of-fix', 'scan-cache.json');
}

async function readScanCache(file: string): Promise<ScanCache | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isScanCache(value) ? value : undefined;
  } catch {
    // No cache yet, or a damaged one: a full scan rebuilds it.
    return undefined;
  }
}

async function writeScanCache(file: string, cache: ScanCache): Promise<void> {
  // The same atomic write as the files the user owns.
  await createNodeStoreFs().writeFileAtomic(file, JSON.stringify(cache));
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
  const file = scanCachePath((await port.repoState()).gitCommonDir);
  const cache = await readScanCache(file);
  if (mode === 'if-present' && (cache === undefined || cache.patternsKey !== patternsKey(patterns))) return null;
  const result = await scanHistory(port, { patterns }, cache);
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
