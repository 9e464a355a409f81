// Wraps a GitPort so that every call reports how long it took. The adapter logs each git command
// as it starts but not when it ends; with this, the log answers "what was slow" as well.
import type { GitPort } from './gitPort';

export function timedGitPort(port: GitPort, log: (line: string) => void): GitPort {
  const timed = {} as Record<string, unknown>;
  for (const name of Object.keys(port) as (keyof GitPort)[]) {
    const method = port[name] as unknown;
    if (typeof method !== 'function') {
      timed[name] = method;
      continue;
    }
    timed[name] = async (...args: unknown[]): Promise<unknown> => {
      const started = Date.now();
      try {
        const result: unknown = await (method as (...a: unknown[]) => Promise<unknown>).apply(port, args);
        log(`git ${name}: ${Date.now() - started} ms`);
        return result;
      } catch (error) {
        log(`git ${name}: failed after ${Date.now() - started} ms`);
        throw error;
      }
    };
  }
  return timed as unknown as GitPort;
}
