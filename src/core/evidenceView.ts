// What the Client Issues tree and the status bar need from an issue's evidence, worked out without
// the editor: which verdicts call for a reply, a fix's facts in short, the commits that changed it,
// which caveats belong to which fix, and the key a cached computation is valid for.
import { compareNewestFirst } from './commitOrder';
import { isSafeRepoPath } from './commitContent';
import { isFullSha } from './sha';
import type { Caveat, CommitFacts, FixEvidence, IssueEvidence, RevertHow, Verdict } from './evidence/model';

/** The verdicts where the client is owed an explanation: the fix is undone, changed, or not shipped to them. */
const NEEDS_REPLY_VERDICTS: readonly Verdict[] = ['fix-reverted', 'fix-modified', 'fix-not-deployed'];

export function needsReply(verdict: Verdict): boolean {
  return NEEDS_REPLY_VERDICTS.includes(verdict);
}

export interface FixSummary {
  exists: boolean;
  /** On the target itself or through an equivalent copy (cherry-pick, rebase). */
  onTarget: boolean;
  /** The earliest release tag containing the fix, null when none. */
  release: string | null;
  /** Survival where it was measured: the target, else the client's version. Null when not measured. */
  lines: { intact: number; added: number } | null;
  /** Whether the client's version contains it; null when their version is unknown. */
  inDeployed: boolean | null;
  /** The client's version, when known. */
  deployedRef: string | null;
  /** For a fix only on another release line: the target's fixes it is the same change as. Empty otherwise. */
  counterpartOf: string[];
}

export function fixSummary(fix: FixEvidence, evidence: Pick<IssueEvidence, 'deployed'>): FixSummary {
  const survival = fix.survival ?? fix.survivalDeployed;
  return {
    exists: fix.exists,
    onTarget: fix.reachable || fix.equivalents.length > 0,
    release: fix.firstTag?.name ?? null,
    lines: survival === null || survival.added === 0 ? null : { intact: survival.intact, added: survival.added },
    inDeployed: fix.inDeployed,
    deployedRef: evidence.deployed?.ref ?? null,
    counterpartOf: [...(fix.counterpartOf ?? [])],
  };
}

export type FixChangeRole = 'revert' | 'change';

export interface FixChange {
  role: FixChangeRole;
  commit: CommitFacts;
  /** How many of the fix's lines it changed or removed, when survival told. */
  lines: number | null;
  /** For reverts: how the revert was recognised. */
  how: RevertHow | null;
}

/**
 * The commits that undid or changed a fix: its reverts first, then the later changes to its
 * region that are not reverts, each newest first, without repeats.
 */
export function fixChanges(fix: FixEvidence): FixChange[] {
  const lineCounts = new Map<string, number>();
  for (const survival of [fix.survival, fix.survivalDeployed]) {
    for (const c of survival?.changedBy ?? []) lineCounts.set(c.sha, Math.max(lineCounts.get(c.sha) ?? 0, c.lines));
  }
  const seen = new Set<string>();
  const out: FixChange[] = [];
  for (const r of fix.reverts) {
    if (seen.has(r.sha)) continue;
    seen.add(r.sha);
    out.push({ role: 'revert', commit: r, lines: lineCounts.get(r.sha) ?? null, how: r.how });
  }
  const changers = [...fix.laterChanges];
  // A commit that changed the fix's lines at the client's version but not on the target still counts.
  for (const c of fix.survivalDeployed?.changedBy ?? []) if (!changers.some((x) => x.sha === c.sha)) changers.push(c);
  for (const c of changers) {
    if (seen.has(c.sha)) continue;
    seen.add(c.sha);
    out.push({ role: 'change', commit: c, lines: lineCounts.get(c.sha) ?? null, how: null });
  }
  const byCommit = (a: FixChange, b: FixChange): number => compareNewestFirst(a.commit, b.commit);
  const reverts = out.filter((c) => c.role === 'revert').sort(byCommit);
  const changes = out.filter((c) => c.role === 'change').sort(byCommit);
  return [...reverts, ...changes];
}

function caveatFixes(caveat: Caveat, fixes: readonly FixEvidence[]): FixEvidence[] {
  switch (caveat.code) {
    case 'fix-missing':
      return fixes.filter((f) => caveat.subjects.some((s) => f.sha.startsWith(s.toLowerCase())));
    case 'uncommitted-changes':
      return fixes.filter((f) => caveat.subjects.some((s) => f.files.includes(s) || (f.survival?.files ?? []).some((x) => x.pathAtRef === s)));
    case 'survival-incomplete':
      return fixes.filter((f) => caveat.subjects.some((s) => f.files.includes(s)));
    default:
      return [];
  }
}

/** The caveats about one fix (its missing commit, uncommitted changes to its files), narrowed to it. */
export function caveatsOfFix(evidence: Pick<IssueEvidence, 'caveats' | 'fixes'>, fix: FixEvidence): Caveat[] {
  const out: Caveat[] = [];
  for (const caveat of evidence.caveats) {
    if (!caveatFixes(caveat, evidence.fixes).includes(fix)) continue;
    const subjects =
      caveat.code === 'fix-missing'
        ? caveat.subjects.filter((s) => fix.sha.startsWith(s.toLowerCase()))
        : caveat.subjects.filter((s) => fix.files.includes(s) || (fix.survival?.files ?? []).some((x) => x.pathAtRef === s));
    out.push({ code: caveat.code, subjects });
  }
  return out;
}

/** The caveats about the whole issue: every caveat no single fix explains. */
export function issueCaveats(evidence: Pick<IssueEvidence, 'caveats' | 'fixes'>): Caveat[] {
  return evidence.caveats.filter((c) => caveatFixes(c, evidence.fixes).length === 0);
}

/** How many of the verdicts call for a reply. */
export function countNeedingReply(verdicts: Iterable<Verdict>): number {
  let n = 0;
  for (const v of verdicts) if (needsReply(v)) n++;
  return n;
}

/** Everything an issue's evidence depends on besides the issue id. */
export interface EvidenceKeyParts {
  /** The repository's state: HEAD, refs and their commits, the target, identities and settings. */
  repository: string;
  /** The issue's manual fix links. */
  fixes: readonly string[];
  /** The client's deployed ref, null when unknown. */
  deployedRef: string | null;
}

/** Equal keys mean the evidence computed for one is valid for the other. */
export function evidenceKey(parts: EvidenceKeyParts): string {
  return JSON.stringify([parts.repository, [...parts.fixes].map((s) => s.toLowerCase()).sort(), parts.deployedRef]);
}

/** A short, stable digest of text (FNV-1a, 2 x 32 bits): for keys, never for security. */
export function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Where a file at a commit is served from: the workspace folder, the commit (full id) and the path. */
export interface CommitFileRef {
  folder: string;
  /** Full commit id, or null for "no such file" (the empty side of an added or deleted file). */
  sha: string | null;
  path: string;
}

/** The query part of a commit file's URI. */
export function encodeCommitFileQuery(ref: CommitFileRef): string {
  return new URLSearchParams({ folder: ref.folder, sha: ref.sha ?? 'none', path: ref.path }).toString();
}

/** Reads a commit file's URI query back; null when any part is missing or unsafe. */
export function decodeCommitFileQuery(query: string): CommitFileRef | null {
  const params = new URLSearchParams(query);
  const folder = params.get('folder');
  const sha = params.get('sha');
  const path = params.get('path');
  if (folder === null || folder === '' || sha === null || path === null) return null;
  if (sha !== 'none' && !isFullSha(sha)) return null;
  if (!isSafeRepoPath(path)) return null;
  return { folder, sha: sha === 'none' ? null : sha, path };
}
