// `git blame --porcelain`: which commit last brought each line, with the commits' facts.
import { isoFromEpoch } from '../../core/commitRecord';
import type { BlameCommitInfo, BlameEntry, BlameResult } from '../../core/gitPort';
import { isFullSha } from '../../core/sha';
import { unquotePath } from './diff';

function emailOf(mail: string): string {
  return mail.replace(/^<|>$/g, '');
}

// `<sha> <orig line> <final line> [<lines in group>]`; the sha is checked by the sha module.
const BLAME_HEADER = /^(\S+) (\d+) (\d+)(?: (\d+))?$/;

/** `git blame --porcelain` output. A truncated last group yields the lines read so far. */
export function parseBlamePorcelain(text: string): BlameResult {
  const lines: BlameEntry[] = [];
  const commits = new Map<string, BlameCommitInfo>();
  const paths = new Map<string, string>();
  let current: { sha: string; orig: number; final: number } | null = null;
  let info: BlameCommitInfo | null = null;
  let authorTime = '';
  for (const line of text.split('\n')) {
    if (current === null) {
      const h = BLAME_HEADER.exec(line);
      if (h === null || !isFullSha(h[1] as string)) continue;
      current = { sha: h[1] as string, orig: Number(h[2]), final: Number(h[3]) };
      info = commits.get(current.sha) ?? null;
      if (info === null) {
        info = { sha: current.sha, authorName: '', authorEmail: '', date: '', subject: '', boundary: false };
        commits.set(current.sha, info);
      }
      continue;
    }
    if (line.startsWith('\t')) {
      lines.push({ sha: current.sha, origLine: current.orig, finalLine: current.final, origPath: paths.get(current.sha) ?? '' });
      current = null;
      continue;
    }
    if (info === null) continue;
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    switch (key) {
      case 'author':
        info.authorName = value;
        break;
      case 'author-mail':
        info.authorEmail = emailOf(value);
        break;
      case 'author-time':
        authorTime = value;
        break;
      case 'author-tz':
        info.date = isoFromEpoch(authorTime, value);
        break;
      case 'summary':
        info.subject = value;
        break;
      case 'boundary':
        info.boundary = true;
        break;
      case 'filename':
        paths.set(current.sha, unquotePath(value));
        break;
      default:
        break;
    }
  }
  return { lines, commits };
}
