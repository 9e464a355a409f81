// Builders for store files (issues, clients) shared by the unit, git and integration tests, written
// in the store's own on-disk format, so no test carries its own copy of a valid issue.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatStoreJson } from '../../src/core/store/format';
import type { Client, Issue } from '../../src/core/store/model';
import type { StoreValidator } from '../../src/core/store/validate';
import { createStoreValidator, loadStoreSchemas } from '../../src/core/store/validate';

const ROOT = path.resolve(__dirname, '../../..');

/** A valid issue of client 'Acme Corp' with one report; `extra` overrides any field (even with invalid values). */
export function issueRecord(id: string, extra: Partial<Record<keyof Issue, unknown>> = {}): Issue {
  return {
    schemaVersion: 1,
    id,
    client: 'Acme Corp',
    title: 'Invoice total wrong',
    status: 'open',
    created: '2026-01-05',
    reports: [{ date: '2026-01-05', words: 'the total is wrong' }],
    fixes: [],
    replies: [],
    ...extra,
  } as Issue;
}

/** A clients.json value holding the given clients. */
export function clientsRecord(clients: Client[]): { schemaVersion: number; clients: Client[] } {
  return { schemaVersion: 1, clients };
}

/** Writes a store value in the store's format (sorted keys, 2 spaces, final newline), creating folders. */
export function writeStoreFile(file: string, value: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = formatStoreJson(value);
  fs.writeFileSync(file, text);
  return text;
}

/** The issues folder of a workspace. */
export function issuesDirOf(workspace: string): string {
  return path.join(workspace, '.proof-of-fix', 'issues');
}

/** The clients file of a workspace. */
export function clientsFileOf(workspace: string): string {
  return path.join(workspace, '.proof-of-fix', 'clients.json');
}

/** The validator built from the shipped schemas in media/, as the extension and the CLI build it. */
export async function shippedValidator(): Promise<StoreValidator> {
  return createStoreValidator(await loadStoreSchemas(path.join(ROOT, 'media')));
}
