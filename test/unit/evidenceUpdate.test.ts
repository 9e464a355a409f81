// The update proposed to a client whose version lacks the fix: the smallest step that brings it.
import * as assert from 'node:assert/strict';
import { firstUpdate } from '../../src/core/evidence/updates';
import { isPreRelease } from '../../src/core/evidence/versions';
import { fixEvidence } from '../support/evidenceFixtures';

const tag = (name: string, date: string): { name: string; date: string } => ({ name, date });

describe('evidence: the smallest update', () => {
  it('tells pre-release and development tags from releases', () => {
    for (const n of ['7.4-rc1', '8.0.0rc1', '8.4.0.dev0', 'v1.0.0-beta.2', '2.0b1', '1.0.0-alpha', 'v3.0.0-rc.1', 'rc-8_22_0-1', 'curl-7_6_1-pre1', 'curl-7_15_6-prepipeline', '3.0.0-alpha1+compat', '1.0.0-rc.1+build.5']) assert.ok(isPreRelease(n), n);
    for (const n of ['v2.0', '7.2.5', '1.0.10', 'release-2024.1', 'v1.2.3-lts', 'curl-8_4_0', 'curl-7_88_1', '1.8.3+1', '1.0.0+20130313144700']) assert.ok(!isPreRelease(n), n);
  });

  it('a patch release on the client\'s line before a newer line\'s release, even one that came out first', () => {
    const fix = fixEvidence({ tags: ['1.0.1', '2.0'], inDeployed: false });
    const update = firstUpdate([fix], [tag('2.0', '2025-03-01T00:00:00Z'), tag('1.0.1', '2025-03-10T00:00:00Z')]);
    assert.equal(update?.name, '1.0.1');
  });

  it('a release before a pre-release of a lower version; a pre-release when it is all there is', () => {
    const fix = fixEvidence({ tags: ['2.0.0rc1', '2.0.0', '2.1.0'], inDeployed: false });
    assert.equal(firstUpdate([fix], [tag('2.0.0rc1', '2025-01-01T00:00:00Z'), tag('2.1.0', '2025-03-01T00:00:00Z'), tag('2.0.0', '2025-02-01T00:00:00Z')])?.name, '2.0.0');
    assert.equal(firstUpdate([fix], [tag('2.0.0rc1', '2025-01-01T00:00:00Z')])?.name, '2.0.0rc1');
  });

  it('a merge that only brought another linked fix in is not a piece the update must also hold', () => {
    const fix = fixEvidence({ sha: 'a'.repeat(40), tags: ['1.0.1', '2.0'], inDeployed: false });
    const merge = fixEvidence({ sha: 'b'.repeat(40), tags: ['2.0'], isMerge: true, mergeOf: ['a'.repeat(40)], inDeployed: false });
    assert.equal(firstUpdate([fix, merge], [tag('1.0.1', '2025-03-10T00:00:00Z'), tag('2.0', '2025-03-01T00:00:00Z')])?.name, '1.0.1');
  });

  it('a release tagged twice under two numberings: the one numbered after the client\'s version and spelled as it is', () => {
    // prometheus tags each release twice on one commit: v3.3.0 and its Go module twin v0.303.0.
    const fix = fixEvidence({ tags: ['v0.303.0', 'v3.3.0', 'v0.304.0', 'v3.4.0'], inDeployed: false });
    const releases = [tag('v0.303.0', '2025-04-15T13:30:05Z'), tag('v3.3.0', '2025-04-15T13:29:42Z'), tag('v0.304.0', '2025-05-17T07:29:09Z'), tag('v3.4.0', '2025-05-17T06:48:57Z')];
    assert.equal(firstUpdate([fix], releases, 'v3.2.1')?.name, 'v3.3.0');
    assert.equal(firstUpdate([fix], releases, 'v0.302.1')?.name, 'v0.303.0');
    // Monorepo tags: the client's package's spelling, not another package's lower number.
    const pkg = fixEvidence({ tags: ['create-app@1.0.4', 'app@5.0.3'], inDeployed: false });
    assert.equal(firstUpdate([pkg], [tag('create-app@1.0.4', '2025-01-02T00:00:00Z'), tag('app@5.0.3', '2025-01-02T00:00:00Z')], 'app@5.0.2')?.name, 'app@5.0.3');
    // A client on a branch or a commit: the lowest release, as before.
    assert.equal(firstUpdate([fix], releases, 'release-line')?.name, 'v0.303.0');
    assert.equal(firstUpdate([fix], releases, '804c49d')?.name, 'v0.303.0');
  });
});
