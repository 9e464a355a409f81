// Where the installed package's run-time files are: templates/, media/ (the store's schemas) and
// l10n/. The bundle runs from dist/, the tests from out/src/cli/: both find the folder holding
// package.json and templates/ by walking up from this file.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const found = new Map<string, string>();

/** The installed package's root, from this file's location (looked up once per start folder). */
export function packageRoot(start: string = __dirname): string {
  let root = found.get(start);
  if (root === undefined) {
    root = findPackageRoot(start);
    found.set(start, root);
  }
  return root;
}

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'templates', 'en')) && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start, '..');
    dir = parent;
  }
}
