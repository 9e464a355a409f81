// The evidence contract: what `proof-of-fix evidence --json` prints and what replies are rendered
// from. Every field is a fact read from git; nothing here is a sentence for a person.

export const VERDICTS = [
  'no-fix-linked',
  'fix-not-on-target',
  'fix-reverted',
  'fix-not-deployed',
  'fix-modified',
  'deployed-unknown',
  'fix-intact',
] as const;

/** One per issue. Order of VERDICTS is the precedence: the first that applies wins. */
export type Verdict = (typeof VERDICTS)[number];

/** How a commit came to be a fix of the issue. */
export type LinkKind = 'manual' | 'message' | 'trailer' | 'argument';

export interface CommitFacts {
  sha: string;
  subject: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601 author date. */
  date: string;
  /** The author is one of the user's own identities. */
  byMe: boolean;
}

export interface TagFact {
  name: string;
  /** ISO 8601: the tag's date (annotated) or its commit's committer date (lightweight). */
  date: string;
}

export interface SurvivalFile {
  /** Path in the fix commit. */
  path: string;
  /** Path at the ref measured (differs after a rename); null when the file no longer exists. */
  pathAtRef: string | null;
  binary: boolean;
  /**
   * A file of release notes (see releaseNotes.ts): its lines tell of the fix and are not measured
   * (counts 0), like a binary file's. Absent otherwise.
   */
  releaseNote?: true;
  /**
   * A file of the fix's tests (see testFiles.ts), not measured (counts 0) when the fix changed other
   * text files: what the client runs is the fix's code. Absent otherwise.
   */
  test?: true;
  added: number;
  intact: number;
  modified: number;
  removed: number;
  /** Each added line that is no longer the fix's, by its line number in the fix's version. */
  lost: LostLine[];
  /**
   * Git could not tell where the file went (a move past its rename limit): its lines are counted
   * neither intact nor lost, and a `survival-incomplete` caveat names it. Absent means measured.
   */
  unmeasured?: boolean;
}

/** A file whose lines are counted: not binary, not release notes, not tests beside the fix's code. */
export function isMeasuredFile(file: SurvivalFile): boolean {
  return !file.binary && file.releaseNote !== true && file.test !== true;
}

export interface LostLine {
  /** Line number in the file as the fix left it. */
  line: number;
  state: 'modified' | 'removed';
  /** The commit that changed or removed it; null when it could not be told. */
  by: string | null;
}

export interface LineChange extends CommitFacts {
  /** How many of the fix's lines this commit changed or removed. */
  lines: number;
  /** Paths (at the measured ref, else in the fix) of the lines it changed. */
  paths: string[];
}

export interface Survival {
  /** The ref at which survival was measured, and its resolved sha. */
  ref: string;
  sha: string;
  /** Lines the fix added (binary files excluded). */
  added: number;
  intact: number;
  modified: number;
  removed: number;
  files: SurvivalFile[];
  /** Commits that changed or removed the fix's lines, newest first. */
  changedBy: LineChange[];
  /** The commit whose added lines were measured: the fix, or its copy on the ref. */
  measuredFrom: string;
}

export type RevertHow = 'message' | 'subject' | 'content';

export interface RevertFact extends CommitFacts {
  how: RevertHow;
  /** The commit it reverts: the fix or one of its copies. */
  reverts: string;
  /** The revert names a merge commit that brought the fix in (reverting the merge undid it). */
  viaMerge?: string;
}

/**
 * How a later commit undid a revert (the fix's change is back): it reverted the revert (it names the
 * revert, or its subject is `Revert "<the revert's subject>"`), `reapply` (git's `Reapply "<fix
 * subject>"`), `same-subject` (the fix landed again under its own subject, without the forge's
 * request number), `patch` (its change holds the fix's added and removed lines again).
 */
export type RestoreHow = 'revert-of-revert' | 'reapply' | 'same-subject' | 'patch';

/** A commit after a revert of the fix, in the same history, that brought the fix back. */
export interface RestoreFact extends CommitFacts {
  how: RestoreHow;
  /** The revert it undid. */
  revert: RevertFact;
  /** Release tags containing the restore, by version order. */
  tags?: string[];
  /** The earliest release (by date) containing the restore. */
  firstTag?: TagFact | null;
}

export interface EquivalentFact extends CommitFacts {
  how: 'patch-id';
  /** Release tags containing this copy (not the original), by version order. */
  tags?: string[];
  /** The earliest release (by date) containing this copy. */
  firstTag?: TagFact | null;
  /** When `firstTag` is a pre-release: the earliest final release containing this copy, null when none. */
  firstFinalTag?: TagFact | null;
}

/** Why a commit is listed as a later change of the fix. */
export type LaterChangeWhy = 'changed-fix-lines' | 'in-fixed-region';

export interface LaterChange extends CommitFacts {
  /** It changed or removed lines the fix added, or it changed lines between them. */
  why?: LaterChangeWhy;
}

export interface FixEvidence extends CommitFacts {
  /** Absent from the repository (e.g. a manual link to a sha that was rewritten away). */
  exists: boolean;
  linkedBy: LinkKind;
  /** ISO 8601 author date (same as `date`; named as the CLI contract names it). */
  authorDate: string;
  isMerge: boolean;
  /** Reachable from the target ref. */
  reachable: boolean;
  /** Commits on the target with the same patch (cherry-picks, rebases) when not reachable. */
  equivalents: EquivalentFact[];
  /** Reachable from the deployed ref; null when no deployed ref. */
  reachableDeployed: boolean | null;
  /** Commits on the deployed ref with the same patch, when the fix itself is not on it. */
  equivalentsDeployed: EquivalentFact[];
  /** Release tags containing this very commit (a copy's releases are on its EquivalentFact), by version order. */
  tags: string[];
  /** The earliest release containing this commit, by the tag's date. */
  firstTag: TagFact | null;
  /**
   * When `firstTag` is a pre-release (`isPreRelease`: `-rc.1`, `b2`, curl's `rc-8_22_0-2`): the
   * earliest final release containing this commit, null when none does. Absent otherwise.
   */
  firstFinalTag?: TagFact | null;
  /**
   * For a reverted fix on the target that a release contains: the earliest release holding it and
   * none of its reverts; null when every release holding it holds a revert too. Absent otherwise.
   */
  firstTagInEffect?: TagFact | null;
  /** When `firstTagInEffect` is a pre-release: the earliest final release holding the fix and none of its reverts, null when none does. */
  firstFinalTagInEffect?: TagFact | null;
  /** A merge linked as a fix that brought these other linked fixes in: the same change, not another part. */
  mergeOf?: string[];
  /**
   * A linked fix on the target whose patch equals an earlier linked fix's, also on the target (the
   * same change applied again: rebased or cherry-picked onto a line that already had it): told once.
   */
  sameChangeAs?: string;
  /**
   * A reverted fix that later linked fixes replaced (each revert of it is in their history): an
   * earlier attempt. The issue's verdict is theirs, not this one's.
   */
  supersededBy?: string[];
  /** Whether the deployed ref contains the fix or an equivalent; null when no deployed ref. */
  inDeployed: boolean | null;
  /** Survival at the target. null when the fix is not on the target or has no text lines. */
  survival: Survival | null;
  /** Survival at the deployed ref, when one is known and contains the fix. */
  survivalDeployed: Survival | null;
  reverts: RevertFact[];
  /**
   * Reverts of the fix in the same history (the target's; a counterpart's: the client's line's)
   * that a later commit there undid, each with that commit, oldest first: those reverts are not in
   * `reverts`. Absent when none.
   */
  restores?: RestoreFact[];
  /**
   * The reverts in effect in the client's version, when it holds the fix and is not the target's
   * commit (its own history, judged apart: a revert there may be restored on the target only).
   * Absent when not measured there (then the target's `reverts` stand for it).
   */
  revertsDeployed?: RevertFact[];
  /** The reverts undone in the client's version's own history (see `restores`); absent when none. */
  restoresDeployed?: RestoreFact[];
  /**
   * Later commits on the target that touched the fixed regions, newest first: commits that
   * changed the fix's lines, and commits authored after the fix that changed lines between them.
   */
  laterChanges: LaterChange[];
  /**
   * For a fix that is not on the target: the fixes of the same issue on the target whose
   * counterpart it is (the same fix made on another release line). Empty or absent otherwise.
   */
  counterpartOf?: string[];
  /** Files the fix changed (all, binary included). */
  files: string[];
}

export type CaveatCode =
  | 'shallow-history'
  | 'uncommitted-changes'
  | 'fix-missing'
  | 'deployed-ref-unresolved'
  | 'survival-incomplete'
  /** Tags hold a fix that has no release, and none of them reads as a release (`deploy-2025-05`, `shop@1.2.0`): whether it was released is not known. */
  | 'tags-not-releases';

export interface Caveat {
  code: CaveatCode;
  /** The files, shas or refs the caveat is about. */
  subjects: string[];
}

export interface RefFact {
  ref: string;
  sha: string;
}

export interface DeployedFact extends RefFact {
  /**
   * Every fix (or an equivalent, or a counterpart on the deployed line) is contained in the
   * deployed ref.
   */
  containsFix: boolean;
  /**
   * When the verdict is fix-not-deployed: the earliest release that contains the deployed ref and
   * every fix (itself, a copy, or the same fix made on the deployed ref's line), the smallest update
   * that brings the fix; null when no release does yet.
   */
  update?: TagFact | null;
}

export interface IssueEvidence {
  /** The issue the evidence is for (its id or the --ref text), null for --fix only. */
  issueId: string | null;
  verdict: Verdict;
  /** The verdict each fix alone would get, by sha (the issue's verdict is the first by precedence). */
  fixVerdicts: Record<string, Verdict>;
  target: RefFact;
  deployed: DeployedFact | null;
  historyComplete: boolean;
  fixes: FixEvidence[];
  /** Commits that mention the issue without fixing it, newest first. */
  mentions: CommitFacts[];
  caveats: Caveat[];
  /** The user's identities used for byMe. */
  me: string[];
  /** ISO 8601 time the evidence was computed. */
  computedAt: string;
  /**
   * Absent: the full evidence. 'verdict': computed for the verdict alone (see EvidenceRequest's
   * `detail`): the verdict and the fixes' places are the full evidence's, but fixes may be left
   * unmeasured (no survival, reverts or later changes, no entry in fixVerdicts) and the client's
   * version unmeasured. Only the view's rows use it; never a reply, timeline or the CLI.
   */
  detail?: 'verdict';
}

/** How much evidence to compute: all of it, or what the verdict needs. */
export type EvidenceDetail = 'full' | 'verdict';
