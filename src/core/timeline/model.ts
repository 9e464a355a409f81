// One issue's story as marks on a time axis: what the timeline panel and the proof page draw.
// Everything here is a fact from the evidence or the issue file, already put into the reader's
// words (see timelineWords.ts); the layout and the SVG renderer never decide what a mark says.
import type { Verdict } from '../evidence/model';
import type { Language } from '../store/model';

export type MarkKind = 'report' | 'fix' | 'release' | 'deployed' | 'change' | 'revert' | 'reply';

/** Who reads: the person in VS Code (technical, "you"), or the client reading the proof page. */
export type Audience = 'plain' | 'technical';
export type Perspective = 'user' | 'client';

export interface TimelineMark {
  /** Unique within the timeline, stable across renders (e.g. `fix:<sha>`). */
  id: string;
  kind: MarkKind;
  /** ISO 8601 date or YYYY-MM-DD. */
  date: string;
  /** Index into Timeline.lanes. */
  lane: number;
  /** The few words drawn under the mark. */
  label: string;
  /** One line per fact, shown when hovering the mark (SVG <title>). */
  facts: string[];
  /** The commit a click opens; only on commit marks, and only where commit ids may be shown. */
  sha?: string;
  /** A change by the user themselves. */
  mine?: boolean;
  /** Something is missing here: a client's version or release line without the fix. */
  lacksFix?: boolean;
  /** The fix is here, but changed by a later commit. */
  altered?: boolean;
}

export interface TimelineLane {
  id: string;
  label: string;
  /** A release line that never got the fix: drawn as an empty, dashed line. */
  empty: boolean;
}

export interface Timeline {
  issueId: string | null;
  title: string | null;
  verdict: Verdict;
  /** The verdict in one sentence, above the drawing. */
  sentence: string;
  language: Language;
  audience: Audience;
  lanes: TimelineLane[];
  marks: TimelineMark[];
  /** YYYY-MM-DD: the right end of the story. */
  today: string;
  todayLabel: string;
}

/** Milliseconds since the epoch of an ISO date; a bare day counts as its noon UTC. */
export function timeOf(iso: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T12:00:00Z`) : Date.parse(iso);
}
