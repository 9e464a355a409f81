// One workspace folder's client issues and clients: read, validated, migrated, and written back
// atomically. Writers of ours take turns through a lock file per store file and apply their change to
// the file as it is on disk at that moment, so no update is lost; a save by an editor that lands
// after that read is seen just before the rename and the change is applied again on top of it. A
// file that does not parse is never written over.
import * as path from 'node:path';
import { contentHash, formatStoreJson } from './format';
import { isSafeIssueId, nextIssueId, parseIssueId } from './ids';
import type { Client, ClientReport, ClientsFile, Issue, IssueStatus } from './model';
import { SCHEMA_VERSION } from './model';
import type { Entry } from './storeEntries';
import { readEntry, rewriteFile, withLock, writtenEntry } from './storeEntries';
import { StoreError } from './storeErrors';
import type { StoreFs } from './storeFs';
import { isAlreadyExists } from './storeFs';
import type { Parsed, StoreProblem } from './storeParse';
import { parseClientsText, parseIssueText } from './storeParse';
import type { StoreValidator } from './validate';

// Other layers name these through the store they use.
export { StoreError } from './storeErrors';
export type { StoreErrorCode } from './storeErrors';
export type { StoreProblem } from './storeParse';

export const DEFAULT_ISSUES_DIR = '.proof-of-fix/issues';
export const DEFAULT_CLIENTS_FILE = '.proof-of-fix/clients.json';

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
function compareIssues(a: Issue, b: Issue): number {
  const byStatus = (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9);
  if (byStatus !== 0) return byStatus;
  const na = parseIssueId(a.id)?.number ?? 0;
  const nb = parseIssueId(b.id)?.number ?? 0;
  return nb - na || a.id.localeCompare(b.id);
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
        const next = await readEntry(this.fs, file, this.issueEntries.get(file), (text) => this.parseIssue(file, text));
        if (next !== this.issueEntries.get(file)) {
          changed = true;
          if (next) this.issueEntries.set(file, next);
          else this.issueEntries.delete(file);
        }
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    const clients = await readEntry(this.fs, this.clientsFile, this.clientsEntry, (text) => this.parseClients(text));
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
    const entry = await readEntry(this.fs, file, this.issueEntries.get(file), (text) => this.parseIssue(file, text));
    if (entry) this.issueEntries.set(file, entry);
    else this.issueEntries.delete(file);
    await this.loadClients();
  }

  /** Reads only the clients file. */
  async loadClients(): Promise<void> {
    this.clientsEntry = await readEntry(this.fs, this.clientsFile, this.clientsEntry, (text) => this.parseClients(text));
  }

  /** Why the issue's file, as last read, could not be used. */
  issueProblem(id: string): StoreProblem | undefined {
    return this.issueEntries.get(this.issueFile(id))?.problem;
  }

  /** Why the clients file, as last read, could not be used. */
  clientsProblem(): StoreProblem | undefined {
    return this.clientsEntry?.problem;
  }

  private parseIssue(file: string, text: string): Parsed<Issue> {
    return parseIssueText(file, text, this.validator);
  }

  private parseClients(text: string): Parsed<ClientsFile> {
    return parseClientsText(this.clientsFile, text, this.validator);
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
          // Exclusive: two writers that picked the same id never both succeed.
          await this.fs.writeFileAtomic(file, text, { exclusive: true });
        } catch (error) {
          // Another window took this id between our listing and our write: try the next one.
          if (isAlreadyExists(error)) {
            taken.add(id);
            continue;
          }
          throw error;
        }
        this.issueEntries.set(file, await writtenEntry(this.fs, file, text, issue));
        return issue;
      }
      throw new StoreError('exists', client.prefix, 'no free id');
    });
  }

  /**
   * Applies `change` to a copy of the issue as it is on disk now and writes it. The file may have
   * changed since this store read it (another window, a CLI, an editor): the change is applied to
   * that newer content, so neither side's update is lost. `change` may therefore run more than once.
   * A file that no longer parses, or was deleted, is refused.
   */
  updateIssue(id: string, change: (draft: Issue) => void): Promise<Issue> {
    return this.serialize(async () => {
      if (!isSafeIssueId(id)) throw new StoreError('not-found', id, 'not an issue id');
      const file = this.issueFile(id);
      const known = this.issueEntries.get(file);
      const parse = (text: string): Parsed<Issue> => this.parseIssue(file, text);
      try {
        const written = await rewriteFile(this.fs, file, id, parse, (fresh) => {
          if (!fresh) throw known ? new StoreError('conflict', id, 'deleted on disk since it was read') : new StoreError('not-found', id);
          if (fresh.problem || !fresh.value) throw new StoreError('unparsable', id, fresh.problem?.detail);
          const draft = structuredClone(fresh.value);
          change(draft);
          draft.schemaVersion = SCHEMA_VERSION;
          if (draft.id !== id) throw new StoreError('invalid', id, 'the id cannot change');
          this.assertValidIssue(draft);
          return { text: formatStoreJson(draft), value: draft };
        });
        this.issueEntries.set(file, written);
        return written.value as Issue;
      } catch (error) {
        // What the refusal was about is what is on disk now: the next read shows it.
        if (error instanceof StoreError && (error.code === 'unparsable' || error.code === 'conflict' || error.code === 'not-found')) {
          const now = await readEntry(this.fs, file, undefined, parse);
          if (now) this.issueEntries.set(file, now);
          else this.issueEntries.delete(file);
        }
        throw error;
      }
    });
  }

  /** Removes the issue's file, unless it changed on disk since it was read: a deletion is not re-applied. */
  deleteIssue(id: string): Promise<void> {
    return this.serialize(async () => {
      const file = this.issueFile(id);
      const entry = this.issueEntries.get(file);
      if (!entry || !entry.value) throw new StoreError(entry ? 'unparsable' : 'not-found', id);
      await withLock(this.fs, file, id, async () => {
        const onDisk = await this.fs.readFile(file);
        if (onDisk === undefined) throw new StoreError('conflict', id, 'deleted on disk since it was read');
        if (contentHash(onDisk) !== entry.hash) throw new StoreError('conflict', id, 'changed on disk since it was read');
        await this.fs.remove(file);
      });
      this.issueEntries.delete(file);
    });
  }

  /**
   * Adds a client, or replaces the one with the same name, in clients.json as it is on disk now. The
   * prefix must stay unique, since ids are numbered per prefix.
   */
  saveClient(client: Client, options: { create?: boolean } = {}): Promise<Client> {
    return this.serialize(async () => {
      const file = this.clientsFile;
      const subject = path.basename(file);
      const parse = (text: string): Parsed<ClientsFile> => this.parseClients(text);
      try {
        this.clientsEntry = await rewriteFile(this.fs, file, subject, parse, (fresh) => {
          if (fresh && (fresh.problem || !fresh.value)) throw new StoreError('unparsable', subject, fresh.problem?.detail);
          const current: ClientsFile = fresh?.value ? structuredClone(fresh.value) : { schemaVersion: SCHEMA_VERSION, clients: [] };
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
          return { text: formatStoreJson(current), value: current };
        });
        return client;
      } catch (error) {
        if (error instanceof StoreError && error.code === 'unparsable') this.clientsEntry = await readEntry(this.fs, file, undefined, parse);
        throw error;
      }
    });
  }
}
