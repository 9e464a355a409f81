// Where our time goes: per port method (git process plus the adapter's parsing) and, underneath, the
// wall time git processes themselves were alive. What is left is the engine's own work in Node.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type * as ChildProcess from 'node:child_process';
import type { GitPort } from '../../src/core/gitPort';

export interface MethodStats {
  calls: number;
  ms: number;
}

export interface PortClock {
  port: GitPort;
  stats: Map<string, MethodStats>;
}

/** Wraps a port so every method call is counted and timed (concurrent calls overlap in the sums). */
export function clockPort(port: GitPort): PortClock {
  const stats = new Map<string, MethodStats>();
  const wrapped = new Proxy(port, {
    get(target, name, receiver): unknown {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        const started = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          const entry = stats.get(name) ?? { calls: 0, ms: 0 };
          entry.calls++;
          entry.ms += performance.now() - started;
          stats.set(name, entry);
        }
      };
    },
  });
  return { port: wrapped, stats };
}

export interface ProcessStats {
  processes: number;
  /** Sum of spawn-to-exit wall times (overlapping processes count twice). */
  ms: number;
  /** Wall time during which at least one git process was alive. */
  busyMs: number;
  stdoutBytes: number;
  /** Processes that printed nothing at all: simple-git waits 50 ms more before it settles those. */
  silent: number;
  /** When the last git process ended (performance.now()), if any did. */
  lastExit?: number;
}

// The adapter spawns through the shared child_process module object, so swapping its `spawn` for the
// length of one profiled run sees every git process without touching the adapter.
const childProcess = createRequire(__filename)('node:child_process') as typeof ChildProcess;

/** Starts counting git processes; call the returned function to stop and read the totals. */
export function clockGitProcesses(): () => ProcessStats {
  const original = childProcess.spawn;
  const stats: ProcessStats = { processes: 0, ms: 0, busyMs: 0, stdoutBytes: 0, silent: 0 };
  let alive = 0;
  let busySince = 0;
  const patched = function (this: unknown, ...args: unknown[]): ChildProcess.ChildProcess {
    const child = (original as (...a: unknown[]) => ChildProcess.ChildProcess).apply(this, args);
    if (args[0] === 'git') {
      const started = performance.now();
      stats.processes++;
      if (alive++ === 0) busySince = started;
      let printed = false;
      child.stdout?.on('data', (chunk: Buffer | string) => {
        stats.stdoutBytes += chunk.length;
        printed = true;
      });
      child.stderr?.on('data', () => {
        printed = true;
      });
      child.once('close', () => {
        const now = performance.now();
        if (!printed) stats.silent++;
        stats.lastExit = now;
        stats.ms += now - started;
        if (--alive === 0) stats.busyMs += now - busySince;
      });
    }
    return child;
  };
  childProcess.spawn = patched as typeof childProcess.spawn;
  return () => {
    childProcess.spawn = original;
    return stats;
  };
}
