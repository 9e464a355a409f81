// One row of the benchmark's table, and how a pair of timings becomes one.
import type { PairTiming } from './measure';

export interface Row {
  operation: string;
  size: string;
  ours: string;
  raw: string;
  ratio: string;
  target: string;
  met: boolean | null;
  runs: string;
}

export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function runsLabel(t: PairTiming): string {
  return t.runs === 0 ? '1 (cold)' : String(t.runs);
}

export function ratioRow(operation: string, size: string, t: PairTiming, limit: number | null): Row {
  const ratio = t.ours.median / t.raw.median;
  return {
    operation,
    size,
    ours: ms(t.ours.median),
    raw: ms(t.raw.median),
    ratio: `${ratio.toFixed(2)}x`,
    target: limit === null ? '—' : `≤ ${limit}x`,
    met: limit === null ? null : ratio <= limit,
    runs: runsLabel(t),
  };
}

export function table(rows: Row[]): string {
  const head = '| operation | size | ours (ms, median) | raw git (ms, median) | ratio | target | met? | runs |';
  const rule = '|---|---|---:|---:|---:|---|---|---:|';
  const body = rows.map((r) => `| ${r.operation} | ${r.size} | ${r.ours} | ${r.raw} | ${r.ratio} | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : '**NO**'} | ${r.runs} |`);
  return [head, rule, ...body].join('\n');
}

/** BENCH_ONLY=scan: the rows after the re-scan are left out (a quick look at the scan alone). */
export function scanRowsOnly(): boolean {
  return process.env.BENCH_ONLY === 'scan';
}
