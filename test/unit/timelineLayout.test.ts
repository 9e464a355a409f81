// The timeline's layout: a real time axis (later is further right, one scale everywhere), long quiet
// stretches cut out with a break of fixed width, one band per lane, overlapping marks on rows.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Timeline, TimelineMark } from '../../src/core/timeline/model';
import { timeOf } from '../../src/core/timeline/model';
import { busyStretches, DAY_MS, DEFAULT_LAYOUT, layoutTimeline, xOf } from '../../src/core/timeline/layout';

type Story = Pick<Timeline, 'marks' | 'lanes' | 'today'>;

function mark(id: string, date: string, lane = 0, label = id): TimelineMark {
  return { id, kind: 'fix', date, lane, label, facts: [] };
}

function story(marks: TimelineMark[], today: string, lanes = 1 + Math.max(0, ...marks.map((m) => m.lane))): Story {
  return { marks, today, lanes: Array.from({ length: lanes }, (_, i) => ({ id: `l${i}`, label: `lane ${i}`, empty: false })) };
}

const day = (iso: string): number => timeOf(iso);

describe('timeline layout', () => {
  describe('busy stretches', () => {
    it('splits at a gap longer than both the minimum and the share of the span, not at shorter ones', () => {
      const times = ['2024-01-01', '2024-01-10', '2024-01-20', '2025-06-01', '2025-06-05'].map(day);
      const out = busyStretches(times, DEFAULT_LAYOUT);
      assert.deepEqual(out, [{ from: day('2024-01-01'), to: day('2024-01-20') }, { from: day('2025-06-01'), to: day('2025-06-05') }]);
    });

    it('keeps monthly events of one year in one stretch', () => {
      const times = Array.from({ length: 12 }, (_, m) => Date.UTC(2025, m, 15));
      assert.equal(busyStretches(times, DEFAULT_LAYOUT).length, 1);
    });

    it('does not compress gaps under the minimum even in a long story', () => {
      const times = [day('2020-01-01'), day('2020-02-10'), day('2020-03-20')];
      assert.equal(busyStretches(times, { minQuietDays: 60, quietShare: 0.1 }).length, 1);
    });
  });

  describe('time axis', () => {
    it('draws a two-year history with two busy weeks as two stretches and one break of fixed width', () => {
      const marks = [mark('a', '2024-03-01'), mark('b', '2024-03-08'), mark('c', '2024-03-14'), mark('d', '2026-02-02'), mark('e', '2026-02-10')];
      const layout = layoutTimeline(story(marks, '2026-02-12'));
      assert.equal(layout.breaks.length, 1);
      const brk = layout.breaks[0]!;
      assert.equal(brk.width, DEFAULT_LAYOUT.breakWidth);
      assert.equal(brk.days, Math.round((day('2026-02-02') - day('2024-03-14')) / DAY_MS));
      const x = (id: string): number => layout.marks.find((m) => m.id === id)!.x;
      assert.ok(x('c') < brk.x && x('d') > brk.x + brk.width, 'the break sits between the two busy weeks');
      // Both weeks get real width: the story is readable at both ends.
      assert.ok(x('c') - x('a') > 100, `first week is ${x('c') - x('a')} px`);
      assert.ok(layout.todayX - x('d') > 50);
    });

    it('uses one scale for every stretch: a day is as wide in each', () => {
      const marks = [mark('a', '2024-01-01'), mark('b', '2024-01-11'), mark('c', '2025-01-01'), mark('d', '2025-01-11')];
      const layout = layoutTimeline(story(marks, '2025-01-11'));
      const x = (id: string): number => layout.marks.find((m) => m.id === id)!.x;
      assert.ok(Math.abs(x('b') - x('a') - (x('d') - x('c'))) < 0.5);
    });

    it('does not spread a story of a few days over the whole width', () => {
      const layout = layoutTimeline(story([mark('a', '2026-05-02'), mark('b', '2026-05-04')], '2026-05-05'));
      const span = layout.todayX - layout.marks.find((m) => m.id === 'a')!.x;
      assert.ok(span <= 3 * DEFAULT_LAYOUT.maxDayWidth + 0.5, `3 days drawn ${span} px wide`);
      assert.equal(layout.breaks.length, 0);
    });

    it('puts later dates further right, all inside the plot (property)', () => {
      const dateArb = fc.integer({ min: day('2019-01-01'), max: day('2027-12-31') }).map((t) => new Date(t).toISOString());
      fc.assert(
        fc.property(fc.array(dateArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 3 }), (dates, lanes) => {
          const marks = dates.map((d, i) => mark(`m${i}`, d, i % (lanes + 1)));
          const today = '2028-01-01';
          const layout = layoutTimeline(story(marks, today, lanes + 1));
          const placed = layout.marks.map((p) => ({ p, t: timeOf(marks.find((m) => m.id === p.id)!.date) })).sort((a, b) => a.t - b.t);
          for (let i = 1; i < placed.length; i++) assert.ok(placed[i]!.p.x >= placed[i - 1]!.p.x - 1e-6, 'x follows time');
          for (const { p } of placed) assert.ok(p.x >= layout.plotLeft && p.x <= layout.plotRight, `x ${p.x} outside the plot`);
          assert.ok(layout.todayX >= Math.max(...placed.map(({ p }) => p.x)) - 1e-6, 'today is last');
          for (let i = 1; i < layout.ticks.length; i++) assert.ok(layout.ticks[i]!.x - layout.ticks[i - 1]!.x >= DEFAULT_LAYOUT.minTickGap);
        }),
        { numRuns: 150 },
      );
    });

    it('puts a month tick under each busy stretch', () => {
      const marks = [mark('a', '2024-03-01'), mark('b', '2024-03-20'), mark('c', '2026-02-02')];
      const layout = layoutTimeline(story(marks, '2026-02-12'));
      for (const s of layout.segments) assert.ok(layout.ticks.some((t) => t.x >= s.x0 - DEFAULT_LAYOUT.padding && t.x <= s.x1 + DEFAULT_LAYOUT.padding), 'a stretch without a tick');
      assert.ok(layout.ticks.some((t) => t.time === Date.UTC(2024, 2, 1)));
    });

    it('maps a time inside a break to the middle of the break', () => {
      const layout = layoutTimeline(story([mark('a', '2024-01-01'), mark('b', '2026-01-01')], '2026-01-02'));
      const brk = layout.breaks[0]!;
      assert.equal(xOf(layout, day('2025-01-01')), brk.x + brk.width / 2);
    });
  });

  describe('lanes and overlapping marks', () => {
    it('gives each lane its own band, one after the other', () => {
      const layout = layoutTimeline(story([mark('a', '2026-01-01', 0), mark('b', '2026-01-02', 1), mark('c', '2026-01-03', 2)], '2026-01-04'));
      assert.equal(layout.lanes.length, 3);
      for (let i = 1; i < layout.lanes.length; i++) assert.ok(layout.lanes[i]!.top >= layout.lanes[i - 1]!.top + layout.lanes[i - 1]!.height);
      for (const m of layout.marks) {
        const lane = layout.lanes[m.lane]!;
        assert.ok(m.y >= lane.top && m.y <= lane.top + lane.height, `${m.id} is outside its lane`);
      }
      assert.ok(layout.axisY > layout.lanes[2]!.top + layout.lanes[2]!.height - 1);
    });

    it('puts marks of one day on separate rows, so none hides another, and grows the lane', () => {
      const marks = [mark('a', '2026-03-16', 1, 'v1.2.0'), mark('b', '2026-03-16', 1, 'v1.2.0-rc'), mark('c', '2026-03-16', 1, 'deployed'), mark('d', '2026-09-01', 1)];
      const layout = layoutTimeline(story(marks, '2026-09-02'));
      const rows = ['a', 'b', 'c'].map((id) => layout.marks.find((m) => m.id === id)!.row);
      assert.deepEqual([...new Set(rows)].sort(), [0, 1, 2]);
      assert.equal(layout.marks.find((m) => m.id === 'd')!.row, 0, 'a mark far away stays on the first row');
      assert.equal(layout.lanes[1]!.rows, 3);
      assert.equal(layout.lanes[1]!.height, 3 * DEFAULT_LAYOUT.rowHeight);
      assert.equal(layout.lanes[0]!.rows, 1, 'an empty lane keeps one row');
    });

    it('moves a mark to another row when only its label would overlap the previous one', () => {
      const marks = [mark('a', '2026-03-01', 0, 'a long label of a change'), mark('b', '2026-03-03', 0, 'another long label')];
      const layout = layoutTimeline(story(marks, '2026-03-31'));
      const [a, b] = ['a', 'b'].map((id) => layout.marks.find((m) => m.id === id)!);
      assert.ok(b!.x - a!.x < 100, 'the marks are close');
      assert.notEqual(a!.row, b!.row);
    });

    it('anchors labels at the edges inwards', () => {
      const layout = layoutTimeline(story([mark('first', '2026-01-01', 0, 'a label wide enough to overflow'), mark('last', '2026-02-10', 0, 'another label wide enough')], '2026-02-10'));
      assert.equal(layout.marks.find((m) => m.id === 'first')!.anchor, 'start');
      assert.equal(layout.marks.find((m) => m.id === 'last')!.anchor, 'end');
    });
  });
});
