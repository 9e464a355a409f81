// The store's validation: the shipped JSON schemas (the ones VS Code validates the files with as
// the user edits) and the rule they cannot express, applied as the store reads and before it writes.
import { Ajv } from 'ajv';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatStoreJson } from '../../src/core/store/format';
import { IssueStore, StoreError } from '../../src/core/store/issueStore';
import { isCalendarDay } from '../../src/core/store/model';
import { createNodeStoreFs } from '../../src/core/store/storeFs';
import type { StoreValidator } from '../../src/core/store/validate';
import { EDITOR_KEYWORDS, lazyStoreValidator } from '../../src/core/store/validate';
import { issueRecord as validIssue, issuesDirOf as issuesDir, shippedValidator } from '../support/storeFixtures';
import { makeTempDir } from '../support/tempDir';

let validator: StoreValidator;
before(async () => {
  validator = await shippedValidator();
});

const tempDir = (): string => makeTempDir('pof-validate-');
const write = (file: string, text: string): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof StoreError && e.code === code);
}

describe('store schema validation', () => {
  it('reads the schemas on first use when lazy (the extension activates without them), and judges as the eager one', () => {
    const media = tempDir();
    const lazy = lazyStoreValidator(media);
    // Nothing is read yet: the folder has no schemas, and creating the validator did not fail.
    for (const name of ['issue.schema.json', 'clients.schema.json']) fs.copyFileSync(path.join(__dirname, '../../../media', name), path.join(media, name));
    const bad = { ...validIssue('ACME-1'), status: 'done' };
    assert.deepEqual(lazy.issue(bad), validator.issue(bad));
    assert.deepEqual(lazy.issue(validIssue('ACME-1')), []);
    assert.throws(() => lazyStoreValidator(tempDir()).issue(validIssue('ACME-1')), /ENOENT/);
  });

  it("the shipped schemas are valid JSON Schemas (the store's validator does not check that as it compiles them)", () => {
    const ajv = new Ajv({ strict: true });
    ajv.addVocabulary(EDITOR_KEYWORDS);
    for (const name of ['issue.schema.json', 'clients.schema.json']) {
      const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../media', name), 'utf8')) as object;
      assert.equal(ajv.validateSchema(schema), true, `${name}: ${ajv.errorsText()}`);
    }
    // And the check can fail: a type that JSON Schema does not have.
    assert.equal(ajv.validateSchema({ type: 'text' }), false);
  });

  it('accepts a valid issue and rejects a bad status and a bad date', () => {
    assert.deepEqual(validator.issue(validIssue('ACME-1')), []);
    const bad = { ...validIssue('ACME-1'), status: 'done', created: '2026-13-01' };
    const pointers = validator.issue(bad).map((v) => v.pointer).sort();
    assert.deepEqual(pointers, ['/created', '/status']);
  });

  it('refuses days that do not exist, wherever a date is', () => {
    const at = (issue: unknown): string[] => validator.issue(issue).map((v) => v.pointer);
    assert.deepEqual(at({ ...validIssue('ACME-1'), created: '2026-02-31' }), ['/created']);
    assert.deepEqual(at({ ...validIssue('ACME-1'), reports: [{ date: '2026-02-29', words: 'w' }] }), ['/reports/0/date']);
    assert.deepEqual(at({ ...validIssue('ACME-1'), replies: [{ date: '2026-04-31T10:00:00.000Z', verdict: 'fix-intact', language: 'es', text: 't' }] }), ['/replies/0/date']);
    assert.deepEqual(at({ ...validIssue('ACME-1'), created: '2024-02-29', replies: [{ date: '2026-04-30T10:00:00.000Z', verdict: 'fix-intact', language: 'es', text: 't' }] }), []);
  });

  it('the schema and isCalendarDay agree on every YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        // Years before 1000 are outside what Date.UTC round-trips as written; nobody reports a bug then.
        fc.pre(y >= 1000);
        assert.equal(validator.issue({ ...validIssue('ACME-1'), created: text }).length === 0, isCalendarDay(text), text);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses two clients with one name or one prefix, ignoring case, at the later entry', () => {
    const clients = [
      { name: 'Acme', prefix: 'ACME', language: 'es' },
      { name: 'Beta', prefix: 'acme', language: 'en' },
      { name: 'ACME', prefix: 'AC', language: 'en' },
    ];
    assert.deepEqual(validator.clients({ schemaVersion: 1, clients }).map((v) => v.pointer), ['/clients/2/name', '/clients/1/prefix']);
    assert.match(validator.clients({ schemaVersion: 1, clients })[1]?.detail ?? '', /\/clients\/1\/prefix must be unique: "acme" is also the prefix of \/clients\/0/);
  });

  it('a clients file with a duplicate is a problem at its line, and is never written over', async () => {
    const dir = tempDir();
    const text = formatStoreJson({ schemaVersion: 1, clients: [{ name: 'Acme', prefix: 'ACME', language: 'es' }, { name: 'Beta', prefix: 'Acme', language: 'en' }] });
    write(path.join(dir, '.proof-of-fix', 'clients.json'), text);
    const store = new IssueStore({ root: dir, fs: createNodeStoreFs(), validator });
    await store.load();
    const problem = store.clientsProblem();
    assert.deepEqual([problem?.code, problem?.line], ['schema', text.split('\n').findIndex((l) => l.includes('"prefix": "Acme"')) + 1]);
    assert.match(problem?.detail ?? '', /must be unique/);
    await rejectsWith(store.saveClient({ name: 'Gamma', prefix: 'GAM', language: 'en' }, { create: true }), 'unparsable');
    assert.equal(fs.readFileSync(store.clientsFile, 'utf8'), text);
  });

  it('an issue file with February 31 is a problem at that date', async () => {
    const dir = tempDir();
    const text = formatStoreJson({ ...validIssue('ACME-1'), reports: [{ date: '2026-02-31', words: 'w' }] });
    write(path.join(issuesDir(dir), 'ACME-1.json'), text);
    const store = new IssueStore({ root: dir, fs: createNodeStoreFs(), validator });
    await store.load();
    const problem = store.issueProblem('ACME-1');
    assert.equal(problem?.code, 'schema');
    assert.equal(problem?.line, text.split('\n').findIndex((l) => l.includes('2026-02-31')) + 1);
    assert.equal(store.issue('ACME-1'), undefined);
  });

  it('reports an unknown property at the property itself', () => {
    const violations = validator.issue({ ...validIssue('ACME-1'), statsu: 'open' });
    assert.deepEqual(violations.map((v) => v.pointer), ['/statsu']);
  });

  it('validates clients', () => {
    assert.deepEqual(validator.clients({ schemaVersion: 1, clients: [{ name: 'A', prefix: 'A', language: 'es' }] }), []);
    assert.equal(validator.clients({ schemaVersion: 1, clients: [{ name: 'A', prefix: '1A', language: 'fr' }] }).length, 2);
  });
});
