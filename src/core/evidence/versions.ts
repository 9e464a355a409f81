// Release tags: which tags look like versions, and their order.
import type { TagFact } from './model';

/**
 * Default: an optional word prefix (`release-`, `app/`), then `v`/`V` and a number, or dotted
 * numbers without it (`1.2`, `V1.3.0`, `v2`, `2.0.0`), then an optional suffix (`-rc.1`). A bare
 * number after a word is not a version: `deploy-2024-05`, `build-17`, `stable` are not releases.
 * A component written x or X (`1.1.x`, `v0.x`) names a release line, not a release: maintenance
 * branches archived as tags look like that, and their tips hold commits no release shipped.
 * A pre-release written right after the number, as Python's versions are (`19.10b0`, `1.0a1`,
 * `2.0rc1`), is a release: black shipped every version until 22.1.0 that way.
 * Numbers joined by underscores (`curl-8_4_0`, `OpenSSL_1_1_1w`) are a version too: curl has tagged
 * every release so since 2000, and without them its fixes had no release at all.
 */
export const DEFAULT_TAG_PATTERN =
  '^(?!.*[._-][xX](?:$|[._-]))[A-Za-z_/-]*(?:[vV][0-9]+(?:\\.[0-9]+)*|[0-9]+(?:\\.[0-9]+)+|[vV]?[0-9]+(?:_[0-9]+)+)(?:(?:a|b|c|rc|alpha|beta|pre|preview|dev|post)[0-9]*)?(?:[-+._][0-9A-Za-z.+_-]*)?$';

// Shared collators: localeCompare with a locale builds a new collator on every call, and hundreds of
// tags are sorted per evidence.
const NUMERIC = new Intl.Collator('en', { numeric: true });
const PLAIN = new Intl.Collator('en');

interface ParsedVersion {
  prefix: string;
  numbers: number[];
  suffix: string;
}

// A version's numbers are joined by dots, or all by underscores (`curl-7_88_1`): read as `7.88.1`,
// not as 7 followed by the suffix `_88_1` (which put 7_9 after 7_10 and 7_88_1 beside 7_88).
function parseVersion(name: string): ParsedVersion {
  const m = /^(.*?)(\d+(?:\.\d+)+|\d+(?:_\d+)+|\d+)(.*)$/.exec(name);
  if (m === null) return { prefix: name, numbers: [], suffix: '' };
  return { prefix: m[1] as string, numbers: (m[2] as string).split(/[._]/).map(Number), suffix: m[3] as string };
}

/** A version's suffix as its pre-release part and its build metadata (after the first `+`). */
function splitBuild(suffix: string): [string, string] {
  const plus = suffix.indexOf('+');
  return plus < 0 ? [suffix, ''] : [suffix.slice(0, plus), suffix.slice(plus)];
}

/** Version order: numbers numerically, a pre-release suffix (`-rc.1`) before the release itself. */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  const n = Math.max(va.numbers.length, vb.numbers.length);
  for (let i = 0; i < n; i++) {
    const d = (va.numbers[i] ?? 0) - (vb.numbers[i] ?? 0);
    if (d !== 0) return d;
  }
  // Build metadata (`+…`) orders after the same version without it (1.8.3, then its rebuild
  // 1.8.3+1), and is no pre-release suffix: 1.8.3+1 did sort before 1.8.3.
  const [preA = '', buildA = ''] = splitBuild(va.suffix);
  const [preB = '', buildB = ''] = splitBuild(vb.suffix);
  if (preA !== preB) {
    if (preA === '') return 1;
    if (preB === '') return -1;
    return NUMERIC.compare(preA, preB);
  }
  if (buildA !== buildB) {
    if (buildA === '') return -1;
    if (buildB === '') return 1;
    return NUMERIC.compare(buildA, buildB);
  }
  if (va.numbers.length !== vb.numbers.length) return va.numbers.length - vb.numbers.length;
  return PLAIN.compare(va.prefix, vb.prefix) || PLAIN.compare(a, b);
}

/** Whether a name holds a version number at all (a branch name or a commit id does not read as one). */
export function isVersionName(name: string): boolean {
  return /^[A-Za-z_/@.-]*[vV]?\d+(?:\.\d+)+/.test(name) || /^[A-Za-z_/@-]*[vV]\d+/.test(name);
}

/** Two version names spelled alike: the same words before the number (`v`, `release-`, `pkg@`). */
export function sameSpelling(a: string, b: string): boolean {
  return parseVersion(a).prefix === parseVersion(b).prefix;
}

/** A pre-release or development tag (`-rc1`, `2.0b1`, `.dev0`, `-beta.2`), by its name's ending. */
export function isPreRelease(tagName: string): boolean {
  // Build metadata (semver's `+…`) says nothing of the release: jquery's 3.0.0-alpha1+compat is a pre-release, 1.8.3+1 is not.
  const name = tagName.replace(/\+[0-9A-Za-z.-]+$/, '');
  return (
    /(^|[^a-z])(alpha|beta|rc|dev|pre|preview|snapshot|nightly|a|b)[-.]?\d*$/i.test(name) ||
    // The marker first (curl's `rc-8_22_0-1`), or a word after `pre` (`curl-7_15_6-prepipeline`).
    /^(alpha|beta|rc|pre)[-_.]?\d*[-_.]/i.test(name) ||
    /[-_.]pre[a-z]+$/i.test(name)
  );
}

/** Compiles a tag pattern; null when it is not a valid regular expression. */
export function compileTagPattern(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    // An invalid pattern is the caller's error to report, not an exception to propagate.
    return null;
  }
}

/** The earliest release by its tag's date (a tag without a date comes last). */
export function earliestTag<T extends { name: string; date: string }>(tags: readonly T[]): TagFact | null {
  const time = (date: string): number => Date.parse(date) || Number.MAX_SAFE_INTEGER;
  const first = [...tags].sort((a, b) => time(a.date) - time(b.date))[0];
  return first === undefined ? null : { name: first.name, date: first.date };
}

/**
 * One release tagged twice on one commit under two spellings (pytest's `7.4.3` and `v7.4.3`) is one
 * release: its name is the spelling of the client's version when that names a release (a reply to
 * someone on `7.4.0` says 7.4.3), else the spelling most of these tags use.
 */
export function withoutAliases<T extends { name: string; sha: string }>(tags: readonly T[], clientsVersion: string | null): T[] {
  const spelling = (name: string): string => parseVersion(name).prefix;
  const client = clientsVersion === null ? null : parseVersion(clientsVersion);
  const clientSpelling = client !== null && client.numbers.length > 0 ? client.prefix : null;
  const used = new Map<string, number>();
  for (const t of tags) used.set(spelling(t.name), (used.get(spelling(t.name)) ?? 0) + 1);
  const rank = (name: string): number => (spelling(name) === clientSpelling ? Number.MAX_SAFE_INTEGER : (used.get(spelling(name)) ?? 0));
  const chosen = new Map<string, T>();
  for (const t of tags) {
    const v = parseVersion(t.name);
    const release = `${t.sha}\0${v.numbers.join('.')}\0${v.suffix}`;
    const other = chosen.get(release);
    if (other === undefined || rank(t.name) > rank(other.name)) chosen.set(release, t);
  }
  const kept = new Set(chosen.values());
  return tags.filter((t) => kept.has(t));
}
