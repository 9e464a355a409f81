// The client-issue model as stored in `.proof-of-fix/` (see media/issue.schema.json and
// media/clients.schema.json, which validate these same shapes).

export const SCHEMA_VERSION = 1;

export const ISSUE_STATUSES = ['open', 'fixed', 'reopened', 'wont-fix', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** Statuses the tree hides unless closed issues are shown: nothing more is expected to happen. */
const CLOSED_STATUSES: readonly IssueStatus[] = ['wont-fix', 'closed'];

export function isClosedStatus(status: IssueStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The client's most recent report (by date; of reports on one day, the one recorded last). */
export function latestReport(issue: Pick<Issue, 'reports'>): ClientReport | undefined {
  let latest: ClientReport | undefined;
  for (const report of issue.reports) if (latest === undefined || report.date >= latest.date) latest = report;
  return latest;
}

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const REGISTERS = ['usted', 'tu'] as const;
/** Who reads the replies: plain (no commit ids, branches or commit subjects) or technical. */
export const AUDIENCES = ['plain', 'technical'] as const;
export type Audience = (typeof AUDIENCES)[number];
/** A client without an audience is written to in plain words. */
export const DEFAULT_AUDIENCE: Audience = 'plain';
/** Spanish register: formal (usted) or informal (tú). */
export type Register = (typeof REGISTERS)[number];

export interface ClientReport {
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** Email, phone, chat, meeting, ... free text. */
  channel?: string;
  /** The client's own words. */
  words: string;
  /** The version/environment the client runs, as they said it. */
  version?: string;
}

export const FIX_LINK_HOWS = ['manual', 'line', 'message'] as const;
/** Picked from the log, the commit that last changed a line, or found from a commit message. */
export type FixLinkHow = (typeof FIX_LINK_HOWS)[number];

export interface FixLink {
  sha: string;
  how: FixLinkHow;
  note?: string;
}

export interface ReplySent {
  /** ISO 8601 time it was marked sent. */
  date: string;
  verdict: string;
  language: Language;
  text: string;
  /** The evidence the reply rested on (IssueEvidence as JSON), so a later dispute is answered from the record. */
  evidence?: unknown;
}

export interface Issue {
  schemaVersion: number;
  id: string;
  client: string;
  title: string;
  /** The client's words when they first reported it. */
  words?: string;
  status: IssueStatus;
  /** ISO date the issue was opened. */
  created: string;
  reports: ClientReport[];
  fixes: FixLink[];
  replies: ReplySent[];
  notes?: string;
}

export interface Client {
  /** Display name, also the key issues refer to. */
  name: string;
  /** Issue id prefix, e.g. ACME for ACME-12. */
  prefix: string;
  language: Language;
  register?: Register;
  contactName?: string;
  /** The contact's email address, for Open in Mail. */
  email?: string;
  /** The reply's opening line as the user wants it, e.g. "Estimada Carmen:"; default: from the contact's first name. */
  greeting?: string;
  /** Who reads the replies; absent means plain. */
  audience?: Audience;
  /** The branch, tag or commit this client runs. */
  deployedRef?: string;
  signature?: string;
}

export interface ClientsFile {
  schemaVersion: number;
  clients: Client[];
}
