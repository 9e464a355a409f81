// Release notes tell of a fix; they are not the fix. A project's release step consumes changelog
// fragments (towncrier's `changelog/12355.bugfix.rst`, changesets' `.changeset/*.md`, reno's
// `releasenotes/notes/*.yaml`, CPython's `Misc/NEWS.d/`) and rewrites CHANGELOG files: counting
// those lines would call nearly every released fix "modified" (pytest: every fix with a fragment).

/** Files of release notes (without a text extension): CHANGELOG, CHANGES-1.x, NEWS, HISTORY, RELEASE_NOTES, WHATSNEW. */
const NOTES_FILE = /^(change[-_ ]?log|changes|news|history|release[-_ ]?notes|whats[-_ ]?new)([-_ .]?(v?\d[\w.]*|old|unreleased))?$/i;
const TEXT_EXTENSION = /\.(md|markdown|rst|txt|adoc)$/i;
/** Folders of changelog fragments. */
const NOTES_DIR = /^(\.?change[-_ ]?logs?(\.d)?|\.?changes(\.d)?|\.changeset|news(\.d)?|newsfragments|change[-_]notes|release[-_]?notes|unreleased)$/i;
/** What a fragment's name ends with: a text format, a towncrier type, or nothing. */
const FRAGMENT_END = /(^[^.]*|\.(md|markdown|rst|txt|adoc|ya?ml|feature|bugfix|bug|fix|doc|docs|removal|misc|breaking|deprecation|trivial|improvement|vendor|process|contrib|security|packaging|added|changed|fixed|removed|deprecated))(\.\d+)?$/i;

/** Whether `path` (as git names it, `/`-separated) is a file of release notes. */
export function isReleaseNote(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (NOTES_FILE.test(name.replace(TEXT_EXTENSION, ''))) return true;
  return parts.slice(0, -1).some((dir) => NOTES_DIR.test(dir)) && FRAGMENT_END.test(name);
}
