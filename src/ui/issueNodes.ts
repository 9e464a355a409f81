// The elements of the Client Issues tree: domain objects (a folder's store, a client, an issue, its
// reports, fixes, verdict, the commits and caveats of its evidence, a broken file) wrapped with where
// they live. Commands receive them from menus; the provider, items and tooltips render them.
import type { Caveat, CommitFacts, FixEvidence, IssueEvidence } from '../core/evidence/model';
import type { FixChange } from '../core/evidenceView';
import type { StoreProblem } from '../core/store/issueStore';
import type { Client, ClientReport, FixLink, Issue } from '../core/store/model';
import type { EvidenceProblem } from './errorMessages';
import type { FolderIssues } from './issueWorkspace';

export class FolderNode {
  readonly kind = 'folder';
  constructor(readonly folder: FolderIssues) {}
}

export class ClientNode {
  readonly kind = 'client';
  constructor(
    readonly folder: FolderIssues,
    readonly name: string,
    /** Undefined for a client that issues name but clients.json lacks. */
    readonly client: Client | undefined,
  ) {}
}

export class IssueNode {
  readonly kind = 'issue';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
  ) {}
}

export class ReportNode {
  readonly kind = 'report';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly report: ClientReport,
    readonly index: number,
  ) {}
}

/** A fix's evidence and the issue evidence it belongs to. */
export interface FixEvidenceRef {
  fix: FixEvidence;
  issue: IssueEvidence;
}

/** A fix commit linked in the store (so it can be unlinked), with its evidence once computed. */
export class FixNode {
  readonly kind = 'fix';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly fix: FixLink,
    readonly evidence?: FixEvidenceRef,
  ) {}
}

/** The issue's verdict: first under the issue. */
export class VerdictNode {
  readonly kind = 'verdict';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly evidence: IssueEvidence,
  ) {}
}

export type CommitRole = 'fix' | 'revert' | 'change' | 'mention';

/**
 * A commit the evidence names: a fix found from its message, a commit that reverted or changed a
 * fix (under that fix), or a commit that only mentions the issue.
 */
export class CommitNode {
  readonly kind = 'commit';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly role: CommitRole,
    readonly commit: CommitFacts,
    readonly evidence: IssueEvidence,
    /** For reverts and changes: the fix they undid or changed. */
    readonly fixSha: string | null = null,
    readonly change: FixChange | null = null,
  ) {}
}

export class CaveatNode {
  readonly kind = 'caveat';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly caveat: Caveat,
    readonly evidence: IssueEvidence,
    /** The fix the caveat is about; null for the whole issue. */
    readonly fixSha: string | null,
  ) {}
}

/** Why an issue shows no evidence: Restricted Mode, or a computation that failed. */
export class EvidenceStatusNode {
  readonly kind = 'evidenceStatus';
  constructor(
    readonly folder: FolderIssues,
    readonly issue: Issue,
    readonly status: 'restricted' | 'problem',
    readonly problem?: EvidenceProblem,
  ) {}
}

export class ProblemNode {
  readonly kind = 'problem';
  constructor(
    readonly folder: FolderIssues,
    readonly problem: StoreProblem,
    /** The client the broken file's id prefix belongs to, if any. */
    readonly clientName: string | undefined,
  ) {}
}

export type IssueTreeNode =
  | FolderNode
  | ClientNode
  | IssueNode
  | ReportNode
  | FixNode
  | ProblemNode
  | VerdictNode
  | CommitNode
  | CaveatNode
  | EvidenceStatusNode;


/** The fix's evidence behind a node, when it is a fix with evidence. */
export function fixEvidenceOf(node: IssueTreeNode): FixEvidenceRef | undefined {
  if (node.kind === 'fix') return node.evidence;
  if (node.kind === 'commit' && node.role === 'fix') return { fix: node.commit as FixEvidence, issue: node.evidence };
  return undefined;
}

/** A stable id per node, so the tree keeps selection and expansion across refreshes. */
export function nodeId(node: IssueTreeNode): string {
  const folder = node.folder.folder.uri.toString();
  switch (node.kind) {
    case 'folder':
      return folder;
    case 'client':
      return `${folder}#client/${node.name}`;
    case 'issue':
      return `${folder}#issue/${node.issue.id}`;
    case 'report':
      return `${folder}#issue/${node.issue.id}/report/${node.index}`;
    case 'fix':
      return `${folder}#issue/${node.issue.id}/fix/${node.evidence?.fix.sha ?? node.fix.sha}`;
    case 'problem':
      return `${folder}#problem/${node.problem.file}`;
    case 'verdict':
      return `${folder}#issue/${node.issue.id}/verdict`;
    case 'commit':
      if (node.role === 'fix') return `${folder}#issue/${node.issue.id}/fix/${node.commit.sha}`;
      if (node.role === 'mention') return `${folder}#issue/${node.issue.id}/mention/${node.commit.sha}`;
      return `${folder}#issue/${node.issue.id}/fix/${node.fixSha ?? ''}/${node.role}/${node.commit.sha}`;
    case 'caveat':
      return `${folder}#issue/${node.issue.id}${node.fixSha === null ? '' : `/fix/${node.fixSha}`}/caveat/${node.caveat.code}`;
    case 'evidenceStatus':
      return `${folder}#issue/${node.issue.id}/evidence`;
  }
}

/** A stored link (full or abbreviated) names the commit. */
export function sameCommit(link: string, sha: string): boolean {
  const a = link.toLowerCase();
  const b = sha.toLowerCase();
  return a.startsWith(b) || b.startsWith(a);
}
