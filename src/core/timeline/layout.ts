// Where each mark goes: a real time axis, left to right, whose long quiet stretches are cut out
// and replaced by a narrow break of fixed width, so two busy weeks two years apart both stay
// readable; one band per lane; marks (with their labels) that would overlap go on a further row.
import type { Timeline } from './model';
import { timeOf } from './model';

export const DAY_MS = 86_400_000;

export interface LayoutOptions {
  /** Total width of the drawing, in px. */
  width: number;
  /** Room for the lane names at the left. */
  labelColumn: number;
  /** Height of one row of marks (the mark and its label). */
  rowHeight: number;
  laneGap: number;
  /** Width of a compressed stretch. */
  breakWidth: number;
  /** Room kept on each side of a busy stretch, so no mark touches a break or the edge. */
  padding: number;
  /** A quiet stretch is compressed when it is longer than this many days... */
  minQuietDays: number;
  /** ...and longer than this share of the whole story. */
  quietShare: number;
  /** Estimated width of one label character, to keep labels from overlapping. */
  charWidth: number;
  /** Closest two ticks of the axis may be. */
  minTickGap: number;
  /** Widest a day may be drawn, so a story of a few days is not spread over the whole width. */
  maxDayWidth: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  width: 960,
  labelColumn: 170,
  rowHeight: 40,
  laneGap: 10,
  breakWidth: 28,
  padding: 28,
  minQuietDays: 60,
  quietShare: 0.25,
  charWidth: 6.6,
  minTickGap: 64,
  maxDayWidth: 16,
};

/** A busy stretch of time drawn to scale. */
export interface Segment {
  from: number;
  to: number;
  x0: number;
  x1: number;
}

export interface AxisBreak {
  x: number;
  width: number;
  /** The quiet stretch it stands for: the last time before and the first time after. */
  from: number;
  to: number;
  days: number;
}

export interface AxisTick {
  x: number;
  /** Start of a month (ms), or a busy point's own time when no month starts near it. */
  time: number;
}

export interface PlacedMark {
  id: string;
  lane: number;
  row: number;
  x: number;
  y: number;
  /** How the label sits on x: centred, or pushed inwards at the edges. */
  anchor: 'middle' | 'start' | 'end';
}

export interface PlacedLane {
  index: number;
  top: number;
  height: number;
  /** The y of the lane's line (its first row). */
  y: number;
  rows: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  segments: Segment[];
  breaks: AxisBreak[];
  ticks: AxisTick[];
  lanes: PlacedLane[];
  marks: PlacedMark[];
  todayX: number;
}

/** Groups sorted times into busy stretches, split where the gap is a long quiet one. */
export function busyStretches(times: readonly number[], options: Pick<LayoutOptions, 'minQuietDays' | 'quietShare'>): { from: number; to: number }[] {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const span = (sorted[sorted.length - 1] as number) - (sorted[0] as number);
  const quiet = Math.max(options.minQuietDays * DAY_MS, span * options.quietShare);
  const out: { from: number; to: number }[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && t - last.to <= quiet) last.to = t;
    else out.push({ from: t, to: t });
  }
  return out;
}

/** The x of a time; a time inside a break goes to the break's middle. */
export function xOf(layout: Pick<TimelineLayout, 'segments' | 'breaks'>, time: number): number {
  const segments = layout.segments;
  const first = segments[0];
  if (first === undefined) return 0;
  for (const s of segments) {
    if (time >= s.from && time <= s.to) return s.to === s.from ? (s.x0 + s.x1) / 2 : s.x0 + ((time - s.from) / (s.to - s.from)) * (s.x1 - s.x0);
  }
  if (time < first.from) return first.x0;
  for (const b of layout.breaks) if (time > b.from && time < b.to) return b.x + b.width / 2;
  return (segments[segments.length - 1] as Segment).x1;
}

function placeSegments(stretches: { from: number; to: number }[], left: number, right: number, o: LayoutOptions): { segments: Segment[]; breaks: AxisBreak[] } {
  const gaps = stretches.length - 1;
  const room = Math.max(0, right - left - gaps * o.breakWidth - stretches.length * 2 * o.padding);
  const total = stretches.reduce((n, s) => n + (s.to - s.from), 0);
  // One scale for every busy stretch, so a day is as wide everywhere; a short story is not
  // stretched past maxDayWidth, and the room left over pads each stretch equally.
  const perMs = total === 0 ? 0 : Math.min(room / total, o.maxDayWidth / DAY_MS);
  const spare = (room - total * perMs) / stretches.length;
  const segments: Segment[] = [];
  const breaks: AxisBreak[] = [];
  let cursor = left;
  for (const [i, s] of stretches.entries()) {
    const x0 = cursor + o.padding + spare / 2;
    const x1 = x0 + (s.to - s.from) * perMs;
    segments.push({ from: s.from, to: s.to, x0, x1 });
    cursor = x1 + spare / 2 + o.padding;
    const next = stretches[i + 1];
    if (next !== undefined) {
      breaks.push({ x: cursor, width: o.breakWidth, from: s.to, to: next.from, days: Math.round((next.from - s.to) / DAY_MS) });
      cursor += o.breakWidth;
    }
  }
  return { segments, breaks };
}

function monthStart(time: number, offset: number): number {
  const d = new Date(time);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

function placeTicks(segments: Segment[], breaks: AxisBreak[], left: number, right: number, o: LayoutOptions): AxisTick[] {
  const candidates: AxisTick[] = [];
  const scaled = segments.find((s) => s.x1 > s.x0);
  const msPerPx = scaled === undefined ? 0 : (scaled.to - scaled.from) / (scaled.x1 - scaled.x0);
  for (const [i, s] of segments.entries()) {
    // A month may start in the room around a stretch: up to the break or edge on either side.
    const before = i === 0 ? left : (breaks[i - 1] as AxisBreak).x + o.breakWidth;
    const after = i === segments.length - 1 ? right : (breaks[i] as AxisBreak).x;
    const lo = s.from - msPerPx * (s.x0 - before - 6);
    const hi = s.to + msPerPx * (after - s.x1 - 6);
    const inside: AxisTick[] = [];
    if (msPerPx > 0) {
      for (let m = monthStart(lo, 0); m <= hi; m = monthStart(m, 1)) if (m >= lo) inside.push({ x: s.x0 + (m - s.from) / msPerPx, time: m });
    }
    candidates.push(...(inside.length > 0 ? inside : [{ x: (s.x0 + s.x1) / 2, time: s.from }]));
  }
  const ticks: AxisTick[] = [];
  for (const t of candidates) {
    const last = ticks[ticks.length - 1];
    if (last === undefined || t.x - last.x >= o.minTickGap) ticks.push(t);
  }
  return ticks;
}

export function layoutTimeline(timeline: Pick<Timeline, 'marks' | 'lanes' | 'today'>, options: Partial<LayoutOptions> = {}): TimelineLayout {
  const o: LayoutOptions = { ...DEFAULT_LAYOUT, ...options };
  const plotLeft = o.labelColumn;
  const plotRight = o.width - 12;
  const today = timeOf(timeline.today);
  const times = [...timeline.marks.map((m) => timeOf(m.date)), today].filter((t) => !Number.isNaN(t));
  const { segments, breaks } = placeSegments(busyStretches(times, o), plotLeft, plotRight, o);
  const scale = { segments, breaks };

  // Greedy rows per lane, in time order: a mark goes on the first row where it and its label fit.
  const placed: Omit<PlacedMark, 'y'>[] = [];
  const rowsOfLane = new Map<number, number[]>();
  const ordered = timeline.marks
    .map((m) => ({ m, x: xOf(scale, timeOf(m.date)) }))
    .sort((a, b) => a.m.lane - b.m.lane || a.x - b.x || a.m.id.localeCompare(b.m.id));
  for (const { m, x } of ordered) {
    const half = Math.max(9, (m.label.length * o.charWidth) / 2) + 4;
    const anchor = x - half < plotLeft ? 'start' : x + half > plotRight ? 'end' : 'middle';
    const lo = anchor === 'start' ? x - 9 : anchor === 'end' ? x - 2 * half : x - half;
    const hi = lo + 2 * half;
    const edges = rowsOfLane.get(m.lane) ?? [];
    let row = edges.findIndex((edge) => lo >= edge);
    if (row === -1) row = edges.length;
    edges[row] = hi;
    rowsOfLane.set(m.lane, edges);
    placed.push({ id: m.id, lane: m.lane, row, x, anchor });
  }

  const lanes: PlacedLane[] = [];
  let top = 8;
  for (const [index] of timeline.lanes.entries()) {
    const rows = Math.max(1, rowsOfLane.get(index)?.length ?? 0);
    const height = rows * o.rowHeight;
    lanes.push({ index, top, height, rows, y: top + 12 });
    top += height + o.laneGap;
  }
  const marks = placed.map((p) => ({ ...p, y: (lanes[p.lane]?.y ?? 0) + p.row * o.rowHeight }));
  const axisY = top + 4;
  return {
    width: o.width,
    height: axisY + 40,
    plotLeft,
    plotRight,
    axisY,
    segments,
    breaks,
    ticks: placeTicks(segments, breaks, plotLeft, plotRight, o),
    lanes,
    marks,
    todayX: xOf(scale, today),
  };
}
