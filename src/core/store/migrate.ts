// Upgrades store files written by older versions, in memory. The file on disk changes only when the
// user next changes that issue through the extension, so reading never rewrites anything.
import { SCHEMA_VERSION } from './model';

export type MigrationResult =
  | { kind: 'current'; value: unknown }
  | { kind: 'migrated'; value: unknown; from: number }
  | { kind: 'newer'; version: number };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function versionOf(value: unknown): number {
  // Version 0 is the pre-release format, which had no schemaVersion field.
  if (!isObject(value) || !('schemaVersion' in value)) return 0;
  return typeof value.schemaVersion === 'number' ? value.schemaVersion : Number.NaN;
}

/** Version 0 → 1 for an issue: lists became required and fixes became objects. */
function issueV0(value: Json): Json {
  const out: Json = { ...value, schemaVersion: 1 };
  out.reports = Array.isArray(value.reports) ? value.reports : [];
  out.replies = Array.isArray(value.replies) ? value.replies : [];
  const fixes = Array.isArray(value.fixes) ? value.fixes : [];
  out.fixes = fixes.map((f) => (typeof f === 'string' ? { sha: f, how: 'manual' } : f));
  out.status ??= 'open';
  if (out.created === undefined) {
    const first = (out.reports as unknown[]).find((r): r is Json => isObject(r) && typeof r.date === 'string');
    if (first) out.created = first.date;
  }
  return out;
}

/** Version 0 → 1 for the clients file: a bare array became `{ schemaVersion, clients }`. */
function clientsV0(value: unknown): Json {
  if (Array.isArray(value)) return { schemaVersion: 1, clients: value };
  return { ...(isObject(value) ? value : {}), schemaVersion: 1 };
}

function migrate(value: unknown, v0: (value: unknown) => Json): MigrationResult {
  const version = versionOf(value);
  if (version === SCHEMA_VERSION) return { kind: 'current', value };
  if (version > SCHEMA_VERSION) return { kind: 'newer', version };
  if (version === 0) return { kind: 'migrated', value: v0(value), from: 0 };
  // Not a number, negative, fractional: leave it for the schema to report.
  return { kind: 'current', value };
}

export function migrateIssue(value: unknown): MigrationResult {
  return migrate(value, (v) => (isObject(v) ? issueV0(v) : (v as Json)));
}

export function migrateClients(value: unknown): MigrationResult {
  return migrate(value, clientsV0);
}
