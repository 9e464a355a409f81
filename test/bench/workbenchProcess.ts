// The extension host of a running code-server, weighed through /proc (Linux): the process the
// extension names in its log ("activated in N ms (extension host process P)"), its resident memory
// now and at peak, sampled while the bench runs, and, when it ends before the bench is done, what
// code-server said about it: a failure the bench reports, never a figure it makes up.
import * as fs from 'node:fs';

export interface HostMemory {
  /** Resident set size now (VmRSS), in MB. */
  rssMb: number;
  /** The highest resident set size so far (VmHWM), in MB. */
  peakMb: number;
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // The process ended between listing and reading: it is simply not a candidate.
    return undefined;
  }
}

/** The memory of `pid`, or undefined once the process is gone (or is no extension host: the pid was reused). */
function extensionHostMemory(pid: number): HostMemory | undefined {
  if (!(read(`/proc/${pid}/cmdline`) ?? '').includes('--type=extensionHost')) return undefined;
  const status = read(`/proc/${pid}/status`);
  if (status === undefined) return undefined;
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/**
 * Samples one extension host's memory every `everyMs` until stopped: the last reading survives the
 * process, and `gone` says when it ended (with code-server's lines about extension hosts then).
 */
export class HostWatch {
  private timer: NodeJS.Timeout | undefined;
  last: HostMemory | undefined;
  gone: { atMs: number; serverSaid: string[] } | undefined;
  private readonly started = Date.now();

  constructor(
    readonly pid: number,
    private readonly serverOutput: readonly string[],
    everyMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** The memory now; undefined once the host is gone (see `gone`). */
  sample(): HostMemory | undefined {
    if (this.gone !== undefined) return undefined;
    const now = extensionHostMemory(this.pid);
    if (now === undefined) {
      this.gone = { atMs: Date.now() - this.started, serverSaid: this.serverOutput.filter((l) => /extension ?host|exited|crash|signal|SIGKILL|out of memory/i.test(l)).slice(-8) };
      this.stop();
      return undefined;
    }
    this.last = now;
    return now;
  }

  /** Why there is no reading, in words for the report. */
  failure(): string {
    const said = this.gone?.serverSaid.length ? ` code-server said: ${this.gone.serverSaid.join(' | ')}` : ' code-server said nothing about it.';
    return `the extension host ${this.pid} ended ${((this.gone?.atMs ?? 0) / 1000).toFixed(1)} s after it was found;${said}`;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
