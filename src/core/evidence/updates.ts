// The smallest update that brings the fix to a client whose version lacks it: the earliest release
// that descends from the client's version and holds every fix (itself, a copy on its line, or the
// same fix made on that line). A client on 7.2.4 whose fix was backported and released in 7.2.5 is
// told 7.2.5, not the next major line's first release, which the target's own fix is in.
import type { FixEvidence, TagFact } from './model';
import { fixPieces } from './verdict';
import { compareVersions, earliestTag } from './versions';

function ownReleases(fix: FixEvidence): string[] {
  return [...fix.tags, ...fix.equivalents.flatMap((e) => e.tags ?? [])];
}

/** Another linked fix is `fix` made again: on another line, as a copy of its patch, or repeated. */
function standsIn(other: FixEvidence, fix: FixEvidence): boolean {
  return (
    (other.counterpartOf ?? []).includes(fix.sha) ||
    other.equivalents.some((e) => e.sha === fix.sha) ||
    other.sameChangeAs === fix.sha ||
    fix.sameChangeAs === other.sha
  );
}

/** The release names that hold `fix` in some form on some line. */
function releasesHolding(fix: FixEvidence, all: readonly FixEvidence[]): Set<string> {
  const names = new Set<string>(ownReleases(fix));
  // A stand-in counts where it was not undone (its releases are then after its revert or without it).
  for (const other of all) if (other !== fix && other.exists && other.reverts.length === 0 && standsIn(other, fix)) for (const name of ownReleases(other)) names.add(name);
  return names;
}

/**
 * The first release (by date, then version) among `deployedReleases` (the releases containing the
 * client's version) that holds every piece of the fix (`fixPieces`); null when none does.
 */
export function firstUpdate(fixes: readonly FixEvidence[], deployedReleases: readonly TagFact[]): TagFact | null {
  const pieces = fixPieces(fixes);
  if (pieces.length === 0) return null;
  const holding = pieces.map((f) => releasesHolding(f, fixes));
  const updates = deployedReleases.filter((t) => holding.every((names) => names.has(t.name)));
  return earliestTag([...updates].sort((a, b) => compareVersions(a.name, b.name)));
}
