// From evidence to the timeline's marks and lanes: who is where, what each mark says in each
// language and audience, and that a plain reader never sees a commit id.
import * as assert from 'node:assert/strict';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { buildTimeline, MAX_RELEASES_PER_FIX } from '../../src/core/timeline/build';
import type { TimelineInput } from '../../src/core/timeline/build';
import type { Timeline } from '../../src/core/timeline/model';
import { VERDICTS } from '../../src/core/evidence/model';
import { commitFacts, fixEvidence, issue, SCENARIOS } from './replyFixtures';

const SHA_LIKE = /\b[0-9a-f]{7,40}\b/;

function build(evidence: IssueEvidence, overrides: Partial<TimelineInput> = {}): Timeline {
  return buildTimeline({
    evidence,
    issue: { ...issue('en'), replies: [{ date: '2026-11-22T10:00:00Z', verdict: evidence.verdict, language: 'en', text: '…' }] },
    language: 'en',
    audience: 'technical',
    perspective: 'user',
    today: '2026-11-23',
    tagDates: { 'v1.4.0': '2026-03-16T09:00:00+01:00', 'v1.5.0': '2026-05-02T09:00:00+02:00', 'v1.3.2': '2026-02-01T09:00:00+01:00' },
    deployedDate: '2026-05-02T09:00:00+02:00',
    ...overrides,
  });
}

/** Every word a reader sees: lane names, labels, facts and the verdict sentence. */
function allText(t: Timeline): string {
  return [t.sentence, ...t.lanes.map((l) => l.label), ...t.marks.flatMap((m) => [m.label, ...m.facts])].join('\n');
}

describe('timeline from the evidence', () => {
  it("puts the client's reports, replies and version on the client's lane, each fix on its own", () => {
    const t = build(SCENARIOS['fix-reverted-partly']!);
    assert.deepEqual(t.lanes.map((l) => l.id), ['client', `fix:${SCENARIOS['fix-reverted-partly']!.fixes[0]!.sha}`, `fix:${SCENARIOS['fix-reverted-partly']!.fixes[1]!.sha}`]);
    const lanesOf = (kind: string): number[] => [...new Set(t.marks.filter((m) => m.kind === kind).map((m) => m.lane))].sort();
    assert.deepEqual(lanesOf('report'), [0]);
    assert.deepEqual(lanesOf('reply'), [0]);
    assert.deepEqual(lanesOf('fix'), [1, 2]);
    assert.deepEqual(lanesOf('revert'), [2], 'the revert belongs to the fix it undid');
  });

  it('draws a line that never got the fix as an empty lane', () => {
    const t = build(SCENARIOS['fix-not-on-target']!);
    const empty = t.lanes.filter((l) => l.empty);
    assert.equal(empty.length, 1);
    assert.match(empty[0]!.label, /main: without the fix/);
    assert.match(t.lanes[1]!.label, /not on main/);
    assert.equal(build(SCENARIOS['fix-intact']!).lanes.filter((l) => l.empty).length, 0);
  });

  it('labels a fix made again on another release line as a counterpart, not as missing', () => {
    const evidence = SCENARIOS['fix-reverted-partly']!;
    const [onMain, other] = evidence.fixes;
    const backport = { ...other!, reachable: false, counterpartOf: [onMain!.sha] };
    const t = build({ ...evidence, fixes: [onMain!, backport] }, { audience: 'plain', perspective: 'client' });
    assert.deepEqual(t.lanes.map((l) => l.label), ['Client', 'Fix 1', 'Fix 2 (the same fix, on another release line)']);
    assert.equal(t.lanes.filter((l) => l.empty).length, 0);
    const missing = build({ ...evidence, fixes: [onMain!, { ...other!, reachable: false }] });
    assert.match(missing.lanes[2]!.label, /\(not on main\)$/);
  });

  it('labels a fix undone and replaced by a later fix as a first attempt, in both languages', () => {
    const evidence = SCENARIOS['fix-reverted-partly']!;
    const [attempt, replacement] = evidence.fixes;
    const fixes = [{ ...attempt!, supersededBy: [replacement!.sha] }, replacement!];
    assert.deepEqual(build({ ...evidence, fixes }, { audience: 'plain', perspective: 'client' }).lanes.map((l) => l.label), ['Client', 'Fix 1 (a first attempt, undone and replaced)', 'Fix 2']);
    assert.match(build({ ...evidence, fixes }, { audience: 'plain', perspective: 'client', language: 'es' }).lanes[1]!.label, /\(un primer intento, deshecho y sustituido\)$/);
  });

  it('draws the releases of a copy of the fix, each once', () => {
    const copy = { ...commitFacts('c0c0', 'Round invoice totals half-up (ACME-12)', '2026-04-01T10:00:00+02:00', true), how: 'patch-id' as const, tags: ['v1.5.0', 'v1.6.0'], firstTag: { name: 'v1.5.0', date: '2026-05-02T09:00:00+02:00' } };
    const evidence = { ...SCENARIOS['deployed-unknown']!, fixes: [fixEvidence({ tags: ['v1.4.0', 'v1.5.0'], equivalents: [copy] })] };
    const releases = build(evidence, { tagDates: { 'v1.4.0': '2026-03-16T09:00:00+01:00', 'v1.5.0': '2026-05-02T09:00:00+02:00', 'v1.6.0': '2026-06-02T09:00:00+02:00' } }).marks.filter((m) => m.kind === 'release');
    assert.deepEqual(releases.map((r) => r.label), ['v1.4.0', 'v1.5.0', 'v1.6.0']);
  });

  it('lists the releases of a fix earliest first, at most a few, counting the rest', () => {
    const tags = Array.from({ length: MAX_RELEASES_PER_FIX + 3 }, (_, i) => `v2.${i}.0`);
    const tagDates = Object.fromEntries(tags.map((name, i) => [name, new Date(Date.UTC(2026, 3, 20 - i)).toISOString()]));
    const evidence = { ...SCENARIOS['deployed-unknown']!, fixes: [fixEvidence({ tags, firstTag: { name: 'v2.8.0', date: tagDates['v2.8.0']! } })] };
    const releases = build(evidence, { tagDates }).marks.filter((m) => m.kind === 'release');
    assert.equal(releases.length, MAX_RELEASES_PER_FIX);
    assert.deepEqual(releases.map((r) => r.label), ['v2.8.0', 'v2.7.0', 'v2.6.0', 'v2.5.0', 'v2.4.0', 'v2.3.0']);
    assert.match(releases[0]!.facts[0]!, /^First release with the fix: v2\.8\.0$/);
    assert.match(releases[releases.length - 1]!.facts.join('\n'), /and 3 later releases with it/);
  });

  it('says which releases also hold the revert, and marks them', () => {
    const evidence = SCENARIOS['fix-reverted']!;
    const fix = evidence.fixes[0]!;
    const t = build(evidence, { releasesWithRevert: { [fix.sha]: ['v1.5.0'] } });
    const [first, second] = t.marks.filter((m) => m.kind === 'release');
    assert.equal(first!.lacksFix, false);
    assert.equal(second!.lacksFix, true);
    assert.match(second!.facts[0]!, /v1\.5\.0: it has the fix and also the change that undid it/);
  });

  it("marks the client's version red when it lacks the fix, and says so", () => {
    const deployed = build(SCENARIOS['fix-not-deployed']!).marks.find((m) => m.kind === 'deployed')!;
    assert.equal(deployed.lacksFix, true);
    assert.equal(deployed.label, 'v1.3.2');
    assert.match(deployed.facts[0]!, /does not include the fix/);
    const intact = build(SCENARIOS['fix-intact']!).marks.find((m) => m.kind === 'deployed')!;
    assert.equal(intact.lacksFix, false);
    assert.equal(build(SCENARIOS['fix-intact']!, { deployedDate: null }).marks.some((m) => m.kind === 'deployed'), false, 'no date, no mark');
  });

  it('marks the user\'s own changes "you"/"tú" in the panel and "mine"/"yo" on the client\'s page', () => {
    const evidence = SCENARIOS['fix-reverted']!;
    const label = (t: Timeline): string => t.marks.find((m) => m.kind === 'revert')!.label;
    assert.match(label(build(evidence)), /· you$/);
    assert.match(label(build(evidence, { language: 'es' })), /· tú$/);
    assert.match(label(build(evidence, { perspective: 'client', audience: 'plain' })), /^undone · mine$/);
    assert.match(label(build(evidence, { perspective: 'client', audience: 'plain', language: 'es' })), /^deshecha · yo$/);
    assert.equal(build(SCENARIOS['fix-reverted-by-others']!).marks.find((m) => m.kind === 'revert')!.mine, false);
  });

  for (const [name, evidence] of Object.entries(SCENARIOS)) {
    it(`${name}: a plain timeline holds no commit id, a technical one does`, () => {
      for (const language of ['en', 'es'] as const) {
        const plain = build(evidence, { audience: 'plain', perspective: 'client', language });
        assert.doesNotMatch(allText(plain), SHA_LIKE, `${language} plain`);
        assert.ok(plain.marks.every((m) => m.sha === undefined), 'a plain mark carries no sha');
        assert.doesNotMatch(allText(plain), /\bmain\b(?! version)/, 'no branch names for a plain reader');
        const technical = build(evidence, { language });
        if (evidence.fixes.length > 0) assert.match([allText(technical), ...technical.notes].join('\n'), SHA_LIKE);
      }
    });
  }

  it('says the verdict in one sentence in each language, naming who undid or changed the fix', () => {
    for (const verdict of VERDICTS) {
      const evidence = SCENARIOS[verdict]!;
      const en = build(evidence).sentence;
      const es = build(evidence, { language: 'es' }).sentence;
      assert.match(en, /^[A-Z].*\.$/, `${verdict}: ${en}`);
      assert.match(es, /^[A-ZÁÉÍÓÚ].*\.$/, `${verdict}: ${es}`);
      assert.notEqual(en, es);
    }
    assert.match(build(SCENARIOS['fix-reverted-by-others']!, { audience: 'plain', perspective: 'client' }).sentence, /^A change by Marc Vidal undid the fix on October 30, 2026, which would explain why the problem is back\.$/);
    assert.match(build(SCENARIOS['fix-reverted']!, { language: 'es' }).sentence, /^Deshiciste la corrección el 30 de octubre de 2026, lo que explicaría que el problema haya vuelto \(d00dd00\)\.$/);
    assert.match(build(SCENARIOS['fix-modified-by-others']!, { audience: 'plain', perspective: 'client' }).sentence, /Marc Vidal modified the fix on October 28, 2026\./);
    assert.match(build(SCENARIOS['fix-not-deployed']!, { audience: 'plain', perspective: 'client' }).sentence, /release v1\.4\.0, but not in the client's version \(v1\.3\.2\)/);
  });

  it('hides a branch name the client runs from a plain reader', () => {
    const evidence = { ...SCENARIOS['fix-not-deployed']!, deployed: { ref: 'production', sha: 'a'.repeat(40), containsFix: false } };
    const t = build(evidence, { audience: 'plain', perspective: 'client' });
    assert.doesNotMatch(allText(t), /production/);
    assert.equal(t.marks.find((m) => m.kind === 'deployed')!.label, 'installed');
  });

  it('puts the equivalents (cherry-picked copies) on their fix\'s lane', () => {
    const copy = { ...commitFacts('c0c0', 'Round invoice totals half-up (ACME-12)', '2026-04-01T10:00:00+02:00', true), how: 'patch-id' as const };
    const evidence = { ...SCENARIOS['deployed-unknown']!, fixes: [fixEvidence({ reachable: false, equivalents: [copy] })] };
    const t = build(evidence);
    const fixes = t.marks.filter((m) => m.kind === 'fix');
    assert.equal(fixes.length, 2);
    assert.ok(fixes.every((m) => m.lane === 1));
    assert.equal(t.lanes.filter((l) => l.empty).length, 0, 'a copy on the target is the fix on the target');
  });

  it('notes a linked commit git does not have for a technical reader, and keeps its id from a plain one', () => {
    const evidence = SCENARIOS['no-fix-linked-missing']!;
    assert.deepEqual(build(evidence).notes, ['The linked fix commit a1b2c3d is not in this repository: fetch it or correct the link.']);
    assert.deepEqual(build(evidence, { audience: 'plain', perspective: 'client' }).notes, []);
    assert.match(build(evidence, { language: 'es' }).notes[0]!, /^El commit de corrección vinculado a1b2c3d no está en este repositorio/);
  });

  it('skips marks without a usable date instead of drawing them at the epoch', () => {
    const t = build(SCENARIOS['fix-intact']!, { issue: { ...issue('en'), reports: [{ date: 'someday', words: 'x' }], replies: [] } });
    assert.equal(t.marks.filter((m) => m.kind === 'report').length, 0);
  });
  it('draws a change linked twice once: a cherry-pick with its original, a rebased copy', () => {
    const base = SCENARIOS['fix-intact']!;
    const original = base.fixes[0]!;
    const pick = fixEvidence({ sha: 'c'.repeat(40), reachable: false, equivalents: [{ ...original, how: 'patch-id' }] });
    const rebased = fixEvidence({ sha: 'd'.repeat(40), sameChangeAs: original.sha });
    const t = build({ ...base, fixes: [original, pick, rebased] });
    assert.deepEqual(t.lanes.filter((l) => l.id.startsWith('fix:')).map((l) => l.id), [`fix:${original.sha}`]);
  });
});
