// The client-issue store: ids, validation against the shipped schemas, migration, refusal to
// overwrite changes made elsewhere, and files that failed to parse left untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CoalescingRunner } from '../../src/core/store/coalescingRunner';
import { formatStoreJson } from '../../src/core/store/format';
import { isInsideGitRepository } from '../../src/git/dotGit';
import { nextIssueId, parseIssueId, suggestPrefix } from '../../src/core/store/ids';
import { IssueStore, StoreError } from '../../src/core/store/issueStore';
import { pointerPosition, syntaxErrorPosition } from '../../src/core/store/jsonLocate';
import { migrateClients, migrateIssue } from '../../src/core/store/migrate';
import type { Issue } from '../../src/core/store/model';
import { createNodeStoreFs } from '../../src/core/store/storeFs';
import type { StoreValidator } from '../../src/core/store/validate';
import { issueRecord, issuesDirOf as issuesDir, shippedValidator } from '../support/storeFixtures';
import { makeTempDir } from '../support/tempDir';

let validator: StoreValidator;
before(async () => {
  validator = await shippedValidator();
});

function tempDir(): string {
  return makeTempDir('pof-store-');
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

async function storeWithClient(dir = tempDir()): Promise<IssueStore> {
  const store = new IssueStore({ root: dir, fs: createNodeStoreFs(), validator });
  await store.load();
  await store.saveClient({ name: 'Acme Corp', prefix: 'ACME', language: 'es', register: 'usted' }, { create: true });
  return store;
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof StoreError && e.code === code);
}

const validIssue = (id: string): Issue => issueRecord(id);

describe('store ids', () => {
  it('numbers per prefix, one past the highest, case-insensitively', () => {
    assert.equal(nextIssueId('ACME', []), 'ACME-1');
    assert.equal(nextIssueId('ACME', ['ACME-1', 'acme-7', 'BETA-20', 'ACME-x', 'ACMEX-30']), 'ACME-8');
  });

  it('does not reuse the number of a deleted issue in the middle', () => {
    assert.equal(nextIssueId('ACME', ['ACME-1', 'ACME-3']), 'ACME-4');
  });

  it('parses ids and rejects malformed ones', () => {
    assert.deepEqual(parseIssueId('ACME-12'), { prefix: 'ACME', number: 12 });
    assert.equal(parseIssueId('ACME-012'), undefined);
    assert.equal(parseIssueId('12'), undefined);
  });

  it('suggests a unique prefix from a client name', () => {
    assert.equal(suggestPrefix('Acme Corp', []), 'ACME');
    assert.equal(suggestPrefix('Acme Corp', ['acme']), 'ACME2');
    assert.equal(suggestPrefix('Ñandú Diseño', []), 'NANDU');
    assert.equal(suggestPrefix('3D Studio', []), 'C3D');
  });
});

describe('store formatting', () => {
  it('sorts keys at every level, indents by two spaces and ends with a newline', () => {
    const text = formatStoreJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } });
    assert.equal(text, '{\n  "a": {\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });
});

describe('store JSON positions', () => {
  it('finds a syntax error by line and column', () => {
    assert.deepEqual(syntaxErrorPosition('{\n  "a": 1,\n  "b" 2\n}'), { line: 3, column: 7, offset: 18 });
    assert.equal(syntaxErrorPosition('{"a": [1, "x", {"b": null}]}'), undefined);
    assert.deepEqual(syntaxErrorPosition('{"a": 1'), { line: 1, column: 8, offset: 7 });
  });

  it('finds the value at a pointer, or its nearest existing ancestor', () => {
    const text = '{\n  "reports": [\n    {"date": "bad"}\n  ]\n}';
    assert.deepEqual(pointerPosition(text, '/reports/0/date'), { line: 3, column: 14, offset: 30 });
    assert.equal(pointerPosition(text, '/reports/0/words').line, 3);
    assert.equal(pointerPosition(text, '/title').line, 1);
  });
});

describe('store migration', () => {
  it('upgrades a version-0 issue: lists required, fix shas become links', () => {
    const result = migrateIssue({ id: 'ACME-1', client: 'Acme Corp', title: 't', reports: [{ date: '2025-02-01', words: 'w' }], fixes: ['abc1234'] });
    assert.equal(result.kind, 'migrated');
    const value = (result as { value: Issue }).value;
    assert.equal(value.schemaVersion, 1);
    assert.equal(value.status, 'open');
    assert.equal(value.created, '2025-02-01');
    assert.deepEqual(value.fixes, [{ sha: 'abc1234', how: 'manual' }]);
    assert.deepEqual(value.replies, []);
    assert.deepEqual(validator.issue(value), []);
  });

  it('upgrades a version-0 clients file that was a bare array', () => {
    const result = migrateClients([{ name: 'A', prefix: 'A', language: 'en' }]);
    assert.equal(result.kind, 'migrated');
    assert.deepEqual(validator.clients((result as { value: unknown }).value), []);
  });

  it('marks a file from a newer version instead of guessing', () => {
    assert.deepEqual(migrateIssue({ ...validIssue('ACME-1'), schemaVersion: 2 }), { kind: 'newer', version: 2 });
  });

  it('reads a version-0 file without rewriting it', async () => {
    const dir = tempDir();
    const file = path.join(issuesDir(dir), 'ACME-1.json');
    const old = JSON.stringify({ id: 'ACME-1', client: 'Acme Corp', title: 't', created: '2025-02-01', fixes: ['abc1234'] });
    write(file, old);
    const store = new IssueStore({ root: dir, fs: createNodeStoreFs(), validator });
    await store.load();
    assert.deepEqual(store.issue('ACME-1')?.fixes, [{ sha: 'abc1234', how: 'manual' }]);
    assert.equal(fs.readFileSync(file, 'utf8'), old);
  });
});

describe('issue store', () => {
  it('creates issues with the next free id, stable formatting and the first report', async () => {
    const dir = tempDir();
    write(path.join(issuesDir(dir), 'ACME-4.json'), formatStoreJson(validIssue('ACME-4')));
    const store = await storeWithClient(dir);
    await store.load();
    const issue = await store.createIssue({ client: 'Acme Corp', title: 'Login fails', words: 'no puedo entrar', date: '2026-03-02', channel: 'email' });
    assert.equal(issue.id, 'ACME-5');
    const text = fs.readFileSync(path.join(issuesDir(dir), 'ACME-5.json'), 'utf8');
    assert.equal(text, formatStoreJson(issue));
    assert.deepEqual(issue.reports, [{ date: '2026-03-02', words: 'no puedo entrar', channel: 'email' }]);
    assert.deepEqual(JSON.parse(text), issue);
  });

  it('skips an id another window created after the listing', async () => {
    const store = await storeWithClient();
    const fsImpl = createNodeStoreFs();
    let raced = false;
    const racing = new IssueStore({
      root: store.root,
      validator,
      fs: {
        ...fsImpl,
        async writeFileAtomic(file, text, options) {
          if (!raced && file.endsWith('ACME-1.json')) {
            raced = true;
            write(file, formatStoreJson(validIssue('ACME-1')));
          }
          return fsImpl.writeFileAtomic(file, text, options);
        },
      },
    });
    await racing.load();
    const issue = await racing.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    assert.equal(issue.id, 'ACME-2');
    assert.equal(JSON.parse(fs.readFileSync(racing.issueFile('ACME-1'), 'utf8')).title, 'Invoice total wrong');
  });

  it('refuses an issue for an unknown client', async () => {
    const store = await storeWithClient();
    await rejectsWith(store.createIssue({ client: 'Nobody', title: 't', date: '2026-03-02' }), 'unknown-client');
  });

  it('updates an issue atomically, leaving no temporary file', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    await store.updateIssue(id, (d) => {
      d.status = 'fixed';
      d.fixes.push({ sha: 'abcdef1', how: 'manual' });
    });
    assert.deepEqual(fs.readdirSync(store.issuesDir), [`${id}.json`]);
    assert.equal(JSON.parse(fs.readFileSync(store.issueFile(id), 'utf8')).status, 'fixed');
  });

  it('applies a change on top of an edit made on disk since it was read, keeping that edit', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    const file = store.issueFile(id);
    const edited = fs.readFileSync(file, 'utf8').replace('"t"', '"edited by hand"');
    fs.writeFileSync(file, edited);
    const updated = await store.updateIssue(id, (d) => void (d.status = 'fixed'));
    assert.equal(updated.title, 'edited by hand');
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as Issue;
    assert.deepEqual([onDisk.title, onDisk.status], ['edited by hand', 'fixed']);
    assert.equal(store.issue(id)?.title, 'edited by hand');
  });

  it('sees an edit on disk with the same size and time, and keeps it', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 'aaaa', date: '2026-03-02' });
    const file = store.issueFile(id);
    const before = fs.statSync(file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"aaaa"', '"bbbb"'));
    fs.utimesSync(file, before.atime, before.mtime);
    await store.updateIssue(id, (d) => void (d.status = 'fixed'));
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as Issue;
    assert.deepEqual([onDisk.title, onDisk.status], ['bbbb', 'fixed']);
  });

  it('refuses to update an issue whose file no longer parses, and leaves it as it is', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    const file = store.issueFile(id);
    fs.writeFileSync(file, '{ "half": ');
    await rejectsWith(store.updateIssue(id, (d) => void (d.status = 'fixed')), 'unparsable');
    assert.equal(fs.readFileSync(file, 'utf8'), '{ "half": ');
    assert.equal(store.issueProblem(id)?.code, 'syntax');
  });

  it('refuses to delete an issue changed on disk since it was read', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    const file = store.issueFile(id);
    const edited = fs.readFileSync(file, 'utf8').replace('"t"', '"edited by hand"');
    fs.writeFileSync(file, edited);
    await rejectsWith(store.deleteIssue(id), 'conflict');
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
  });

  it('refuses to delete or update an issue deleted on disk', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    fs.rmSync(store.issueFile(id));
    await rejectsWith(store.updateIssue(id, (d) => void (d.status = 'fixed')), 'conflict');
    assert.equal(fs.existsSync(store.issueFile(id)), false);
  });

  it('deletes an issue', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    await store.deleteIssue(id);
    assert.equal(fs.existsSync(store.issueFile(id)), false);
    assert.equal(store.issue(id), undefined);
  });

  it('refuses a change the schema rejects, leaving the file as it was', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    const before = fs.readFileSync(store.issueFile(id), 'utf8');
    await rejectsWith(store.updateIssue(id, (d) => void (d.status = 'done' as Issue['status'])), 'invalid');
    assert.equal(fs.readFileSync(store.issueFile(id), 'utf8'), before);
  });

  it('tells its listener after each successful write, and not after a refused one', async () => {
    let writes = 0;
    const store = new IssueStore({ root: tempDir(), fs: createNodeStoreFs(), validator, onDidWrite: () => void writes++ });
    await store.load();
    await store.saveClient({ name: 'Acme Corp', prefix: 'ACME', language: 'en' }, { create: true });
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    await store.updateIssue(id, (d) => void (d.status = 'fixed'));
    await rejectsWith(store.updateIssue(id, (d) => void (d.status = 'done' as Issue['status'])), 'invalid');
    await store.deleteIssue(id);
    assert.equal(writes, 4);
  });

  it('serializes concurrent updates so none is lost', async () => {
    const store = await storeWithClient();
    const { id } = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    await Promise.all(['a1b2c3d', 'b1b2c3d', 'c1b2c3d'].map((sha) => store.updateIssue(id, (d) => void d.fixes.push({ sha, how: 'manual' }))));
    assert.equal(JSON.parse(fs.readFileSync(store.issueFile(id), 'utf8')).fixes.length, 3);
  });
});

describe('issue store with broken files', () => {
  it('lists a syntax error with its position and never writes the file', async () => {
    const dir = tempDir();
    const store = await storeWithClient(dir);
    const file = path.join(issuesDir(dir), 'ACME-3.json');
    const broken = '{\n  "id": "ACME-3",\n  "title": "x"\n  "status": "open"\n}\n';
    write(file, broken);
    await store.load();
    const [problem] = store.problems();
    assert.equal(problem?.code, 'syntax');
    assert.equal(problem?.id, 'ACME-3');
    assert.deepEqual([problem?.line, problem?.column], [4, 3]);
    await rejectsWith(store.updateIssue('ACME-3', (d) => void (d.status = 'fixed')), 'unparsable');
    await rejectsWith(store.deleteIssue('ACME-3'), 'unparsable');
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
    // Its number stays taken: a new issue does not collide with the broken file.
    const created = await store.createIssue({ client: 'Acme Corp', title: 't', date: '2026-03-02' });
    assert.equal(created.id, 'ACME-4');
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
  });

  it('lists a schema violation at the offending value', async () => {
    const dir = tempDir();
    const store = await storeWithClient(dir);
    const text = formatStoreJson({ ...validIssue('ACME-1'), status: 'done' });
    write(path.join(issuesDir(dir), 'ACME-1.json'), text);
    await store.load();
    const [problem] = store.problems();
    assert.equal(problem?.code, 'schema');
    assert.match(problem?.detail ?? '', /status/);
    assert.equal(text.split('\n')[(problem?.line ?? 0) - 1]?.trim(), '"status": "done",');
  });

  it('lists a file whose id does not match its name', async () => {
    const dir = tempDir();
    const store = await storeWithClient(dir);
    write(path.join(issuesDir(dir), 'ACME-2.json'), formatStoreJson(validIssue('ACME-1')));
    await store.load();
    assert.equal(store.problems()[0]?.code, 'id-mismatch');
    assert.equal(store.issues().length, 0);
  });

  it('lists a file from a newer version and leaves it alone', async () => {
    const dir = tempDir();
    const store = await storeWithClient(dir);
    write(path.join(issuesDir(dir), 'ACME-1.json'), formatStoreJson({ ...validIssue('ACME-1'), schemaVersion: 9 }));
    await store.load();
    assert.equal(store.problems()[0]?.code, 'newer-schema');
    assert.equal(store.problems()[0]?.detail, '9');
  });

  it('refuses to change clients while clients.json does not parse', async () => {
    const dir = tempDir();
    const store = await storeWithClient(dir);
    const broken = '{"schemaVersion": 1, "clients": [}';
    fs.writeFileSync(store.clientsFile, broken);
    await store.load();
    assert.equal(store.clientsBroken(), true);
    assert.equal(store.problems()[0]?.kind, 'clients');
    await rejectsWith(store.saveClient({ name: 'B', prefix: 'B', language: 'en' }, { create: true }), 'unparsable');
    assert.equal(fs.readFileSync(store.clientsFile, 'utf8'), broken);
  });

  it('picks up a repair made on disk', async () => {
    const dir = tempDir();
    const store = await storeWithClient(dir);
    const file = path.join(issuesDir(dir), 'ACME-1.json');
    write(file, '{');
    await store.load();
    assert.equal(store.problems().length, 1);
    write(file, formatStoreJson(validIssue('ACME-1')));
    assert.equal(await store.load(), true);
    assert.equal(store.problems().length, 0);
    assert.equal(store.issue('ACME-1')?.title, 'Invoice total wrong');
  });
});

describe('clients', () => {
  it('creates clients.json, keeps prefixes unique and edits clients', async () => {
    const store = await storeWithClient();
    await rejectsWith(store.saveClient({ name: 'Acme Two', prefix: 'acme', language: 'en' }, { create: true }), 'exists');
    await rejectsWith(store.saveClient({ name: 'Acme Corp', prefix: 'AC', language: 'en' }, { create: true }), 'exists');
    await store.saveClient({ name: 'Acme Corp', prefix: 'ACME', language: 'en', deployedRef: 'v1.2.0' });
    const text = fs.readFileSync(store.clientsFile, 'utf8');
    assert.deepEqual(JSON.parse(text), { schemaVersion: 1, clients: [{ name: 'Acme Corp', prefix: 'ACME', language: 'en', deployedRef: 'v1.2.0' }] });
    assert.equal(text, formatStoreJson(JSON.parse(text)));
  });

  it('adds a client to clients.json as another window left it, keeping that window\'s client', async () => {
    const store = await storeWithClient();
    const other = new IssueStore({ root: store.root, fs: createNodeStoreFs(), validator });
    await other.load();
    await other.saveClient({ name: 'Beta', prefix: 'BETA', language: 'en' }, { create: true });
    await rejectsWith(store.saveClient({ name: 'Beta 2', prefix: 'beta', language: 'en' }, { create: true }), 'exists');
    await store.saveClient({ name: 'Gamma', prefix: 'GAM', language: 'en' }, { create: true });
    const names = (JSON.parse(fs.readFileSync(store.clientsFile, 'utf8')) as { clients: { name: string }[] }).clients.map((c) => c.name);
    assert.deepEqual(names, ['Acme Corp', 'Beta', 'Gamma']);
  });
});

describe('store loading at scale', () => {
  it('reads 1,000 issues, then re-reads only what changed', async () => {
    const dir = tempDir();
    for (let n = 1; n <= 1000; n++) write(path.join(issuesDir(dir), `ACME-${n}.json`), formatStoreJson(validIssue(`ACME-${n}`)));
    const store = new IssueStore({ root: dir, fs: createNodeStoreFs(), validator });
    const t0 = Date.now();
    await store.load();
    const firstLoad = Date.now() - t0;
    assert.equal(store.issues().length, 1000);
    assert.ok(firstLoad < 5000, `first load took ${firstLoad} ms`);
    assert.equal(await store.load(), false);
  });
});

describe('coalescing runner', () => {
  it('runs one at a time with at most one queued run', async () => {
    let runs = 0;
    let active = 0;
    let maxActive = 0;
    const runner = new CoalescingRunner(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 10));
      runs++;
      active--;
    });
    await Promise.all(Array.from({ length: 20 }, () => runner.run()));
    assert.equal(runs, 2);
    assert.equal(maxActive, 1);
    await runner.run();
    assert.equal(runs, 3);
  });
});

describe('git probe', () => {
  it('finds a .git folder above, and none in a bare temporary folder', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    assert.equal(await isInsideGitRepository(path.join(dir, 'a', 'b')), true);
    assert.equal(await isInsideGitRepository(tempDir()), fs.existsSync(path.join(os.tmpdir(), '.git')));
  });
});
