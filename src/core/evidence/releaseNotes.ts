// Release notes tell of a fix; they are not the fix. A project's release step consumes changelog
// fragments (towncrier's `changelog/12355.bugfix.rst`, changesets' `.changeset/*.md`, reno's
// `releasenotes/notes/*.yaml`, CPython's `Misc/NEWS.d/`) and rewrites CHANGELOG files and each
// release's notes file (Django's `docs/releases/4.2.7.txt`, edited at every release of its line): counting
// those lines would call nearly every released fix "modified" (pytest: every fix with a fragment).
import { isTestFile } from './testFiles';

/** Files of release notes (without a text extension): CHANGELOG, CHANGES-1.x, NEWS, HISTORY, RELEASE_NOTES, WHATSNEW. */
const NOTES_FILE = /^(change[-_ ]?log|changes|news|history|release[-_ ]?notes|whats[-_ ]?new)([-_ .]?(v?\d[\w.]*|old|unreleased))?$/i;
const TEXT_EXTENSION = /\.(md|markdown|rst|txt|adoc)$/i;
/** Folders of changelog fragments. */
const NOTES_DIR = /^(\.?change[-_ ]?logs?(\.d)?|\.?changes(\.d)?|\.changeset|news(\.d)?|newsfragments|change[-_]notes|release[-_]?notes|unreleased)$/i;
/** Folders of one notes file per release (Django's `docs/releases/4.2.7.txt`, git's `RelNotes/2.43.0.txt`, CPython's `whatsnew/3.12.rst`). */
const RELEASES_DIR = /^(releases|rel[-_]?notes|whats[-_]?new)$/i;
/** A release's notes file there: a version with a text extension (not `index.txt`, not code). */
const VERSION_NOTES = /^v?\d+(\.\d+)*([-.]?(a|b|rc|alpha|beta|post|dev)\d*)?\.(md|markdown|rst|txt|adoc)$/i;
/** What a fragment's name ends with: a text format, a towncrier type, or nothing. */
const FRAGMENT_END = /(^[^.]*|\.(md|markdown|rst|txt|adoc|ya?ml|feature|bugfix|bug|fix|doc|docs|removal|misc|breaking|deprecation|trivial|improvement|vendor|process|contrib|security|packaging|added|changed|fixed|removed|deprecated))(\.\d+)?$/i;

/** Whether `path` (as git names it, `/`-separated) is a file of release notes. */
export function isReleaseNote(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (NOTES_FILE.test(name.replace(TEXT_EXTENSION, ''))) return true;
  if (parts.length > 1 && RELEASES_DIR.test(parts[parts.length - 2] ?? '') && VERSION_NOTES.test(name)) return true;
  return parts.slice(0, -1).some((dir) => NOTES_DIR.test(dir)) && FRAGMENT_END.test(name);
}

/**
 * The files of a fix whose lines are measured: text files it added lines to, release notes aside,
 * and its tests aside when it changed anything else (a fix made only of tests is measured by them).
 */
export function filesToMeasure<F extends { path: string; binary: boolean; added: readonly unknown[] }>(files: readonly F[]): F[] {
  const text = files.filter((f) => !f.binary && f.added.length > 0 && !isReleaseNote(f.path));
  const code = text.filter((f) => !isTestFile(f.path));
  return code.length > 0 ? code : text;
}
