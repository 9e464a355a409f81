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

  it('one notes file per release in a folder of them: Django, git, CPython', () => {
    // django/django #30769 added to docs/releases/1.11.25.txt, 2.1.13.txt and 2.2.6.txt: their
    // lines, edited at each release, made the fix "modified".
    for (const p of ['docs/releases/2.2.6.txt', 'docs/releases/5.0.txt', 'docs/releases/4.2rc1.txt', 'Documentation/RelNotes/2.43.0.txt', 'Doc/whatsnew/3.12.rst', 'releases/v1.2.md']) {
      assert.ok(isReleaseNote(p), p);
    }
    for (const p of ['docs/releases/index.txt', 'src/releases/2024.ts', 'app/releases/1.2.py', 'releases/service.js']) {
      assert.ok(!isReleaseNote(p), p);
    }
  });

  it('code never is, even named like notes or kept in a folder named like them', () => {
    for (const p of ['src/history.js', 'src/news.py', 'app/changes/handler.ts', 'news/models.py', 'lib/changelog.rb', 'src/ChangeLogParser.java', 'changelog/render.py', 'src/cart.js', 'README.md', 'docs/usage.rst', 'history/index.html']) {
      assert.ok(!isReleaseNote(p), p);
    }
  });
});
