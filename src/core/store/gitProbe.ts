// Whether a folder is inside a git repository, answered from the file system alone: it must work in
// Restricted Mode, where no git process may run.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export async function isInsideGitRepository(dir: string): Promise<boolean> {
  for (let current = path.resolve(dir); ; ) {
    try {
      // `.git` is a folder in a normal clone and a file in worktrees and submodules.
      await fs.stat(path.join(current, '.git'));
      return true;
    } catch {
      // Not here; keep looking upwards.
    }
    const parent = path.dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}
