// The client fields a reply is addressed with: audience (plain by default), the contact's email and
// a per-client greeting. clients.json is validated against the same schema VS Code uses.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { AUDIENCES, DEFAULT_AUDIENCE } from '../../src/core/store/model';
import type { StoreValidator } from '../../src/core/store/validate';
import { createStoreValidator, loadStoreSchemas } from '../../src/core/store/validate';

const root = path.resolve(__dirname, '../../..');

describe('reply client fields in clients.json', () => {
  let validator: StoreValidator;
  before(async () => {
    validator = createStoreValidator(await loadStoreSchemas(path.join(root, 'media')));
  });

  const file = (extra: Record<string, unknown>): unknown => ({
    schemaVersion: 1,
    clients: [{ name: 'Acme', prefix: 'ACME', language: 'es', ...extra }],
  });

  it('accepts audience, email and greeting, and a client without them', () => {
    assert.deepEqual(validator.clients(file({})), []);
    assert.deepEqual(validator.clients(file({ audience: 'technical', email: 'carmen@acme.example', greeting: 'Estimada Carmen:' })), []);
    assert.deepEqual(validator.clients(file({ audience: 'plain' })), []);
  });

  it('rejects an unknown audience and an address that is not one', () => {
    assert.match(validator.clients(file({ audience: 'developer' }))[0]?.detail ?? '', /audience/);
    assert.match(validator.clients(file({ email: 'carmen at acme' }))[0]?.detail ?? '', /email/);
  });

  it('writes to a client in plain words unless told otherwise', () => {
    assert.equal(DEFAULT_AUDIENCE, 'plain');
    assert.deepEqual([...AUDIENCES], ['plain', 'technical']);
  });
});
