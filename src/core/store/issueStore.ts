// One workspace folder's client issues and clients: read, validated, migrated, and written back
// atomically without ever overwriting a change made elsewhere or a file that did not parse.
import * as path from 'node:path';
import { CodedError } from '../errors';
import { contentHash, formatStoreJson } from './format';
import { isSafeIssueId, nextIssueId, parseIssueId } from './ids';
import { pointerPosition, syntaxErrorPosition } from './jsonLocate';
import { migrateClients, migrateIssue } from './migrate';
import type { Client, ClientReport, ClientsFile, Issue, IssueStatus } from './model';
import { SCHEMA_VERSION } from './model';
import type { StoreFs } from './storeFs';
import { isAlreadyExists } from './storeFs';
import type { StoreValidator } from './validate';

export const DEFAULT_ISSUES_DIR = '.proof-of-fix/issues';
export const DEFAULT_CLIENTS_FILE = '.proof-of-fix/clients.json';

export type StoreErrorCode =
  /** The file changed on disk since it was read; writing would lose that change. */
  | 'conflict'
  /** The file failed to parse or validate; it is left for the user to repair. */
  | 'unparsable'
  | 'not-found'
  /** A client with that name or prefix already exists. */
  | 'exists'
  | 'unknown-client'
  /** The change would produce a file the schema rejects. */
  | 'invalid';

export class StoreError extends CodedError<StoreErrorCode> {
  readonly domain = 'store';

  constructor(
    code: StoreErrorCode,
    /** The issue id, client name or file the error is about. */
    readonly subject: string,
    detail?: string,
  ) {
    super(code, `${code}: ${subject}${detail ? ` (${detail})` : ''}`);
    this.name = 'StoreError';
  }
}

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

interface Entry<T> {
  file: string;
  mtimeMs: number;
  size: number;
  /** Hash of the text as read (or last written); a write is allowed only while the disk still has it. */
  hash: string;
  value?: T;
  problem?: StoreProblem;
}

export interface NewIssueInput {
  client: string;
  title: string;
  words?: string;
  /** YYYY-MM-DD; the day the client reported it. */
  date: string;
  channel?: string;
  version?: string;
  status?: IssueStatus;
}

export interface IssueStoreOptions {
  /** The workspace folder's path. */
  root: string;
  fs: StoreFs;
  validator: StoreValidator;
  /** Relative to root (or absolute). */
  issuesDir?: string;
  clientsFile?: string;
  /** Called after every successful write or delete, so views of the store refresh. */
  onDidWrite?: () => void;
}

const READ_CONCURRENCY = 16;
const CREATE_ATTEMPTS = 50;

const STATUS_ORDER: Record<IssueStatus, number> = { reopened: 0, open: 1, fixed: 2, 'wont-fix': 3, closed: 4 };

/** Reopened first, then open, fixed, won't fix, closed; newest id first within a status. */
export function compareIssues(a: Issue, b: Issue): number {
  const byStatus = (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9);
  if (byStatus !== 0) return byStatus;
  const na = parseIssueId(a.id)?.number ?? 0;
  const nb = parseIssueId(b.id)?.number ?? 0;
  return nb - na || a.id.localeCompare(b.id);
}

/**
 * Editors on Windows may save JSON with a byte order mark, which JSON.parse refuses. Positions are
 * then counted as the editor shows them, without it; the hash stays on the text as read.
 */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export class IssueStore {
  readonly root: string;
  readonly issuesDir: string;
  readonly clientsFile: string;
  private readonly fs: StoreFs;
  private readonly validator: StoreValidator;
  private readonly onDidWrite: () => void;
  private issueEntries = new Map<string, Entry<Issue>>();
  private clientsEntry: Entry<ClientsFile> | undefined;
  /** Writes run one at a time, so two commands never interleave their read-check-write. */
  private writeChain: Promise<unknown> = Promise.resolve();

  constructor(options: IssueStoreOptions) {
    this.root = options.root;
    this.fs = options.fs;
    this.validator = options.validator;
    this.onDidWrite = options.onDidWrite ?? ((): void => undefined);
    this.issuesDir = path.resolve(options.root, options.issuesDir ?? DEFAULT_ISSUES_DIR);
    this.clientsFile = path.resolve(options.root, options.clientsFile ?? DEFAULT_CLIENTS_FILE);
  }

  issues(): Issue[] {
    const out: Issue[] = [];
    for (const entry of this.issueEntries.values()) if (entry.value) out.push(entry.value);
    return out.sort(compareIssues);
  }

  issue(id: string): Issue | undefined {
    return this.issueEntries.get(this.issueFile(id))?.value;
  }

  clients(): Client[] {
    return [...(this.clientsEntry?.value?.clients ?? [])];
  }

  client(name: string): Client | undefined {
    return this.clientsEntry?.value?.clients.find((c) => c.name === name);
  }

  problems(): StoreProblem[] {
    const out: StoreProblem[] = [];
    if (this.clientsEntry?.problem) out.push(this.clientsEntry.problem);
    for (const entry of this.issueEntries.values()) if (entry.problem) out.push(entry.problem);
    return out.sort((a, b) => a.file.localeCompare(b.file));
  }

  /** Whether the clients file exists but could not be used (so clients cannot be changed). */
  clientsBroken(): boolean {
    return this.clientsEntry?.problem !== undefined;
  }

  issueFile(id: string): string {
    return path.join(this.issuesDir, `${id}.json`);
  }

  /**
   * Re-reads what changed on disk: unchanged files (same mtime and size, or same content) keep
   * their parsed value. Returns whether anything visible changed.
   */
  async load(): Promise<boolean> {
    let changed = false;
    const names = (await this.fs.list(this.issuesDir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    const files = new Set(names.map((n) => path.join(this.issuesDir, n)));
    for (const file of [...this.issueEntries.keys()]) {
      if (!files.has(file)) {
        this.issueEntries.delete(file);
        changed = true;
      }
    }
    const queue = [...files];
    const worker = async (): Promise<void> => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        const next = await this.readEntry(file, this.issueEntries.get(file), (text) => this.parseIssue(file, text));
        if (next !== this.issueEntries.get(file)) {
          changed = true;
          if (next) this.issueEntries.set(file, next);
          else this.issueEntries.delete(file);
        }
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    const clients = await this.readEntry(this.clientsFile, this.clientsEntry, (text) => this.parseClients(text));
    if (clients !== this.clientsEntry) {
      changed = true;
      this.clientsEntry = clients;
    }
    return changed;
  }

  /**
   * Reads one issue file and the clients file, not the whole folder: a headless reader that needs
   * one issue (the CLI) is neither slowed down nor stopped by the other files.
   */
  async loadIssue(id: string): Promise<void> {
    // The id becomes a file name: one that could name another path is never read.
    if (!isSafeIssueId(id)) throw new StoreError('not-found', id, 'not an issue id');
    const file = this.issueFile(id);
    const entry = await this.readEntry(file, this.issueEntries.get(file), (text) => this.parseIssue(file, text));
    if (entry) this.issueEntries.set(file, entry);
    else this.issueEntries.delete(file);
    await this.loadClients();
  }

  /** Reads only the clients file. */
  async loadClients(): Promise<void> {
    this.clientsEntry = await this.readEntry(this.clientsFile, this.clientsEntry, (text) => this.parseClients(text));
  }

  /** Why the issue's file, as last read, could not be used. */
  issueProblem(id: string): StoreProblem | undefined {
    return this.issueEntries.get(this.issueFile(id))?.problem;
  }

  /** Why the clients file, as last read, could not be used. */
  clientsProblem(): StoreProblem | undefined {
    return this.clientsEntry?.problem;
  }

  /** The cached entry when the file is unchanged, a fresh one when it changed, undefined when gone. */
  private async readEntry<T>(
    file: string,
    cached: Entry<T> | undefined,
    parse: (text: string) => { value?: T; problem?: StoreProblem },
  ): Promise<Entry<T> | undefined> {
    const stat = await this.fs.stat(file);
    if (!stat) return undefined;
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const text = await this.fs.readFile(file);
    if (text === undefined) return undefined;
    const hash = contentHash(text);
    if (cached && cached.hash === hash) {
      cached.mtimeMs = stat.mtimeMs;
      cached.size = stat.size;
      return cached;
    }
    return { file, mtimeMs: stat.mtimeMs, size: stat.size, hash, ...parse(text) };
  }

  private parseJson(
    file: string,
    kind: StoreProblem['kind'],
    text: string,
    id?: string,
  ): { json?: unknown; problem?: StoreProblem } {
    const problem = (code: ProblemCode, detail: string, pos: { line: number; column: number }): StoreProblem => ({
      file,
      kind,
      code,
      detail,
      line: pos.line,
      column: pos.column,
      ...(id !== undefined ? { id } : {}),
    });
    try {
      return { json: JSON.parse(text) as unknown };
    } catch (error) {
      const pos = syntaxErrorPosition(text) ?? { line: 1, column: 1 };
      return { problem: problem('syntax', error instanceof Error ? error.message : String(error), pos) };
    }
  }

  private parseIssue(file: string, raw: string): { value?: Issue; problem?: StoreProblem } {
    const text = withoutBom(raw);
    const id = path.basename(file, '.json');
    const parsed = this.parseJson(file, 'issue', text, id);
    if (parsed.problem) return { problem: parsed.problem };
    const base = { file, kind: 'issue' as const, id };
    const migrated = migrateIssue(parsed.json);
    if (migrated.kind === 'newer') {
      return { problem: { ...base, code: 'newer-schema', detail: String(migrated.version), ...pointerPosition(text, '/schemaVersion') } };
    }
    const violations = this.validator.issue(migrated.value);
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

  private parseClients(raw: string): { value?: ClientsFile; problem?: StoreProblem } {
    const text = withoutBom(raw);
    const file = this.clientsFile;
    const parsed = this.parseJson(file, 'clients', text);
    if (parsed.problem) return { problem: parsed.problem };
    const migrated = migrateClients(parsed.json);
    if (migrated.kind === 'newer') {
      const pos = pointerPosition(text, '/schemaVersion');
      return { problem: { file, kind: 'clients', code: 'newer-schema', detail: String(migrated.version), line: pos.line, column: pos.column } };
    }
    const violations = this.validator.clients(migrated.value);
    const first = violations[0];
    if (first) {
      const pos = pointerPosition(text, first.pointer);
      return { problem: { file, kind: 'clients', code: 'schema', detail: violations.map((v) => v.detail).join('; '), line: pos.line, column: pos.column } };
    }
    return { value: migrated.value as ClientsFile };
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const written = async (): Promise<T> => {
      const value = await work();
      this.onDidWrite();
      return value;
    };
    const result = this.writeChain.then(written, written);
    // The chain only orders writes; each caller sees its own outcome.
    this.writeChain = result.catch(() => undefined);
    return result;
  }

  /**
   * Refuses to write over a file that failed to parse, or whose content on disk is no longer what
   * was read (edited by hand, checked out, written by another window).
   */
  private async assertUnchanged<T>(entry: Entry<T> | undefined, file: string, subject: string): Promise<void> {
    const onDisk = await this.fs.readFile(file);
    if (!entry) {
      if (onDisk !== undefined) throw new StoreError('conflict', subject, 'created on disk since it was read');
      return;
    }
    if (entry.problem) throw new StoreError('unparsable', subject, entry.problem.detail);
    if (onDisk === undefined) throw new StoreError('conflict', subject, 'deleted on disk since it was read');
    if (contentHash(onDisk) !== entry.hash) throw new StoreError('conflict', subject, 'changed on disk since it was read');
  }

  private async record<T>(file: string, text: string, value: T): Promise<Entry<T>> {
    const stat = await this.fs.stat(file);
    return { file, mtimeMs: stat?.mtimeMs ?? 0, size: stat?.size ?? 0, hash: contentHash(text), value };
  }

  private assertValidIssue(issue: Issue): void {
    const violations = this.validator.issue(issue);
    if (violations.length > 0) throw new StoreError('invalid', issue.id, violations.map((v) => v.detail).join('; '));
  }

  createIssue(input: NewIssueInput): Promise<Issue> {
    return this.serialize(async () => {
      const client = this.client(input.client);
      if (!client) throw new StoreError('unknown-client', input.client);
      const report: ClientReport = { date: input.date, words: input.words ?? '' };
      if (input.channel) report.channel = input.channel;
      if (input.version) report.version = input.version;
      const taken = new Set<string>();
      for (const name of await this.fs.list(this.issuesDir)) if (name.endsWith('.json')) taken.add(path.basename(name, '.json'));
      for (const entry of this.issueEntries.values()) taken.add(path.basename(entry.file, '.json'));
      for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
        const id = nextIssueId(client.prefix, taken);
        const issue: Issue = {
          schemaVersion: SCHEMA_VERSION,
          id,
          client: client.name,
          title: input.title,
          status: input.status ?? 'open',
          created: input.date,
          reports: [report],
          fixes: [],
          replies: [],
        };
        if (input.words) issue.words = input.words;
        this.assertValidIssue(issue);
        const file = this.issueFile(id);
        const text = formatStoreJson(issue);
        try {
          await this.fs.writeFileAtomic(file, text, { exclusive: true });
        } catch (error) {
          // Another window took this id between our listing and our write: try the next one.
          if (isAlreadyExists(error)) {
            taken.add(id);
            continue;
          }
          throw error;
        }
        this.issueEntries.set(file, await this.record(file, text, issue));
        return issue;
      }
      throw new StoreError('exists', client.prefix, 'no free id');
    });
  }

  /** Applies `change` to a copy of the issue and writes it, unless the file changed on disk. */
  updateIssue(id: string, change: (draft: Issue) => void): Promise<Issue> {
    return this.serialize(async () => {
      const file = this.issueFile(id);
      const entry = this.issueEntries.get(file);
      if (!entry) throw new StoreError('not-found', id);
      await this.assertUnchanged(entry, file, id);
      const draft = structuredClone(entry.value as Issue);
      change(draft);
      draft.schemaVersion = SCHEMA_VERSION;
      if (draft.id !== id) throw new StoreError('invalid', id, 'the id cannot change');
      this.assertValidIssue(draft);
      const text = formatStoreJson(draft);
      await this.fs.writeFileAtomic(file, text);
      this.issueEntries.set(file, await this.record(file, text, draft));
      return draft;
    });
  }

  /** Removes the issue's file, unless it changed on disk since it was read. */
  deleteIssue(id: string): Promise<void> {
    return this.serialize(async () => {
      const file = this.issueFile(id);
      const entry = this.issueEntries.get(file);
      if (!entry || !entry.value) throw new StoreError(entry ? 'unparsable' : 'not-found', id);
      await this.assertUnchanged(entry, file, id);
      await this.fs.remove(file);
      this.issueEntries.delete(file);
    });
  }

  /**
   * Adds a client, or replaces the one with the same name. The prefix must stay unique, since ids
   * are numbered per prefix.
   */
  saveClient(client: Client, options: { create?: boolean } = {}): Promise<Client> {
    return this.serialize(async () => {
      const file = this.clientsFile;
      await this.assertUnchanged(this.clientsEntry, file, path.basename(file));
      const current: ClientsFile = this.clientsEntry?.value
        ? structuredClone(this.clientsEntry.value)
        : { schemaVersion: SCHEMA_VERSION, clients: [] };
      const index = current.clients.findIndex((c) => c.name === client.name);
      if (options.create && index >= 0) throw new StoreError('exists', client.name);
      if (!options.create && index < 0) throw new StoreError('not-found', client.name);
      const clash = current.clients.find((c) => c.name !== client.name && c.prefix.toUpperCase() === client.prefix.toUpperCase());
      if (clash) throw new StoreError('exists', client.prefix, `prefix used by ${clash.name}`);
      if (index >= 0) current.clients[index] = client;
      else current.clients.push(client);
      current.schemaVersion = SCHEMA_VERSION;
      const violations = this.validator.clients(current);
      if (violations.length > 0) throw new StoreError('invalid', client.name, violations.map((v) => v.detail).join('; '));
      const text = formatStoreJson(current);
      try {
        await this.fs.writeFileAtomic(file, text, { exclusive: this.clientsEntry === undefined });
      } catch (error) {
        if (isAlreadyExists(error)) throw new StoreError('conflict', path.basename(file), 'created on disk since it was read');
        throw error;
      }
      this.clientsEntry = await this.record(file, text, current);
      return client;
    });
  }
}
