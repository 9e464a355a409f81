// `proof-of-fix lint`: findings per line or as JSON, the language guessed or given, exit codes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { guessLanguage } from '../../src/core/tone/check';
import { runCliCaptured } from '../support/cli';
import { makeTempDir } from '../support/tempDir';

const run = runCliCaptured;

describe('proof-of-fix lint', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('pof-lint-');
    fs.writeFileSync(path.join(dir, 'bad.en.md'), 'Hello,\n\nAs I already told you, it should be fixed now!!\n');
    fs.writeFileSync(path.join(dir, 'bad.es.md'), 'Hola:\n\nComo ya le dije, no es culpa mía. Se solucionará en breve.\n');
    fs.writeFileSync(path.join(dir, 'good.md'), 'Hello,\n\nThe fix is in v1.4.0 (commit a1b2c3d). I will send you the update on Friday.\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints each finding with file, line, column, rule, reason and suggestion, and exits 1', async () => {
    const { code, stdout } = await run(['lint', 'bad.en.md'], dir);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? '', /^bad\.en\.md:3:1 {2}condescending\.as-i-told {2}"As I already told you" {2}Reminding .+ Give the fact again plainly/);
    assert.match(lines[1] ?? '', /^bad\.en\.md:3:\d+ {2}overpromising\.hedged-done /);
    assert.match(lines[2] ?? '', /^bad\.en\.md:3:\d+ {2}shouting\.exclamation /);
  });

  it('guesses Spanish from the words, or takes --lang', async () => {
    assert.equal(guessLanguage('Hola: como ya le dije, la corrección está en la versión'), 'es');
    const { code, stdout } = await run(['lint', 'bad.es.md', '--json'], dir);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout) as Array<{ file: string; language: string; ruleId: string; category: string; suggestion: string }>;
    assert.deepEqual(findings.map((f) => f.category), ['condescending', 'defensive', 'stalling']);
    assert.deepEqual(findings.map((f) => f.ruleId), ['condescending.as-i-told', 'defensive.not-my-side', 'stalling.soon']);
    assert.ok(findings.every((f) => f.suggestion.length > 0));
    assert.ok(findings.every((f) => f.language === 'es' && f.file === 'bad.es.md'));
    const forcedEnglish = await run(['lint', '--lang', 'en', 'bad.es.md'], dir);
    assert.equal(forcedEnglish.code, 0);
  });

  it('accepts the words given with --allow as written', async () => {
    fs.writeFileSync(path.join(dir, 'caps.md'), 'Regards from the ACME team.\n');
    assert.equal((await run(['lint', 'caps.md'], dir)).code, 1);
    assert.equal((await run(['lint', 'caps.md', '--allow', 'ACME'], dir)).code, 0);
  });

  it('takes whose change it was with --change-by, and refuses other values', async () => {
    fs.writeFileSync(path.join(dir, 'passive.md'), 'Hello,\n\nThe validation was removed on 3 November.\n');
    assert.equal((await run(['lint', 'passive.md'], dir)).code, 0);
    const mine = await run(['lint', 'passive.md', '--change-by', 'me', '--json'], dir);
    assert.equal(mine.code, 1);
    assert.deepEqual((JSON.parse(mine.stdout) as Array<{ category: string }>).map((f) => f.category), ['dodging']);
    assert.equal((await run(['lint', 'passive.md', '--change-by', 'others'], dir)).code, 0);
    assert.equal((await run(['lint', 'passive.md', '--change-by', 'them'], dir)).code, 2);
  });

  it('exits 0 on a calm reply and 2 on bad arguments or a missing file', async () => {
    assert.equal((await run(['lint', 'good.md'], dir)).code, 0);
    assert.equal((await run(['lint', 'good.md', '--lang', 'fr'], dir)).code, 2);
    assert.equal((await run(['lint'], dir)).code, 2);
    const missing = await run(['lint', 'nope.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.md: ENOENT/);
  });
});
