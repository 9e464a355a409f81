// The recorded deployed version resolved against a real repository, through the rule the extension
// and the CLI share: a version the client said that names a tag becomes the deployed version; one
// that names nothing git knows is a caveat, and the reply built on it acknowledges it.
import * as assert from 'node:assert/strict';
import { deployedRequest, recordedVersion } from '../../src/core/evidence/deployedVersion';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { buildReplyContext } from '../../src/core/reply/context';
import type { Client, Issue } from '../../src/core/store/model';
import { createGitPort } from '../../src/git/simpleGitPort';
import { lines, suiteRepos } from '../support/tempRepo';

const BASE = lines('line', 12);
const FIXED = BASE.replace('line 6\n', 'if (!cart) return 0;\n');

describe('the recorded deployed version on a real repository', function () {
  this.timeout(60000);
  const make = suiteRepos();
  let dir: string;
  let fix: string;
  const client: Client = { name: 'Northwind Books', prefix: 'NW', language: 'en' };
  const issueSaying = (version: string | undefined): Issue => ({
    schemaVersion: 1,
    id: 'NW-1',
    client: client.name,
    title: 'Basket emptied',
    words: 'The basket empties.',
    status: 'reopened',
    created: '2026-01-01',
    reports: [{ date: '2026-01-01', words: 'The basket empties.' }, { date: '2026-11-30', words: 'It is back.', ...(version !== undefined ? { version } : {}) }],
    fixes: [],
    replies: [],
  });
  const evidenceFor = async (issue: Issue, withClient: Client = client): Promise<IssueEvidence> =>
    computeEvidence(createGitPort(dir), {
      issueId: issue.id,
      ref: issue.id,
      fixes: [{ sha: fix, linkedBy: 'manual' }],
      ...deployedRequest(recordedVersion(withClient, issue)),
    });

  before(() => {
    const repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': BASE } });
    repo.tag('v1.0.0', { message: 'Release 1.0.0' });
    fix = repo.commit('Keep the basket\n\nFixes NW-1', { files: { 'src/cart.js': FIXED } });
    repo.tag('v1.1.0', { message: 'Release 1.1.0' });
    dir = repo.dir;
  });

  it('makes a version the client said that git knows their deployed version', async () => {
    const e = await evidenceFor(issueSaying('v1.0.0'));
    assert.equal(e.verdict, 'fix-not-deployed');
    assert.equal(e.deployed?.ref, 'v1.0.0');
    assert.equal(e.deployed?.containsFix, false);
    const newer = await evidenceFor(issueSaying('v1.1.0'));
    assert.equal(newer.verdict, 'fix-intact');
    assert.equal(newer.deployed?.ref, 'v1.1.0');
  });

  it('acknowledges a version git does not know instead of asking for it again', async () => {
    const issue = issueSaying('production');
    const e = await evidenceFor(issue);
    assert.equal(e.verdict, 'deployed-unknown');
    assert.equal(e.deployed, null);
    assert.deepEqual(e.caveats, [{ code: 'deployed-ref-unresolved', subjects: ['production'] }]);
    assert.equal(buildReplyContext({ evidence: e, language: 'en', client, issue }).versionSaid, 'production');
  });

  it("checks the client's own deployed ref, not the version said, when clients.json has one", async () => {
    const e = await evidenceFor(issueSaying('production'), { ...client, deployedRef: 'v1.1.0' });
    assert.equal(e.verdict, 'fix-intact');
    assert.equal(e.deployed?.ref, 'v1.1.0');
    assert.deepEqual(e.caveats, []);
  });
});
