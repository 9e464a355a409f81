// The baseline: the fewest plain git commands a person would run by hand to answer the same questions
// the engine answers, run one after another as separate processes, with only the glue needed to feed
// one command's answer into the next (which commits fix the issue, which files and lines they added).
import { drainGit, git, runGit } from './gitProcess';

export interface RawRefs {
  target: string;
  deployed: string | null;
}

/** What the raw commands found for one issue; compared with the engine's answer as a sanity check. */
export interface RawIssueFacts {
  id: string;
  fixes: RawFixFacts[];
}

export interface RawFixFacts {
  sha: string;
  reachable: boolean;
  equivalentOnTarget: boolean;
  inDeployed: boolean | null;
  tags: number;
  firstTag: string | null;
  added: number;
  intact: number;
  /** Lines of the fix intact at the deployed ref (0 when the deployed ref does not contain the fix). */
  intactDeployed: number;
  revertedBy: string | null;
  laterChanges: number;
  paths: string[];
}

const LOG_FORMAT = '--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%B%x1e';

/** The whole-history read a scan has to beat: every commit's sha and message, output consumed. */
export function rawScan(repoDir: string, revs: string[]): Promise<number> {
  return drainGit(repoDir, ['log', '--format=%H%x1f%B%x1e', ...revs]);
}

/** Evidence for one issue: a grep of history for the id, then the per-fix questions. */
export async function rawEvidenceForIssue(repoDir: string, id: string, revs: string[], refs: RawRefs): Promise<RawIssueFacts> {
  const log = await git(repoDir, ['log', LOG_FORMAT, '--extended-regexp', '--regexp-ignore-case', `--grep=(^|[^A-Za-z0-9_-])${id}([^0-9]|$)`, ...revs]);
  const fixShas = parseLog(log)
    .filter((c) => isFixOf(c.message, id))
    .map((c) => c.sha);
  const resolved = await resolveRefs(repoDir, refs);
  const fixes: RawFixFacts[] = [];
  for (const sha of fixShas) fixes.push(await rawFixFacts(repoDir, sha, resolved));
  await caveats(repoDir, fixes);
  return { id, fixes };
}

/** Evidence for every issue: one read of all messages instead of a grep per issue, then per fix. */
export async function rawEvidenceForAll(repoDir: string, ids: string[], revs: string[], refs: RawRefs): Promise<RawIssueFacts[]> {
  const commits = parseLog(await git(repoDir, ['log', LOG_FORMAT, ...revs]));
  const resolved = await resolveRefs(repoDir, refs);
  const result: RawIssueFacts[] = [];
  const mentioned = new Map<string, string[]>();
  const idPattern = /\b([A-Z][A-Z0-9]+-\d+)\b/gi;
  for (const c of commits) {
    for (const m of c.message.matchAll(idPattern)) {
      const key = (m[1] as string).toUpperCase();
      if (!isFixOf(c.message, key)) continue;
      const list = mentioned.get(key) ?? [];
      if (!list.includes(c.sha)) list.push(c.sha);
      mentioned.set(key, list);
    }
  }
  for (const id of ids) {
    const fixes: RawFixFacts[] = [];
    for (const sha of mentioned.get(id.toUpperCase()) ?? []) fixes.push(await rawFixFacts(repoDir, sha, resolved));
    await caveats(repoDir, fixes);
    result.push({ id, fixes });
  }
  return result;
}

interface ResolvedRefs {
  target: string;
  deployed: string | null;
}

async function resolveRefs(repoDir: string, refs: RawRefs): Promise<ResolvedRefs> {
  const args = ['rev-parse', '--verify', '--end-of-options', `${refs.target}^{commit}`];
  const target = (await git(repoDir, args)).trim();
  if (refs.deployed === null) return { target, deployed: null };
  const deployed = await runGit(repoDir, ['rev-parse', '--verify', '--end-of-options', `${refs.deployed}^{commit}`]);
  return { target, deployed: deployed.code === 0 ? deployed.stdout.trim() : null };
}

/** The evidence's caveats: is history complete, and are the fixed files edited but not committed? */
async function caveats(repoDir: string, fixes: RawFixFacts[]): Promise<void> {
  await git(repoDir, ['rev-parse', '--is-shallow-repository']);
  const paths = [...new Set(fixes.flatMap((f) => f.paths))];
  if (paths.length > 0) await git(repoDir, ['diff-index', '--name-only', 'HEAD', '--', ...paths]);
}

async function isAncestor(repoDir: string, sha: string, of: string): Promise<boolean> {
  const run = await runGit(repoDir, ['merge-base', '--is-ancestor', sha, of]);
  return run.code === 0;
}

/** A commit on `ref`'s side whose patch equals the fix's (cherry-pick or rebase). */
async function hasEquivalent(repoDir: string, sha: string, ref: string, paths: string[]): Promise<boolean> {
  const out = await git(repoDir, ['log', '--no-merges', '--cherry-mark', '--left-only', '--format=%m%H', `${ref}...${sha}`, '--', ...paths]);
  return out.split('\n').some((line) => line.startsWith('='));
}

async function rawFixFacts(repoDir: string, sha: string, refs: ResolvedRefs): Promise<RawFixFacts> {
  const reachable = await isAncestor(repoDir, sha, refs.target);
  const tagLines = (await git(repoDir, ['for-each-ref', '--contains', sha, '--sort=creatordate', '--format=%(refname:short)%1f%(creatordate:iso-strict)', 'refs/tags']))
    .split('\n')
    .filter((l) => l !== '');
  const added = parseAddedLines(await git(repoDir, ['diff-tree', '-p', '-U0', '--no-commit-id', '--root', '-r', sha]));
  const paths = [...added.keys()];
  let equivalentOnTarget = false;
  if (!reachable && paths.length > 0) equivalentOnTarget = await hasEquivalent(repoDir, sha, refs.target, paths);
  let inDeployed: boolean | null = null;
  let reachableDeployed = false;
  if (refs.deployed !== null) {
    reachableDeployed = await isAncestor(repoDir, sha, refs.deployed);
    inDeployed = reachableDeployed;
    if (!inDeployed && paths.length > 0) inDeployed = await hasEquivalent(repoDir, sha, refs.deployed, paths);
  }
  let addedCount = 0;
  let intact = 0;
  let intactDeployed = 0;
  let revertedBy: string | null = null;
  let laterChanges = 0;
  if (reachable) {
    for (const [path, count] of added) {
      addedCount += count;
      // Blame limited to the commits after the fix: a line still blamed on the fix itself survives.
      const blame = await runGit(repoDir, ['blame', '--porcelain', `${sha}^..${refs.target}`, '--', path]);
      if (blame.code === 0) intact += countBlamedTo(blame.stdout, sha);
    }
    // The same survival question at the version the client runs, when it contains the fix itself.
    if (refs.deployed !== null && refs.deployed !== refs.target && reachableDeployed) {
      for (const path of added.keys()) {
        const blame = await runGit(repoDir, ['blame', '--porcelain', `${sha}^..${refs.deployed}`, '--', path]);
        if (blame.code === 0) intactDeployed += countBlamedTo(blame.stdout, sha);
      }
    }
    // Later commits on the fix's files, newest first; a revert of the fix is one of them.
    const later = parseLog(await git(repoDir, ['log', LOG_FORMAT, `${sha}..${refs.target}`, '--', ...paths]));
    laterChanges = later.length;
    revertedBy = later.find((c) => c.message.includes(`This reverts commit ${sha}`))?.sha ?? null;
  }
  return {
    sha,
    reachable,
    equivalentOnTarget,
    inDeployed,
    tags: tagLines.length,
    firstTag: tagLines[0]?.split('\x1f')[0] ?? null,
    added: addedCount,
    intact,
    intactDeployed,
    revertedBy,
    laterChanges,
    paths,
  };
}

interface LoggedCommit {
  sha: string;
  message: string;
}

function parseLog(text: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of text.split('\x1e')) {
    const fields = record.replace(/^\n/, '').split('\x1f');
    if (fields.length < 5) continue;
    commits.push({ sha: fields[0] as string, message: fields.slice(4).join('\x1f') });
  }
  return commits;
}

// The glue a person applies reading the grep: a closing keyword (EN/ES) or trailer before the id,
// at most a few filler words apart as people write it ("resolves issue #19", "fixes the bug #4"),
// not negated ("does not fix", "no corrige"), and not the subject of a revert.
const KEYWORDS = '(?:fix(?:e[sd])?|close[sd]?|resolve[sd]?|corrige|arregla|soluciona|resuelve|cierra)';
const FILLER = '(?:(?:the|this|that|for|of|issues?|bugs?|tickets?|el|la|los|las|de|del|para|incidencias?)\\s+){0,3}';
function isFixOf(message: string, id: string): boolean {
  if (message.startsWith('Revert "')) return false;
  const near = new RegExp(`(\\b(?:does not|doesn't|no)\\s+)?\\b${KEYWORDS}:?\\s+${FILLER}${id}(?![0-9])`, 'gi');
  for (const m of message.matchAll(near)) if (m[1] === undefined) return true;
  return false;
}

/** Lines of each file the commit added (a pure insertion or the new side of a change). */
function parseAddedLines(patch: string): Map<string, number> {
  const added = new Map<string, number>();
  let path: string | null = null;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      path = line === '+++ /dev/null' ? null : line.slice(6);
      continue;
    }
    if (path === null) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+\d+(?:,(\d+))? @@/.exec(line);
    if (hunk !== null) added.set(path, (added.get(path) ?? 0) + (hunk[1] === undefined ? 1 : Number(hunk[1])));
  }
  return added;
}

function countBlamedTo(porcelain: string, sha: string): number {
  let count = 0;
  for (const line of porcelain.split('\n')) {
    // Each blamed line starts with "<sha> <orig> <final>"; the group size is on the first of a run only.
    if (line.startsWith(sha + ' ')) count++;
  }
  return count;
}
