// The one drawing of a timeline, as an SVG string: the VS Code panel hosts it and the proof page
// inlines it. Colours come from CSS classes whose custom properties each host sets (the editor's
// theme in the panel, a printable light palette on the page); every mark carries its facts in an
// SVG <title>, so hovering shows them with no script at all.
import type { MarkKind, Timeline, TimelineMark } from './model';
import type { PlacedMark, TimelineLayout } from './layout';
import { timelineWords } from './words';

export interface SvgOptions {
  /** Marks are focusable, and commit marks say they can be opened (the panel). */
  interactive: boolean;
}

/** For text and double-quoted attributes (the only quoting used here). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

const f = (n: number): string => String(Math.round(n * 10) / 10);

function shape(kind: MarkKind, x: number, y: number): string {
  switch (kind) {
    case 'report':
      return `<path class="shape" d="M${f(x - 7)} ${f(y - 6)}h14v10h-7l-4 4v-4h-3z"/>`;
    case 'fix':
      return `<circle class="shape" cx="${f(x)}" cy="${f(y)}" r="6.5"/>`;
    case 'release':
      return `<path class="shape" d="M${f(x)} ${f(y - 7.5)}l7.5 7.5l-7.5 7.5l-7.5-7.5z"/>`;
    case 'deployed':
      return `<path class="shape" d="M${f(x - 6.5)} ${f(y - 7)}h13v9l-6.5 5l-6.5-5z"/>`;
    case 'change':
      return `<path class="shape" d="M${f(x)} ${f(y - 7.5)}l7.5 13h-15z"/>`;
    case 'revert':
      return `<circle class="shape" cx="${f(x)}" cy="${f(y)}" r="7"/><path class="glyph" d="M${f(x - 3.5)} ${f(y - 3.5)}l7 7M${f(x + 3.5)} ${f(y - 3.5)}l-7 7"/>`;
    case 'reply':
      return `<path class="shape" d="M${f(x - 7)} ${f(y - 5)}h14v10h-14z"/><path class="glyph" d="M${f(x - 7)} ${f(y - 5)}l7 5.5l7-5.5"/>`;
  }
}

function markSvg(mark: TimelineMark, place: PlacedMark, laneY: number, dateText: string, options: SvgOptions): string {
  const classes = ['mark', `kind-${mark.kind}`, ...(mark.mine ? ['mine'] : []), ...(mark.lacksFix ? ['lacks'] : []), ...(mark.altered ? ['altered'] : [])].join(' ');
  const facts = [dateText, ...mark.facts].join('\n');
  const attrs = [
    `class="${classes}"`,
    ...(mark.sha !== undefined ? [`data-sha="${escapeXml(mark.sha)}"`] : []),
    // The <title> is the accessible name of the group, so it is not repeated in an aria-label.
    ...(options.interactive ? ['tabindex="0"', `role="${mark.sha !== undefined ? 'button' : 'img'}"`] : ['role="img"']),
  ];
  const connector = place.row > 0 ? `<line class="connector" x1="${f(place.x)}" y1="${f(laneY)}" x2="${f(place.x)}" y2="${f(place.y - 8)}"/>` : '';
  const label = `<text class="mark-label" x="${f(place.x)}" y="${f(place.y + 21)}" text-anchor="${place.anchor}">${escapeXml(mark.label)}</text>`;
  const ring = options.interactive ? `<circle class="focus-ring" cx="${f(place.x)}" cy="${f(place.y)}" r="11"/>` : '';
  return `<g ${attrs.join(' ')}><title>${escapeXml(facts)}</title>${connector}${ring}${shape(mark.kind, place.x, place.y)}${label}</g>`;
}

/** A lane's name in at most two lines of `max` characters (the second cut with an ellipsis). */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((x) => x !== '')) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0] as string, `${second.slice(0, Math.max(1, max - 1))}…`];
}

/** Horizontal pieces from `x0` to `x1` with the breaks left out. */
function piecesAround(layout: TimelineLayout, x0: number, x1: number): [number, number][] {
  const out: [number, number][] = [];
  let from = x0;
  for (const b of layout.breaks) {
    out.push([from, b.x]);
    from = b.x + b.width;
  }
  out.push([from, x1]);
  return out;
}

export function renderTimelineSvg(timeline: Timeline, layout: TimelineLayout, options: SvgOptions): string {
  const w = timelineWords(timeline.language);
  const locale = timeline.language;
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  // The author's own calendar day, as git recorded it, whatever the zone of the machine drawing it.
  const dateText = (iso: string): string => dayFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
  const parts: string[] = [];
  const { plotLeft, plotRight, axisY } = layout;

  for (const b of layout.breaks) {
    parts.push(`<rect class="break" x="${f(b.x)}" y="0" width="${f(b.width)}" height="${f(axisY)}"/>`);
  }
  for (const lane of layout.lanes) {
    const info = timeline.lanes[lane.index];
    if (info === undefined) continue;
    const lines = wrapLabel(info.label, Math.max(8, Math.floor((plotLeft - 16) / 6.6)));
    const spans = lines.map((line, i) => `<tspan x="8" dy="${i === 0 ? 0 : 14}">${escapeXml(line)}</tspan>`).join('');
    parts.push(`<text class="lane-label${info.empty ? ' empty' : ''}" x="8" y="${f(lane.y + 4)}">${spans}</text>`);
    for (const [a, b] of piecesAround(layout, plotLeft, plotRight)) {
      parts.push(`<line class="lane-line${info.empty ? ' empty' : ''}" x1="${f(a)}" y1="${f(lane.y)}" x2="${f(b)}" y2="${f(lane.y)}"/>`);
    }
  }
  // The axis, with a zigzag where a quiet stretch was cut out, and how long that stretch was.
  for (const [a, b] of piecesAround(layout, plotLeft, plotRight)) parts.push(`<line class="axis-line" x1="${f(a)}" y1="${f(axisY)}" x2="${f(b)}" y2="${f(axisY)}"/>`);
  for (const b of layout.breaks) {
    const step = b.width / 4;
    parts.push(`<path class="axis-break" d="M${f(b.x)} ${f(axisY)}l${f(step)} -5l${f(step)} 10l${f(step)} -10l${f(step)} 5"/>`);
    parts.push(`<text class="break-label" x="${f(b.x + b.width / 2)}" y="${f(axisY + 30)}" text-anchor="middle">${escapeXml(w.quiet(b.days))}</text>`);
  }
  for (const t of layout.ticks) {
    parts.push(`<line class="tick" x1="${f(t.x)}" y1="${f(axisY)}" x2="${f(t.x)}" y2="${f(axisY + 4)}"/><text class="tick-label" x="${f(t.x)}" y="${f(axisY + 16)}" text-anchor="middle">${escapeXml(month.format(new Date(t.time)))}</text>`);
  }
  parts.push(`<line class="today" x1="${f(layout.todayX)}" y1="0" x2="${f(layout.todayX)}" y2="${f(axisY)}"/>`);
  parts.push(`<text class="today-label" x="${f(layout.todayX - 3)}" y="${f(axisY - 4)}" text-anchor="end"><title>${escapeXml(dateText(timeline.today))}</title>${escapeXml(timeline.todayLabel)}</text>`);

  const byId = new Map(timeline.marks.map((m) => [m.id, m]));
  for (const place of layout.marks) {
    const mark = byId.get(place.id);
    const lane = layout.lanes[place.lane];
    if (mark === undefined || lane === undefined) continue;
    parts.push(markSvg(mark, place, lane.y, dateText(mark.date), options));
  }
  const label = escapeXml(timeline.sentence);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="pof-timeline" viewBox="0 0 ${layout.width} ${f(layout.height)}" width="${layout.width}" height="${f(layout.height)}" role="group" aria-label="${label}"><title>${label}</title>${parts.join('')}</svg>`;
}

/**
 * The drawing's style: every colour is a custom property with a light default, so the page needs
 * nothing more and the panel maps them to the editor's theme.
 */
export const TIMELINE_CSS = `
.pof-timeline { font-family: var(--pof-font, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: 12px; max-width: 100%; height: auto; }
.pof-timeline text { fill: var(--pof-fg, #1f2328); }
.pof-timeline .lane-label { font-weight: 600; }
.pof-timeline .lane-label.empty, .pof-timeline .break-label, .pof-timeline .tick-label { fill: var(--pof-muted, #59636e); }
.pof-timeline .lane-line { stroke: var(--pof-line, #b7bdc4); stroke-width: 2; }
.pof-timeline .lane-line.empty { stroke: var(--pof-bad, #c62828); stroke-dasharray: 6 5; }
.pof-timeline .axis-line, .pof-timeline .tick, .pof-timeline .axis-break { stroke: var(--pof-muted, #59636e); fill: none; }
.pof-timeline .break { fill: var(--pof-break, rgba(127, 127, 127, 0.12)); }
.pof-timeline .today { stroke: var(--pof-accent, #0b5cad); stroke-dasharray: 3 3; }
.pof-timeline .today-label { fill: var(--pof-accent, #0b5cad); font-weight: 600; }
.pof-timeline .connector { stroke: var(--pof-line, #b7bdc4); }
.pof-timeline .shape { stroke: var(--pof-bg, #ffffff); stroke-width: 1.5; }
.pof-timeline .glyph { stroke: var(--pof-bg, #ffffff); stroke-width: 1.6; fill: none; }
.pof-timeline .kind-report .shape, .pof-timeline .kind-deployed .shape { fill: var(--pof-client, #6a3fb5); }
.pof-timeline .kind-fix .shape { fill: var(--pof-good, #2e7d32); }
.pof-timeline .kind-release .shape { fill: var(--pof-release, #0b5cad); }
.pof-timeline .kind-change .shape { fill: var(--pof-warn, #b26a00); }
.pof-timeline .kind-revert .shape, .pof-timeline .lacks .shape { fill: var(--pof-bad, #c62828); }
.pof-timeline .kind-reply .shape { fill: var(--pof-muted, #59636e); }
.pof-timeline .altered .shape { fill: var(--pof-warn, #b26a00); }
.pof-timeline .mine .mark-label { font-weight: 700; }
.pof-timeline .lacks .mark-label { fill: var(--pof-bad, #c62828); font-weight: 600; }
.pof-timeline .focus-ring { fill: none; stroke: var(--pof-focus, #0b5cad); stroke-width: 2; visibility: hidden; }
.pof-timeline .mark:focus { outline: none; }
.pof-timeline .mark:focus .focus-ring, .pof-timeline .mark:hover .focus-ring { visibility: visible; }
.pof-timeline [data-sha][tabindex] { cursor: pointer; }
`;
