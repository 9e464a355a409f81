// Computes the evidence for one client issue: which commits fix it, where they are, whether their
// lines survive, what reverted or changed them since, and the verdict. A handful of targeted git
// calls per fix; no per-commit loops over the history.
import { newestFirst } from '../commitOrder';
import { CodedError } from '../errors';
import type { FileDiff, GitPort, RepoState } from '../gitPort';
import { GitFailure, isSafeRef } from '../gitPort';
import { isSha } from '../sha';
import { commitGraphOf } from '../linking/commitGraph';
import type { IdPatterns } from '../linking/messageParser';
import type { ScanResult } from '../linking/scan';
import { revertedPart, withoutLineMarkers } from '../linking/revertSubject';
import { cancellable } from './cancel';
import { allInOrder, oneAtATime } from './inOrder';
import type { ContainmentSource } from './containment';
import { withContainment } from './containment';
import { withSnapshotFacts } from './snapshotFacts';
import { withRepeatedReads } from './repeatedReads';
import { markMergedFixes, markReleasesInEffect, markRepeatedFixes, markSupersededFixes } from './fixRelations';
import type { Context, PlacedFix } from './fixSteps';
import { laterCopyReleases, releasesContinuing } from './clientLine';
import { measureFix, otherTags, placeFix, releaseTags } from './fixSteps';
import type { FixLinkRequest } from './links';
import { linkCommits } from './links';
import type { Caveat, DeployedFact, EvidenceDetail, FixEvidence, IssueEvidence, TagFact, Verdict } from './model';
import { sameChange, shareAFile } from './releaseLines';
import { factsOf } from './survival';
import { firstUpdate } from './updates';
import { fixPieces, fixVerdict, judgeIssue, revertCounts, siblingFixes, undoneWhereClientRuns } from './verdict';
import { compileTagPattern, DEFAULT_TAG_PATTERN } from './versions';

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
  /**
   * 'full' (default): everything. 'verdict': what the verdict needs and no walk more, for a view
   * that shows only verdicts: once a fix is missing from the target or reverted the other fixes are
   * not measured.
   * The verdict is the full one's; when something was left out the evidence says `detail:
   * 'verdict'` (its unmeasured fixes show no survival, reverts or changes), else it is the full one.
   */
  detail?: EvidenceDetail;
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

/** The fixes that count for the verdict: they exist and are not a counterpart on another line. */
function counted(fix: FixEvidence): boolean {
  return fix.exists && (fix.counterpartOf ?? []).length === 0;
}

/**
 * Whether measuring `next` can no longer change the issue's verdict or the client's containment:
 * a counted fix is missing from the target (fix-not-on-target, placing alone tells), or a measured
 * one was reverted where it counts (fix-reverted: only a missing fix comes before it) and no other fix on the
 * target could have replaced it (see `markSupersededFixes`). A counterpart is always measured:
 * whether it was reverted decides whether it stands in for a fix in the client's version.
 */
function verdictSettled(fixes: readonly FixEvidence[], measured: ReadonlySet<FixEvidence>, next: FixEvidence, deployedKnown: boolean): boolean {
  // A missing fix has nothing to measure (and skipping it would leave nothing out).
  if (!counted(next)) return false;
  const onTarget = (f: FixEvidence): boolean => f.reachable || f.equivalents.length > 0;
  // A fix the client's version lacks may yet be excused by a counterpart there: not settled by it.
  const reverted = (f: FixEvidence): boolean => revertCounts(f, deployedKnown) && f.inDeployed !== false;
  const revertedAlone = (f: FixEvidence): boolean => measured.has(f) && reverted(f) && !fixes.some((g) => g !== f && counted(g) && g.reachable);
  return fixes.some((f) => counted(f) && (!onTarget(f) || revertedAlone(f)));
}

/**
 * Fixes in the order their measuring most likely settles the verdict soonest: first those a
 * scanned commit's subject seems to revert (`Revert "<subject>…`), whose revert makes the others
 * moot; then the newest first, whose walk since the fix is the shortest. Only an order: each
 * verdict still comes from the measured facts. (`placed` is oldest first, as links are.)
 */
function measuringOrder(placed: readonly PlacedFix[], mentions: readonly { subject: string }[]): PlacedFix[] {
  const reverting = mentions.map((m) => revertedPart(m.subject)).filter((r): r is string => r?.startsWith('"') === true).map((r) => r.slice(1));
  const looksReverted = (p: PlacedFix): boolean => p.fix.subject !== '' && reverting.some((r) => r.startsWith(withoutLineMarkers(p.fix.subject).slice(0, 24)));
  const newestFirst = [...placed].reverse();
  return [...newestFirst.filter(looksReverted), ...newestFirst.filter((p) => !looksReverted(p))];
}

// Tags named in a `tags-not-releases` caveat, at most (the newest by name would be a guess too).
const MAX_TAGS_NAMED = 5;

export async function computeEvidence(gitPort: GitPort, request: EvidenceRequest): Promise<IssueEvidence> {
  const port = cancellable(withContainment(withSnapshotFacts(withRepeatedReads(gitPort), request.scan?.cache), request.scan?.cache), request.signal);
  const tagPattern = compileTagPattern(request.tagPattern ?? DEFAULT_TAG_PATTERN);
  if (tagPattern === null) throw new EvidenceFailure('bad-tag-pattern', request.tagPattern ?? '');
  for (const f of request.fixes ?? []) if (!isSha(f.sha)) throw new EvidenceFailure('bad-fix', f.sha);
  if (request.ref !== undefined && request.ref !== null && (request.ref.trim() === '' || request.ref.trim().startsWith('-'))) {
    throw new EvidenceFailure('bad-issue-ref', request.ref);
  }

  // The repository's state, the target, the client's version and the user's email are asked at
  // once; each step fails as it would one after another (see inOrder.ts): an empty repository first.
  const readState = async (): Promise<RepoState> => {
    const state = await port.repoState();
    if (state.head === null && (await port.listTips()).length === 0) throw new GitFailure('empty-repository', 'no commits');
    return state;
  };
  const resolveTarget = async (): Promise<{ ref: string; sha: string }> => {
    const ref = request.target ?? (await port.defaultBranch()) ?? 'HEAD';
    if (!isSafeRef(ref)) throw new EvidenceFailure('bad-target', ref);
    const sha = await port.resolveCommit(ref);
    if (sha === null) throw new EvidenceFailure('bad-target', ref);
    return { ref, sha };
  };
  const resolveDeployed = async (): Promise<string | null> => {
    const ref = request.deployed ?? null;
    if (ref === null) return null;
    const sha = isSafeRef(ref) ? await port.resolveCommit(ref) : null;
    if (sha === null && request.deployedStrict !== false) throw new EvidenceFailure('bad-deployed', ref);
    return sha;
  };
  const [state, target, deployedSha, email] = await allInOrder([
    readState,
    resolveTarget,
    resolveDeployed,
    async (): Promise<string | null> => (request.me === undefined || request.me === null ? await port.userEmail() : null),
  ]);
  const { ref: targetRef, sha: targetSha } = target;

  const caveats: Caveat[] = [];
  let deployedRef = request.deployed ?? null;
  if (deployedRef !== null && deployedSha === null) {
    caveats.push({ code: 'deployed-ref-unresolved', subjects: [deployedRef] });
    deployedRef = null;
  }

  const me = (request.me ?? [email]).filter((e): e is string => typeof e === 'string' && e.trim() !== '').map((e) => e.trim());
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
    beside: oneAtATime(),
  };

  if (state.shallow) caveats.push({ code: 'shallow-history', subjects: [] });
  const { links, mentions } = await linkCommits(port, request);
  const forVerdict = request.detail === 'verdict';
  const placed: PlacedFix[] = await allInOrder(links.map((link) => () => placeFix(ctx, link)));
  const fixes = placed.map((p) => p.fix);
  const diffs = new Map(placed.map((p) => [p.fix.sha, p.diff]));
  await markCounterparts(ctx, fixes, diffs);
  markRepeatedFixes(fixes, diffs);
  const paths = new Set<string>();
  const measured = new Set<FixEvidence>();
  // Whether the verdict-level computation left anything out; when not, its evidence is the full one.
  let partial = false;
  const measure = async (): Promise<void> => {
    if (!forVerdict) {
      // Every fix is measured: their walks of the history are independent, and run at once.
      const outcomes = await allInOrder(placed.map((p) => () => measureFix(ctx, p)));
      for (const outcome of outcomes) for (const path of outcome.paths) paths.add(path);
      for (const p of placed) measured.add(p.fix);
    }
    // For the verdict alone, one after another: each measured fix may settle it (see verdictSettled).
    for (const p of forVerdict ? measuringOrder(placed, mentions) : []) {
      if (verdictSettled(fixes, measured, p.fix, deployedSha !== null)) {
        partial = true;
        for (const f of p.diff) paths.add(f.path);
        continue;
      }
      const outcome = await measureFix(ctx, p);
      for (const path of outcome.paths) paths.add(path);
      measured.add(p.fix);
    }
  };
  // Whether the fixed files have uncommitted changes is asked while the fixes are measured (their
  // files are known now; a file the fix's lines moved to since is asked after, see `dirty` below).
  const fixedPaths = [...new Set(placed.flatMap((p) => p.diff.map((f) => f.path)))];
  const [, dirtyFixed] = await allInOrder([measure, () => ctx.beside(() => port.uncommittedChanges(fixedPaths))]);
  const relations = {
    isAncestor: (a: string, d: string): Promise<boolean> => port.isAncestor(a, d),
    // The same answers the fixes' releases came from: the fix's own tags are not asked of git again.
    releaseTags: (sha: string): Promise<TagFact[]> => releaseTags(ctx, sha),
  };
  const marked = async (): Promise<void> => {
    await markMergedFixes(fixes, new Map(links.flatMap((l) => (l.commit === null ? [] : [[l.sha, l.commit.parents] as const]))), relations);
    await markReleasesInEffect(fixes, relations);
    await markSupersededFixes(fixes, relations);
  };
  const asked = new Set(fixedPaths);
  const movedTo = [...paths].filter((p) => !asked.has(p));
  const [, dirtyMoved] = await allInOrder([marked, async (): Promise<string[]> => (movedTo.length === 0 ? [] : await port.uncommittedChanges(movedTo))]);
  const dirty = [...new Set([...dirtyFixed, ...dirtyMoved])].sort();
  const missing = fixes.filter((f) => !f.exists).map((f) => f.sha);
  if (missing.length > 0) caveats.push({ code: 'fix-missing', subjects: missing });
  const unmeasured = new Set<string>();
  for (const f of fixes) for (const s of [f.survival, f.survivalDeployed]) for (const file of s?.files ?? []) if (file.unmeasured === true) unmeasured.add(file.path);
  if (unmeasured.size > 0) caveats.push({ code: 'survival-incomplete', subjects: [...unmeasured] });
  if (dirty.length > 0) caveats.push({ code: 'uncommitted-changes', subjects: dirty });
  // A fix in no release but in tags that do not read as releases (deployments, a monorepo's
  // packages): "not released" would be a guess, so it is said to be unknown instead.
  const unreleased = fixPieces(fixes).filter((f) => f.tags.length === 0 && f.equivalents.every((e) => (e.tags ?? []).length === 0));
  const others = [...new Set((await allInOrder(unreleased.map((f) => () => otherTags(ctx, f.sha)))).flat())].sort();
  if (others.length > 0) caveats.push({ code: 'tags-not-releases', subjects: others.slice(0, MAX_TAGS_NAMED) });

  const fixVerdicts: Record<string, Verdict> = {};
  // A fix left unmeasured has no verdict of its own yet (the issue's is settled without it).
  for (const f of fixes) if (!partial || measured.has(f) || !f.exists) fixVerdicts[f.sha] = fixVerdict(f, deployedSha !== null, siblingFixes(f, fixes));
  const judged = judgeIssue(fixes, deployedSha !== null);
  let deployed: DeployedFact | null = deployedRef === null || deployedSha === null ? null : { ref: deployedRef, sha: deployedSha, containsFix: judged.containsFix };
  // Only when updating is the answer: a missing or reverted fix is in no update.
  if (deployed !== null && judged.verdict === 'fix-not-deployed') {
    const continuing = await releasesContinuing(ctx, deployed.sha);
    const releases = continuing.map((t) => ({ name: t.name, date: t.date }));
    let update = firstUpdate(fixes, releases, deployedRef);
    // None of the fix's own releases continues the client's version: a copy made on their line since may.
    if (update === null && releases.length > 0) {
      const lacking = new Set(fixPieces(fixes).filter((f) => f.inDeployed !== true && !undoneWhereClientRuns(f)));
      update = firstUpdate(fixes, releases, deployedRef, await laterCopyReleases(ctx, placed, lacking, continuing));
    }
    deployed = { ...deployed, update };
  }
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
    ...(partial ? { detail: 'verdict' as const } : {}),
  };
}
