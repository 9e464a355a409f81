// The rules of changing client issues and clients, shared by the extension's commands and the CLI:
// what a new client starts with, what "the client says it's back" does to an issue, when a commit
// is already linked, and which client fields are dropped when emptied. Callers parse their own
// arguments and word the outcome; these functions only apply the rule through the store.
import { suggestPrefix } from './ids';
import type { IssueStore, NewIssueInput } from './issueStore';
import type { Client, ClientReport, FixLink, Issue, Language } from './model';

/** The part of the store the operations use (the UI and the CLI each hold an IssueStore). */
export type OperationStore = Pick<IssueStore, 'client' | 'clients' | 'issues' | 'saveClient' | 'createIssue' | 'updateIssue'>;

/** What the workspace says about clients it does not know yet. */
export interface ClientDefaults {
  /** The `clients.defaultLanguage` setting (the CLI: its own flag or `es`). */
  defaultLanguage: Language;
}

/** The fields a caller may give for a client that does not exist yet. */
export type NewClientFields = Partial<Omit<Client, 'name'>>;

// Words that say what kind of business or company a name is, not which one: a prefix made of them
// ("PANADE" for "Panadería Sol") says nothing. Spanish and English, compared without accents.
const GENERIC_WORDS = new Set(
  (
    'panaderia pasteleria clinica taller tienda bar restaurante farmacia ferreteria libreria academia hotel cafe cafeteria ' +
    'peluqueria estudio grupo hermanos consultoria asesoria inmobiliaria autoescuela gestoria despacho centro ' +
    'bakery clinic shop store studio group consulting agency the el la los las de del y and ' +
    'corp corporation inc ltd llc sl sa slu sll gmbh co company cia'
  ).split(' '),
);

/** The words of a client's name that tell it apart ("Panadería Sol" → "Sol"); the whole name when all are generic. */
export function distinctiveName(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const kept = words.filter((w) => !GENERIC_WORDS.has(w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()));
  return kept.length > 0 ? kept.join(' ') : name;
}

/** A short, sensible id prefix for a new client: "SOL" for "Panadería Sol", "ACME" for "Acme Corp". */
export function suggestClientPrefix(name: string, taken: Iterable<string>): string {
  return suggestPrefix(distinctiveName(name), taken);
}

/**
 * A new client's record: the given fields, else the prefix its existing issues already use (or one
 * suggested from the name), the workspace's default language, and for Spanish the formal register.
 */
export function newClientRecord(store: Pick<OperationStore, 'clients' | 'issues'>, name: string, fields: NewClientFields, defaults: ClientDefaults): Client {
  const fromIssues = store.issues().find((i) => i.client === name)?.id.replace(/-\d+$/, '');
  const taken = store.clients().map((c) => c.prefix);
  const language = fields.language ?? defaults.defaultLanguage;
  const client: Client = { ...fields, name, prefix: fields.prefix ?? fromIssues ?? suggestClientPrefix(name, taken), language };
  if (language === 'es' && client.register === undefined) client.register = 'usted';
  return withoutEmptyFields(client);
}

/** A client by name; one that issues name but clients.json lacks is registered first. */
export async function ensureClient(store: OperationStore, name: string, fields: NewClientFields, defaults: ClientDefaults): Promise<Client> {
  const existing = store.client(name);
  if (existing) return existing;
  return store.saveClient(newClientRecord(store, name, fields, defaults), { create: true });
}

/** A new issue, registering its client first when needed. */
export async function createIssue(store: OperationStore, input: NewIssueInput, client: NewClientFields, defaults: ClientDefaults): Promise<Issue> {
  const registered = await ensureClient(store, input.client, client, defaults);
  return store.createIssue({ ...input, client: registered.name });
}

/** "It's back": the report is added, and a fixed or closed issue is open again; one deliberately not fixed stays so. */
export function addReport(draft: Issue, report: ClientReport): void {
  draft.reports.push(report);
  if (draft.status === 'fixed' || draft.status === 'closed') draft.status = 'reopened';
}

export function recordReport(store: OperationStore, issueId: string, report: ClientReport): Promise<Issue> {
  return store.updateIssue(issueId, (draft) => addReport(draft, report));
}

/** The link that already names the commit: links may be abbreviated, and either side may be the shorter. */
export function findLinkedFix(fixes: readonly FixLink[], sha: string): FixLink | undefined {
  const wanted = sha.toLowerCase();
  return fixes.find((f) => {
    const linked = f.sha.toLowerCase();
    return linked.startsWith(wanted) || wanted.startsWith(linked);
  });
}

export type LinkFixOutcome = { linked: true; issue: Issue } | { linked: false; issue: Issue; existing: FixLink };

/** Thrown inside the store's lock to leave the file untouched when the fix is already linked. */
class AlreadyLinked extends Error {
  constructor(readonly existing: FixLink) {
    super('already linked');
  }
}

/**
 * Links a fix commit unless the issue already names it (then nothing is written). The check runs on
 * the file as it is under the store's lock, so two concurrent links of one commit add it once.
 */
export async function linkFix(store: OperationStore, issue: Issue, link: FixLink): Promise<LinkFixOutcome> {
  const note = link.note;
  try {
    const updated = await store.updateIssue(issue.id, (draft) => {
      const existing = findLinkedFix(draft.fixes, link.sha);
      if (existing) throw new AlreadyLinked(existing);
      draft.fixes.push({ sha: link.sha, how: link.how, ...(note ? { note } : {}) });
    });
    return { linked: true, issue: updated };
  } catch (error) {
    if (error instanceof AlreadyLinked) return { linked: false, issue, existing: error.existing };
    throw error;
  }
}

/** A client without the optional fields that were emptied (name and prefix are never optional). */
export function withoutEmptyFields(client: Client): Client {
  const copy: Client = { ...client };
  for (const key of Object.keys(copy) as (keyof Client)[]) {
    if (key === 'name' || key === 'prefix') continue;
    if (copy[key] === undefined || copy[key] === '') delete copy[key];
  }
  return copy;
}

/** Changes a client (registering it first when only issues name it), dropping emptied fields. */
export async function updateClient(store: OperationStore, name: string, change: (draft: Client) => void, defaults: ClientDefaults): Promise<Client> {
  const current = await ensureClient(store, name, {}, defaults);
  const draft: Client = structuredClone(current);
  change(draft);
  return store.saveClient(withoutEmptyFields(draft));
}
