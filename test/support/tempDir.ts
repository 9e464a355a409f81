import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Every temporary folder a test makes is removed when its process exits, whether or not the test
// cleaned up after itself (a failed assertion skips the test's own cleanup): one exit hook for all.
// PROOF_OF_FIX_KEEP_TMP=1 keeps them for a look after a failure, as the runners do.
const toRemove = new Set<string>();

/** Removes this folder (and everything in it) when the process exits. */
export function removeAtExit(dir: string): void {
  if (process.env.PROOF_OF_FIX_KEEP_TMP === '1') return;
  if (toRemove.size === 0) process.once('exit', () => toRemove.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  toRemove.add(dir);
}

/** A new empty temporary folder, removed at exit; its real path, since git and VS Code report real paths. */
export function makeTempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  removeAtExit(dir);
  return dir;
}
