// Hand-built evidence for each verdict, shaped as the evidence engine reports it, and the client
// and issue records a reply is addressed with. Shared by the reply and tone tests.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CommitFacts, FixEvidence, IssueEvidence, Survival, Verdict } from '../../src/core/evidence/model';
import { buildReplyContext } from '../../src/core/reply/context';
import { renderReply } from '../../src/core/reply/render';
import { folderTemplateSource } from '../../src/core/reply/templateSource';
import type { Client, Issue } from '../../src/core/store/model';

const ME = 'dev@example.com';

function sha(seed: string): string {
  return (seed.repeat(40) + '0'.repeat(40)).slice(0, 40);
}

export function commitFacts(seed: string, subject: string, date: string, byMe: boolean, author = byMe ? 'Lucía Romero' : 'Marc Vidal'): CommitFacts {
  return { sha: sha(seed), subject, authorName: author, authorEmail: byMe ? ME : 'marc@acme.example', date, byMe };
}

function survival(ref: string, refSha: string, added: number, modified: number, removed: number, changedBy: Survival['changedBy'] = []): Survival {
  return {
    ref,
    sha: refSha,
    added,
    intact: added - modified - removed,
    modified,
    removed,
    files: [{ path: 'src/invoices/totals.ts', pathAtRef: 'src/invoices/totals.ts', binary: false, added, intact: added - modified - removed, modified, removed, lost: [] }],
    changedBy,
    measuredFrom: sha('a1b2c3d4'),
  };
}

export function fixEvidence(overrides: Partial<FixEvidence> = {}): FixEvidence {
  const base = commitFacts('a1b2c3d4', 'Round invoice totals half-up (ACME-12)', '2026-03-12T10:24:00+01:00', true);
  return {
    ...base,
    exists: true,
    linkedBy: 'message',
    authorDate: base.date,
    isMerge: false,
    reachable: true,
    equivalents: [],
    reachableDeployed: null,
    equivalentsDeployed: [],
    tags: ['v1.4.0', 'v1.5.0'],
    firstTag: { name: 'v1.4.0', date: '2026-03-16T09:00:00+01:00' },
    inDeployed: null,
    survival: survival('main', sha('9f'), 6, 0, 0),
    survivalDeployed: null,
    reverts: [],
    laterChanges: [],
    files: ['src/invoices/totals.ts'],
    ...overrides,
  };
}

function evidence(verdict: Verdict, overrides: Partial<IssueEvidence>): IssueEvidence {
  return {
    issueId: 'ACME-12',
    verdict,
    fixVerdicts: { [sha('a1b2c3d4')]: verdict },
    target: { ref: 'main', sha: sha('9f') },
    deployed: null,
    historyComplete: true,
    fixes: [fixEvidence()],
    mentions: [],
    caveats: [],
    me: [ME],
    computedAt: '2026-11-21T09:30:00Z',
    ...overrides,
  };
}

const DEPLOYED = { ref: 'v1.5.0', sha: sha('5e') };

/** One scenario per verdict, plus the other-author forms of the verdicts that tell authors apart. */
export const SCENARIOS: Record<string, IssueEvidence> = {
  'no-fix-linked': evidence('no-fix-linked', {
    fixes: [],
    mentions: [commitFacts('c0ffee', 'Log invoice totals before export (ACME-12)', '2026-02-02T16:00:00+01:00', true)],
  }),
  'fix-not-on-target': evidence('fix-not-on-target', {
    fixes: [fixEvidence({ reachable: false, tags: [], firstTag: null, survival: null })],
  }),
  'fix-reverted': evidence('fix-reverted', {
    fixes: [
      fixEvidence({
        reverts: [{ ...commitFacts('d00d', 'Revert "Round invoice totals half-up (ACME-12)"', '2026-10-30T18:05:00+01:00', true), how: 'message', reverts: sha('a1b2c3d4') }],
        survival: survival('main', sha('9f'), 6, 0, 6),
      }),
    ],
  }),
  'fix-reverted-by-others': evidence('fix-reverted', {
    fixes: [
      fixEvidence({
        reverts: [{ ...commitFacts('d00d', 'Revert "Round invoice totals half-up (ACME-12)"', '2026-10-30T18:05:00+01:00', false), how: 'message', reverts: sha('a1b2c3d4') }],
        survival: survival('main', sha('9f'), 6, 0, 6),
      }),
    ],
  }),
  // The client runs a version from before the fix, which was later undone on the target.
  'fix-reverted-not-in-client-version': evidence('fix-reverted', {
    deployed: { ref: 'v1.3.2', sha: sha('13'), containsFix: false },
    fixes: [
      fixEvidence({
        inDeployed: false,
        reachableDeployed: false,
        reverts: [{ ...commitFacts('d00d', 'Revert "Round invoice totals half-up (ACME-12)"', '2026-10-30T18:05:00+01:00', false), how: 'message', reverts: sha('a1b2c3d4') }],
        survival: survival('main', sha('9f'), 6, 0, 6),
      }),
    ],
  }),
  // Undone before any release had it: every release with the fix has the revert too.
  'fix-reverted-before-release': evidence('fix-reverted', {
    fixes: [
      fixEvidence({
        firstTagInEffect: null,
        reverts: [{ ...commitFacts('d00d', 'Revert "Round invoice totals half-up (ACME-12)"', '2026-03-14T18:05:00+01:00', false), how: 'message', reverts: sha('a1b2c3d4') }],
        survival: survival('main', sha('9f'), 6, 0, 6),
      }),
    ],
  }),
  'fix-reverted-partly': evidence('fix-reverted', {
    fixes: [
      fixEvidence(),
      fixEvidence({
        ...commitFacts('b7b7', 'Round totals in the PDF too (ACME-12)', '2026-03-13T09:10:00+01:00', true),
        authorDate: '2026-03-13T09:10:00+01:00',
        reverts: [{ ...commitFacts('d00d', 'Revert "Round totals in the PDF too (ACME-12)"', '2026-10-30T18:05:00+01:00', false), how: 'message', reverts: sha('b7b7') }],
        survival: survival('main', sha('9f'), 2, 0, 2),
      }),
    ],
  }),
  'fix-not-deployed': evidence('fix-not-deployed', {
    deployed: { ref: 'v1.3.2', sha: sha('13'), containsFix: false },
    fixes: [fixEvidence({ inDeployed: false, reachableDeployed: false })],
  }),
  // The client's line had its own copy of the fix, undone there; the target's fix is not in their version.
  'fix-not-deployed-copy-undone': evidence('fix-not-deployed', {
    deployed: { ref: 'v1.3.2', sha: sha('13'), containsFix: false },
    fixes: [
      fixEvidence({ inDeployed: false, reachableDeployed: false }),
      fixEvidence({
        ...commitFacts('b1b1', 'Round invoice totals half-up on 1.3 (ACME-12)', '2026-03-13T09:10:00+01:00', true),
        authorDate: '2026-03-13T09:10:00+01:00',
        reachable: false,
        tags: ['v1.3.1'],
        firstTag: { name: 'v1.3.1', date: '2026-03-14T09:00:00+01:00' },
        inDeployed: true,
        reachableDeployed: true,
        counterpartOf: [sha('a1b2c3d4')],
        survival: null,
        survivalDeployed: survival('v1.3.2', sha('13'), 6, 0, 6),
        reverts: [{ ...commitFacts('d00d', 'Revert "Round invoice totals half-up on 1.3 (ACME-12)"', '2026-10-30T18:05:00+01:00', false), how: 'message', reverts: sha('b1b1') }],
      }),
    ],
  }),
  'fix-modified': evidence('fix-modified', {
    deployed: { ...DEPLOYED, containsFix: true },
    fixes: [
      fixEvidence({
        inDeployed: true,
        reachableDeployed: true,
        survivalDeployed: survival('v1.5.0', DEPLOYED.sha, 6, 2, 1, [
          { ...commitFacts('e5e5', 'Speed up totals with a cached tax table', '2026-10-28T12:40:00+01:00', true), lines: 3, paths: ['src/invoices/totals.ts'] },
        ]),
      }),
    ],
  }),
  'fix-modified-by-others': evidence('fix-modified', {
    deployed: { ...DEPLOYED, containsFix: true },
    fixes: [
      fixEvidence({
        inDeployed: true,
        reachableDeployed: true,
        survivalDeployed: survival('v1.5.0', DEPLOYED.sha, 6, 2, 0, [
          { ...commitFacts('e5e5', 'Use the shop currency for rounding', '2026-10-28T12:40:00+01:00', false), lines: 2, paths: ['src/invoices/totals.ts'] },
        ]),
      }),
    ],
  }),
  'deployed-unknown': evidence('deployed-unknown', {}),
  'deployed-unknown-unreleased': evidence('deployed-unknown', {
    fixes: [fixEvidence({ tags: [], firstTag: null })],
  }),
  'deployed-unknown-version-said': evidence('deployed-unknown', {
    caveats: [{ code: 'deployed-ref-unresolved', subjects: ['producción'] }],
  }),
  'fix-not-deployed-unreleased': evidence('fix-not-deployed', {
    deployed: { ref: 'production', sha: sha('13'), containsFix: false },
    fixes: [fixEvidence({ inDeployed: false, reachableDeployed: false, tags: [], firstTag: null })],
  }),
  // First in a pre-release, then in a final release: the final one is named and proposed.
  'fix-not-deployed-prerelease': evidence('fix-not-deployed', {
    deployed: { ref: 'v1.3.2', sha: sha('13'), containsFix: false },
    fixes: [
      fixEvidence({
        inDeployed: false,
        reachableDeployed: false,
        tags: ['v1.4.0-rc.1', 'v1.4.0'],
        firstTag: { name: 'v1.4.0-rc.1', date: '2026-03-14T09:00:00+01:00' },
        firstFinalTag: { name: 'v1.4.0', date: '2026-03-16T09:00:00+01:00' },
      }),
    ],
  }),
  // Only in a pre-release: told as a preview version.
  'deployed-unknown-prerelease': evidence('deployed-unknown', {
    fixes: [fixEvidence({ tags: ['v1.4.0-rc.1'], firstTag: { name: 'v1.4.0-rc.1', date: '2026-03-14T09:00:00+01:00' }, firstFinalTag: null })],
  }),
  'fix-modified-several': evidence('fix-modified', {
    fixes: [
      fixEvidence({
        survival: survival('main', sha('9f'), 6, 2, 1, [
          { ...commitFacts('e5e5', 'Speed up totals with a cached tax table', '2026-10-28T12:40:00+01:00', true), lines: 1, paths: ['src/invoices/totals.ts'] },
          { ...commitFacts('e6e6', 'Use the shop currency for rounding', '2026-10-20T09:00:00+02:00', false), lines: 2, paths: ['src/invoices/totals.ts'] },
        ]),
      }),
      fixEvidence({
        ...commitFacts('b7b7', 'Round totals in the PDF too (ACME-12)', '2026-03-13T09:10:00+01:00', false),
        authorDate: '2026-03-13T09:10:00+01:00',
        files: ['src/pdf/invoicePdf.ts'],
        survival: survival('main', sha('9f'), 2, 0, 0),
      }),
    ],
  }),
  'fix-intact-counterpart': evidence('fix-intact', {
    deployed: { ...DEPLOYED, containsFix: true },
    fixes: [
      fixEvidence({ inDeployed: true, reachableDeployed: true, survivalDeployed: survival('v1.5.0', DEPLOYED.sha, 6, 0, 0) }),
      fixEvidence({
        ...commitFacts('c4c4', 'Round invoice totals half-up (ACME-12) [1.3 backport]', '2026-03-14T11:00:00+01:00', true),
        authorDate: '2026-03-14T11:00:00+01:00',
        reachable: false,
        tags: ['v1.3.3'],
        firstTag: { name: 'v1.3.3', date: '2026-03-18T09:00:00+01:00' },
        survival: null,
        counterpartOf: [sha('a1b2c3d4')],
      }),
    ],
  }),
  // The client runs the maintenance line, which got the target's fix as a copy released there: the
  // release told after the fix is the fix's own, and the client's line's is told as that line's.
  'fix-intact-client-line': evidence('fix-intact', {
    deployed: { ref: 'v1.3.3', sha: sha('c4c4'), containsFix: true },
    fixes: [
      fixEvidence({
        inDeployed: true,
        reachableDeployed: false,
        equivalentsDeployed: [
          {
            ...commitFacts('c4c4', 'Round invoice totals half-up (ACME-12)', '2026-03-12T10:24:00+01:00', true),
            how: 'patch-id',
            tags: ['v1.3.3'],
            firstTag: { name: 'v1.3.3', date: '2026-03-18T09:00:00+01:00' },
          },
        ],
        survivalDeployed: survival('v1.3.3', sha('c4c4'), 6, 0, 0),
      }),
    ],
  }),
  'no-fix-linked-missing': evidence('no-fix-linked', {
    fixes: [fixEvidence({ exists: false })],
    caveats: [{ code: 'fix-missing', subjects: [sha('a1b2c3d4')] }],
  }),
  'fix-intact': evidence('fix-intact', {
    deployed: { ...DEPLOYED, containsFix: true },
    fixes: [
      fixEvidence({
        inDeployed: true,
        reachableDeployed: true,
        survivalDeployed: survival('v1.5.0', DEPLOYED.sha, 6, 0, 0),
        laterChanges: [commitFacts('f00d', 'Show VAT breakdown on invoices', '2026-09-03T11:00:00+02:00', false)],
      }),
    ],
  }),
};

/** fix-intact in the client's version, with `modified` of its 6 lines changed on the target by me or someone else. */
export function changedOnTarget(modified: number, byMe: boolean): IssueEvidence {
  const base = SCENARIOS['fix-intact']!;
  const fix = base.fixes[0]!;
  const changedBy = [{ ...commitFacts('e7e7', 'Rework totals', '2026-10-01T10:00:00+02:00', byMe), lines: modified, paths: ['src/invoices/totals.ts'] }];
  return { ...base, fixes: [{ ...fix, laterChanges: [], survival: { ...fix.survival!, intact: 6 - modified, modified, changedBy } }] };
}

export function client(language: 'en' | 'es', register: 'usted' | 'tu' = 'usted'): Client {
  return {
    name: 'Acme',
    prefix: 'ACME',
    language,
    register,
    contactName: language === 'en' ? 'Sarah Collins' : 'Marta Giménez',
    deployedRef: 'v1.5.0',
    signature: 'Lucía Romero\nlucia@romero.dev',
  };
}

export function issue(language: 'en' | 'es'): Issue {
  return {
    schemaVersion: 1,
    id: 'ACME-12',
    client: 'Acme',
    title: language === 'en' ? 'Invoice totals off by one cent' : 'Totales de factura con un céntimo de diferencia',
    status: 'reopened',
    created: '2026-03-10',
    reports: [{ date: '2026-11-20', channel: 'email', words: '...' }],
    fixes: [],
    replies: [],
  };
}

export const REMOTE = 'git@github.com:romero-dev/acme-shop.git';

const TEMPLATES_ROOT = path.resolve(__dirname, '../../../templates');

/** A reply drafted from the built-in templates for the fixtures' client and issue, dates in UTC. */
export function renderFixtureReply(evidence: IssueEvidence, language: 'en' | 'es', audience: 'plain' | 'technical' = 'plain', register?: 'usted' | 'tu'): string {
  const rendered = renderReply(
    buildReplyContext({ evidence, language, ...(register === undefined ? {} : { register }), client: client(language, register), issue: issue(language), audience, timeZone: 'UTC' }),
    { builtin: folderTemplateSource(TEMPLATES_ROOT, language, 'builtin'), timeZone: 'UTC' },
  );
  assert.ok(rendered.ok, JSON.stringify(rendered));
  return rendered.text;
}
