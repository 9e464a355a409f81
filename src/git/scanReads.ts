// The reads of a whole-history scan (GitPort.scanMessages): every commit in full as git stores it
// (SCAN_ARGS), or, given the marks of the id patterns, every commit's id, parents, author and
// message, where only the messages that show a mark are decoded (SCAN_LOG_ARGS in parsers/log.ts).
import type { MessageRecord, ScanFilter } from '../core/gitPort';
import type { GitRunner } from './gitRunner';
import { markedCommitStream, SCAN_ARGS, SCAN_LOG_ARGS, scanRecordStream } from './parsers/log';

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

// Tips given by id are looked up as ref names too, only to warn when one is also a ref's name:
// a full scan names every tip (git/git: a thousand), each a full commit id.
const ID_ARGS_CONFIG = ['core.warnAmbiguousRefs=false'];

/**
 * One read of the range (see SCAN_LOG_ARGS): the commits whose message shows a mark reach
 * `onRecord` in full, every other one only its id line (`filter.other`: the graph).
 */
export async function readMarked(runner: GitRunner, revisions: string[], onRecord: (record: MessageRecord) => void, filter: ScanFilter): Promise<number> {
  let count = 0;
  const stream = markedCommitStream(filter.marks, {
    marked(record) {
      count++;
      onRecord(record);
    },
    other: {
      addLine(bytes, start, idLength, parentCount) {
        count++;
        filter.other.addLine(bytes, start, idLength, parentCount);
      },
    },
  });
  await runner.run([...SCAN_LOG_ARGS, ...revisions], { onStdout: (chunk) => stream.push(toBuffer(chunk)), streamOnly: true, config: ID_ARGS_CONFIG });
  stream.end();
  return count;
}
