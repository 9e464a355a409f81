// A minimal reader of the workspace's issue files for the evidence command: plain JSON.parse and
// the few fields evidence needs (the full validated store lives in src/core/store). Outcomes are
// states with codes; the caller words them.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Client, FixLink } from './store/model';

export interface IssueForEvidence {
  id: string;
  clientName: string | null;
  fixes: FixLink[];
  client: Client | null;
  /** Every client's issue prefix (for id patterns). */
  prefixes: string[];
}

export type IssueReadResult =
  | { ok: true; issue: IssueForEvidence }
  | { ok: false; code: 'bad-issue-id' | 'issue-missing' | 'issue-unreadable' | 'issue-invalid' | 'clients-invalid'; file: string; detail: string };

/** Ids become file names: letters, digits, dot, dash, underscore; no path parts. */
export function isIssueIdSafe(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id) && !id.includes('..');
}

export function issueFilePath(workspaceDir: string, id: string): string {
  return path.join(workspaceDir, '.proof-of-fix', 'issues', `${id}.json`);
}

export function clientsFilePath(workspaceDir: string): string {
  return path.join(workspaceDir, '.proof-of-fix', 'clients.json');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; missing: boolean; detail: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', detail: code ?? String(error) };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, missing: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function readIssueForEvidence(workspaceDir: string, id: string): Promise<IssueReadResult> {
  const file = issueFilePath(workspaceDir, id);
  if (!isIssueIdSafe(id)) return { ok: false, code: 'bad-issue-id', file, detail: id };
  const read = await readJson(file);
  if (!read.ok) return { ok: false, code: read.missing ? 'issue-missing' : 'issue-unreadable', file, detail: read.detail };
  const raw = read.value;
  if (!isObject(raw)) return { ok: false, code: 'issue-invalid', file, detail: 'not a JSON object' };
  const fixesRaw = raw.fixes ?? [];
  if (!Array.isArray(fixesRaw)) return { ok: false, code: 'issue-invalid', file, detail: 'fixes is not a list' };
  const fixes: FixLink[] = [];
  for (const f of fixesRaw) {
    if (!isObject(f) || typeof f.sha !== 'string') return { ok: false, code: 'issue-invalid', file, detail: 'a fix has no sha' };
    const how = f.how === 'line' || f.how === 'message' ? f.how : 'manual';
    fixes.push({ sha: f.sha, how, ...(typeof f.note === 'string' ? { note: f.note } : {}) });
  }
  const clientName = typeof raw.client === 'string' ? raw.client : null;

  const clientsFile = clientsFilePath(workspaceDir);
  const clientsRead = await readJson(clientsFile);
  let clients: Client[] = [];
  if (clientsRead.ok) {
    const value = clientsRead.value;
    if (!isObject(value) || !Array.isArray(value.clients)) {
      return { ok: false, code: 'clients-invalid', file: clientsFile, detail: 'no clients list' };
    }
    clients = value.clients.filter((c): c is Client => isObject(c) && typeof c.name === 'string');
  } else if (!clientsRead.missing) {
    return { ok: false, code: 'clients-invalid', file: clientsFile, detail: clientsRead.detail };
  }
  const client = clients.find((c) => c.name === clientName) ?? null;
  const prefixes = clients.map((c) => c.prefix).filter((p): p is string => typeof p === 'string' && p !== '');
  return { ok: true, issue: { id: typeof raw.id === 'string' ? raw.id : id, clientName, fixes, client, prefixes } };
}
