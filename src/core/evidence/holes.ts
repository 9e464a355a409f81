// Holes in the evidence: facts the verdict needed and git could not give (a linked fix commit the
// repository lacks, a fixed file git could not follow). No reply is drafted on evidence with a hole.
import type { Caveat, IssueEvidence } from './model';

export interface EvidenceHole {
  code: 'fix-missing' | 'survival-incomplete';
  /** The commits or files concerned. */
  subjects: string[];
}

export function evidenceHoles(evidence: Pick<IssueEvidence, 'caveats'>): EvidenceHole[] {
  const holes: EvidenceHole[] = [];
  for (const c of evidence.caveats as readonly Caveat[]) {
    if (c.code === 'fix-missing' || c.code === 'survival-incomplete') holes.push({ code: c.code, subjects: [...c.subjects] });
  }
  return holes;
}
