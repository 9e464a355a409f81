// The one rule for the version the evidence is checked against, shared by the extension and the CLI:
// the client's deployed ref first, else the version the client last said they run, never strict.
import * as assert from 'node:assert/strict';
import { deployedRequest, recordedVersion } from '../../src/core/evidence/deployedVersion';
import type { ClientReport } from '../../src/core/store/model';

const report = (date: string, version?: string): ClientReport => ({ date, words: 'It is back.', ...(version !== undefined ? { version } : {}) });

describe('the recorded deployed version', () => {
  it("takes the client's deployed ref before any version the client said", () => {
    assert.deepEqual(recordedVersion({ deployedRef: ' v1.2.0 ' }, { reports: [report('2026-11-30', 'production')] }), { ref: 'v1.2.0', from: 'client' });
  });

  it("takes the latest report's version when the client has no deployed ref, or a blank one", () => {
    const issue = { reports: [report('2026-11-30', ' v1.3.0 '), report('2026-01-02', 'v1.0.0')] };
    assert.deepEqual(recordedVersion({}, issue), { ref: 'v1.3.0', from: 'report' });
    assert.deepEqual(recordedVersion({ deployedRef: '  ' }, issue), { ref: 'v1.3.0', from: 'report' });
    assert.deepEqual(recordedVersion(undefined, issue), { ref: 'v1.3.0', from: 'report' });
  });

  it('names no version when the latest report names none, even if an older one did', () => {
    // The client last spoke without naming a version: an older one may no longer be what they run.
    assert.equal(recordedVersion({}, { reports: [report('2026-01-02', 'v1.0.0'), report('2026-11-30')] }), undefined);
    assert.equal(recordedVersion({}, { reports: [report('2026-11-30', ' ')] }), undefined);
    assert.equal(recordedVersion(undefined, undefined), undefined);
  });

  it('asks the engine for the version leniently, so one git does not know is a caveat, not a failure', () => {
    assert.deepEqual(deployedRequest({ ref: 'production', from: 'report' }), { deployed: 'production', deployedStrict: false });
    assert.deepEqual(deployedRequest({ ref: 'v1.2.0', from: 'client' }), { deployed: 'v1.2.0', deployedStrict: false });
    assert.deepEqual(deployedRequest(undefined), { deployed: null, deployedStrict: false });
  });
});
