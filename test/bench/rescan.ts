// The re-scan row: each run puts one new commit on a ref (a new object every time, so the cache
// cannot have seen it), times an incremental scan from the full scan's cache, and puts the ref back.
import type { GitPort } from '../../src/core/gitPort';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import type { ScanCache } from '../../src/core/linking/scan';
import { scanHistory } from '../../src/core/linking/scan';
import { git } from './gitProcess';
import type { MeasureOptions } from './measure';
import { median, timeOnce } from './measure';

export interface RescanTiming {
  median: number;
  runs: number;
  commitsRead: number;
}

export interface RescanPlace {
  /** The commit the new one is made on. */
  parent: string;
  /** The ref moved to the new commit. */
  ref: string;
  /** What the ref pointed to before (it is put back), or null for a ref made only for the run (deleted). */
  previous: string | null;
  message: (run: number) => string;
}

export async function measureRescan(repo: string, port: GitPort, cache: ScanCache, options: MeasureOptions, place: RescanPlace): Promise<RescanTiming> {
  const tree = (await git(repo, ['rev-parse', `${place.parent}^{tree}`])).trim();
  let n = 0;
  let commitsRead = -1;
  const once = async (): Promise<number> => {
    n++;
    const created = (await git(repo, ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', 'commit-tree', tree, '-p', place.parent, '-m', place.message(n)])).trim();
    await git(repo, ['update-ref', place.ref, created, ...(place.previous === null ? [] : [place.previous])]);
    try {
      return await timeOnce(async () => {
        commitsRead = (await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS }, cache)).commitsRead;
      });
    } finally {
      await git(repo, place.previous === null ? ['update-ref', '-d', place.ref] : ['update-ref', place.ref, place.previous, created]);
    }
  };
  await once();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push(await once());
  return { median: median(samples), runs: samples.length, commitsRead };
}
