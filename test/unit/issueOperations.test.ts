// The rules shared by the extension's commands and the CLI, through a real store on disk: a new
// client's defaults (the workspace's language, not a fixed one), "it's back" reopening an issue,
// duplicate links by abbreviated sha, emptied fields dropped; and the CLI's words for coded errors.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configureCliMessages, describeError } from '../../src/cli/cliMessages';
import { EvidenceFailure } from '../../src/core/evidence/engine';
import type { CodedError } from '../../src/core/errors';
import { UserError, isCodedError } from '../../src/core/errors';
import { GitFailure } from '../../src/core/gitPort';
import { addReport, createIssue, distinctiveName, suggestClientPrefix, ensureClient, findLinkedFix, linkFix, newClientRecord, recordReport, updateClient, withoutEmptyFields } from '../../src/core/store/issueOperations';
import { IssueStore, StoreError } from '../../src/core/store/issueStore';
import type { Issue } from '../../src/core/store/model';
import { createNodeStoreFs } from '../../src/core/store/storeFs';
import type { StoreValidator } from '../../src/core/store/validate';
import { createStoreValidator, loadStoreSchemas } from '../../src/core/store/validate';

const root = path.resolve(__dirname, '../../..');

let validator: StoreValidator;
const dirs: string[] = [];
before(async () => {
  validator = createStoreValidator(await loadStoreSchemas(path.join(root, 'media')));
});
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyStore(): Promise<IssueStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pof-ops-'));
  dirs.push(dir);
  const store = new IssueStore({ root: dir, fs: createNodeStoreFs(), validator });
  await store.load();
  return store;
}

function issue(status: Issue['status']): Issue {
  return { schemaVersion: 1, id: 'ACME-1', client: 'Acme', title: 't', status, created: '2026-01-05', reports: [], fixes: [], replies: [] };
}

describe('issue operations', () => {
  it('registers a new client in the workspace default language, with no Spanish register for English', async () => {
    const store = await emptyStore();
    const created = await createIssue(store, { client: 'Bakery Ltd', title: 'Prices wrong', date: '2026-02-01' }, {}, { defaultLanguage: 'en' });
    assert.equal(created.client, 'Bakery Ltd');
    const client = store.client('Bakery Ltd');
    assert.equal(client?.language, 'en');
    assert.equal(client?.register, undefined);
    assert.match(created.id, new RegExp(`^${client?.prefix ?? 'x'}-1$`));
  });

  it('gives a Spanish client the formal register unless one is given', async () => {
    const store = await emptyStore();
    assert.equal((await ensureClient(store, 'Clínica Norte', {}, { defaultLanguage: 'es' })).register, 'usted');
    assert.equal((await ensureClient(store, 'Taller Sur', { register: 'tu' }, { defaultLanguage: 'es' })).register, 'tu');
    assert.equal((await ensureClient(store, 'Shop', { language: 'en' }, { defaultLanguage: 'es' })).language, 'en');
  });

  it('suggests a short prefix from the distinctive word of the name, not the kind of business', () => {
    assert.equal(distinctiveName('Panadería Sol'), 'Sol');
    assert.equal(suggestClientPrefix('Panadería Sol', []), 'SOL');
    assert.equal(suggestClientPrefix('Acme Corp', []), 'ACME');
    assert.equal(suggestClientPrefix('Clínica Dental Norte', []), 'DENTAL');
    assert.equal(suggestClientPrefix('Taller Hermanos Ruiz S.L.', []), 'RUIZ');
    assert.equal(suggestClientPrefix('Panadería Sol', ['SOL']), 'SOL2');
    // A name made only of generic words still gets a prefix from itself.
    assert.equal(suggestClientPrefix('The Bakery', []), 'THE');
  });

  it('keeps the prefix the existing issues of an unregistered client already use', async () => {
    const store = { issues: () => [{ ...issue('open'), id: 'OLD-4', client: 'Legacy' }], clients: () => [] };
    assert.equal(newClientRecord(store, 'Legacy', {}, { defaultLanguage: 'en' }).prefix, 'OLD');
  });

  it('reopens a fixed or closed issue on a new report, and leaves won\'t-fix as it is', () => {
    for (const [before, after] of [['fixed', 'reopened'], ['closed', 'reopened'], ['wont-fix', 'wont-fix'], ['open', 'open']] as const) {
      const draft = issue(before);
      addReport(draft, { date: '2026-03-01', words: 'back again' });
      assert.equal(draft.status, after, before);
      assert.equal(draft.reports.length, 1);
    }
  });

  it('records a report through the store', async () => {
    const store = await emptyStore();
    const created = await createIssue(store, { client: 'Acme', title: 'x', date: '2026-02-01', status: 'fixed' }, {}, { defaultLanguage: 'es' });
    const updated = await recordReport(store, created.id, { date: '2026-02-10', words: 'ha vuelto' });
    assert.equal(updated.status, 'reopened');
    assert.equal(updated.reports.at(-1)?.words, 'ha vuelto');
  });

  it('finds a linked fix by an abbreviated sha on either side, in any case', () => {
    const fixes = [{ sha: 'abcdef12', how: 'manual' as const }];
    assert.equal(findLinkedFix(fixes, 'ABCDEF1234567890')?.sha, 'abcdef12');
    assert.equal(findLinkedFix(fixes, 'abcd')?.sha, 'abcdef12');
    assert.equal(findLinkedFix(fixes, 'abcdef13'), undefined);
  });

  it('links a commit once, and writes nothing for a duplicate', async () => {
    const store = await emptyStore();
    const created = await createIssue(store, { client: 'Acme', title: 'x', date: '2026-02-01' }, {}, { defaultLanguage: 'es' });
    const first = await linkFix(store, created, { sha: 'a'.repeat(40), how: 'manual', note: 'the fix' });
    assert.equal(first.linked, true);
    const file = store.issueFile(created.id);
    const before = fs.readFileSync(file, 'utf8');
    const second = await linkFix(store, first.issue, { sha: 'a'.repeat(8), how: 'manual' });
    assert.equal(second.linked, false);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });

  it('links a commit once when two links of it race from the same stale view of the issue', async () => {
    const store = await emptyStore();
    const created = await createIssue(store, { client: 'Acme', title: 'x', date: '2026-02-01' }, {}, { defaultLanguage: 'es' });
    const outcomes = await Promise.all([
      linkFix(store, created, { sha: 'b'.repeat(40), how: 'manual' }),
      linkFix(store, created, { sha: 'b'.repeat(12), how: 'manual' }),
    ]);
    assert.deepEqual(outcomes.map((o) => o.linked).sort(), [false, true]);
    const onDisk = JSON.parse(fs.readFileSync(store.issueFile(created.id), 'utf8')) as { fixes: unknown[] };
    assert.equal(onDisk.fixes.length, 1);
  });

  it('drops emptied optional client fields but never the name or prefix', async () => {
    assert.deepEqual(withoutEmptyFields({ name: 'A', prefix: 'A', language: 'es', contactName: '', signature: 'x' }), { name: 'A', prefix: 'A', language: 'es', signature: 'x' });
    const store = await emptyStore();
    await ensureClient(store, 'Acme', { contactName: 'Laura' }, { defaultLanguage: 'es' });
    const changed = await updateClient(store, 'Acme', (d) => void (d.contactName = ''), { defaultLanguage: 'es' });
    assert.equal('contactName' in changed, false);
  });
});

describe('coded errors', () => {
  it('puts git, store, evidence and user errors under one base with their codes', () => {
    const errors: [CodedError, string, string][] = [
      [new GitFailure('bad-ref', 'fatal: bad revision'), 'git', 'bad-ref'],
      [new StoreError('conflict', 'ACME-1'), 'store', 'conflict'],
      [new EvidenceFailure('bad-target', 'mian'), 'evidence', 'bad-target'],
      [new UserError('precondition', 'Open a draft first.'), 'user', 'precondition'],
    ];
    for (const [error, domain, code] of errors) {
      assert.ok(isCodedError(error));
      assert.equal(error.domain, domain);
      assert.equal(error.code, code);
    }
  });

  it('words every coded error for the CLI without its code, in English and Spanish', () => {
    const cases: [unknown, RegExp, RegExp][] = [
      [new GitFailure('bad-ref', 'fatal: bad revision'), /git does not know/, /git no conoce/i],
      [new GitFailure('failed', 'fatal: oops\nmore'), /^git failed: fatal: oops$/, /fatal: oops$/],
      [new StoreError('conflict', 'ACME-1.json'), /ACME-1\.json changed on disk/, /ACME-1\.json cambió/],
      [new EvidenceFailure('bad-target', 'mian'), /"mian": the target is not/, /"mian": /],
      [new UserError('bad-argument', 'words as given'), /^words as given$/, /^words as given$/],
    ];
    try {
      for (const [error, english, spanish] of cases) {
        configureCliMessages({ LANG: 'C' }, root);
        const en = describeError(error, { repo: '/r' });
        assert.match(en.message, english);
        assert.doesNotMatch(en.message, /\b(bad-ref|conflict|bad-target|bad-argument)\b/);
        configureCliMessages({ LANG: 'es_ES.UTF-8' }, root);
        assert.match(describeError(error, { repo: '/r' }).message, spanish);
      }
      configureCliMessages({ LANG: 'C' }, root);
      assert.equal(describeError(new GitFailure('not-a-repository', 'x'), { repo: '/r' }).message, '/r is not a git repository');
    } finally {
      configureCliMessages({}, root);
    }
  });
});
