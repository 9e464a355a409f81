// The proof page from the evidence, as both the `report` command and "Export Proof Page…" make it:
// the dates the evidence lacks are read through the git port, then the page is drawn for the client.
import type { IssueEvidence } from '../evidence/model';
import type { GitPort } from '../gitPort';
import type { Issue, Language } from '../store/model';
import { buildTimeline } from './build';
import { gatherTimelineDates } from './gather';
import type { Audience } from './model';
import { renderProofPage } from './page';

export interface ProofPageRequest {
  port: Pick<GitPort, 'tagsContaining' | 'commits'>;
  evidence: IssueEvidence;
  issue?: Pick<Issue, 'id' | 'title' | 'reports' | 'replies'>;
  language: Language;
  audience: Audience;
  /** YYYY-MM-DD. */
  today: string;
}

export async function buildProofPage(request: ProofPageRequest): Promise<string> {
  const dates = await gatherTimelineDates(request.port, request.evidence);
  const timeline = buildTimeline({
    evidence: request.evidence,
    ...(request.issue ? { issue: request.issue } : {}),
    language: request.language,
    audience: request.audience,
    // The page is the user's words to the client: their own changes are "mine", not "yours".
    perspective: 'client',
    today: request.today,
    tagDates: dates.tagDates,
    deployedDate: dates.deployedDate,
    releasesWithRevert: dates.releasesWithRevert,
    releasesWithChange: dates.releasesWithChange,
  });
  return renderProofPage({ timeline, evidence: request.evidence, checkedOn: request.today });
}
