// The extension's scan through the same cache file as the CLI (scanCacheFile.ts): the first scan
// of a session starts from the file, so after a restart only the commits made since are read; later
// scans start from the cache in memory. The file is written after a scan that read new commits,
// without making the caller wait for the disk.
import type { IdPatterns } from './messageParser';
import type { GitPort } from '../gitPort';
import type { ScanCache, ScanResult } from './scan';
import { scanHistory } from './scan';
import { readScanCache, scanCachePath, writeScanCache } from './scanCacheFile';

export async function scanThroughCacheFile(
  port: GitPort,
  patterns: IdPatterns,
  gitCommonDir: string,
  inMemory: ScanCache | undefined,
  onWriteError: (error: unknown) => void,
): Promise<ScanResult> {
  const file = scanCachePath(gitCommonDir);
  const cache = inMemory ?? (gitCommonDir === '' ? undefined : await readScanCache(file));
  const result = await scanHistory(port, { patterns }, cache);
  if (result.commitsRead > 0 && gitCommonDir !== '') {
    // The answer does not depend on the write: a failed one costs the next session a longer scan.
    writeScanCache(file, result.cache).catch(onWriteError);
  }
  return result;
}
