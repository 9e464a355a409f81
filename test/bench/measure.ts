// Timing helpers. Ours and the baseline alternate run by run, so a burst of load from another process
// on the machine lands on both sides instead of skewing one of them.
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Median wall time of the measured runs, in milliseconds. */
  median: number;
  samples: number[];
}

export interface PairTiming {
  ours: Timing;
  raw: Timing;
  /** Measured runs; 0 when the operation was too slow for the budget and its cold run is the sample. */
  runs: number;
}

export interface MeasureOptions {
  /** Measured runs wanted (a warm-up run always comes first and is not counted). */
  runs: number;
  /** Wall-time budget for one side; slow operations get fewer runs (at least one) to stay in it. */
  budgetMs: number;
}

export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** How many measured runs fit the budget, judged from the warm-up. */
function runsFor(warmupMs: number, options: MeasureOptions): number {
  return Math.max(1, Math.min(options.runs, Math.floor(options.budgetMs / Math.max(1, warmupMs))));
}

/**
 * Measures ours and the baseline alternately. `before`/`after` run around every single run, outside
 * the timed region (e.g. to add the commit a re-scan must find, then remove it).
 */
export async function measurePair(
  ours: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  options: MeasureOptions,
  hooks: { before?: () => Promise<void>; after?: () => Promise<void> } = {},
): Promise<PairTiming> {
  const once = async (fn: () => Promise<unknown>): Promise<number> => {
    await hooks.before?.();
    try {
      return await timeOnce(fn);
    } finally {
      await hooks.after?.();
    }
  };
  const warmOurs = await once(ours);
  const warmRaw = await once(raw);
  // An operation slower than the whole budget is measured once, cold: its warm-up is the sample.
  if (Math.max(warmOurs, warmRaw) > options.budgetMs) {
    return { ours: { median: warmOurs, samples: [warmOurs] }, raw: { median: warmRaw, samples: [warmRaw] }, runs: 0 };
  }
  const runs = runsFor(Math.max(warmOurs, warmRaw), options);
  const oursSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    oursSamples.push(await once(ours));
    rawSamples.push(await once(raw));
  }
  return {
    ours: { median: median(oursSamples), samples: oursSamples },
    raw: { median: median(rawSamples), samples: rawSamples },
    runs,
  };
}
