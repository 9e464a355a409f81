// Commit and tag links from a git remote URL. Each forge spells its web paths differently, so the
// remote is parsed once into a forge and a repository base, and the links are built from that. An
// unknown host yields no links: the reply then shows plain short shas, never a guessed URL. Links
// are always https on a host name made of host-name characters, with every path segment
// percent-encoded (parentheses included), so a remote URL can never put Markdown or another
// scheme into a reply.

export type ForgeKind = 'github' | 'gitlab' | 'bitbucket' | 'azure' | 'gitea';

export interface Forge {
  kind: ForgeKind;
  /** https base of the repository's web pages, without a trailing slash. */
  base: string;
}

interface RemoteParts {
  host: string;
  /** Path without leading slash and without a trailing `.git`. */
  path: string;
}

function splitRemote(url: string): RemoteParts | null {
  const trimmed = url.trim();
  // scp-like syntax: git@host:owner/repo.git
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(trimmed);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return { host: (scp[1] as string).toLowerCase(), path: stripPath(scp[2] as string) };
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    // Not a URL and not scp syntax (e.g. a local path remote): no web links exist for it.
    return null;
  }
  if (!['http:', 'https:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) return null;
  return { host: parsed.hostname.toLowerCase(), path: stripPath(decodeURIComponent(parsed.pathname)) };
}

function stripPath(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
}

/**
 * Recognises GitHub, GitLab, Bitbucket, Azure DevOps and Gitea remotes by host name. A self-hosted
 * forge on a host whose name says nothing (git.example.com) needs `hint` to be recognised.
 */
export function parseRemote(url: string | undefined, hint?: ForgeKind): Forge | null {
  if (url === undefined || url.trim() === '') return null;
  const parts = splitRemote(url);
  if (parts === null || parts.path === '') return null;
  const { host, path } = parts;
  if (!/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(host)) return null;
  const segments = path.split('/').filter((s) => s !== '').map(encodeSegment);

  if (host === 'ssh.dev.azure.com' || host === 'vs-ssh.visualstudio.com') {
    // git@ssh.dev.azure.com:v3/org/project/repo
    const [version, org, project, repo] = segments;
    if (version !== 'v3' || !org || !project || !repo) return null;
    return { kind: 'azure', base: `https://dev.azure.com/${org}/${project}/_git/${repo}` };
  }
  if (host === 'dev.azure.com' || host.endsWith('.visualstudio.com')) {
    const gitIndex = segments.indexOf('_git');
    if (gitIndex < 1 || segments[gitIndex + 1] === undefined) return null;
    const repo = segments[gitIndex + 1] as string;
    const org = host === 'dev.azure.com' ? segments[0] : host.slice(0, -'.visualstudio.com'.length);
    const project = segments[gitIndex - 1] as string;
    if (!org) return null;
    return { kind: 'azure', base: `https://dev.azure.com/${org}/${project}/_git/${repo}` };
  }
  if (segments.length < 2) return null;
  const kind = forgeByHost(host) ?? (hint !== undefined && hint !== 'azure' ? hint : null);
  if (kind === null) return null;
  const repoPath = kind === 'gitlab' ? segments.join('/') : segments.slice(0, 2).join('/');
  return { kind, base: `https://${host}/${repoPath}` };
}

/** encodeURIComponent leaves `!'()*` as they are; in a Markdown link target `(` and `)` end it. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Only https URLs without spaces, brackets or parentheses become links. */
export function isSafeLink(url: string): boolean {
  return /^https:\/\/[^\s()<>[\]"'`]+$/.test(url);
}

function forgeByHost(host: string): ForgeKind | null {
  if (host === 'github.com' || host.startsWith('github.')) return 'github';
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'gitlab';
  if (host === 'bitbucket.org') return 'bitbucket';
  if (host === 'codeberg.org' || host === 'gitea.com' || host.startsWith('gitea.')) return 'gitea';
  return null;
}

export function commitUrl(forge: Forge, sha: string): string {
  switch (forge.kind) {
    case 'github':
    case 'gitea':
      return `${forge.base}/commit/${sha}`;
    case 'gitlab':
      return `${forge.base}/-/commit/${sha}`;
    case 'bitbucket':
      return `${forge.base}/commits/${sha}`;
    case 'azure':
      return `${forge.base}/commit/${sha}`;
  }
}

export function tagUrl(forge: Forge, tag: string): string {
  const t = encodeSegment(tag);
  switch (forge.kind) {
    case 'github':
      return `${forge.base}/releases/tag/${t}`;
    case 'gitlab':
      return `${forge.base}/-/tags/${t}`;
    case 'bitbucket':
      return `${forge.base}/src/${t}`;
    case 'azure':
      return `${forge.base}?version=GT${t}`;
    case 'gitea':
      return `${forge.base}/src/tag/${t}`;
  }
}
