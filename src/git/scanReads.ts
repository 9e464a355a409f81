// The reads of a whole-history scan (GitPort.scanMessages): one read of every commit in full, or
// two, where the first reads ids, parents and messages only and the second the few commits whose
// message shows an id's mark (see SCAN_MESSAGE_ARGS in parsers/log.ts).
import { currentCancelSignal, EvidenceCancelled } from '../core/evidence/cancel';
import type { MessageRecord, ScanFilter } from '../core/gitPort';
import { GitFailure } from '../core/gitPort';
import type { GitRunner } from './gitRunner';
import { markedCommitStream, SCAN_ARGS, SCAN_MESSAGE_ARGS, scanRecordStream } from './parsers/log';

/** Every commit of the range in full, parsed as git prints it; the runner does not also collect the output. */
export async function readInFull(runner: GitRunner, revisions: string[], onRecord: (record: MessageRecord) => void): Promise<number> {
  let count = 0;
  const stream = scanRecordStream((record) => {
    count++;
    onRecord(record);
  });
  await runner.run([...SCAN_ARGS, ...revisions], { onStdout: (chunk) => stream.push(toBuffer(chunk)), streamOnly: true });
  stream.end();
  return count;
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

// The first read is given up (for one read in full) when, of the newest commits, this share or
// more show a mark: reading them twice would cost more than reading every header once.
const MARKED_SAMPLE = 2000;
const MARKED_SHARE_TO_GIVE_UP = 1 / 3;
// Ids per command of the second read: about 160 KB of arguments, well under Linux's and macOS's
// limits, in few commands (each one a process, which costs a large Node process dearly to start:
// at 100k commits, batches of 1000 made the scan slower on two busy cores than batches of 4000).
// Windows allows 32 KB per command line: there a scan reads everything in one pass.
export const IDS_PER_READ = 4000;
// Ids given as arguments are looked up as ref names too, only to warn when one is also a ref's name:
// thousands of lookups per command for a warning nobody reads (each id is a full commit id).
const ID_ARGS_CONFIG = ['core.warnAmbiguousRefs=false'];

/**
 * Two reads (see SCAN_MESSAGE_ARGS): ids, parents and messages of the whole range, then in full
 * only the commits whose message shows a mark. The second read runs in batches while the first
 * is still printing, on `beside` (a runner with a queue of its own: a few commits by id, no walk),
 * so that parsing the marked commits' references overlaps git's walk instead of following it.
 * Every marked commit must come back: one the second read lost would be an issue's fix missing
 * from the answer.
 */
export async function readMarked(runner: GitRunner, beside: GitRunner, revisions: string[], onRecord: (record: MessageRecord) => void, filter: ScanFilter): Promise<number> {
  const outer = currentCancelSignal();
  let again = 0;
  const batches: Promise<unknown>[] = [];
  let waiting: string[] = [];
  const readAgain = (): void => {
    const shas = waiting;
    waiting = [];
    // Each batch its own parser: two batches' output must never be joined.
    const full = scanRecordStream((record) => {
      again++;
      onRecord(record);
    });
    const batch = beside.run([...SCAN_ARGS, '--no-walk=unsorted', ...shas, '--'], {
      onStdout: (chunk) => full.push(toBuffer(chunk)),
      streamOnly: true,
      signal: outer,
      config: ID_ARGS_CONFIG,
    });
    // Awaited below; meanwhile a failure is kept, not reported as unhandled.
    batch.catch(() => undefined);
    batches.push(batch);
  };
  let count = 0;
  let marked = 0;
  let decided = false;
  const giveUp = new AbortController();
  const afterEach = (): void => {
    if (++count === MARKED_SAMPLE) {
      if (waiting.length >= count * MARKED_SHARE_TO_GIVE_UP) giveUp.abort();
      else decided = true;
    }
    // Before the sample decides, nothing is read again (a first read given up reads everything).
    if (decided && waiting.length >= IDS_PER_READ) readAgain();
  };
  const stream = markedCommitStream(filter.marks, {
    marked(sha) {
      marked++;
      waiting.push(sha);
      afterEach();
    },
    other: {
      addLine(bytes, start, idLength, parentCount) {
        filter.other.addLine(bytes, start, idLength, parentCount);
        afterEach();
      },
    },
  });
  try {
    await runner.run([...SCAN_MESSAGE_ARGS, ...revisions], {
      onStdout: (chunk) => stream.push(toBuffer(chunk)),
      streamOnly: true,
      // A full scan names every tip by id (git/git: a thousand).
      config: ID_ARGS_CONFIG,
      signal: outer === undefined ? giveUp.signal : AbortSignal.any([giveUp.signal, outer]),
    });
  } catch (error) {
    if (error instanceof EvidenceCancelled && giveUp.signal.aborted && outer?.aborted !== true) return readInFull(runner, revisions, onRecord);
    throw error;
  }
  stream.end();
  if (waiting.length > 0) readAgain();
  await Promise.all(batches);
  if (again !== marked) throw new GitFailure('failed', `the second read of the scan returned ${again} of ${marked} commits`);
  return count;
}
