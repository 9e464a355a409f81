// The one SVG renderer and the proof page built on it: facts in <title>s, escaping, focusable marks
// only where they can be used, breaks drawn, a page with no script and nothing external, under
// 300 KB even for a long history, with commit ids only in its technical section for a plain reader.
import * as assert from 'node:assert/strict';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { buildTimeline } from '../../src/core/timeline/build';
import type { TimelineInput } from '../../src/core/timeline/build';
import { layoutTimeline } from '../../src/core/timeline/layout';
import { MAX_PAGE_BYTES, renderProofPage } from '../../src/core/timeline/page';
import { renderTimelineSvg, wrapLabel } from '../../src/core/timeline/svg';
import { commitFacts, fixEvidence, issue, SCENARIOS } from './replyFixtures';

function input(evidence: IssueEvidence, overrides: Partial<TimelineInput> = {}): TimelineInput {
  return {
    evidence,
    issue: { ...issue('en'), reports: [{ date: '2026-03-01', channel: 'email', words: 'Totals <b>wrong</b> & "odd"' }, { date: '2026-11-20', words: 'back' }] },
    language: 'en',
    audience: 'technical',
    perspective: 'user',
    today: '2026-11-23',
    tagDates: { 'v1.4.0': '2026-03-16T09:00:00+01:00', 'v1.5.0': '2026-05-02T09:00:00+02:00' },
    deployedDate: '2026-05-02T09:00:00+02:00',
    ...overrides,
  };
}

function svgOf(evidence: IssueEvidence, interactive: boolean, overrides: Partial<TimelineInput> = {}): string {
  const timeline = buildTimeline(input(evidence, overrides));
  return renderTimelineSvg(timeline, layoutTimeline(timeline), { interactive });
}

const count = (text: string, re: RegExp): number => (text.match(new RegExp(re.source, 'g')) ?? []).length;

describe('timeline SVG', () => {
  it('draws one group per mark, each with its facts in a <title>', () => {
    const timeline = buildTimeline(input(SCENARIOS['fix-reverted']!));
    const svg = renderTimelineSvg(timeline, layoutTimeline(timeline), { interactive: false });
    assert.equal(count(svg, /<g class="mark /), timeline.marks.length);
    const revert = /<g class="mark kind-revert mine"[^>]*><title>([^<]*)<\/title>/.exec(svg);
    assert.ok(revert, 'no revert mark');
    assert.match(revert[1]!, /^Oct 30, 2026\nYour change undid the fix\nd00dd00 “Revert &quot;Round invoice totals/);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="group" aria-label="You undid the fix on October 30, 2026/);
  });

  it('escapes what the client and commit authors wrote', () => {
    const svg = svgOf(SCENARIOS['fix-intact']!, false);
    assert.doesNotMatch(svg, /<b>/);
    assert.match(svg, /“Totals &lt;b&gt;wrong&lt;\/b&gt; &amp; &quot;odd&quot;”/);
  });

  it('makes marks focusable and commits openable only when interactive', () => {
    const panel = svgOf(SCENARIOS['fix-modified']!, true);
    const page = svgOf(SCENARIOS['fix-modified']!, false);
    assert.ok(count(panel, /tabindex="0"/) > 0);
    assert.equal(count(panel, /tabindex="0"/), count(panel, /<g class="mark /));
    assert.match(panel, /data-sha="a1b2c3d4[0-9a-f]{32}"[^>]*role="button"/);
    assert.equal(count(page, /tabindex/), 0);
  });

  it('draws a break with how long the quiet stretch was', () => {
    const svg = svgOf(SCENARIOS['fix-reverted']!, false, { issue: { ...issue('en'), reports: [{ date: '2024-01-10', words: 'x' }], replies: [] } });
    assert.match(svg, /<rect class="break"/);
    assert.match(svg, /<path class="axis-break"/);
    assert.match(svg, /class="break-label"[^>]*>\d+ months</);
  });

  it('wraps a long lane name on two lines and cuts a third', () => {
    assert.deepEqual(wrapLabel('Fix 2 (not in the main version)', 20), ['Fix 2 (not in the', 'main version)']);
    const cut = wrapLabel('one two three four five six seven eight nine ten eleven', 12);
    assert.equal(cut.length, 2);
    assert.match(cut[1]!, /…$/);
    assert.ok(cut[1]!.length <= 12);
  });
});

describe('proof page', () => {
  const page = (evidence: IssueEvidence, overrides: Partial<TimelineInput> = {}): string => {
    const timeline = buildTimeline(input(evidence, { audience: 'plain', perspective: 'client', ...overrides }));
    return renderProofPage({ timeline, evidence, checkedOn: '2026-11-23' });
  };

  it('has no script, no external resource, and a policy that forbids both', () => {
    for (const evidence of Object.values(SCENARIOS)) {
      const html = page(evidence);
      assert.doesNotMatch(html, /<script|javascript:|\bon[a-z]+=/i);
      assert.doesNotMatch(html, /\b(src|href)=|url\(|@import/i);
      // The only URL is the SVG namespace, which is a name and is never fetched.
      assert.deepEqual(html.match(/https?:\/\/[^\s"')]+/g), ['http://www.w3.org/2000/svg']);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    }
  });

  it('keeps commit ids out of the main text for a plain reader and lists them in the technical section', () => {
    const evidence = SCENARIOS['fix-reverted-by-others']!;
    const html = page(evidence, { language: 'es' });
    const [main, technical] = html.split('<section class="technical">');
    assert.ok(technical, 'no technical section');
    assert.doesNotMatch(main!, /\b[0-9a-f]{7,40}\b/);
    for (const sha of [evidence.fixes[0]!.sha, evidence.fixes[0]!.reverts[0]!.sha]) assert.ok(technical.includes(sha), `${sha} missing`);
    assert.match(html, /<html lang="es">/);
    assert.match(main!, /<p class="verdict">Un cambio de Marc Vidal deshizo la corrección el 30 de octubre de 2026, lo que explicaría que el problema haya vuelto\.<\/p>/);
  });

  it('lists the facts in date order, ending today', () => {
    const html = page(SCENARIOS['fix-reverted']!);
    const dates = [...html.matchAll(/<li><time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]!);
    assert.ok(dates.length >= 5);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(dates[dates.length - 1], '2026-11-23');
  });

  it('stays under 300 KB for a long history with many fixes and changes', () => {
    const many = Array.from({ length: 8 }, (_, f) =>
      fixEvidence({
        ...commitFacts(`${f}a`, `Fix part ${f} of the totals (ACME-12)`, new Date(Date.UTC(2020, f * 3, 1)).toISOString(), f % 2 === 0),
        tags: Array.from({ length: 30 }, (_, i) => `v${f}.${i}.0`),
        laterChanges: Array.from({ length: 60 }, (_, i) => commitFacts(`${f}c${i}`, `Change ${i} to the totals code, with a long subject that goes on and on`, new Date(Date.UTC(2021, f, i + 1)).toISOString(), i % 3 === 0)),
      }),
    );
    const evidence: IssueEvidence = { ...SCENARIOS['fix-modified']!, fixes: many, fixVerdicts: {} };
    const tagDates = Object.fromEntries(many.flatMap((f, fi) => f.tags.map((t, i) => [t, new Date(Date.UTC(2020 + (i % 5), fi, 10)).toISOString()])));
    const html = page(evidence, { tagDates, audience: 'technical' });
    assert.ok(Buffer.byteLength(html) < MAX_PAGE_BYTES, `${Buffer.byteLength(html)} bytes`);
    assert.ok(Buffer.byteLength(html) > 50_000, 'the history was not drawn');
  });
});
