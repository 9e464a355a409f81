// The log of the paths each commit changed (`git log -z --name-status --no-renames --format=@%H`):
// the cheap first look of the search for copies of a fix, which reads patches only of the commits
// that changed every file the fix changed.
import { isFullSha } from '../../core/sha';
import { parseNameStatusLog } from './nameStatus';

/** The header our format prints: `@<sha>`. */
export const TOUCHED_LOG_FORMAT = '--format=@%H';

function readHeader(text: string): string | null {
  const sha = text.startsWith('@') ? text.slice(1) : '';
  return isFullSha(sha) ? sha : null;
}

/** Each commit in the order listed, with the paths it changed. */
export function parseTouchedLog(text: string): { sha: string; paths: string[] }[] {
  const out: { sha: string; paths: string[] }[] = [];
  for (const group of parseNameStatusLog(text, (token) => readHeader(token) !== null)) {
    const sha = readHeader(group.header);
    if (sha !== null) out.push({ sha, paths: group.files.map((f) => f.path) });
  }
  return out;
}
