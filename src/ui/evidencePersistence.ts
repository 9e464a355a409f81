// Keeps a folder's evidence cache in a file between sessions (see core/evidence/evidenceFile.ts): read
// once when the folder's evidence is set up, written shortly after each new answer (one write for a
// burst of them), and once more when the window closes with a write pending.
import type { EvidenceCache } from '../core/evidence/evidenceCache';
import { readEvidenceFile, writeEvidenceFile } from '../core/evidence/evidenceFile';
import { log } from './log';
import { requestEndedSince } from './requestProgress';

const SAVE_DELAY_MS = 500;

/**
 * How long after the window opens the background checks of a window that restored the last
 * session's evidence wait at most (see backgroundMayStart); they start earlier once the window's
 * first request has ended. A reloaded window's view shows the kept verdicts at once; re-checking
 * them at once (the scan cache's read, git processes) held its extension host in the first two
 * seconds, while the window started its other extensions and the person opened the palette (F1 →
 * the issue picker 1.1-1.2 s, 0.35 s in a window alone). Started 3 s after the window opened, they
 * still met the first request in the bench, whose window logs its activation late under load.
 */
const RESTORED_QUIET_MS = 10_000;

export class EvidencePersistence {
  /** Settles (never rejects) once the file's entries are in the cache. */
  readonly restored: Promise<void>;
  /**
   * Settles when the folder's background checks may start: at once when the file held nothing
   * (no verdict to show: the view waits for the checks), else when the window's first request has
   * ended or `quietMs` after the window opened, whichever comes first. A
   * person's request never waits for it: it answers from the file when the repository still matches.
   */
  readonly backgroundMayStart: Promise<void>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly cache: EvidenceCache<unknown>,
    onRestored: () => void,
    quietMs = RESTORED_QUIET_MS,
  ) {
    const started = Date.now();
    // Read after the turn that sets the folder up (activation, when the folder is known then): with
    // the read started inside it, a reloaded window's step that sets up the evidence took 54-133 ms
    // in three runs (15 ms before the file existed); the cause is not pinned down.
    const read = new Promise<void>((resolve) => setImmediate(resolve)).then(() => readEvidenceFile(file, version));
    const count = read.then((entries) => {
      for (const [id, { key, evidence }] of entries) cache.restore(id, key, evidence);
      if (entries.size > 0) {
        log().info(`Read the evidence of ${entries.size} issue(s) from the last session in ${Date.now() - started} ms (each used only if the repository still matches)`);
        onRestored();
      }
      return entries.size;
    });
    this.restored = count.then(() => undefined);
    this.backgroundMayStart = count.then(async (size) => {
      const until = started + quietMs;
      if (size === 0 || Date.now() >= until) return;
      log().info(`The last session's evidence is shown; background checks start in ${until - Date.now()} ms, or when the first request has ended`);
      while (Date.now() < until && !requestEndedSince(started)) await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(1, until - Date.now()))));
    });
  }

  /** A new answer is in the cache: written once the burst is over. */
  saveSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  private save(): void {
    this.timer = undefined;
    writeEvidenceFile(this.file, this.version, this.cache.keyed()).catch((error: unknown) => {
      // Only the next session's speed depends on it: said in the log, never to the person.
      log().warn(`Could not keep the evidence for the next session in ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** The window closes: a pending write is started now. */
  dispose(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.save();
    }
  }
}
