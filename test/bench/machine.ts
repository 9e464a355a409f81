// The facts a reader needs to judge a benchmark table: the same numbers mean little on another machine.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { git } from './gitProcess';

export interface MachineFacts {
  node: string;
  git: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  /** 1-minute load average when the run started: other work on the machine shows up here. */
  loadAtStart: number;
}

export async function machineFacts(cwd: string): Promise<MachineFacts> {
  return {
    node: process.version,
    git: (await git(cwd, ['--version'])).trim().replace(/^git version /, ''),
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    loadAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match !== null) return (match[1] as string).trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

/**
 * CPU time (user + system, ms) of this process's children that have ended and been waited for:
 * git's own CPU for the commands run so far. Linux only (/proc); null elsewhere.
 */
export function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name in parentheses; cutime and cstime are the 16th and 17th, in clock ticks (100 per second).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    // Not Linux: no children's CPU to report.
    return null;
  }
}
