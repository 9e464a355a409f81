// Containment from the scan's commit graph: "is the fix on the target / in the client's version"
// and "which releases contain it" answered in memory, for every fix of every issue, instead of a
// git walk per question. Only answers the graph is sure of are given; anything else (a commit or
// tag the scan never read, a gap in the graph, a port without a tag list) goes to git as before.
import type { GitPort, TagRecord } from '../gitPort';
import type { CommitGraph, CommitGraphData } from '../linking/commitGraph';
import { commitGraphOf } from '../linking/commitGraph';
import { perScan } from './snapshotFacts';

/** The part of a scan cache containment needs: the graph, and the refs the scan read. */
export interface ContainmentSource {
  graph: CommitGraphData;
  refs: Record<string, string>;
}

export interface ContainmentStats {
  /** Questions answered from the graph. */
  answered: number;
  /** Questions passed on to git. */
  asked: number;
}

// One tag list per scan: the tree's issues share it instead of listing the tags once per issue (a
// failed read is not kept: the next question asks again, and git answers it meanwhile).
function tagListOf(port: GitPort, source: ContainmentSource): Promise<{ tags: TagRecord[]; complete: boolean } | null> {
  const read = port.listCommitTags;
  return read === undefined ? Promise.resolve(null) : perScan(source, 'tags', () => read.call(port));
}

/**
 * The port, with isAncestor and tagsContaining answered from the graph when it can. `stats`, when
 * given, counts where the answers came from (for logs and the benchmark).
 */
export function withContainment(port: GitPort, source: ContainmentSource | null | undefined, stats?: ContainmentStats): GitPort {
  if (source === null || source === undefined || source.graph.shas.length === 0) return port;
  let graph: CommitGraph | null = null;
  const g = (): CommitGraph => (graph ??= commitGraphOf(source.graph));
  // Every fix's releases come from the tag list: it is asked now, beside the computation's first
  // questions (once per scan, see tagListOf), not after the fix is found. A failure is asked again there.
  tagListOf(port, source).catch(() => undefined);
  const count = (fromGraph: boolean): void => {
    if (stats === undefined) return;
    if (fromGraph) stats.answered++;
    else stats.asked++;
  };
  return new Proxy(port, {
    get(target, name, receiver): unknown {
      if (name === 'isAncestor') {
        return async (ancestor: string, descendant: string): Promise<boolean> => {
          const known = g().isAncestor(ancestor, descendant);
          count(known !== null);
          return known ?? target.isAncestor(ancestor, descendant);
        };
      }
      if (name === 'tagsContaining') {
        return async (shas: string[]): Promise<TagRecord[]> => {
          if (shas.length === 0) return [];
          const list = await tagListOf(target, source).catch(() => null);
          const known = list === null || !list.complete ? null : g().containing(shas, list.tags);
          count(known !== null);
          return known ?? target.tagsContaining(shas);
        };
      }
      return Reflect.get(target, name, receiver);
    },
  });
}
