// The CLI reads client issues through the extension's store: the schemas in media/, migration of
// older files, the same problem codes. Each case runs `evidence` or `reply` on the demo repository
// through runCli and pins the exit code and the one line that names the file, the place and the
// problem.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { bundleCli, runCliCaptured as cli } from '../support/cli';
import type { CliRun } from '../support/cli';
import { createDemoWorkspace } from '../support/demoWorkspace';
import { issueRecord } from '../support/storeFixtures';
import { makeTempDir } from '../support/tempDir';

const ROOT = path.resolve(__dirname, '../../..');

function assertStoreError(run: CliRun, pattern: RegExp): void {
  assert.equal(run.code, 2, `exit ${run.code}: ${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.equal(run.stderr.split('\n').filter((l) => l !== '').length, 1, `one line: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(run.stdout, '');
}

describe('CLI reads issues through the validated store', function () {
  this.timeout(60000);
  let root: string;
  let dir: string;
  let issues: string;
  const write = (id: string, text: string): string => {
    const file = path.join(issues, `${id}.json`);
    fs.writeFileSync(file, text);
    return file;
  };
  const issue = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ...issueRecord(id, { client: 'Acme Logística', title: 't', reports: [] }), ...extra });
  // Each test writes the files it reads, so any one of them runs alone.
  const writeOldFormat = async (id: string): Promise<{ file: string; text: string; sha: string }> => {
    const reverted = JSON.parse((await cli(['evidence', '--repo', dir, '--ref', 'ACME-2', '--json'], dir)).stdout) as IssueEvidence;
    const sha = reverted.fixes[0]?.sha ?? '';
    assert.match(sha, /^[0-9a-f]{40}$/);
    const text = JSON.stringify({ id, client: 'Acme Logística', title: 'old format', reports: [{ date: '2026-02-06', words: 'w' }], fixes: [sha] }, null, 2);
    return { file: write(id, text), text, sha };
  };
  const writeBadStatus = (id: string): string => write(id, `${JSON.stringify(issue(id, { status: 'bogus' }), null, 2)}\n`);
  const writeMalformed = (id: string): string => write(id, `{\n  "schemaVersion": 1,\n  "id": "${id}",\n  "client": ,\n}\n`);

  before(() => {
    root = makeTempDir('pof-cli-store-');
    dir = path.join(root, 'shop');
    createDemoWorkspace(dir, { issues: true });
    issues = path.join(dir, '.proof-of-fix', 'issues');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads a valid issue: its client brings the deployed ref', async () => {
    const run = await cli(['evidence', '--repo', dir, '--issue', 'ACME-2', '--json'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const e = JSON.parse(run.stdout) as IssueEvidence;
    assert.equal(e.issueId, 'ACME-2');
    assert.equal(e.verdict, 'fix-reverted');
    assert.equal(e.deployed?.ref, 'v1.2.0');
  });

  it('a schema violation: exit 2 with the file, line, column, JSON pointer and problem', async () => {
    const file = writeBadStatus('ACME-20');
    const run = await cli(['evidence', '--repo', dir, '--issue', 'ACME-20'], dir);
    assertStoreError(run, new RegExp(`^proof-of-fix: ${escape(file)}: the issue file does not match its schema \\(line 6, column 13: /status must be equal to one of the allowed values\\)\\n$`));
  });

  it('a missing required field is reported on its parent', async () => {
    const { title: _title, ...untitled } = issue('ACME-21');
    write('ACME-21', JSON.stringify(untitled, null, 2));
    const run = await cli(['evidence', '--repo', dir, '--issue', 'ACME-21'], dir);
    assertStoreError(run, /ACME-21\.json: the issue file does not match its schema \(line 1, column 1: \/ must have required property 'title'\)/);
  });

  it('malformed JSON: exit 2 with the file, line and column of the syntax error', async () => {
    const file = writeMalformed('ACME-22');
    const run = await cli(['evidence', '--repo', dir, '--issue', 'ACME-22'], dir);
    assertStoreError(run, new RegExp(`^proof-of-fix: ${escape(file)}: cannot read or parse the issue file \\(line 4, column 13: .+\\)\\n$`));
  });

  it('a file of the pre-release format (no schemaVersion, fixes as shas) migrates in memory and is never rewritten', async () => {
    const { file, text, sha } = await writeOldFormat('ACME-23');
    const run = await cli(['evidence', '--repo', dir, '--issue', 'ACME-23', '--json'], dir);
    assert.equal(run.code, 0, run.stderr);
    const e = JSON.parse(run.stdout) as IssueEvidence;
    assert.deepEqual(e.fixes.map((f) => [f.sha, f.linkedBy]), [[sha, 'manual']]);
    assert.equal(e.verdict, 'fix-reverted');
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'reading never rewrites the file');
  });

  it('a file written by a newer version, or whose id is not its name: exit 2 with the code in words', async () => {
    write('ACME-24', JSON.stringify(issue('ACME-24', { schemaVersion: 99 }), null, 2));
    assertStoreError(await cli(['evidence', '--repo', dir, '--issue', 'ACME-24'], dir), /ACME-24\.json: written by a newer version of Proof of Fix \(schemaVersion 99\); update it to read this file \(line 2, column 20\)/);
    write('ACME-25', JSON.stringify(issue('ACME-26'), null, 2));
    assertStoreError(await cli(['evidence', '--repo', dir, '--issue', 'ACME-25'], dir), /ACME-25\.json: the file says it is issue ACME-26, but its name says ACME-25 \(line 3, column 9\)/);
  });

  it('a byte order mark is not an error', async () => {
    write('ACME-27', `\uFEFF${JSON.stringify(issue('ACME-27'), null, 2)}`);
    const run = await cli(['evidence', '--repo', dir, '--issue', 'ACME-27', '--json'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as IssueEvidence).verdict, 'no-fix-linked');
  });

  it('reads only the issue named: a broken neighbour does not stop it', async () => {
    write('ACME-28', '{ nope');
    const run = await cli(['evidence', '--repo', dir, '--issue', 'ACME-1', '--json'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
  });

  it('a folder where the issue file should be: exit 2, named', async () => {
    fs.mkdirSync(path.join(issues, 'ACME-29.json'));
    assertStoreError(await cli(['evidence', '--repo', dir, '--issue', 'ACME-29'], dir), /ACME-29\.json: cannot read the file \(EISDIR\)/);
  });

  it('missing files and ids that would name a path: exit 2', async () => {
    assertStoreError(await cli(['evidence', '--repo', dir, '--issue', 'ACME-404'], dir), /ACME-404\.json: no such issue file\n$/);
    for (const id of ['../clients', '..', 'a/b', '.hidden', 'ACME-1\u0000']) {
      const run = await cli(['evidence', '--repo', dir, '--issue', id], dir);
      assert.equal(run.code, 2, `${id}: ${run.stderr}`);
      assert.match(run.stderr, /is not an issue id/);
    }
  });

  it('reply reads through the same store, with the same messages', async () => {
    writeBadStatus('ACME-20');
    writeMalformed('ACME-22');
    await writeOldFormat('ACME-23');
    assertStoreError(await cli(['reply', '--repo', dir, '--issue', 'ACME-20'], dir), /ACME-20\.json: the issue file does not match its schema \(line 6, column 13: \/status must be equal/);
    assertStoreError(await cli(['reply', '--repo', dir, '--issue', 'ACME-22'], dir), /ACME-22\.json: cannot read or parse the issue file \(line 4, column 13/);
    const migrated = await cli(['reply', '--repo', dir, '--issue', 'ACME-23', '--lang', 'en'], dir);
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, /^Hello Carmen,/);
  });

  it('a clients file that does not validate stops the commands that need a client', async () => {
    const clients = path.join(dir, '.proof-of-fix', 'clients.json');
    const good = fs.readFileSync(clients, 'utf8');
    try {
      fs.writeFileSync(clients, good.replace('"language": "es"', '"language": "fr"'));
      const run = await cli(['evidence', '--repo', dir, '--issue', 'ACME-2'], dir);
      assertStoreError(run, /clients\.json: the clients file does not match its schema \(line \d+, column \d+: \/clients\/0\/language must be equal to one of the allowed values\)/);
      assertStoreError(await cli(['reply', '--repo', dir, '--ref', 'ACME-2', '--client', 'Acme Logística'], dir), /clients\.json: the clients file does not match its schema/);
      // Without --issue or --client nothing reads the store.
      assert.equal((await cli(['evidence', '--repo', dir, '--ref', 'ACME-2', '--json'], dir)).code, 0);
    } finally {
      fs.writeFileSync(clients, good);
    }
  });

  it('reply --client without --issue treats the client\'s deployed ref as the issue path does: unresolved is a caveat, not a failure', async () => {
    const clients = path.join(dir, '.proof-of-fix', 'clients.json');
    const good = fs.readFileSync(clients, 'utf8');
    try {
      fs.writeFileSync(clients, good.replace(/"deployedRef": "[^"]*"/, '"deployedRef": "production"'));
      const run = await cli(['reply', '--repo', dir, '--ref', 'ACME-2', '--client', 'Acme Logística', '--lang', 'en'], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^Hello Carmen,/);
      // Named on the command line, the same words are the user's own request: strict, a failure.
      const strict = await cli(['reply', '--repo', dir, '--ref', 'ACME-2', '--client', 'Acme Logística', '--deployed', 'production'], dir);
      assert.notEqual(strict.code, 0);
    } finally {
      fs.writeFileSync(clients, good);
    }
  });

  it('the bundled CLI finds the schemas and the Spanish bundle in its package folder', async () => {
    // Built inside the repository (out/), so the package folder above it holds media/, l10n/ and
    // templates/ as an installed package does; dist/cli.js is the same build one level up.
    const bundle = path.join(ROOT, 'out', 'cliBundle', 'cli.js');
    await bundleCli(bundle);
    const run = (args: string[], locale: string): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', env: { ...process.env, PROOF_OF_FIX_LOCALE: locale } });
    const ok = run(['evidence', '--repo', dir, '--issue', 'ACME-2', '--json'], 'en');
    assert.equal(ok.status, 0, String(ok.stderr));
    const es = run(['evidence', '--repo', dir, '--issue', 'ACME-20'], 'es');
    assert.equal(es.status, 2);
    assert.match(String(es.stderr), /ACME-20\.json: el archivo de la incidencia no cumple su esquema \(línea 6, columna 13: \/status must be equal/);
    const en = run(['evidence', '--repo', dir, '--issue', 'ACME-22'], 'en');
    assert.equal(en.status, 2);
    assert.match(String(en.stderr), /^proof-of-fix: .*ACME-22\.json: cannot read or parse the issue file \(line 4, column 13: [^\n]+\)\n$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
