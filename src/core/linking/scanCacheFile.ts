// The persisted scan cache: <git-common-dir>/proof-of-fix/scan-cache.json. In the common git dir
// so every worktree shares it and it is never committed; written atomically (temp file + rename)
// so a crash or a concurrent run never leaves half a file; a damaged file only costs a full scan.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
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
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(cache), 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
