// The steps of one fix's evidence, in two parts: placing it (where the commit is: on the target or
// as a copy, in the client's version, in which releases), which costs a few questions the scan's
// commit graph mostly answers; and measuring it (do its lines survive, what reverted or changed
// them), which walks the history since the fix. The engine places every fix first: the verdict of
// an issue is sometimes settled before any walk (see engine.ts, `detail`).
import type { CommitPatch, FileDiff, GitPort, LogPatchOptions, RawCommit, TagRecord } from '../gitPort';
import type { CommitGraph } from '../linking/commitGraph';
import { withoutLineMarkers } from '../linking/revertSubject';
import type { Link } from './links';
import type { CommitFacts, EquivalentFact, FixEvidence, RestoreFact, TagFact } from './model';
import { isMeasuredFile } from './model';
import { patchKey, patchKeyPaths } from './patchId';
import { filesToMeasure } from './releaseNotes';
import type { RevertCandidate, RevertJudgement } from './reverts';
import { judgeReverts, namedOthers } from './reverts';
import type { SurvivalOutcome, SurvivalRequest } from './survival';
import { factsOf, measureSurvival, readFilesAtRef } from './survival';
import { restoredChange, standingRestore } from './restoredLines';
import { allInOrder } from './inOrder';
import { compareVersions, earliestTag, isPreRelease, withoutAliases } from './versions';

export interface Context {
  port: GitPort;
  targetRef: string;
  targetSha: string;
  deployedRef: string | null;
  deployedSha: string | null;
  tagPattern: RegExp;
  isMe: (email: string) => boolean;
  /** The scan's commit graph, when the request brought one. */
  graph: CommitGraph | null;
  /**
   * Reads asked ahead of need, beside the computation's own walks: one at a time, so that of a
   * request's two lanes (see git/gitRunner.ts) one stays free for the walk that decides how long
   * the computation takes.
   */
  beside: <T>(read: () => Promise<T>) => Promise<T>;
}

export interface Copy {
  facts: CommitFacts;
  files: FileDiff[];
}

/**
 * The copies of the fix on `refSha`: the commits there (not in the fix's own history, no merges)
 * whose patch has the fix's key, whatever their message says, newest first.
 */
export async function findCopies(ctx: Context, commit: RawCommit, files: FileDiff[], refSha: string | { include: string[]; exclude: string[] }): Promise<Copy[]> {
  const key = patchKey(files);
  if (key === '') return [];
  const paths = [...new Set(files.flatMap((f) => (f.oldPath === null ? [f.path] : [f.path, f.oldPath])))];
  const range = typeof refSha === 'string' ? { include: [refSha], exclude: [commit.sha] } : { include: refSha.include, exclude: [...refSha.exclude, commit.sha] };
  const options = { range, paths, noMerges: true };
  const candidates = await copyCandidates(ctx, options, patchKeyPaths(files));
  return candidates
    .filter((p) => p.commit.sha !== commit.sha && patchKey(p.files) === key)
    .map((p) => ({ facts: factsOf(p.commit, ctx.isMe), files: p.files }));
}

/** Answers kept for one evidence computation (its Context), by key: asked once, whoever asks. */
function perComputation<V>(): (ctx: Context) => Map<string, V> {
  const maps = new WeakMap<Context, Map<string, V>>();
  return (ctx) => {
    let map = maps.get(ctx);
    if (map === undefined) maps.set(ctx, (map = new Map()));
    return map;
  };
}

/** Patches read for the copy search, by commit: the target's and the client's version's searches share them. */
const candidatePatches = perComputation<Promise<CommitPatch>>();

/**
 * The patches of the commits in the range that could be copies: those that changed every path of
 * the fix's key (a commit with the same key changed each of them). Git lists the paths of every
 * commit in the range by comparing trees, and computes diffs only for those; reading every
 * commit's patch (the fallback) cost seconds per fix on long histories.
 */
async function copyCandidates(ctx: Context, options: Omit<LogPatchOptions, 'fullDiff'>, keyPaths: string[]): Promise<CommitPatch[]> {
  const { port } = ctx;
  // One file searched under one name: every commit listed changed it, so none would be left out.
  const narrows = keyPaths.length > 1 || options.paths.length > 1;
  if (!narrows || port.logTouchedPaths === undefined || port.commitPatches === undefined) return port.logPatches({ ...options, fullDiff: true });
  const touched = await port.logTouchedPaths(options);
  const shas = touched.filter((c) => {
    const changed = new Set(c.paths);
    return keyPaths.every((p) => changed.has(p));
  }).map((c) => c.sha);
  const read = candidatePatches(ctx);
  const missing = shas.filter((sha) => !read.has(sha));
  if (missing.length > 0) {
    const batch = port.commitPatches(missing);
    missing.forEach((sha, i) => read.set(sha, batch.then((patches) => patches[i] as CommitPatch)));
  }
  return Promise.all(shas.map((sha) => read.get(sha) as Promise<CommitPatch>));
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

/** The reverts of the fix (or its copies) in the history of `on.refSha` after `on.sha`, and which a later commit there undid. */
async function findReverts(
  ctx: Context,
  fix: RawCommit,
  on: { sha: string; files: FileDiff[]; copies: string[]; outcome: SurvivalOutcome | null; refSha: string },
): Promise<RevertJudgement> {
  const targets = [fix.sha, ...on.copies];
  // A revert with effect takes the fix's added lines away, so it is among the commits that
  // survival already read; only a fix without added text lines needs a search of the history.
  if (on.outcome !== null && on.outcome.survival.added > 0) {
    // The files survival read the later patches of (see filesToMeasure): a revert's lines in other
    // files are not among the candidates' patches, so the fix's lines there would keep any revert
    // (one that also drops the changelog entry or the test) from matching.
    const measured = filesToMeasure(on.files);
    const content = {
      base: on.sha,
      added: measured.flatMap((f) => f.added.map((l) => l.text)),
      removed: measured.flatMap((f) => f.removed.map((l) => l.text)),
    };
    const candidates = [...on.outcome.touching.values()];
    return judgeReverts(fix, targets, candidates, content, await mergesBringing(ctx, targets, candidates));
  }
  const found = await ctx.port.logMessages({
    include: [on.refSha],
    exclude: [on.sha],
    // Reverts of merges name the merge, not the fix ("…, reversing changes made to …", which git
    // wraps before "changes"): every one after the fix is a candidate.
    // The quoted subject, whatever word comes before it (`Revert "…`, `Reverted "…`, `[4.2.x] Reverted "…`).
    // The subject's start without the quote also finds the fix landed again under its subject.
    grep: [...targets.map((s) => s.slice(0, 7)), withoutLineMarkers(fix.subject).slice(0, TRUNCATED_SEARCH), 'changes made to'],
  });
  const candidates = found.map((c) => ({ facts: factsOf(c, ctx.isMe), message: c.message }));
  return judgeReverts(fix, targets, candidates, null, await mergesBringing(ctx, targets, candidates));
}

/**
 * The reading at the target with every later commit of the fix's files as a candidate (the reading
 * keeps none when every line is intact): for the restores a revert in the client's version had there.
 */
async function touchingSince(ctx: Context, on: { sha: string; files: FileDiff[] }, outcome: SurvivalOutcome | null): Promise<SurvivalOutcome | null> {
  if (outcome === null || outcome.touching.size > 0) return outcome;
  const paths = [...new Set([...on.files.map((f) => f.path), ...outcome.survival.files.flatMap((f) => (f.pathAtRef === null ? [] : [f.pathAtRef]))])];
  const patches = await ctx.port.logPatches({ range: { include: [ctx.targetSha], exclude: [on.sha] }, paths, fullDiff: false, noMerges: false });
  const touching = new Map(patches.map((p) => [p.commit.sha, { facts: factsOf(p.commit, ctx.isMe), message: p.commit.message, removed: p.files.flatMap((f) => f.removed.map((l) => l.text)), added: p.files.flatMap((f) => f.added.map((l) => l.text)) }]));
  return { ...outcome, touching };
}

/** The restores with the releases that hold each. */
async function withReleases(ctx: Context, restores: readonly RestoreFact[]): Promise<RestoreFact[]> {
  return allInOrder(restores.map((r) => async (): Promise<RestoreFact> => ({ ...r, ...(await releasesOf(ctx, r.sha)) })));
}

/** The tags containing a commit, the releases among them (aliases folded) and the others by name. */
interface TagsOf {
  releases: TagRecord[];
  others: string[];
}

const tagAnswers = perComputation<Promise<TagsOf>>();

/** The tags containing a commit, sorted once into releases and others; asked once per evidence computation. */
function tagsOf(ctx: Context, sha: string): Promise<TagsOf> {
  const answers = tagAnswers(ctx);
  let answer = answers.get(sha);
  if (answer === undefined) {
    answer = ctx.port.tagsContaining([sha]).then((tags) => ({
      releases: withoutAliases(tags.filter((t) => ctx.tagPattern.test(t.name)), ctx.deployedRef),
      others: tags.filter((t) => !ctx.tagPattern.test(t.name)).map((t) => t.name),
    }));
    answers.set(sha, answer);
  }
  return answer;
}

/** The release tags containing a commit, with the commits they name. */
export async function releaseRecords(ctx: Context, sha: string): Promise<TagRecord[]> {
  return (await tagsOf(ctx, sha)).releases;
}

/** The tags containing a commit that do not read as releases (the release tag pattern), by name. */
export async function otherTags(ctx: Context, sha: string): Promise<string[]> {
  return (await tagsOf(ctx, sha)).others;
}

/** The release tags containing a commit, with their dates; asked once per evidence computation. */
export async function releaseTags(ctx: Context, sha: string): Promise<TagFact[]> {
  return (await releaseRecords(ctx, sha)).map((t) => ({ name: t.name, date: t.date }));
}

type Releases = { tags: string[]; firstTag: TagFact | null; firstFinalTag?: TagFact | null };

/**
 * Release tags containing this very commit, by version; the first release is the earliest by date.
 * When that one is a pre-release (`v3.3.0-rc.1`), also the earliest final release holding the commit
 * (null when none does): a reply names the final release as the one to update to, not a test version.
 */
async function releasesOf(ctx: Context, sha: string): Promise<Releases> {
  // By version first, so that of two tags with one date the lower version is the first release.
  const byVersion = [...(await releaseTags(ctx, sha))].sort((a, b) => compareVersions(a.name, b.name));
  const firstTag = earliestTag(byVersion);
  const preRelease = firstTag !== null && isPreRelease(firstTag.name);
  return { tags: byVersion.map((t) => t.name), firstTag, ...(preRelease ? { firstFinalTag: earliestTag(byVersion.filter((t) => !isPreRelease(t.name))) } : {}) };
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
  if (graph === null || read === null || !mayReusePatches(ctx, refSha)) return {};
  return { readPatches: { ...read, onPath: (shas) => graph.reachableFrom(refSha, shas) } };
}

/** Whether a reading at `refSha` could use the target's patches (see patchesForEarlierRef). */
function mayReusePatches(ctx: Context, refSha: string): boolean {
  const graph = ctx.graph;
  return graph !== null && graph.isAncestor(refSha, ctx.targetSha) === true && graph.linearAbove(ctx.targetSha, refSha) === true;
}

/** A fix placed: the evidence without survival, reverts and later changes, and what measuring it needs. */
export interface PlacedFix {
  fix: FixEvidence;
  commit: RawCommit | null;
  diff: FileDiff[];
  copies: Copy[];
  copiesDeployed: Copy[];
}

/** Where the fix is: on the target (or a copy), in the client's version, in which releases. */
export async function placeFix(ctx: Context, link: Link): Promise<PlacedFix> {
  const commit = link.commit;
  if (commit === null) return { fix: missingFix(link, ctx.deployedSha !== null), commit: null, diff: [], copies: [], copiesDeployed: [] };
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
  const copyReleases = new Map<string, Releases>();
  for (const c of [...copies, ...copiesDeployed]) if (!copyReleases.has(c.facts.sha)) copyReleases.set(c.facts.sha, await releasesOf(ctx, c.facts.sha));
  const asEquivalent = (c: Copy): EquivalentFact => ({ ...c.facts, how: 'patch-id', ...(copyReleases.get(c.facts.sha) ?? { tags: [], firstTag: null }) });
  return {
    fix: {
      ...factsOf(commit, ctx.isMe),
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
      ...(own.firstFinalTag !== undefined ? { firstFinalTag: own.firstFinalTag } : {}),
      inDeployed,
      survival: null,
      survivalDeployed: null,
      reverts: [],
      laterChanges: [],
      files: files.map((f) => f.path),
      counterpartOf: [],
    },
    commit,
    diff: files,
    copies,
    copiesDeployed,
  };
}

/**
 * Measures a placed fix: the survival of its lines at the target and in the client's version, its
 * reverts and later changes, filled into `placed.fix`. Returns the paths of its files (where they
 * are now too). The client's version is measured whenever it holds the fix, also for a verdict:
 * the fix is judged there (see verdict.ts), whatever the target lost.
 */
export async function measureFix(ctx: Context, placed: PlacedFix): Promise<{ paths: string[] }> {
  const { commit, diff: files, copies, copiesDeployed, fix } = placed;
  if (commit === null) return { paths: [] };
  const { port } = ctx;
  const onTarget = fix.reachable ? { sha: commit.sha, files, date: commit.date } : copies[0] === undefined ? null : { sha: copies[0].facts.sha, files: copies[0].files, date: copies[0].facts.date };
  const onDeployed =
    ctx.deployedSha === null || fix.inDeployed !== true
      ? null
      : fix.reachableDeployed === true
        ? { sha: commit.sha, files, date: commit.date }
        : { sha: (copiesDeployed[0] as Copy).facts.sha, files: (copiesDeployed[0] as Copy).files, date: (copiesDeployed[0] as Copy).facts.date };
  const atTarget = (): Promise<SurvivalOutcome | null> =>
    onTarget === null ? Promise.resolve(null) : measureSurvival(port, { base: onTarget.sha, files: onTarget.files, refName: ctx.targetRef, refSha: ctx.targetSha, isMe: ctx.isMe, baseDate: onTarget.date });
  const deployedRequest = (outcome: SurvivalOutcome | null): SurvivalRequest | null =>
    onDeployed === null || ctx.deployedSha === null || ctx.deployedRef === null
      ? null
      : {
          base: onDeployed.sha,
          files: onDeployed.files,
          refName: ctx.deployedRef,
          refSha: ctx.deployedSha,
          isMe: ctx.isMe,
          baseDate: onDeployed.date,
          // Only the target's later changes are shown.
          laterChanges: false,
          ...patchesForEarlierRef(ctx, onDeployed.sha === onTarget?.sha ? outcome : null, ctx.deployedSha),
        };
  const atDeployed = async (outcome: SurvivalOutcome | null): Promise<SurvivalOutcome | null> => {
    const request = deployedRequest(outcome);
    if (request === null) return null;
    if (request.refSha === ctx.targetSha && request.base === onTarget?.sha && outcome !== null) return { ...outcome, survival: { ...outcome.survival, ref: request.refName } };
    return measureSurvival(port, request);
  };
  // The client's version's reading uses the target's when it can (the same commit, or patches
  // already read on the same line); otherwise the two are independent and walk the history at once.
  const dependent = onDeployed !== null && ctx.deployedSha !== null && onDeployed.sha === onTarget?.sha && (ctx.deployedSha === ctx.targetSha || mayReusePatches(ctx, ctx.deployedSha));
  let outcome: SurvivalOutcome | null;
  let outcomeDeployed: SurvivalOutcome | null;
  if (dependent) {
    // The client's version's first reads (its files and their diff from the fix) run beside the
    // target's walk: its measure below gets them from the computation's repeated reads.
    const before = ctx.deployedSha === ctx.targetSha ? null : deployedRequest(null);
    [outcome] = await allInOrder([atTarget, () => (before === null ? Promise.resolve() : ctx.beside(() => readFilesAtRef(port, before)))]);
    outcomeDeployed = await atDeployed(outcome);
  } else [outcome, outcomeDeployed] = await allInOrder([atTarget, () => atDeployed(null)]);

  // The later changes are the target's since the fix itself (the revert and the restore among them).
  const laterChanges = outcome?.laterChanges ?? [];
  // Reverts count in the history where the fix is judged: the target's; for a fix only on the
  // client's line (a counterpart), that line's. A revert on another branch counts for neither. The
  // client's version, when it holds the fix and is another commit, is judged in its own history
  // too: a revert restored on the target may be in effect there (a release between the two).
  const atClient = (): Promise<RevertJudgement | null> =>
    onDeployed === null || ctx.deployedSha === null ? Promise.resolve(null) : findReverts(ctx, commit, { ...onDeployed, copies: copiesDeployed.map((c) => c.facts.sha), outcome: outcomeDeployed, refSha: ctx.deployedSha });
  const targetCopies = copies.map((c) => c.facts.sha);
  const judged = onTarget !== null ? await findReverts(ctx, commit, { ...onTarget, copies: targetCopies, outcome, refSha: ctx.targetSha }) : await atClient();
  fix.reverts = judged?.reverts ?? [];
  if ((judged?.restores.length ?? 0) > 0) fix.restores = await withReleases(ctx, judged?.restores ?? []);
  if (onTarget !== null && onDeployed !== null && ctx.deployedSha !== ctx.targetSha) {
    const there = await atClient();
    if (there !== null) {
      fix.revertsDeployed = there.reverts;
      if (there.restores.length > 0) fix.restoresDeployed = await withReleases(ctx, there.restores);
      // Undone in the client's version, nothing undone on the target: a restore there put the
      // fix's lines back as they were, so survival read no commit at all. Its history is read.
      if (there.reverts.length > 0 && fix.reverts.length === 0 && fix.restores === undefined) {
        const restores = (await findReverts(ctx, commit, { ...onTarget, copies: targetCopies, outcome: await touchingSince(ctx, onTarget, outcome), refSha: ctx.targetSha })).restores;
        if (restores.length > 0) fix.restores = await withReleases(ctx, restores);
      }
    }
  }
  // Where the fix was restored, its lines are the restore's: measured from it (see restoredLines.ts).
  const fromRestore = async (restore: RestoreFact | null, refName: string, refSha: string, laterChanges: boolean): Promise<SurvivalOutcome | null> => {
    const back = restore === null ? null : await restoredChange(port, restore, files);
    return back === null ? null : measureSurvival(port, { base: back.sha, files: back.files, refName, refSha, isMe: ctx.isMe, baseDate: back.date, laterChanges });
  };
  const restoredAtTarget = onTarget === null ? null : standingRestore(fix.reverts, fix.restores);
  outcome = (await fromRestore(restoredAtTarget, ctx.targetRef, ctx.targetSha, false)) ?? outcome;
  if (onDeployed !== null && ctx.deployedRef !== null && ctx.deployedSha !== null) {
    const there = fix.revertsDeployed === undefined ? (onTarget === null ? standingRestore(fix.reverts, fix.restores) : restoredAtTarget) : standingRestore(fix.revertsDeployed, fix.restoresDeployed);
    outcomeDeployed = (await fromRestore(there, ctx.deployedRef, ctx.deployedSha, false)) ?? outcomeDeployed;
  }
  fix.survival = outcome === null || !outcome.survival.files.some(isMeasuredFile) ? null : outcome.survival;
  fix.survivalDeployed = outcomeDeployed === null || !outcomeDeployed.survival.files.some(isMeasuredFile) ? null : outcomeDeployed.survival;
  fix.laterChanges = laterChanges;
  const paths = new Set(files.map((f) => f.path));
  for (const f of outcome?.survival.files ?? []) if (f.pathAtRef !== null) paths.add(f.pathAtRef);
  return { paths: [...paths] };
}
