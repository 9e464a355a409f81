// Computes the evidence for one client issue: which commits fix it, where they are, whether their
// lines survive, what reverted or changed them since, and the verdict. A handful of targeted git
// calls per fix; no per-commit loops over the history.
import { newestFirst } from '../commitOrder';
import { CodedError } from '../errors';
import type { FileDiff, GitPort, RawCommit } from '../gitPort';
import { GitFailure, isSafeRef } from '../gitPort';
import { isSha } from '../sha';
import type { CommitGraph } from '../linking/commitGraph';
import { commitGraphOf } from '../linking/commitGraph';
import type { IdPatterns } from '../linking/messageParser';
import type { ScanResult } from '../linking/scan';
import { cancellable } from './cancel';
import type { ContainmentSource } from './containment';
import { withContainment } from './containment';
import { markMergedFixes, markReleasesInEffect } from './fixRelations';
import type { FixLinkRequest, Link } from './links';
import { linkCommits } from './links';
import type {
  Caveat,
  CommitFacts,
  DeployedFact,
  EquivalentFact,
  FixEvidence,
  IssueEvidence,
  RevertFact,
  TagFact,
  Verdict,
} from './model';
import { patchKey } from './patchId';
import { sameChange, shareAFile } from './releaseLines';
import type { RevertCandidate } from './reverts';
import { classifyReverts, namedOthers } from './reverts';
import type { SurvivalOutcome, SurvivalRequest } from './survival';
import { factsOf, measureSurvival } from './survival';
import { fixVerdict, judgeIssue } from './verdict';
import { compareVersions, compileTagPattern, DEFAULT_TAG_PATTERN } from './versions';

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
   * instead of searching the history again. For evidence on many issues in a row. With its cache,
   * containment is answered from the scan's commit graph (see containment.ts).
   */
  scan?: (Pick<ScanResult, 'issues'> & { cache?: ContainmentSource }) | null;
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

interface Context {
  port: GitPort;
  targetRef: string;
  targetSha: string;
  deployedRef: string | null;
  deployedSha: string | null;
  tagPattern: RegExp;
  isMe: (email: string) => boolean;
  /** The scan's commit graph, when the request brought one. */
  graph: CommitGraph | null;
}

interface Copy {
  facts: CommitFacts;
  files: FileDiff[];
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

/**
 * Merge commits named by the candidates that brought a target in: reverting such a merge
 * ("This reverts commit <merge>, reversing changes made to <parent>") undoes the fix.
 */
async function mergesBringing(ctx: Context, targets: string[], candidates: RevertCandidate[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const named = namedOthers(targets, candidates).slice(0, MAX_NAMED_MERGES);
  if (named.length === 0) return out;
  for (const merge of await ctx.port.commits(named)) {
    const firstParent = merge.parents[0];
    if (merge.parents.length < 2 || firstParent === undefined) continue;
    for (const t of targets) {
      // The merge brought `t` when `t` is in it but not in the line it was merged into.
      if ((await ctx.port.isAncestor(t, merge.sha)) && !(await ctx.port.isAncestor(t, firstParent))) {
        out.set(merge.sha, t);
        break;
      }
    }
  }
  return out;
}

// Commits named by reverts that are looked up as possible merges, at most.
const MAX_NAMED_MERGES = 20;
// Forges cut subjects near 70 characters: searching for the start also finds the truncated reverts.
const TRUNCATED_SEARCH = 24;

/** The reverts of the fix (or its copies) in the history of `on.refSha` after `on.sha`. */
async function findReverts(
  ctx: Context,
  fix: RawCommit,
  on: { sha: string; files: FileDiff[]; copies: string[]; outcome: SurvivalOutcome | null; refSha: string },
): Promise<RevertFact[]> {
  const targets = [fix.sha, ...on.copies];
  // A revert with effect takes the fix's added lines away, so it is among the commits that
  // survival already read; only a fix without added text lines needs a search of the history.
  if (on.outcome !== null && on.outcome.survival.added > 0) {
    const content = {
      base: on.sha,
      added: on.files.flatMap((f) => f.added.map((l) => l.text)),
      removed: on.files.flatMap((f) => f.removed.map((l) => l.text)),
    };
    const candidates = [...on.outcome.touching.values()];
    return classifyReverts(fix, targets, candidates, content, await mergesBringing(ctx, targets, candidates));
  }
  const found = await ctx.port.logMessages({
    include: [on.refSha],
    exclude: [on.sha],
    // Reverts of merges name the merge, not the fix ("…, reversing changes made to …", which git
    // wraps before "changes"): every one after the fix is a candidate.
    grep: [...targets.map((s) => s.slice(0, 7)), `Revert "${fix.subject.slice(0, TRUNCATED_SEARCH)}`, 'changes made to'],
  });
  const candidates = found.map((c) => ({ facts: factsOf(c, ctx.isMe), message: c.message }));
  return classifyReverts(fix, targets, candidates, null, await mergesBringing(ctx, targets, candidates));
}

/** Release tags containing this very commit, by version; the first release is the earliest by date. */
async function releasesOf(ctx: Context, sha: string): Promise<{ tags: string[]; firstTag: TagFact | null }> {
  const releases = (await ctx.port.tagsContaining([sha])).filter((t) => ctx.tagPattern.test(t.name));
  const byVersion = [...releases].sort((a, b) => compareVersions(a.name, b.name));
  const time = (date: string): number => Date.parse(date) || Number.MAX_SAFE_INTEGER;
  const first = [...byVersion].sort((a, b) => time(a.date) - time(b.date))[0];
  return { tags: byVersion.map((t) => t.name), firstTag: first === undefined ? null : { name: first.name, date: first.date } };
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
    counterpartOf: [],
  };
}

/**
 * The target's patches, for the survival at an earlier ref of the same line (the client's version
 * behind the target, as it usually is): the commits on that ref's path are among them, picked out
 * in the scan's commit graph, so its history is not walked a second time. Only when no merge
 * stands between the two refs (a merge could make git's walk from the target skip part of the
 * earlier ref's history).
 */
function patchesForEarlierRef(ctx: Context, target: SurvivalOutcome | null, refSha: string): Pick<SurvivalRequest, 'readPatches'> {
  const graph = ctx.graph;
  const read = target?.patches ?? null;
  if (graph === null || read === null || graph.isAncestor(refSha, ctx.targetSha) !== true || graph.linearAbove(ctx.targetSha, refSha) !== true) return {};
  return { readPatches: { ...read, onPath: (shas) => graph.reachableFrom(refSha, shas) } };
}

async function fixEvidence(ctx: Context, link: Link): Promise<{ fix: FixEvidence; diff: FileDiff[]; paths: string[] }> {
  const commit = link.commit;
  if (commit === null) return { fix: missingFix(link, ctx.deployedSha !== null), diff: [], paths: [] };
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

  // Each commit's releases are its own: a copy's are reported on the copy, never as the fix's.
  const own = await releasesOf(ctx, commit.sha);
  const copyReleases = new Map<string, { tags: string[]; firstTag: TagFact | null }>();
  for (const c of [...copies, ...copiesDeployed]) if (!copyReleases.has(c.facts.sha)) copyReleases.set(c.facts.sha, await releasesOf(ctx, c.facts.sha));

  const onTarget = reachable ? { sha: commit.sha, files, date: commit.date } : copies[0] === undefined ? null : { sha: copies[0].facts.sha, files: copies[0].files, date: copies[0].facts.date };
  const outcome =
    onTarget === null
      ? null
      : await measureSurvival(port, { base: onTarget.sha, files: onTarget.files, refName: ctx.targetRef, refSha: ctx.targetSha, isMe: ctx.isMe, baseDate: onTarget.date });
  const onDeployed =
    ctx.deployedSha === null || !inDeployed
      ? null
      : reachableDeployed === true
        ? { sha: commit.sha, files, date: commit.date }
        : { sha: (copiesDeployed[0] as Copy).facts.sha, files: (copiesDeployed[0] as Copy).files, date: (copiesDeployed[0] as Copy).facts.date };
  const outcomeDeployed =
    onDeployed === null || ctx.deployedSha === null || ctx.deployedRef === null
      ? null
      : ctx.deployedSha === ctx.targetSha && onTarget !== null && onDeployed.sha === onTarget.sha && outcome !== null
        ? { ...outcome, survival: { ...outcome.survival, ref: ctx.deployedRef } }
        : await measureSurvival(port, {
            base: onDeployed.sha,
            files: onDeployed.files,
            refName: ctx.deployedRef,
            refSha: ctx.deployedSha,
            isMe: ctx.isMe,
            baseDate: onDeployed.date,
            ...patchesForEarlierRef(ctx, onDeployed.sha === onTarget?.sha ? outcome : null, ctx.deployedSha),
          });

  // Reverts count in the history where the fix is judged: the target's; for a fix only on the
  // client's line (a counterpart), that line's. A revert on another branch counts for neither.
  const reverts =
    onTarget !== null
      ? await findReverts(ctx, commit, { ...onTarget, copies: copies.map((c) => c.facts.sha), outcome, refSha: ctx.targetSha })
      : onDeployed !== null && ctx.deployedSha !== null
        ? await findReverts(ctx, commit, { ...onDeployed, copies: copiesDeployed.map((c) => c.facts.sha), outcome: outcomeDeployed, refSha: ctx.deployedSha })
        : [];
  const facts = factsOf(commit, ctx.isMe);
  const asEquivalent = (c: Copy): EquivalentFact => ({ ...c.facts, how: 'patch-id', ...(copyReleases.get(c.facts.sha) ?? { tags: [], firstTag: null }) });
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
      tags: own.tags,
      firstTag: own.firstTag,
      inDeployed,
      survival: outcome === null || outcome.survival.files.every((f) => f.binary) ? null : outcome.survival,
      survivalDeployed: outcomeDeployed === null || outcomeDeployed.survival.files.every((f) => f.binary) ? null : outcomeDeployed.survival,
      reverts,
      laterChanges: outcome?.laterChanges ?? [],
      files: files.map((f) => f.path),
      counterpartOf: [],
    },
    diff: files,
    paths: [...paths],
  };
}

/**
 * Marks each fix that is not on the target as the counterpart of the target's fixes it is the same
 * change as, made on a diverging line (see releaseLines.ts); the others stay missing parts.
 */
async function markCounterparts(ctx: Context, fixes: FixEvidence[], diffs: Map<string, FileDiff[]>): Promise<void> {
  const onTarget = fixes.filter((f) => f.exists && (f.reachable || f.equivalents.length > 0));
  for (const f of fixes) {
    if (!f.exists || f.reachable || f.equivalents.length > 0) continue;
    const of: string[] = [];
    for (const g of onTarget) {
      const a = { subject: f.subject, files: diffs.get(f.sha) ?? [] };
      const b = { subject: g.subject, files: diffs.get(g.sha) ?? [] };
      // Released on a line of its own: a release contains it and not the target's fix.
      const ownLine = f.tags.some((t) => !g.tags.includes(t));
      if (!sameChange(a, b) && !(ownLine && shareAFile(a, b))) continue;
      // Diverging lines: a fix built on the other is a later part of it, not the same fix again.
      if ((await ctx.port.isAncestor(g.sha, f.sha)) || (await ctx.port.isAncestor(f.sha, g.sha))) continue;
      of.push(g.sha);
    }
    f.counterpartOf = of;
  }
}

export async function computeEvidence(gitPort: GitPort, request: EvidenceRequest): Promise<IssueEvidence> {
  const port = cancellable(withContainment(gitPort, request.scan?.cache), request.signal);
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
    graph: request.scan?.cache === undefined || request.scan.cache.graph.shas.length === 0 ? null : commitGraphOf(request.scan.cache.graph),
  };

  if (state.shallow) caveats.push({ code: 'shallow-history', subjects: [] });
  const { links, mentions } = await linkCommits(port, request);
  const fixes: FixEvidence[] = [];
  const diffs = new Map<string, FileDiff[]>();
  const paths = new Set<string>();
  for (const link of links) {
    const { fix, diff, paths: fixPaths } = await fixEvidence(ctx, link);
    fixes.push(fix);
    diffs.set(fix.sha, diff);
    for (const p of fixPaths) paths.add(p);
  }
  await markCounterparts(ctx, fixes, diffs);
  const relations = {
    isAncestor: (a: string, d: string): Promise<boolean> => port.isAncestor(a, d),
    releaseTags: async (sha: string): Promise<TagFact[]> => (await port.tagsContaining([sha])).filter((t) => tagPattern.test(t.name)),
  };
  await markMergedFixes(fixes, new Map(links.flatMap((l) => (l.commit === null ? [] : [[l.sha, l.commit.parents] as const]))), relations);
  await markReleasesInEffect(fixes, relations);
  const missing = fixes.filter((f) => !f.exists).map((f) => f.sha);
  if (missing.length > 0) caveats.push({ code: 'fix-missing', subjects: missing });
  const unmeasured = new Set<string>();
  for (const f of fixes) for (const s of [f.survival, f.survivalDeployed]) for (const file of s?.files ?? []) if (file.unmeasured === true) unmeasured.add(file.path);
  if (unmeasured.size > 0) caveats.push({ code: 'survival-incomplete', subjects: [...unmeasured] });
  const dirty = await port.uncommittedChanges([...paths]);
  if (dirty.length > 0) caveats.push({ code: 'uncommitted-changes', subjects: dirty });

  const fixVerdicts: Record<string, Verdict> = {};
  for (const f of fixes) fixVerdicts[f.sha] = fixVerdict(f, deployedSha !== null);
  const judged = judgeIssue(fixes, deployedSha !== null);
  const deployed: DeployedFact | null = deployedRef === null || deployedSha === null ? null : { ref: deployedRef, sha: deployedSha, containsFix: judged.containsFix };
  const seen = new Set<string>();
  const uniqueMentions = mentions.filter((c) => !seen.has(c.sha) && seen.add(c.sha));
  return {
    issueId: request.issueId ?? (request.ref?.trim() || null),
    verdict: judged.verdict,
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
