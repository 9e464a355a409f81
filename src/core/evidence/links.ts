// Which commits are the issue's fixes: the ones given (manual links, arguments) and the ones whose
// messages say they fix the issue (from a scan, else one search of the history), plus the commits
// that only mention it.
import type { GitPort, RawCommit } from '../gitPort';
import type { IdPatterns } from '../linking/messageParser';
import { DEFAULT_ID_PATTERNS, escapeRegExp, idsIn, parseReferences } from '../linking/messageParser';
import type { ScanResult } from '../linking/scan';
import type { LinkKind } from './model';
import { idSearch } from './readAhead';

export interface FixLinkRequest {
  sha: string;
  linkedBy: LinkKind;
}

export interface LinkRequest {
  /** An issue id as written in commit messages ("#12", "ACME-12"): its fixes are found by message. */
  ref?: string | null;
  /** Fix commits given directly. Links with linkedBy 'manual' replace the fixes found by message. */
  fixes?: FixLinkRequest[];
  patterns?: IdPatterns;
  scan?: Pick<ScanResult, 'issues'> | null;
}

export interface Link {
  sha: string;
  linkedBy: LinkKind;
  /** null when the repository does not have the commit. */
  commit: RawCommit | null;
}

function sameId(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Patterns that surely recognise `id`: the configured ones, plus the id itself, escaped, when they do not. */
function patternsFor(id: string, patterns: IdPatterns): IdPatterns {
  if (idsIn(id, patterns).some((found) => sameId(found, id))) return patterns;
  return { ...patterns, custom: [...patterns.custom, `(?<![\\w-])${escapeRegExp(id)}(?![\\w])`] };
}

/** The issue's fix links, oldest first, and the commits that only mention it. */
export async function linkCommits(port: GitPort, request: LinkRequest): Promise<{ links: Link[]; mentions: RawCommit[] }> {
  const given = request.fixes ?? [];
  const messageFixes: { commit: RawCommit; linkedBy: LinkKind }[] = [];
  const mentions: RawCommit[] = [];
  const refText = request.ref?.trim() ?? '';
  const scanned = refText === '' || request.scan === undefined || request.scan === null ? undefined : request.scan.issues.filter((i) => sameId(i.id, refText));
  if (scanned !== undefined) {
    const fixShas = [...new Set(scanned.flatMap((i) => i.fixes.map((f) => f.sha)))];
    const via = new Map(scanned.flatMap((i) => i.fixes.map((f) => [f.sha, f.via] as const)));
    for (const c of await port.commits(fixShas)) messageFixes.push({ commit: c, linkedBy: via.get(c.sha) === 'trailer' ? 'trailer' : 'message' });
    for (const m of scanned.flatMap((i) => i.mentions)) mentions.push({ ...m, parents: [], message: m.subject });
  } else if (refText !== '') {
    const patterns = patternsFor(refText, request.patterns ?? DEFAULT_ID_PATTERNS);
    for (const c of await port.logMessages(idSearch(refText))) {
      const ref = parseReferences(c.message, patterns).find((r) => sameId(r.id, refText));
      if (ref === undefined) continue;
      if (ref.kind === 'fix') messageFixes.push({ commit: c, linkedBy: ref.via === 'trailer' ? 'trailer' : 'message' });
      else mentions.push(c);
    }
  }
  const resolved = await port.commits([...new Set(given.map((g) => g.sha.toLowerCase()))]);
  const byPrefix = (sha: string): RawCommit | null => resolved.find((c) => c.sha.startsWith(sha.toLowerCase())) ?? null;
  const links = new Map<string, Link>();
  const manual = given.some((g) => g.linkedBy === 'manual');
  for (const g of given) {
    const commit = byPrefix(g.sha);
    const key = commit?.sha ?? g.sha.toLowerCase();
    if (!links.has(key)) links.set(key, { sha: key, linkedBy: g.linkedBy, commit });
  }
  for (const m of messageFixes) {
    // Manual links replace what messages say: a message "fix" the user did not link is a mention.
    if (manual) {
      if (!links.has(m.commit.sha)) mentions.push(m.commit);
    } else if (!links.has(m.commit.sha)) links.set(m.commit.sha, { sha: m.commit.sha, linkedBy: m.linkedBy, commit: m.commit });
  }
  const time = (l: Link): number => (l.commit === null ? 0 : Date.parse(l.commit.date) || 0);
  return { links: [...links.values()].sort((a, b) => time(a) - time(b)), mentions };
}
