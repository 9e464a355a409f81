// What every evidence computation of a folder shares, read once per state of the repository and
// the settings: the target branch and its commit, who "me" is, the id patterns, the release tag
// pattern, the history scan, and a digest of all of it that is part of every cache key.
import type { GitPort, RepoState } from '../gitPort';
import { isSafeRef } from '../gitPort';
import type { IdPatterns } from '../linking/messageParser';
import { DEFAULT_ID_PATTERNS } from '../linking/messageParser';
import type { ScanCache, ScanResult } from '../linking/scan';
import { scanThroughCacheFile } from '../linking/scanCacheFile';
import { digest } from '../evidenceView';
import { EvidenceFailure } from './engine';
import { allInOrder } from './inOrder';
import { compileTagPattern } from './versions';

export interface RepositorySnapshot {
  /** Digest of the repository's state and the settings: part of every evidence key. */
  repository: string;
  target: string;
  me: string[];
  patterns: IdPatterns;
  tagPattern: string | null;
  scan: ScanResult;
  /** Clients' deployed refs resolved in this state of the repository (a tag or branch can move). */
  deployed: Map<string, string | null>;
}

/** The evidence settings as read (trimmed, blanks dropped). */
export interface SnapshotSettings {
  targetBranch: string;
  releaseTagPattern: string;
  issueIdPatterns: string[];
  myIdentities: string[];
}

/**
 * What a snapshot holds besides the scan: read the same way with or without it. Its reads are asked
 * at once (a request's port runs them side by side); a failure is the first one in this order.
 */
async function readSettingsPart(port: GitPort, settings: SnapshotSettings, onRepository: (gitCommonDir: string) => void): Promise<{ state: RepoState; targetSha: string } & Omit<RepositorySnapshot, 'repository' | 'scan' | 'deployed'>> {
  const tagPattern = settings.releaseTagPattern !== '' ? settings.releaseTagPattern : null;
  const [state, { target, targetSha }, email] = await allInOrder([
    async () => {
      const read = await port.repoState();
      onRepository(read.gitCommonDir);
      return read;
    },
    async () => {
      const name = settings.targetBranch !== '' ? settings.targetBranch : ((await port.defaultBranch()) ?? 'HEAD');
      if (!isSafeRef(name)) throw new EvidenceFailure('bad-target', name);
      const sha = await port.resolveCommit(name);
      if (sha === null) throw new EvidenceFailure('bad-target', name);
      return { target: name, targetSha: sha };
    },
    async () => {
      if (tagPattern !== null && compileTagPattern(tagPattern) === null) throw new EvidenceFailure('bad-tag-pattern', tagPattern);
      return settings.myIdentities.length > 0 ? null : port.userEmail();
    },
  ]);
  const me = settings.myIdentities.length > 0 ? settings.myIdentities : email === null ? [] : [email];
  const patterns: IdPatterns = { ...DEFAULT_ID_PATTERNS, custom: settings.issueIdPatterns };
  return { state, target, targetSha, me, patterns, tagPattern };
}

/**
 * Every ref's name and commit (branches, tags, remotes, HEAD) with the rest of the inputs: a new
 * commit, a moved branch or a new tag changes the digest, and with it every key.
 */
function repositoryDigest(part: Awaited<ReturnType<typeof readSettingsPart>>, refs: Record<string, string>): string {
  const { state, target, targetSha, me, patterns, tagPattern } = part;
  return digest(JSON.stringify([state.head, state.headBranch, state.shallow, refs, target, targetSha, me, patterns, tagPattern]));
}

/**
 * Reads the snapshot; `onRepository` hears the git dir as soon as it is known (to watch it). A bad
 * target branch or tag pattern is an EvidenceFailure naming the setting's value.
 */
export async function readRepositorySnapshot(port: GitPort, settings: SnapshotSettings, scanCache: ScanCache | undefined, onRepository: (gitCommonDir: string) => void): Promise<RepositorySnapshot> {
  const part = await readSettingsPart(port, settings, onRepository);
  // Through the cache file the CLI keeps too: after a restart only the commits made since are read.
  const scan = await scanThroughCacheFile(port, part.patterns, part.state.gitCommonDir, scanCache, () => {
    // A failed write costs only the next session a longer first scan; this one has its answer.
  });
  const { target, me, patterns, tagPattern } = part;
  // The refs as the scan just read them.
  return { repository: repositoryDigest(part, scan.cache.refs), target, me, patterns, tagPattern, scan, deployed: new Map() };
}

/**
 * The snapshot without the history scan, for a request that cannot wait for one (the first after a
 * window opens): its evidence searches the history by the issue's id instead. Its digest is the
 * full snapshot's for the same state of the repository (the refs are listed as the scan lists
 * them), so evidence computed from either serves the other.
 */
export async function readSnapshotWithoutScan(port: GitPort, settings: SnapshotSettings): Promise<Omit<RepositorySnapshot, 'scan'> & { scan: null }> {
  const [part, tips] = await allInOrder([() => readSettingsPart(port, settings, () => undefined), () => port.listTips()]);
  const refs = Object.fromEntries(tips.map((t) => [t.name, t.sha]));
  const { target, me, patterns, tagPattern } = part;
  return { repository: repositoryDigest(part, refs), target, me, patterns, tagPattern, scan: null, deployed: new Map() };
}
