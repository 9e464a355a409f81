// Computes the evidence for one client issue: which commits fix it, where they are, whether their
// lines survive, what reverted or changed them since, and the verdict. A handful of targeted git
// calls per fix; no per-commit loops over the history.
import { CodedError } from '../errors';
import type { FileDiff, GitPort, RawCommit } from '../gitPort';
import { GitFailure, isSafeRef, isSha } from '../gitPort';
import type { IdPatterns } from '../linking/messageParser';
import { DEFAULT_ID_PATTERNS, escapeRegExp, idsIn, parseReferences } from '../linking/messageParser';
import type { ScanResult } from '../linking/scan';
import type {
  Caveat,
  CommitFacts,
  DeployedFact,
  EquivalentFact,
  FixEvidence,
  IssueEvidence,
  LinkKind,
  RevertFact,
  TagFact,
  Verdict,
} from './model';
import { patchKey, squash } from './patchId';
import type { SurvivalOutcome, TouchingCommit } from './survival';
import { factsOf, measureSurvival, newestFirst } from './survival';
import { fixVerdict, issueVerdict } from './verdict';
import { compareVersions, compileTagPattern, DEFAULT_TAG_PATTERN } from './versions';

export interface FixLinkRequest {
  sha: string;
  linkedBy: LinkKind;
}

export interface EvidenceRequest {
  /** The issue's id, reported back in the evidence. */
  issueId?: string | null;
  /** An issue id as written in commit messages ("#12", "ACME-12"): its fixes are found by message. */
  ref?: string | null;
  /** Fix commits given directly. Links with linkedBy 'manual' replace the fixes found by message. */
  fixes?: FixLinkRequest[];
  /** Default: the repository's default branch, else HEAD. */
  target?: string | null;
  /** The branch, tag or commit the client runs. */
  deployed?: string | null;
  /** The deployed ref was given by the user: if it does not resolve, fail instead of noting a caveat. */
  deployedStrict?: boolean;
  /** The user's emails for byMe. Default: `git config user.email`. */
  me?: string[] | null;
  patterns?: IdPatterns;
  /**
   * A scan of the history (scanHistory's result): the fixes and mentions of `ref` are taken from it
   * instead of searching the history again. For evidence on many issues in a row.
   */
  scan?: Pick<ScanResult, 'issues'> | null;
  /** Which tags are releases (regular expression). Default: tags that look like versions. */
  tagPattern?: string | null;
  now?: () => Date;
  /** Stops the computation before its next git call; it then rejects with EvidenceCancelled. */
  signal?: AbortSignal;
}

export type EvidenceErrorCode = 'bad-target' | 'bad-deployed' | 'bad-fix' | 'bad-issue-ref' | 'bad-tag-pattern';

/** A request core cannot answer; the caller words it. `subject` is the offending value. */
export class EvidenceFailure extends CodedError<EvidenceErrorCode> {
  readonly domain = 'evidence';

  constructor(
    code: EvidenceErrorCode,
    readonly subject: string,
  ) {
    super(code, `${code}: ${subject}`);
    this.name = 'EvidenceFailure';
  }
}

export function isEvidenceFailure(error: unknown): error is EvidenceFailure {
  return error instanceof EvidenceFailure;
}

/** The caller cancelled the computation (through the request's signal); no answer follows. */
export class EvidenceCancelled extends Error {
  readonly code = 'cancelled';

  constructor() {
    super('cancelled');
    this.name = 'EvidenceCancelled';
  }
}

export function isEvidenceCancelled(error: unknown): error is EvidenceCancelled {
  return error instanceof EvidenceCancelled;
}

/**
 * The port, checking the signal before every git call: every step of the computation (survival
 * and scans included) goes through the port, so a cancelled request runs no further git.
 */
function cancellable(port: GitPort, signal: AbortSignal | undefined): GitPort {
  if (signal === undefined) return port;
  return new Proxy(port, {
    get(target, name, receiver): unknown {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        if (signal.aborted) throw new EvidenceCancelled();
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}

interface Context {
  port: GitPort;
  targetRef: string;
  targetSha: string;
  deployedRef: string | null;
  deployedSha: string | null;
  tagPattern: RegExp;
  isMe: (email: string) => boolean;
}

interface Link {
  sha: string;
  linkedBy: LinkKind;
  commit: RawCommit | null;
}

interface Copy {
  facts: CommitFacts;
  files: FileDiff[];
}

function sameId(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Patterns that surely recognise `id`: the configured ones, plus the id itself, escaped, when they do not. */
function patternsFor(id: string, patterns: IdPatterns): IdPatterns {
  if (idsIn(id, patterns).some((found) => sameId(found, id))) return patterns;
  return { ...patterns, custom: [...patterns.custom, `(?<![\\w-])${escapeRegExp(id)}(?![\\w])`] };
}

/** Every item of `needle` (a multiset) is in `haystack`. */
function containsAll(haystack: string[], needle: string[]): boolean {
  const counts = new Map<string, number>();
  for (const h of haystack) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const n of needle) {
    const c = counts.get(n) ?? 0;
    if (c === 0) return false;
    counts.set(n, c - 1);
  }
  return true;
}

async function findCopies(ctx: Context, commit: RawCommit, files: FileDiff[], refSha: string): Promise<Copy[]> {
  const key = patchKey(files);
  if (key === '') return [];
  const paths = [...new Set(files.flatMap((f) => (f.oldPath === null ? [f.path] : [f.path, f.oldPath])))];
  const candidates = await ctx.port.logPatches({
    range: { include: [refSha], exclude: [commit.sha] },
    paths,
    fullDiff: true,
    noMerges: true,
  });
  return candidates
    .filter((p) => p.commit.sha !== commit.sha && patchKey(p.files) === key)
    .map((p) => ({ facts: factsOf(p.commit, ctx.isMe), files: p.files }));
}

const REVERTS_LINE = /This reverts commit ([0-9a-f]{7,64})/gi;

function revertedShas(message: string): string[] {
  return [...message.matchAll(REVERTS_LINE)].map((m) => (m[1] as string).toLowerCase());
}

/**
 * Reverts among the commits that touched the fixed files after the fix (read once for survival):
 * by message ("This reverts commit <fix>"), by subject (`Revert "<fix subject>"` without that
 * line), or by content (a patch that is the fix's inverse, or contains it). A revert that was
 * itself reverted no longer counts.
 */
function revertsAmong(fix: RawCommit, base: string, baseFiles: FileDiff[], targets: string[], touching: Map<string, TouchingCommit>): RevertFact[] {
  const revertSubject = `Revert "${fix.subject}"`;
  const added = baseFiles.flatMap((f) => f.added.map((l) => squash(l.text))).filter((t) => t !== '');
  const removed = baseFiles.flatMap((f) => f.removed.map((l) => squash(l.text))).filter((t) => t !== '');
  const reverts: RevertFact[] = [];
  for (const t of touching.values()) {
    const named = revertedShas(t.message);
    const hit = targets.find((target) => named.some((n) => target.startsWith(n)));
    if (hit !== undefined) reverts.push({ ...t.facts, how: 'message', reverts: hit });
    else if (named.length === 0 && t.facts.subject === revertSubject) reverts.push({ ...t.facts, how: 'subject', reverts: fix.sha });
    else if (added.length > 0 && named.length === 0) {
      const tRemoved = t.removed.map(squash).filter((x) => x !== '');
      const tAdded = t.added.map(squash).filter((x) => x !== '');
      if (containsAll(tRemoved, added) && containsAll(tAdded, removed)) reverts.push({ ...t.facts, how: 'content', reverts: base });
    }
  }
  const undone = (r: RevertFact): boolean =>
    [...touching.values()].some(
      (t) => revertedShas(t.message).some((n) => r.sha.startsWith(n)) || t.facts.subject === `Revert "${r.subject}"` || t.facts.subject === `Reapply "${fix.subject}"`,
    );
  return newestFirst(reverts.filter((r) => !undone(r)));
}

/** Without survival data (a fix that adds no text lines): reverts by message, from the history. */
async function revertsByMessage(ctx: Context, fix: RawCommit, base: string, targets: string[]): Promise<RevertFact[]> {
  const revertSubject = `Revert "${fix.subject}"`;
  const found = await ctx.port.logMessages({
    include: [ctx.targetSha],
    exclude: [base],
    grep: [...targets.map((s) => s.slice(0, 7)), revertSubject],
  });
  const reverts: RevertFact[] = [];
  for (const c of found) {
    const named = revertedShas(c.message);
    const hit = targets.find((t) => named.some((n) => t.startsWith(n)));
    if (hit !== undefined) reverts.push({ ...factsOf(c, ctx.isMe), how: 'message', reverts: hit });
    else if (named.length === 0 && c.subject === revertSubject) reverts.push({ ...factsOf(c, ctx.isMe), how: 'subject', reverts: fix.sha });
  }
  const undone = (r: RevertFact): boolean =>
    found.some((c) => revertedShas(c.message).some((n) => r.sha.startsWith(n)) || c.subject === `Revert "${r.subject}"` || c.subject === `Reapply "${fix.subject}"`);
  return newestFirst(reverts.filter((r) => !undone(r)));
}

async function findReverts(
  ctx: Context,
  fix: RawCommit,
  base: string,
  baseFiles: FileDiff[],
  copies: string[],
  outcome: SurvivalOutcome | null,
): Promise<RevertFact[]> {
  const targets = [fix.sha, ...copies];
  // A revert with effect takes the fix's added lines away, so it is among the commits that
  // survival already read; only a fix without added text lines needs a search of the history.
  if (outcome !== null && outcome.survival.added > 0) return revertsAmong(fix, base, baseFiles, targets, outcome.touching);
  return revertsByMessage(ctx, fix, base, targets);
}

function missingFix(link: Link, deployedKnown: boolean): FixEvidence {
  return {
    sha: link.sha,
    subject: '',
    authorName: '',
    authorEmail: '',
    date: '',
    byMe: false,
    exists: false,
    linkedBy: link.linkedBy,
    authorDate: '',
    isMerge: false,
    reachable: false,
    equivalents: [],
    reachableDeployed: deployedKnown ? false : null,
    equivalentsDeployed: [],
    tags: [],
    firstTag: null,
    inDeployed: deployedKnown ? false : null,
    survival: null,
    survivalDeployed: null,
    reverts: [],
    laterChanges: [],
    files: [],
  };
}

async function fixEvidence(ctx: Context, link: Link): Promise<{ fix: FixEvidence; paths: string[] }> {
  const commit = link.commit;
  if (commit === null) return { fix: missingFix(link, ctx.deployedSha !== null), paths: [] };
  const { port } = ctx;
  const files = await port.commitDiff(commit.sha, commit.parents[0] ?? null);
  const reachable = await port.isAncestor(commit.sha, ctx.targetSha);
  const copies = reachable ? [] : await findCopies(ctx, commit, files, ctx.targetSha);

  let reachableDeployed: boolean | null = null;
  let copiesDeployed: Copy[] = [];
  if (ctx.deployedSha === ctx.targetSha) {
    // The client runs the target's commit (a common case): the same questions, the same answers.
    reachableDeployed = reachable;
    copiesDeployed = copies;
  } else if (ctx.deployedSha !== null) {
    reachableDeployed = await port.isAncestor(commit.sha, ctx.deployedSha);
    if (!reachableDeployed) copiesDeployed = await findCopies(ctx, commit, files, ctx.deployedSha);
  }
  const inDeployed = ctx.deployedSha === null ? null : reachableDeployed === true || copiesDeployed.length > 0;

  const tagRecords = await port.tagsContaining([...new Set([commit.sha, ...copies.map((c) => c.facts.sha), ...copiesDeployed.map((c) => c.facts.sha)])]);
  const releases = tagRecords.filter((t) => ctx.tagPattern.test(t.name)).sort((a, b) => compareVersions(a.name, b.name));
  const first = releases[0];
  const firstTag: TagFact | null = first === undefined ? null : { name: first.name, date: first.date };

  const onTarget = reachable ? { sha: commit.sha, files } : copies[0] === undefined ? null : { sha: copies[0].facts.sha, files: copies[0].files };
  const outcome =
    onTarget === null
      ? null
      : await measureSurvival(port, { base: onTarget.sha, files: onTarget.files, refName: ctx.targetRef, refSha: ctx.targetSha, isMe: ctx.isMe });
  const onDeployed =
    ctx.deployedSha === null || !inDeployed
      ? null
      : reachableDeployed === true
        ? { sha: commit.sha, files }
        : { sha: (copiesDeployed[0] as Copy).facts.sha, files: (copiesDeployed[0] as Copy).files };
  const outcomeDeployed =
    onDeployed === null || ctx.deployedSha === null || ctx.deployedRef === null
      ? null
      : ctx.deployedSha === ctx.targetSha && onTarget !== null && onDeployed.sha === onTarget.sha && outcome !== null
        ? { ...outcome, survival: { ...outcome.survival, ref: ctx.deployedRef } }
        : await measureSurvival(port, { base: onDeployed.sha, files: onDeployed.files, refName: ctx.deployedRef, refSha: ctx.deployedSha, isMe: ctx.isMe });

  const reverts = onTarget === null ? [] : await findReverts(ctx, commit, onTarget.sha, onTarget.files, copies.map((c) => c.facts.sha), outcome);
  const facts = factsOf(commit, ctx.isMe);
  const asEquivalent = (c: Copy): EquivalentFact => ({ ...c.facts, how: 'patch-id' });
  const paths = new Set(files.map((f) => f.path));
  for (const f of outcome?.survival.files ?? []) if (f.pathAtRef !== null) paths.add(f.pathAtRef);
  return {
    fix: {
      ...facts,
      exists: true,
      linkedBy: link.linkedBy,
      authorDate: commit.date,
      isMerge: commit.parents.length > 1,
      reachable,
      equivalents: copies.map(asEquivalent),
      reachableDeployed,
      equivalentsDeployed: copiesDeployed.map(asEquivalent),
      tags: releases.map((t) => t.name),
      firstTag,
      inDeployed,
      survival: outcome === null || outcome.survival.files.every((f) => f.binary) ? null : outcome.survival,
      survivalDeployed: outcomeDeployed === null || outcomeDeployed.survival.files.every((f) => f.binary) ? null : outcomeDeployed.survival,
      reverts,
      laterChanges: outcome?.laterChanges ?? [],
      files: files.map((f) => f.path),
    },
    paths: [...paths],
  };
}

async function linkCommits(port: GitPort, request: EvidenceRequest): Promise<{ links: Link[]; mentions: RawCommit[] }> {
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
    for (const c of await port.logMessages({ include: 'all', exclude: [], grep: [refText] })) {
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

export async function computeEvidence(gitPort: GitPort, request: EvidenceRequest): Promise<IssueEvidence> {
  const port = cancellable(gitPort, request.signal);
  const tagPattern = compileTagPattern(request.tagPattern ?? DEFAULT_TAG_PATTERN);
  if (tagPattern === null) throw new EvidenceFailure('bad-tag-pattern', request.tagPattern ?? '');
  for (const f of request.fixes ?? []) if (!isSha(f.sha)) throw new EvidenceFailure('bad-fix', f.sha);
  if (request.ref !== undefined && request.ref !== null && (request.ref.trim() === '' || request.ref.trim().startsWith('-'))) {
    throw new EvidenceFailure('bad-issue-ref', request.ref);
  }

  const state = await port.repoState();
  if (state.head === null && (await port.listTips()).length === 0) throw new GitFailure('empty-repository', 'no commits');

  const targetRef = request.target ?? (await port.defaultBranch()) ?? 'HEAD';
  if (!isSafeRef(targetRef)) throw new EvidenceFailure('bad-target', targetRef);
  const targetSha = await port.resolveCommit(targetRef);
  if (targetSha === null) throw new EvidenceFailure('bad-target', targetRef);

  const caveats: Caveat[] = [];
  let deployedRef = request.deployed ?? null;
  let deployedSha: string | null = null;
  if (deployedRef !== null) {
    deployedSha = isSafeRef(deployedRef) ? await port.resolveCommit(deployedRef) : null;
    if (deployedSha === null) {
      if (request.deployedStrict !== false) throw new EvidenceFailure('bad-deployed', deployedRef);
      caveats.push({ code: 'deployed-ref-unresolved', subjects: [deployedRef] });
      deployedRef = null;
    }
  }

  const me = (request.me ?? [await port.userEmail()]).filter((e): e is string => typeof e === 'string' && e.trim() !== '').map((e) => e.trim());
  const meSet = new Set(me.map((e) => e.toLowerCase()));
  const ctx: Context = {
    port,
    targetRef,
    targetSha,
    deployedRef,
    deployedSha,
    tagPattern,
    isMe: (email) => meSet.has(email.toLowerCase()),
  };

  if (state.shallow) caveats.push({ code: 'shallow-history', subjects: [] });
  const { links, mentions } = await linkCommits(port, request);
  const fixes: FixEvidence[] = [];
  const paths = new Set<string>();
  for (const link of links) {
    const { fix, paths: fixPaths } = await fixEvidence(ctx, link);
    fixes.push(fix);
    for (const p of fixPaths) paths.add(p);
  }
  const missing = fixes.filter((f) => !f.exists).map((f) => f.sha);
  if (missing.length > 0) caveats.push({ code: 'fix-missing', subjects: missing });
  const dirty = await port.uncommittedChanges([...paths]);
  if (dirty.length > 0) caveats.push({ code: 'uncommitted-changes', subjects: dirty });

  const fixVerdicts: Record<string, Verdict> = {};
  for (const f of fixes) fixVerdicts[f.sha] = fixVerdict(f, deployedSha !== null);
  const deployed: DeployedFact | null =
    deployedRef === null || deployedSha === null
      ? null
      : { ref: deployedRef, sha: deployedSha, containsFix: fixes.length > 0 && fixes.every((f) => f.inDeployed === true) };
  const seen = new Set<string>();
  const uniqueMentions = mentions.filter((c) => !seen.has(c.sha) && seen.add(c.sha));
  return {
    issueId: request.issueId ?? (request.ref?.trim() || null),
    verdict: issueVerdict(fixes.map((f) => fixVerdicts[f.sha] as Verdict)),
    fixVerdicts,
    target: { ref: targetRef, sha: targetSha },
    deployed,
    historyComplete: !state.shallow,
    fixes,
    mentions: newestFirst(uniqueMentions.map((c) => factsOf(c, ctx.isMe))),
    caveats,
    me,
    computedAt: (request.now ?? ((): Date => new Date()))().toISOString(),
  };
}
