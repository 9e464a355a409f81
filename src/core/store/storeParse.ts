// Turning the text of a store file into a value, or into a problem that says where the file is wrong:
// JSON syntax, migration of older versions, the schema, and an issue id that must match its file name.
import * as path from 'node:path';
import { pointerPosition, syntaxErrorPosition } from './jsonLocate';
import { migrateClients, migrateIssue } from './migrate';
import type { ClientsFile, Issue } from './model';
import type { StoreValidator } from './validate';

export type ProblemCode = 'syntax' | 'schema' | 'id-mismatch' | 'newer-schema' | 'unreadable';

/** A store file that could not be used. It is shown, never rewritten. */
export interface StoreProblem {
  file: string;
  kind: 'issue' | 'clients';
  code: ProblemCode;
  /** Technical detail (parser or validator wording, the newer version number). */
  detail: string;
  /** 1-based position of the problem in the file. */
  line: number;
  column: number;
  /** For issue files, the id the file name claims. */
  id?: string;
}

export interface Parsed<T> {
  value?: T;
  problem?: StoreProblem;
}

/**
 * Editors on Windows may save JSON with a byte order mark, which JSON.parse refuses. Positions are
 * then counted as the editor shows them, without it; the hash stays on the text as read.
 */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJson(text: string, problem: (code: ProblemCode, detail: string, pos: { line: number; column: number }) => StoreProblem): { json?: unknown; problem?: StoreProblem } {
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    const pos = syntaxErrorPosition(text) ?? { line: 1, column: 1 };
    return { problem: problem('syntax', error instanceof Error ? error.message : String(error), pos) };
  }
}

export function parseIssueText(file: string, raw: string, validator: StoreValidator): Parsed<Issue> {
  const text = withoutBom(raw);
  const id = path.basename(file, '.json');
  const base = { file, kind: 'issue' as const, id };
  const parsed = parseJson(text, (code, detail, pos) => ({ ...base, code, detail, line: pos.line, column: pos.column }));
  if (parsed.problem) return { problem: parsed.problem };
  const migrated = migrateIssue(parsed.json);
  if (migrated.kind === 'newer') {
    return { problem: { ...base, code: 'newer-schema', detail: String(migrated.version), ...pointerPosition(text, '/schemaVersion') } };
  }
  const violations = validator.issue(migrated.value);
  const first = violations[0];
  if (first) {
    const pos = pointerPosition(text, first.pointer);
    return { problem: { ...base, code: 'schema', detail: violations.map((v) => v.detail).join('; '), line: pos.line, column: pos.column } };
  }
  const issue = migrated.value as Issue;
  if (issue.id !== id) {
    const pos = pointerPosition(text, '/id');
    return { problem: { ...base, code: 'id-mismatch', detail: issue.id, line: pos.line, column: pos.column } };
  }
  return { value: issue };
}

export function parseClientsText(file: string, raw: string, validator: StoreValidator): Parsed<ClientsFile> {
  const text = withoutBom(raw);
  const base = { file, kind: 'clients' as const };
  const parsed = parseJson(text, (code, detail, pos) => ({ ...base, code, detail, line: pos.line, column: pos.column }));
  if (parsed.problem) return { problem: parsed.problem };
  const migrated = migrateClients(parsed.json);
  if (migrated.kind === 'newer') {
    const pos = pointerPosition(text, '/schemaVersion');
    return { problem: { ...base, code: 'newer-schema', detail: String(migrated.version), line: pos.line, column: pos.column } };
  }
  const violations = validator.clients(migrated.value);
  const first = violations[0];
  if (first) {
    const pos = pointerPosition(text, first.pointer);
    return { problem: { ...base, code: 'schema', detail: violations.map((v) => v.detail).join('; '), line: pos.line, column: pos.column } };
  }
  return { value: migrated.value as ClientsFile };
}
