// The inbox: which client issues are waiting for the user. An issue needs a reply when the client's
// latest report is newer than the user's latest reply, or, when nothing was sent yet, when its
// verdict calls for action (the fix is undone, changed, or not shipped to them). A closed or
// deliberately unfixed issue expects nothing. Newest report first, those that need a reply on top.
import type { Verdict } from './evidence/model';
import { needsReply as verdictNeedsReply } from './evidenceView';
import type { Issue } from './store/model';
import { isClosedStatus, latestReport } from './store/model';

export interface ReplyState {
  needsReply: boolean;
  /** The day (YYYY-MM-DD) of the user's latest reply, null when none was sent. */
  repliedOn: string | null;
  /** The day of the client's latest report (the day the issue was opened when it has none). */
  reportedOn: string;
}

/** The day of the latest reply marked sent, as YYYY-MM-DD. */
function latestReplyDay(issue: Pick<Issue, 'replies'>): string | null {
  let latest: string | null = null;
  for (const reply of issue.replies) {
    const day = reply.date.slice(0, 10);
    if (latest === null || day > latest) latest = day;
  }
  return latest;
}

/**
 * The reply state of an issue. `verdict` is the cached one, undefined while unknown. Days are
 * compared, not times: a report and a reply on the same day count as answered (reports carry no time).
 */
export function replyState(issue: Issue, verdict: Verdict | undefined): ReplyState {
  const reported = reportedOn(issue);
  const repliedOn = latestReplyDay(issue);
  let needsReply: boolean;
  if (isClosedStatus(issue.status)) needsReply = false;
  else if (repliedOn !== null) needsReply = reported > repliedOn;
  else needsReply = verdict !== undefined && verdictNeedsReply(verdict);
  return { needsReply, repliedOn, reportedOn: reported };
}

/** The day the client last reported the issue (the day it was opened when it has no report). */
export function reportedOn(issue: Pick<Issue, 'reports' | 'created'>): string {
  return latestReport(issue)?.date ?? issue.created;
}

/** The one order of issues by the client's latest report: newest first, then by id. */
export function compareByLatestReport(a: Pick<Issue, 'id' | 'reports' | 'created'>, b: Pick<Issue, 'id' | 'reports' | 'created'>): number {
  return compareDays(reportedOn(a), reportedOn(b)) || compareIds(a.id, b.id);
}

/** Inbox order: those that need a reply first, then by the client's latest report, newest first, then id. */
export function compareInbox(a: { id: string; state: ReplyState }, b: { id: string; state: ReplyState }): number {
  if (a.state.needsReply !== b.state.needsReply) return a.state.needsReply ? -1 : 1;
  return compareDays(a.state.reportedOn, b.state.reportedOn) || compareIds(a.id, b.id);
}

function compareDays(a: string, b: string): number {
  return a === b ? 0 : a > b ? -1 : 1;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
