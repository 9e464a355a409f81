// The releases that continue the client's version, the ones an update can be. Those containing it,
// and, when the client's version is a release made beside its line, the later releases made from
// the same line: jQuery tags a commit that only adds the built files, on which nothing is built, so
// no later release contains 3.7.0, while 3.7.1 was built from the line 3.7.0 was made from.
import type { TagRecord } from '../gitPort';
import type { Context } from './fixSteps';
import { releaseRecords } from './fixSteps';
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
