// The releases that continue the client's version, the ones an update can be. Those containing it,
// and, when the client's version is a release made beside its line, the later releases made from
// the same line: jQuery tags a commit that only adds the built files, on which nothing is built, so
// no later release contains 3.7.0, while 3.7.1 was built from the line 3.7.0 was made from.
import type { TagRecord } from '../gitPort';
import type { FixEvidence } from './model';
import type { Context, PlacedFix } from './fixSteps';
import { findCopies, releaseRecords, releaseTags } from './fixSteps';
import { compareVersions, isVersionName } from './versions';

/**
 * The release tags containing `sha`; when they all name `sha` itself (a release no other release
 * contains) and it has a parent, also the releases containing that parent that are numbered after
 * each of its own names and after the client's version, when that reads as one. A commit no release
 * names gets only the releases containing it: a commit beside a line is not a release of it.
 */
export async function releasesContinuing(ctx: Context, sha: string): Promise<TagRecord[]> {
  const own = await releaseRecords(ctx, sha);
  if (own.length === 0 || own.some((t) => t.sha !== sha) || (await onABranch(ctx, sha))) return own;
  const parent = (await ctx.port.commits([sha]))[0]?.parents[0];
  if (parent === undefined) return own;
  const names = [...own.map((t) => t.name), ...(ctx.deployedRef !== null && isVersionName(ctx.deployedRef) ? [ctx.deployedRef] : [])];
  const later = (await releaseRecords(ctx, parent)).filter((t) => t.sha !== sha && names.every((n) => compareVersions(t.name, n) > 0));
  return [...own, ...later];
}

/** Whether a branch (local or remote) contains the commit; each tip asked once, the first yes ends it. */
async function onABranch(ctx: Context, sha: string): Promise<boolean> {
  const tips = new Set((await ctx.port.listTips()).filter((t) => /^refs\/(?:heads|remotes)\//.test(t.name)).map((t) => t.sha));
  if (tips.has(sha)) return true;
  for (const tip of tips) if (await ctx.port.isAncestor(sha, tip)) return true;
  return false;
}

/**
 * The releases holding a copy of a fix made after the client's version, on the lines that continue
 * it (the releases containing that version), by fix: a fix backported to a maintenance line after
 * the client's release is in that line's next release, which neither the fix's own releases nor
 * the copies at the target and at the client's version show (`continuing`: see releasesContinuing). One walk per
 * fix over the commits those releases have and the client's version has not, limited to the fix's files.
 */
export async function laterCopyReleases(ctx: Context, placed: readonly PlacedFix[], wanted: ReadonlySet<FixEvidence>, continuing: readonly TagRecord[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ctx.deployedSha === null) return out;
  const releases = [...new Set(continuing.map((t) => t.sha))];
  if (releases.length === 0) return out;
  for (const p of placed) {
    if (p.commit === null || !wanted.has(p.fix)) continue;
    const copies = await findCopies(ctx, p.commit, p.diff, { include: releases, exclude: [ctx.deployedSha] });
    const names = new Set<string>();
    for (const c of copies) for (const t of await releaseTags(ctx, c.facts.sha)) names.add(t.name);
    if (names.size > 0) out.set(p.fix.sha, [...names]);
  }
  return out;
}
