import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A new empty temporary folder; its real path, since git and VS Code report real paths. */
export function makeTempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}
