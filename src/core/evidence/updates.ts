// The smallest update that brings the fix to a client whose version lacks it: the lowest release
// (by version) that descends from the client's version and holds every fix (itself, a copy on its
// line, or the same fix made on that line). A client on 7.2.4 whose fix was backported and released
// in 7.2.5 is told 7.2.5, not the next line's first release, which the target's own fix is in,
// even when that one came out first: a patch on one's own line is the smaller step.
import type { FixEvidence, TagFact } from './model';
import { fixPieces, undoneWhereClientRuns } from './verdict';
import { compareVersions, isPreRelease, isVersionName, sameSpelling } from './versions';

function ownReleases(fix: FixEvidence): string[] {
  return [...fix.tags, ...fix.equivalents.flatMap((e) => e.tags ?? [])];
}

/** Another linked fix is `fix` made again: on another line, as a copy of its patch, or repeated. */
function standsIn(other: FixEvidence, fix: FixEvidence): boolean {
  return (
    (other.counterpartOf ?? []).includes(fix.sha) ||
    other.equivalents.some((e) => e.sha === fix.sha) ||
    // Two copies of one patch on the target (the fix cherry-picked to two older lines): the same change.
    other.equivalents.some((e) => fix.equivalents.some((g) => g.sha === e.sha)) ||
    other.sameChangeAs === fix.sha ||
    fix.sameChangeAs === other.sha
  );
}

/** The release names that hold `fix` in some form on some line (`later`: copies found after the client's version, by fix). */
function releasesHolding(fix: FixEvidence, all: readonly FixEvidence[], later: ReadonlyMap<string, readonly string[]>): Set<string> {
  // Undone in the client's version and brought back since: only the releases holding a restore
  // bring it (the fix's own releases between the revert and the restore hold the revert too).
  if (undoneWhereClientRuns(fix)) return new Set((fix.restores ?? []).flatMap((r) => r.tags ?? []));
  const names = new Set<string>([...ownReleases(fix), ...(later.get(fix.sha) ?? [])]);
  // A stand-in counts where it was not undone (its releases are then after its revert or without it).
  for (const other of all) if (other !== fix && other.exists && other.reverts.length === 0 && standsIn(other, fix)) for (const name of ownReleases(other)) names.add(name);
  return names;
}

/**
 * The lowest release (by version, final releases before pre-releases) among `deployedReleases` (the
 * releases containing the client's version) that holds every piece of the fix (`fixPieces`); null
 * when none does. `laterCopies`: releases holding a copy made after the client's version, by fix
 * (see laterCopyReleases). When the client's version is itself a version, releases numbered after it and
 * spelled as it is come first: a repository that tags each release twice under two numberings
 * (prometheus's v3.3.0 and its Go module twin v0.303.0, on one commit) must not tell a client on
 * v3.2.1 to update to "v0.303.0".
 */
export function firstUpdate(
  fixes: readonly FixEvidence[],
  deployedReleases: readonly TagFact[],
  clientsVersion: string | null = null,
  laterCopies: ReadonlyMap<string, readonly string[]> = new Map(),
): TagFact | null {
  const pieces = fixPieces(fixes);
  if (pieces.length === 0) return null;
  const holding = pieces.map((f) => releasesHolding(f, fixes, laterCopies));
  const updates = deployedReleases.filter((t) => holding.every((names) => names.has(t.name)));
  const client = clientsVersion === null || !isVersionName(clientsVersion) ? null : clientsVersion;
  const unlike = (name: string): number => (client === null ? 0 : Number(!sameSpelling(name, client)) + Number(compareVersions(name, client) <= 0));
  const best = [...updates].sort((a, b) => unlike(a.name) - unlike(b.name) || Number(isPreRelease(a.name)) - Number(isPreRelease(b.name)) || compareVersions(a.name, b.name))[0];
  return best === undefined ? null : { name: best.name, date: best.date };
}
