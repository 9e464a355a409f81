// The log that follows one file (`git log -z --name-status --format=@%H %P -- <path>`): the first
// commit that renamed or deleted it, with the files that commit added.
import { isFullSha } from '../../core/sha';
import { parseNameStatusLog } from './nameStatus';

/** The header our format prints: `@<sha> [<parent>]`. */
export const FOLLOW_LOG_FORMAT = '--format=@%H %P';

export interface FollowStep {
  commit: string;
  parent: string | null;
  /** The path's own entry: R (renamed to `to`) or D (deleted). */
  status: 'R' | 'D';
  to: string | null;
  /** Files the commit added (candidates for an undetected rename). */
  added: string[];
}

function readHeader(text: string): { commit: string; parent: string | null } | null {
  if (!text.startsWith('@')) return null;
  const [commit = '', parent] = text.slice(1).split(' ');
  if (!isFullSha(commit) || (parent !== undefined && parent !== '' && !isFullSha(parent))) return null;
  return { commit, parent: parent ? parent : null };
}

/** The first commit (in the order listed) that renamed or deleted `path`, or null when none did. */
export function parseFollowLog(text: string, path: string): FollowStep | null {
  for (const group of parseNameStatusLog(text, (token) => readHeader(token) !== null)) {
    const header = readHeader(group.header);
    if (header === null) continue;
    const renamed = group.files.find((f) => f.status === 'R' && f.oldPath === path);
    const deleted = group.files.find((f) => f.status === 'D' && f.path === path);
    if (renamed === undefined && deleted === undefined) continue;
    const added = group.files.filter((f) => f.status === 'A' || f.status === 'C').map((f) => f.path);
    return renamed !== undefined ? { ...header, status: 'R', to: renamed.path, added } : { ...header, status: 'D', to: null, added };
  }
  return null;
}
