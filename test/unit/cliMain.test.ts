// The CLI's entry: the version comes from package.json, and the command list from the same table
// that dispatches, so neither can drift from what is installed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCliCaptured } from '../support/cli';

const ROOT = path.resolve(__dirname, '../../..');

describe('CLI entry', () => {
  it('--version prints the version of package.json', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runCliCaptured(['--version'], ROOT);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${manifest.version}\n`);
  });

  it('no command: the usage on stdout, exit 2; an unknown one: exit 2 naming it', async () => {
    const none = await runCliCaptured([], ROOT);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /^usage: proof-of-fix <command>/);
    const unknown = await runCliCaptured(['frobnicate'], ROOT);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^proof-of-fix: unknown command 'frobnicate'\n/);
  });

  it('every listed command answers --help with exit 0', async () => {
    const list = (await runCliCaptured(['--help'], ROOT)).stdout;
    const names = [...list.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1] as string);
    assert.ok(names.length >= 4, list);
    for (const name of names) {
      const run = await runCliCaptured([name, '--help'], ROOT);
      assert.equal(run.code, 0, `${name}: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`usage: proof-of-fix ${name}`));
    }
  });
});
