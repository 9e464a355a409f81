// The few dates the evidence does not carry and a timeline needs: when each release containing a
// fix was made, and when the client's version was. Read through the git port by both the panel
// and the `report` command, so they draw the same story.
import type { IssueEvidence } from '../evidence/model';
import { fixChanges } from '../evidenceView';
import type { GitPort } from '../gitPort';

export interface TimelineDates {
  tagDates: Record<string, string>;
  deployedDate: string | null;
  /** By fix sha: the releases that also contain a commit that reverted it. */
  releasesWithRevert: Record<string, string[]>;
  /** By fix sha: the releases that also contain a later change to its lines. */
  releasesWithChange: Record<string, string[]>;
}

export async function gatherTimelineDates(port: Pick<GitPort, 'tagsContaining' | 'commits'>, evidence: IssueEvidence): Promise<TimelineDates> {
  const fixShas = evidence.fixes.filter((f) => f.exists).flatMap((f) => [f.sha, ...f.equivalents.map((e) => e.sha)]);
  const deployedSha = evidence.deployed?.sha;
  const wanted = [...fixShas, ...(deployedSha !== undefined ? [deployedSha] : [])];
  const tagDates: Record<string, string> = {};
  if (wanted.length > 0) {
    for (const tag of await port.tagsContaining(wanted)) tagDates[tag.name] = tag.date;
  }
  let deployedDate: string | null = null;
  if (evidence.deployed !== null && deployedSha !== undefined) {
    // A tag's own date is when that version was made; a branch or commit has its commit's date.
    deployedDate = tagDates[evidence.deployed.ref] ?? (await port.commits([deployedSha]))[0]?.date ?? null;
  }
  const releasesWithRevert: Record<string, string[]> = {};
  const releasesWithChange: Record<string, string[]> = {};
  for (const fix of evidence.fixes.filter((f) => f.exists)) {
    const own = new Set([...fix.tags, ...fix.equivalents.flatMap((e) => e.tags ?? [])]);
    if (own.size === 0) continue;
    const changes = fixChanges(fix);
    const reverts = changes.filter((c) => c.role === 'revert').map((c) => c.commit.sha);
    const others = changes.filter((c) => c.role === 'change').map((c) => c.commit.sha);
    // Only the fix's own releases matter: the lists are narrowed to them.
    if (reverts.length > 0) releasesWithRevert[fix.sha] = (await port.tagsContaining(reverts)).map((t) => t.name).filter((n) => own.has(n));
    if (others.length > 0) releasesWithChange[fix.sha] = (await port.tagsContaining(others)).map((t) => t.name).filter((n) => own.has(n));
  }
  return { tagDates, deployedDate, releasesWithRevert, releasesWithChange };
}
