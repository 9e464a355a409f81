// The extension host of a running code-server, found and weighed through /proc (Linux): the process
// among the server's descendants started as an extension host, and its resident memory now and at peak.
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

function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields?.[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

function startTicks(pid: number): number {
  const stat = read(`/proc/${pid}/stat`) ?? '';
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? 0);
}

function descends(pid: number, ancestor: number): boolean {
  for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parentOf(p), hops++) {
    if (p === ancestor) return true;
  }
  return false;
}

/** The newest extension host under the server process, or undefined while none runs. */
export function findExtensionHost(serverPid: number): number | undefined {
  const hosts = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => (read(`/proc/${pid}/cmdline`) ?? '').includes('--type=extensionHost') && descends(pid, serverPid));
  return hosts.sort((a, b) => startTicks(b) - startTicks(a))[0];
}

export function extensionHostMemory(pid: number): HostMemory {
  const status = read(`/proc/${pid}/status`);
  if (status === undefined) throw new Error(`the extension host ${pid} is gone`);
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}
