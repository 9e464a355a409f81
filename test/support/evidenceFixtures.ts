// One builder for a fix's evidence in unit tests: a fix on the target, released nowhere, all lines
// intact; each test overrides what its case is about.
import type { FixEvidence } from '../../src/core/evidence/model';

export function fixEvidence(overrides: Partial<FixEvidence> = {}): FixEvidence {
  const sha = overrides.sha ?? 'f'.repeat(40);
  const survival = { ref: 'main', sha: 'a'.repeat(40), added: 2, intact: 2, modified: 0, removed: 0, files: [], changedBy: [], measuredFrom: sha };
  return {
    sha,
    subject: 'Fix',
    authorName: 'A',
    authorEmail: 'a@x',
    date: '2024-01-01T00:00:00Z',
    byMe: true,
    exists: true,
    linkedBy: 'message',
    authorDate: '2024-01-01T00:00:00Z',
    isMerge: false,
    reachable: true,
    equivalents: [],
    reachableDeployed: true,
    equivalentsDeployed: [],
    tags: [],
    firstTag: null,
    inDeployed: true,
    survival,
    survivalDeployed: survival,
    reverts: [],
    laterChanges: [],
    files: ['a.js'],
    ...overrides,
  };
}
