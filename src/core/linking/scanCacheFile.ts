// The persisted scan cache: <git-common-dir>/proof-of-fix/scan-cache.json. In the common git dir
// so every worktree shares it and it is never committed; written atomically (temp file + rename)
// so a crash or a concurrent run never leaves half a file; a damaged file only costs a full scan.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createNodeStoreFs } from '../store/storeFs';
import type { ScanCache } from './scan';
import { isScanCache } from './scan';

export function scanCachePath(gitCommonDir: string): string {
  return path.join(gitCommonDir, 'proof-of-fix', 'scan-cache.json');
}

export async function readScanCache(file: string): Promise<ScanCache | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isScanCache(value) ? value : undefined;
  } catch {
    // No cache yet, or a damaged one: a full scan rebuilds it.
    return undefined;
  }
}

export async function writeScanCache(file: string, cache: ScanCache): Promise<void> {
  // The same atomic write as the files the user owns.
  await createNodeStoreFs().writeFileAtomic(file, JSON.stringify(cache));
}
