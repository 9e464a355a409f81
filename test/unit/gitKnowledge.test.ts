// Git knowledge lives in src/git: the formats and parsers of git output, the reading of `.git`
// files, and (in core, shared by both) the one sha module. These pin the boundary by reading the
// sources, so a parser or a sha pattern that creeps back into core fails here.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

function offenders(dir: string, pattern: RegExp, except: string[] = []): string[] {
  return sourceFiles(path.join(root, dir))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .filter((f) => !except.includes(f))
    .filter((f) => pattern.test(readFileSync(path.join(root, f), 'utf8')));
}

describe('git knowledge in one place', () => {
  it('src/core declares no git output format and splits no git output', () => {
    assert.deepEqual(offenders('core', /declareFormat|--format|--porcelain|split\('\\0'\)|%x1[DE]/i), []);
  });

  it('git output is split only by the parsers in src/git/parsers (one --name-status -z walker)', () => {
    const parsers = sourceFiles(path.join(root, 'git', 'parsers')).map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepEqual(offenders('.', /split\('\\0'\)|--name-status[^\n]*\n[^\n]*split/, parsers), []);
  });

  it('src/core reads no file inside .git', () => {
    assert.deepEqual(offenders('core', /'\.git'|gitdir:|commondir/), []);
  });

  it('one sha module: no other file spells a commit-id pattern of its own', () => {
    // Left out: the revert detector reads "This reverts commit <id>" out of message text (a message
    // pattern, not a check of an id we were handed), and the JSON reader's \uXXXX escapes.
    const except = ['core/sha.ts', 'core/evidence/reverts.ts', 'core/store/jsonLocate.ts'];
    assert.deepEqual(offenders('.', /\[0-9(?:a-f|A-F){1,2}\]\{(?:4|7|40|64)/, except), []);
  });

});
