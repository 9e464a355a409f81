// The proof page a user attaches to a reply: one self-contained HTML file (the timeline as inline
// SVG, the facts as a short list in the client's language, the exact commits in a small technical
// section), with no script and nothing fetched from anywhere, printable to PDF from any browser.
import type { CommitFacts, IssueEvidence } from '../evidence/model';
import { formatDate } from '../reply/format';
import type { Timeline } from './model';
import { timeOf } from './model';
import { shownChanges } from './build';
import type { LayoutOptions } from './layout';
import { layoutTimeline } from './layout';
import { escapeXml, renderTimelineSvg, TIMELINE_CSS } from './svg';
import { timelineWords } from './words';

/** The largest page the proof page may be: it goes into an email. */
export const MAX_PAGE_BYTES = 300 * 1024;

export interface ProofPageInput {
  timeline: Timeline;
  evidence: IssueEvidence;
  /** YYYY-MM-DD the evidence was checked on. */
  checkedOn: string;
  layout?: Partial<LayoutOptions>;
}

const PAGE_CSS = `
:root { color-scheme: light; }
body { margin: 2rem auto; max-width: 62rem; padding: 0 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.issue { margin: 0 0 1rem; color: #59636e; }
.verdict { font-size: 1.15rem; font-weight: 600; border-left: 4px solid #0b5cad; padding: .4rem .8rem; background: #f3f7fc; }
figure { margin: 1.25rem 0; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #59636e; }
ol.facts { padding-left: 1.4rem; }
ol.facts li { margin: .2rem 0; }
ol.facts time { font-variant-numeric: tabular-nums; color: #59636e; margin-right: .4rem; }
.technical { margin-top: 2rem; font-size: .8rem; color: #424a53; border-top: 1px solid #d0d7de; }
.technical h2 { font-size: .95rem; }
.technical table { border-collapse: collapse; width: 100%; }
.technical td, .technical th { text-align: left; vertical-align: top; padding: .15rem .5rem .15rem 0; }
.technical code { font: .78rem ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: break-all; }
footer { margin-top: 1.5rem; font-size: .8rem; color: #59636e; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  .verdict { background: none; }
  figure, tr, li { break-inside: avoid; }
}
`;

interface TechnicalRow {
  what: string;
  commit: CommitFacts;
}

const TECH_WORDS = {
  en: { fix: 'fix', copy: 'copy of the fix', revert: 'revert', change: 'later change', kind: 'what', commit: 'commit', date: 'date', author: 'author', subject: 'subject', releases: 'releases with the fix' },
  es: { fix: 'corrección', copy: 'copia de la corrección', revert: 'reversión', change: 'cambio posterior', kind: 'qué', commit: 'commit', date: 'fecha', author: 'autor', subject: 'asunto', releases: 'versiones con la corrección' },
} as const;

function technicalSection(input: ProofPageInput): string {
  const { evidence, timeline } = input;
  const w = timelineWords(timeline.language);
  const t = TECH_WORDS[timeline.language];
  const rows: TechnicalRow[] = [];
  const releases: string[] = [];
  const notes: string[] = [];
  for (const fix of evidence.fixes.filter((x) => x.exists)) {
    rows.push({ what: t.fix, commit: fix });
    for (const copy of fix.equivalents) rows.push({ what: t.copy, commit: copy });
    const { shown, hidden } = shownChanges(fix);
    for (const change of shown) rows.push({ what: change.role === 'revert' ? t.revert : t.change, commit: change.commit });
    if (hidden > 0) notes.push(`${fix.sha.slice(0, 12)}: ${w.moreChanges(hidden)}`);
    if (fix.tags.length > 0) releases.push(`${fix.sha.slice(0, 12)}: ${fix.tags.join(', ')}`);
  }
  const cell = (text: string, code = false): string => `<td>${code ? `<code>${escapeXml(text)}</code>` : escapeXml(text)}</td>`;
  const body = rows
    .map((r) => `<tr>${cell(r.what)}${cell(r.commit.sha, true)}${cell(r.commit.date.slice(0, 10))}${cell(`${r.commit.authorName} <${r.commit.authorEmail}>`)}${cell(r.commit.subject)}</tr>`)
    .join('');
  const refs = [
    w.page.target(evidence.target.ref, evidence.target.sha),
    ...(evidence.deployed ? [w.page.deployed(evidence.deployed.ref, evidence.deployed.sha)] : []),
    ...releases.map((r) => `${t.releases}: ${r}`),
    ...notes,
  ];
  return `<section class="technical"><h2>${escapeXml(w.page.technical)}</h2><p>${escapeXml(w.page.technicalIntro)}</p>`
    + `<ul>${refs.map((r) => `<li><code>${escapeXml(r)}</code></li>`).join('')}</ul>`
    + (rows.length > 0 ? `<table><thead><tr><th>${t.kind}</th><th>${t.commit}</th><th>${t.date}</th><th>${t.author}</th><th>${t.subject}</th></tr></thead><tbody>${body}</tbody></table>` : '')
    + '</section>';
}

export function renderProofPage(input: ProofPageInput): string {
  const { timeline } = input;
  const w = timelineWords(timeline.language);
  const day = (iso: string): string => formatDate(iso.slice(0, 10), { locale: timeline.language });
  const layout = layoutTimeline(timeline, input.layout);
  const svg = renderTimelineSvg(timeline, layout, { interactive: false });
  const facts = [...timeline.marks]
    .sort((a, b) => timeOf(a.date) - timeOf(b.date) || a.lane - b.lane)
    .map((m) => `<li><time datetime="${escapeXml(m.date.slice(0, 10))}">${escapeXml(day(m.date))}</time>${escapeXml(m.facts[0] ?? m.label)}</li>`)
    .join('');
  const title = w.page.title(timeline.issueId);
  const caption = [w.page.legend, ...(layout.breaks.length > 0 ? [w.page.compressed] : [])].join(' ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${timeline.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // The page never needs anything from elsewhere; the policy says so to any browser that opens it.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeXml(timeline.title === null ? title : `${title} — ${timeline.title}`)}</title>`,
    `<style>${PAGE_CSS}${TIMELINE_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeXml(title)}</h1>`,
    ...(timeline.title !== null ? [`<p class="issue">${escapeXml(timeline.title)}</p>`] : []),
    `<p class="verdict">${escapeXml(timeline.sentence)}</p>`,
    `<figure>${svg}<figcaption>${escapeXml(caption)}</figcaption></figure>`,
    `<h2>${escapeXml(w.page.facts)}</h2>`,
    `<ol class="facts">${facts}<li><time datetime="${escapeXml(timeline.today)}">${escapeXml(day(timeline.today))}</time>${escapeXml(capitalize(w.today))}</li></ol>`,
    '</main>',
    technicalSection(input),
    `<footer>${escapeXml(w.page.generated(day(input.checkedOn)))}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
