// No write is lost: writers of ours take turns through a lock file and apply their change to the
// file as it is on disk; an editor's save that lands between our read and our rename is kept; file
// permissions and symlinks survive a write; a failed or crashed write leaves the old file intact.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acquireFileLock, lockFileFor } from '../../src/core/store/fileLock';
import { IssueStore, StoreError } from '../../src/core/store/issueStore';
import type { Issue } from '../../src/core/store/model';
import type { StoreFs } from '../../src/core/store/storeFs';
import { createNodeStoreFs } from '../../src/core/store/storeFs';
import type { StoreValidator } from '../../src/core/store/validate';
import { clientsFileOf, clientsRecord, issueRecord, issuesDirOf, shippedValidator, writeStoreFile } from '../support/storeFixtures';
import { makeTempDir } from '../support/tempDir';

let validator: StoreValidator;
before(async () => {
  validator = await shippedValidator();
});

function workspace(): string {
  const dir = makeTempDir('pof-writes-');
  writeStoreFile(clientsFileOf(dir), clientsRecord([{ name: 'Acme Corp', prefix: 'ACME', language: 'en' }]));
  writeStoreFile(path.join(issuesDirOf(dir), 'ACME-1.json'), issueRecord('ACME-1'));
  return dir;
}

async function openStore(dir: string, fsImpl: StoreFs = createNodeStoreFs()): Promise<IssueStore> {
  const store = new IssueStore({ root: dir, fs: fsImpl, validator });
  await store.load();
  return store;
}

const readIssue = (store: IssueStore, id: string): Issue => JSON.parse(fs.readFileSync(store.issueFile(id), 'utf8')) as Issue;

describe('store writes: nothing is lost', function () {
  this.timeout(60000);

  it('two stores of one folder (two windows) writing in turn keep every report', async () => {
    const dir = workspace();
    const a = await openStore(dir);
    const b = await openStore(dir);
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? a : b).updateIssue('ACME-1', (d) => void d.reports.push({ date: '2026-02-01', words: `report ${n}` }))),
    );
    const words = readIssue(a, 'ACME-1').reports.map((r) => r.words).sort();
    assert.equal(words.length, 21);
    for (let n = 0; n < 20; n++) assert.ok(words.includes(`report ${n}`), `report ${n} kept`);
  });

  it("an editor's save between our read and our rename is kept, and our change is applied on top", async () => {
    const dir = workspace();
    const real = createNodeStoreFs();
    let saves = 0;
    const racing: StoreFs = {
      ...real,
      async writeFileAtomic(file, text, options) {
        // The editor saves twice while we write: after each of our reads.
        if (saves < 2 && file.endsWith('ACME-1.json')) {
          saves++;
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Issue;
          writeStoreFile(file, { ...current, notes: `saved by the editor ${saves}` });
        }
        return real.writeFileAtomic(file, text, options);
      },
    };
    const store = await openStore(dir, racing);
    await store.updateIssue('ACME-1', (d) => void (d.status = 'fixed'));
    const onDisk = readIssue(store, 'ACME-1');
    assert.equal(saves, 2);
    assert.deepEqual([onDisk.notes, onDisk.status], ['saved by the editor 2', 'fixed']);
  });

  it('a 0600 file stays 0600, and a symlinked issue file is written at its target', async () => {
    const dir = workspace();
    const file = path.join(issuesDirOf(dir), 'ACME-1.json');
    fs.chmodSync(file, 0o600);
    const elsewhere = path.join(dir, 'shared', 'ACME-2.json');
    writeStoreFile(elsewhere, issueRecord('ACME-2'));
    fs.chmodSync(elsewhere, 0o640);
    fs.symlinkSync(path.relative(issuesDirOf(dir), elsewhere), path.join(issuesDirOf(dir), 'ACME-2.json'));
    const store = await openStore(dir);
    await store.updateIssue('ACME-1', (d) => void (d.status = 'fixed'));
    await store.updateIssue('ACME-2', (d) => void (d.status = 'closed'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.ok(fs.lstatSync(path.join(issuesDirOf(dir), 'ACME-2.json')).isSymbolicLink(), 'still a symlink');
    assert.equal((JSON.parse(fs.readFileSync(elsewhere, 'utf8')) as Issue).status, 'closed');
    assert.equal(fs.statSync(elsewhere).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.dirname(elsewhere)), ['ACME-2.json'], 'no temporary or lock file left');
  });

  it('a writer killed at any moment leaves a whole file: the old one or the new one', async () => {
    const dir = workspace();
    const file = path.join(issuesDirOf(dir), 'ACME-1.json');
    // A child process appends reports through the store as fast as it can until it is killed.
    const script = `
      const { IssueStore } = require(${JSON.stringify(path.resolve(__dirname, '../../src/core/store/issueStore.js'))});
      const { createNodeStoreFs } = require(${JSON.stringify(path.resolve(__dirname, '../../src/core/store/storeFs.js'))});
      const { createStoreValidator, loadStoreSchemas } = require(${JSON.stringify(path.resolve(__dirname, '../../src/core/store/validate.js'))});
      (async () => {
        const validator = createStoreValidator(await loadStoreSchemas(${JSON.stringify(path.resolve(__dirname, '../../../media'))}));
        const store = new IssueStore({ root: ${JSON.stringify(dir)}, fs: createNodeStoreFs(), validator });
        await store.load();
        process.stdout.write('ready\\n');
        for (let n = 0; ; n++) await store.updateIssue('ACME-1', (d) => void d.reports.push({ date: '2026-02-01', words: 'w' + n }));
      })();`;
    for (const delay of [40, 90, 150]) {
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      assert.deepEqual(validator.issue(parsed), [], `valid after a kill at ${delay} ms`);
    }
    // The next writer is not blocked by what the killed one left (a lock, temporary files).
    const store = await openStore(dir);
    await store.updateIssue('ACME-1', (d) => void (d.status = 'fixed'));
    assert.equal(readIssue(store, 'ACME-1').status, 'fixed');
    assert.equal(store.problems().length, 0);
  });

  it("a killed writer's old temporary files are removed when the folder is next listed; fresh ones and other dot-files stay", async () => {
    const dir = workspace();
    const issues = issuesDirOf(dir);
    const stale = path.join(issues, '.ACME-1.json.0123456789ab.tmp');
    const fresh = path.join(issues, '.ACME-1.json.ba9876543210.tmp');
    const mine = path.join(issues, '.notes.tmp');
    for (const f of [stale, fresh, mine]) fs.writeFileSync(f, '{"half":');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    fs.utimesSync(mine, hourAgo, hourAgo);
    const names = await createNodeStoreFs().list(issues);
    assert.equal(fs.existsSync(stale), false);
    assert.equal(fs.existsSync(fresh), true, 'a write in progress elsewhere keeps its temporary file');
    assert.equal(fs.existsSync(mine), true, 'a dot-file that is not ours is never touched');
    assert.ok(!names.some((n) => n.endsWith('.json.ba9876543210.tmp')), 'temporary files are not listed');
    assert.ok(names.includes('ACME-1.json'));
  });

  it('a process killed while holding the lock does not block writers: its lock is taken over', async () => {
    const dir = workspace();
    const file = path.join(issuesDirOf(dir), 'ACME-1.json');
    // A lock whose owner is a process that has exited, as a crash leaves it.
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid as number;
    await new Promise((resolve) => child.on('exit', resolve));
    fs.writeFileSync(lockFileFor(file), JSON.stringify({ pid, host: (await import('node:os')).hostname(), nonce: 'dead', time: Date.now() }));
    fs.writeFileSync(path.join(issuesDirOf(dir), '.ACME-1.json.abc.tmp'), '{ "half');
    const store = await openStore(dir);
    const started = Date.now();
    await store.updateIssue('ACME-1', (d) => void (d.status = 'fixed'));
    assert.ok(Date.now() - started < 5000, 'no wait for the timeout');
    assert.equal(readIssue(store, 'ACME-1').status, 'fixed');
    assert.equal(store.issues().length, 1, 'the stray temporary file is not an issue');
    assert.equal(fs.existsSync(lockFileFor(file)), false);
  });

  it('a live writer holding the lock is waited for, not overtaken', async () => {
    const dir = workspace();
    const file = path.join(issuesDirOf(dir), 'ACME-1.json');
    const lock = await acquireFileLock(file);
    const store = await openStore(dir);
    let done = false;
    const update = store.updateIssue('ACME-1', (d) => void (d.status = 'fixed')).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(done, false, 'waits while the lock is held');
    assert.equal(readIssue(store, 'ACME-1').status, 'open');
    await lock.release();
    await update;
    assert.equal(readIssue(store, 'ACME-1').status, 'fixed');
  });

  it('a lock held past the timeout is a conflict, and nothing is written', async () => {
    const dir = workspace();
    const file = path.join(issuesDirOf(dir), 'ACME-1.json');
    const before = fs.readFileSync(file, 'utf8');
    const real = createNodeStoreFs();
    const impatient: StoreFs = { ...real, lock: (target) => acquireFileLock(target, { timeoutMs: 200 }) };
    const held = await acquireFileLock(fs.realpathSync(file));
    const store = await openStore(dir, impatient);
    await assert.rejects(store.updateIssue('ACME-1', (d) => void (d.status = 'fixed')), (e: unknown) => e instanceof StoreError && e.code === 'conflict' && /locked/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    await held.release();
  });
});
