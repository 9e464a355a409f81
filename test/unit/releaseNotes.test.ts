import * as assert from 'node:assert/strict';
import { isReleaseNote } from '../../src/core/evidence/releaseNotes';

describe('release notes: files that tell of a fix, not the fix', () => {
  it('changelog files, in any case, with or without a text extension or a version', () => {
    for (const p of ['CHANGELOG.md', 'ChangeLog', 'CHANGES', 'CHANGES.rst', 'docs/HISTORY.rst', 'NEWS', 'NEWS.md', 'RELEASE_NOTES.md', 'release-notes.txt', 'WhatsNew.md', 'CHANGELOG-1.x.md', 'changelog.old', 'packages/ui/CHANGELOG.md']) {
      assert.ok(isReleaseNote(p), p);
    }
  });

  it('changelog fragments: towncrier, changesets, reno, NEWS.d, GitLab', () => {
    for (const p of ['changelog/12355.bugfix.rst', 'changelog/12355.bugfix', 'newsfragments/1234.feature', 'changes/88.misc.md', 'changelog.d/20240101_fix.md', '.changeset/brave-cats-sing.md', 'releasenotes/notes/fix-race-5f2a.yaml', 'Misc/NEWS.d/next/Library/2024-01-01-10-00-00.gh-issue-1.rst', 'changelogs/unreleased/fix-login.yml', 'changelog/12355.bugfix.1']) {
      assert.ok(isReleaseNote(p), p);
    }
  });

  it('code never is, even named like notes or kept in a folder named like them', () => {
    for (const p of ['src/history.js', 'src/news.py', 'app/changes/handler.ts', 'news/models.py', 'lib/changelog.rb', 'src/ChangeLogParser.java', 'changelog/render.py', 'src/cart.js', 'README.md', 'docs/usage.rst', 'history/index.html']) {
      assert.ok(!isReleaseNote(p), p);
    }
  });
});
