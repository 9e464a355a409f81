// The environment every git the tests run gets: nothing from the caller's git (no GIT_* variable
// such as GIT_DIR or GIT_INDEX_FILE from a hook, no ~/.gitconfig, no system config), a HOME of its
// own, and the C locale, so a test repository is the same on every machine and in every shell.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeAtExit } from './tempDir';

export function isolatedGitEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return { ...env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extra };
}

/** An empty folder to serve as HOME, removed when the process exits. */
export function emptyHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pof-home-'));
  removeAtExit(home);
  return home;
}
