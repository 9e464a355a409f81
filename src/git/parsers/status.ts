// `git status --porcelain=v2 -z`: the paths with staged or unstaged changes.

/**
 * `git status --porcelain=v2 -z` output: the paths with staged or unstaged changes (both names of a
 * rename). Header lines (`# branch...`) and untracked/ignored entries are skipped.
 */
export function parseStatusV2(text: string): string[] {
  const out: string[] = [];
  const entries = text.split('\0');
  const after = (entry: string, spaces: number): string | null => {
    let at = -1;
    for (let i = 0; i < spaces; i++) {
      at = entry.indexOf(' ', at + 1);
      if (at < 0) return null;
    }
    return entry.slice(at + 1);
  };
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    const kind = entry.slice(0, 2);
    const path = kind === '1 ' ? after(entry, 8) : kind === '2 ' ? after(entry, 9) : kind === 'u ' ? after(entry, 10) : null;
    if (path !== null && path !== '') out.push(path);
    if (kind === '2 ') {
      const orig = entries[i + 1];
      if (orig !== undefined && orig !== '') out.push(orig);
      i++;
    }
  }
  return [...new Set(out)];
}
