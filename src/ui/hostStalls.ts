// Tells the log when the extension host's event loop stalled (a timer fired far later than asked:
// its own work, or no processor for it), for a while after activation: a command, a view or a
// request that waited then waited for the host (ours or another extension's), not for git. Read by the benchmark beside its timings.
import { log } from './log';

const EVERY_MS = 100;
/** A stall shorter than this is the machine's ordinary jitter. */
const REPORT_MS = 250;

/** Watches for `forMs` after activation; returns the function that stops it. */
export function watchHostStalls(forMs = 120_000): () => void {
  const until = Date.now() + forMs;
  let expected = Date.now() + EVERY_MS;
  const timer = setInterval(() => {
    const now = Date.now();
    const late = now - expected;
    if (late >= REPORT_MS) log().info(`The extension host stalled for ${late} ms (a timer fired that late: the host was busy, or had no processor)`);
    expected = now + EVERY_MS;
    if (now > until) clearInterval(timer);
  }, EVERY_MS);
  // Keeps no process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
