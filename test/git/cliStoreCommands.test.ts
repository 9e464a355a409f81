// `proof-of-fix client` and `proof-of-fix issue`: the store from the command line, through the same
// store, rules and validation as the extension. Each case pins the exit code, what is printed and
// what the files hold afterwards; the last runs three CLI processes against one issue at once.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StoreError } from '../../src/core/store/issueStore';
import type { Client, Issue } from '../../src/core/store/model';
import { ExitCode } from '../../src/cli/exitCodes';
import { runCli } from '../../src/cli/main';
import { runStoreAction } from '../../src/cli/storeSession';
import { bundleCli, runCliCaptured } from '../support/cli';
import type { CliRun } from '../support/cli';
import { clientsFileOf, issuesDirOf } from '../support/storeFixtures';
import { makeTempDir } from '../support/tempDir';
import { TempRepo } from '../support/tempRepo';

const ROOT = path.resolve(__dirname, '../../..');

function readIssue(workspace: string, id: string): Issue {
  return JSON.parse(fs.readFileSync(path.join(issuesDirOf(workspace), `${id}.json`), 'utf8')) as Issue;
}

function readClients(workspace: string): Client[] {
  return (JSON.parse(fs.readFileSync(clientsFileOf(workspace), 'utf8')) as { clients: Client[] }).clients;
}

function assertRefused(run: CliRun, code: number, pattern: RegExp): void {
  assert.equal(run.code, code, `exit ${run.code}: ${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(run.stdout, '');
}

describe('CLI store commands: client and issue', function () {
  this.timeout(120000);
  let ws: string;
  const cli = (args: string[]): Promise<CliRun> => runCliCaptured([...args, '--workspace', ws], ROOT);

  beforeEach(async () => {
    ws = makeTempDir('pof-cli-issue-');
    const added = await cli(['client', 'add', '--name', 'Acme Corp', '--prefix', 'ACME', '--lang', 'es', '--contact', 'Carmen']);
    assert.equal(added.code, 0, added.stderr);
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('client add: the extension\'s defaults (Spanish is formal), unique names and prefixes', async () => {
    assert.deepEqual(readClients(ws), [{ name: 'Acme Corp', prefix: 'ACME', language: 'es', register: 'usted', contactName: 'Carmen' }]);
    assert.equal((await cli(['client', 'add', '--name', 'Northwind', '--prefix', 'NW', '--lang', 'en'])).code, 0);
    assert.deepEqual(readClients(ws)[1], { name: 'Northwind', prefix: 'NW', language: 'en' });
    assertRefused(await cli(['client', 'add', '--name', 'Acme Corp', '--prefix', 'AC2', '--lang', 'en']), 2, /a client named "Acme Corp" already exists/);
    assertRefused(await cli(['client', 'add', '--name', 'Acme Two', '--prefix', 'acme', '--lang', 'en']), 2, /acme is already in use/);
    assertRefused(await cli(['client', 'add', '--name', 'X', '--prefix', '1X', '--lang', 'en']), 2, /--prefix "1X" is not an issue id prefix/);
    assertRefused(await cli(['client', 'add', '--name', 'X', '--prefix', 'X', '--lang', 'fr']), 2, /--lang must be es or en, not "fr"/);
    assertRefused(await cli(['client', 'add', '--name', 'X', '--prefix', 'X', '--lang', 'en', '--register', 'tu']), 2, /--register applies to Spanish replies only/);
    assert.equal(readClients(ws).length, 2, 'nothing written by a refusal');
  });

  it('issue new prints the id (or {"id": …} with --json), numbered per prefix', async () => {
    const first = await cli(['issue', 'new', '--client', 'Acme Corp', '--title', 'Login fails', '--words', 'no puedo entrar', '--date', '2026-03-02']);
    assert.deepEqual([first.code, first.stdout, first.stderr], [0, 'ACME-1\n', '']);
    const second = await cli(['issue', 'new', '--client', 'Acme Corp', '--title', 'Cart', '--json']);
    assert.deepEqual(JSON.parse(second.stdout), { id: 'ACME-2' });
    const issue = readIssue(ws, 'ACME-1');
    assert.deepEqual([issue.title, issue.words, issue.status, issue.created, issue.reports], ['Login fails', 'no puedo entrar', 'open', '2026-03-02', [{ date: '2026-03-02', words: 'no puedo entrar' }]]);
    assert.match(readIssue(ws, 'ACME-2').created, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('issue new refuses an unknown client, an impossible date and a missing title', async () => {
    assertRefused(await cli(['issue', 'new', '--client', 'Nobody', '--title', 't']), 2, /no client named "Nobody"; add it with proof-of-fix client add/);
    assertRefused(await cli(['issue', 'new', '--client', 'Acme Corp', '--title', 't', '--date', '2026-02-31']), 2, /--date "2026-02-31" is not a date/);
    assertRefused(await cli(['issue', 'new', '--client', 'Acme Corp']), 2, /--title is required/);
    assert.equal(fs.existsSync(issuesDirOf(ws)), false);
  });

  it('issue report adds the report and reopens a fixed issue; status sets the status', async () => {
    await cli(['issue', 'new', '--client', 'Acme Corp', '--title', 't', '--date', '2026-03-02']);
    assert.equal((await cli(['issue', 'status', 'ACME-1', 'fixed'])).code, 0);
    assert.equal(readIssue(ws, 'ACME-1').status, 'fixed');
    const run = await cli(['issue', 'report', 'ACME-1', '--words', 'ha vuelto', '--date', '2026-11-20', '--channel', 'email', '--version', 'v1.2.0']);
    assert.equal(run.code, 0, run.stderr);
    const issue = readIssue(ws, 'ACME-1');
    assert.equal(issue.status, 'reopened');
    assert.deepEqual(issue.reports.at(-1), { date: '2026-11-20', words: 'ha vuelto', channel: 'email', version: 'v1.2.0' });
    await cli(['issue', 'status', 'ACME-1', 'wont-fix']);
    await cli(['issue', 'report', 'ACME-1', '--words', 'again']);
    assert.equal(readIssue(ws, 'ACME-1').status, 'wont-fix', 'a deliberate won\'t-fix stays so');
    assertRefused(await cli(['issue', 'status', 'ACME-1', 'done']), 2, /"done" is not a status \(open, fixed, reopened, wont-fix, closed\)/);
    assertRefused(await cli(['issue', 'report', 'ACME-1']), 2, /--words is required/);
    assertRefused(await cli(['issue', 'report', 'ACME-404', '--words', 'w']), 2, /ACME-404\.json: no such issue file/);
    assertRefused(await cli(['issue', 'report', '../clients', '--words', 'w']), 2, /is not an issue id/);
  });

  it('issue link stores the full sha git knows, once; unlink removes it; unknown commits are refused', async () => {
    const repo = TempRepo.create();
    try {
      const sha = repo.commit('Fix ACME-1: normalise emails', { files: { 'a.txt': 'a\n' } });
      ws = repo.dir;
      await cli(['client', 'add', '--name', 'Acme Corp', '--prefix', 'ACME', '--lang', 'en']);
      await cli(['issue', 'new', '--client', 'Acme Corp', '--title', 't']);
      const linked = await cli(['issue', 'link', 'ACME-1', sha.slice(0, 7).toUpperCase()]);
      assert.equal(linked.code, 0, linked.stderr);
      assert.deepEqual(readIssue(ws, 'ACME-1').fixes, [{ sha, how: 'manual' }]);
      const again = await cli(['issue', 'link', 'ACME-1', sha.slice(0, 10)]);
      assert.equal(again.code, 0);
      assert.match(again.stderr, new RegExp(`${sha} is already linked to ACME-1`));
      assert.equal(readIssue(ws, 'ACME-1').fixes.length, 1);
      assertRefused(await cli(['issue', 'link', 'ACME-1', 'deadbeef']), 2, /there is no commit deadbeef in this repository/);
      assertRefused(await cli(['issue', 'link', 'ACME-1', '--upload-pack=x']), 2, /unknown option '--upload-pack'/);
      assertRefused(await cli(['issue', 'link', 'ACME-1', 'HEAD']), 2, /"HEAD" is not a commit id/);
      assert.equal((await cli(['issue', 'unlink', 'ACME-1', sha.slice(0, 8)])).code, 0);
      assert.deepEqual(readIssue(ws, 'ACME-1').fixes, []);
      assertRefused(await cli(['issue', 'unlink', 'ACME-1', sha.slice(0, 8)]), 2, /is not linked to ACME-1/);
    } finally {
      repo.dispose();
    }
  });

  it('issue sent records the reply from a file, in the client\'s language unless told', async () => {
    await cli(['issue', 'new', '--client', 'Acme Corp', '--title', 't']);
    const reply = path.join(ws, 'reply.md');
    fs.writeFileSync(reply, 'Estimada Carmen:\n\nEl arreglo sigue en su sitio.\n');
    assert.equal((await cli(['issue', 'sent', 'ACME-1', '--file', reply, '--verdict', 'fix-intact'])).code, 0);
    const [sent] = readIssue(ws, 'ACME-1').replies;
    assert.deepEqual([sent?.verdict, sent?.language, sent?.text], ['fix-intact', 'es', 'Estimada Carmen:\n\nEl arreglo sigue en su sitio.\n']);
    assert.ok(Math.abs(Date.parse(sent?.date ?? '') - Date.now()) < 60_000);
    assertRefused(await cli(['issue', 'sent', 'ACME-1', '--file', reply, '--verdict', 'great']), 2, /"great" is not a verdict/);
    assertRefused(await cli(['issue', 'sent', 'ACME-1', '--file', path.join(ws, 'missing.md')]), 2, /cannot read .*missing\.md: ENOENT/);
    assertRefused(await cli(['issue', 'sent', 'ACME-1']), 2, /--file is required/);
  });

  it('issue show and list: the file as JSON, or one line per issue', async () => {
    await cli(['issue', 'new', '--client', 'Acme Corp', '--title', 'Login fails', '--date', '2026-03-02']);
    await cli(['issue', 'new', '--client', 'Acme Corp', '--title', 'Cart totals', '--date', '2026-03-03']);
    const show = await cli(['issue', 'show', 'ACME-1', '--json']);
    assert.deepEqual(JSON.parse(show.stdout), readIssue(ws, 'ACME-1'));
    assert.match((await cli(['issue', 'show', 'ACME-1'])).stdout, /^ACME-1: Login fails\nclient: Acme Corp\nstatus: open\n/);
    const list = await cli(['issue', 'list']);
    assert.equal(list.stdout, 'ACME-2\topen\tAcme Corp\tCart totals\nACME-1\topen\tAcme Corp\tLogin fails\n');
    fs.writeFileSync(path.join(issuesDirOf(ws), 'ACME-3.json'), '{ broken');
    const json = await cli(['issue', 'list', '--json']);
    assert.equal(json.code, 0);
    assert.deepEqual((JSON.parse(json.stdout) as Issue[]).map((i) => i.id), ['ACME-2', 'ACME-1']);
    assert.match(json.stderr, /skipped ACME-3\.json/);
  });

  it('a broken issue file is named with its line and column, and left byte for byte', async () => {
    fs.mkdirSync(issuesDirOf(ws), { recursive: true });
    const file = path.join(issuesDirOf(ws), 'ACME-7.json');
    const text = '{\n  "schemaVersion": 1,\n  "id": "ACME-7",\n  "client": ,\n}\n';
    fs.writeFileSync(file, text);
    assertRefused(await cli(['issue', 'report', 'ACME-7', '--words', 'w']), 2, /ACME-7\.json: cannot read or parse the issue file \(line 4, column 13/);
    assertRefused(await cli(['issue', 'status', 'ACME-7', 'fixed']), 2, /ACME-7\.json: cannot read or parse/);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
  });

  it('speaks Spanish with LANG=es_ES.UTF-8', async () => {
    let stderr = '';
    const code = await runCli(['issue', 'new', '--client', 'Nadie', '--title', 't', '--workspace', ws], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      cwd: ROOT,
      env: { LANG: 'es_ES.UTF-8' },
    });
    assert.equal(code, 2);
    assert.match(stderr, /^proof-of-fix issue: no hay ningún cliente llamado "Nadie"; añádelo con proof-of-fix client add\n$/);
  });

  it('usage errors: unknown action, missing and extra words, exit 2 with the usage', async () => {
    assertRefused({ ...(await cli(['issue', 'frob'])), stdout: '' }, 2, /unknown action 'frob'[\s\S]*usage: proof-of-fix issue/);
    assertRefused(await cli(['issue', 'link', 'ACME-1']), 2, /SHA is required/);
    assertRefused(await cli(['issue', 'show', 'ACME-1', 'extra']), 2, /unexpected argument 'extra'/);
    assertRefused(await cli(['client', 'remove']), 2, /unknown action 'remove'/);
    assertRefused(await runCliCaptured(['issue', 'list', '--workspace', path.join(ws, 'nope')], ROOT), 2, /nope: no such folder/);
  });

  it('a store conflict (changed on every attempt, or locked) is exit 6; other store refusals exit 2', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, cwd: ROOT };
    assert.equal(await runStoreAction(io, 'issue', () => Promise.reject(new StoreError('conflict', 'ACME-1.json', 'locked by another writer'))), ExitCode.storeConflict);
    assert.match(stderr, /ACME-1\.json changed on disk while this ran; nothing was written/);
    assert.equal(await runStoreAction(io, 'issue', () => Promise.reject(new StoreError('invalid', 'ACME-1'))), ExitCode.badArguments);
    await assert.rejects(runStoreAction(io, 'issue', () => Promise.reject(new TypeError('a bug'))), /a bug/);
  });
});

describe('CLI store commands: concurrent processes', function () {
  this.timeout(300000);

  it('three processes each recording 30 reports on one issue end with all 90', async () => {
    const ws = makeTempDir('pof-cli-race-');
    const bundle = path.join(ROOT, 'out', 'cliBundle', 'cli.js');
    await bundleCli(bundle);
    const run = (args: string[]): Promise<number> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bundle, ...args, '--workspace', ws], { stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', reject);
        child.on('exit', (code) => resolve(code ?? -1));
      });
    try {
      assert.equal(await run(['client', 'add', '--name', 'Acme Corp', '--prefix', 'ACME', '--lang', 'en']), 0);
      assert.equal(await run(['issue', 'new', '--client', 'Acme Corp', '--title', 't', '--date', '2026-01-01']), 0);
      // Each writer is a shell loop of CLI runs, as a script would do; the three loops overlap.
      const writer = async (w: number): Promise<number[]> => {
        const codes: number[] = [];
        for (let n = 0; n < 30; n++) codes.push(await run(['issue', 'report', 'ACME-1', '--words', `writer ${w} report ${n}`, '--date', '2026-02-01']));
        return codes;
      };
      const codes = (await Promise.all([writer(1), writer(2), writer(3)])).flat();
      assert.deepEqual(codes.filter((c) => c !== 0), [], 'every run succeeded');
      const words = readIssue(ws, 'ACME-1').reports.map((r) => r.words);
      assert.equal(words.length, 91, 'the first report and all 90');
      for (const w of [1, 2, 3]) for (let n = 0; n < 30; n++) assert.ok(words.includes(`writer ${w} report ${n}`), `writer ${w} report ${n}`);
      assert.deepEqual(fs.readdirSync(issuesDirOf(ws)), ['ACME-1.json'], 'no lock or temporary file left');
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
