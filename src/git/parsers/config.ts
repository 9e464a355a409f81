// Git config file text, read without running git (whose config can run programs).

/** Remote URLs by remote name, from git config text. */
export function parseRemotes(configText: string): Map<string, string> {
  const remotes = new Map<string, string>();
  let current: string | undefined;
  for (const raw of configText.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[\s*remote\s+"((?:[^"\\]|\\.)*)"\s*\]$/.exec(line);
    if (section) {
      current = section[1] as string;
      continue;
    }
    if (line.startsWith('[')) {
      current = undefined;
      continue;
    }
    if (current === undefined) continue;
    const url = /^url\s*=\s*(.*)$/i.exec(line);
    if (url && !remotes.has(current)) remotes.set(current, (url[1] as string).replace(/^"(.*)"$/, '$1').trim());
  }
  return remotes;
}
