// The evidence of one folder's issues as last computed, and whether it is still current: each entry
// is kept under the key of everything it depends on, and a generation counter marks every entry
// stale at once when something changed (the store, the repository, the settings); a stale entry is
// confirmed again when its key still matches, without recomputing. Plain data, no timers, no git:
// the service that runs the computations decides when. An entry computed for the verdict alone
// (see EvidenceRequest's `detail`) answers only those who need no more than the verdict.
import type { EvidenceDetail, IssueEvidence } from './model';

/** Whether the evidence holds at least `need`: full evidence serves everyone, verdict-level only the verdict. */
export function serves(evidence: IssueEvidence, need: EvidenceDetail): boolean {
  return need === 'verdict' || evidence.detail === undefined;
}

interface Entry<P> {
  key: string;
  /** The key the evidence was computed under, kept for the next session even after forgetKeys (see keyed). */
  keptKey: string;
  /** The cache's generation when the entry was last confirmed. */
  generation: number;
  evidence: IssueEvidence | undefined;
  problem: P | undefined;
}

export interface CachedEvidence<P> {
  /** The last evidence computed (possibly from before the latest change, see `stale`). */
  evidence: IssueEvidence | undefined;
  stale: boolean;
  /** Kept from an earlier session and not yet confirmed in this one (see restore). */
  fromLastSession: boolean;
  problem: P | undefined;
}

/** The generation of an entry restored from an earlier session: no generation of this one. */
const RESTORED = -1;

export class EvidenceCache<P> {
  private readonly entries = new Map<string, Entry<P>>();
  /** Issues someone looked at (the tree expanded them): kept fresh on every refresh. */
  private readonly wantedIds = new Set<string>();
  private current = 0;

  /** The generation now; a computation remembers it at its start and stores its result under it. */
  get generation(): number {
    return this.current;
  }

  /** Something changed that may change evidence: every entry is stale until confirmed. */
  invalidate(): void {
    this.current++;
  }

  /** Every key is forgotten, so the next computation of each issue starts over (the old evidence stays shown). */
  forgetKeys(): void {
    for (const entry of this.entries.values()) entry.key = '';
  }

  get(issueId: string): IssueEvidence | undefined {
    return this.entries.get(issueId)?.evidence;
  }

  state(issueId: string): CachedEvidence<P> {
    const entry = this.entries.get(issueId);
    return {
      evidence: entry?.evidence,
      stale: entry !== undefined && entry.generation !== this.current,
      fromLastSession: entry?.generation === RESTORED,
      problem: entry?.problem,
    };
  }

  /** Whether the entry was confirmed in the current generation (and holds at least `need`, when it holds evidence). */
  isFresh(issueId: string, need: EvidenceDetail = 'full'): boolean {
    const entry = this.entries.get(issueId);
    if (entry?.generation !== this.current) return false;
    return entry.evidence === undefined || serves(entry.evidence, need);
  }

  /** The cached evidence when it was computed under this key (and holds at least `need`), now confirmed for `generation`. */
  confirm(issueId: string, key: string, generation: number, need: EvidenceDetail = 'full'): IssueEvidence | undefined {
    const entry = this.entries.get(issueId);
    if (entry === undefined || entry.key !== key || entry.evidence === undefined || !serves(entry.evidence, need)) return undefined;
    entry.generation = generation;
    return entry.evidence;
  }

  store(issueId: string, key: string, generation: number, evidence: IssueEvidence): void {
    this.entries.set(issueId, { key, keptKey: key, generation, evidence, problem: undefined });
  }

  /**
   * Evidence of an earlier session (see evidenceFile.ts), kept stale until a computation confirms its
   * key: shown meanwhile as the last evidence known. Never replaces an entry of this session.
   */
  restore(issueId: string, key: string, evidence: IssueEvidence): void {
    if (!this.entries.has(issueId)) this.entries.set(issueId, { key, keptKey: key, generation: RESTORED, evidence, problem: undefined });
  }

  /**
   * The entries with evidence, under the key it was computed under, for the next session (see
   * restore). An entry whose key was forgotten (Refresh Evidence) and is not computed again yet is
   * kept under its old key: the next session uses it only if the repository still matches that key.
   */
  keyed(): Map<string, { key: string; evidence: IssueEvidence }> {
    const out = new Map<string, { key: string; evidence: IssueEvidence }>();
    for (const [id, entry] of this.entries) if (entry.keptKey !== '' && entry.evidence !== undefined) out.set(id, { key: entry.keptKey, evidence: entry.evidence });
    return out;
  }

  /** The computation failed: the issue shows the problem instead of evidence. */
  fail(issueId: string, key: string, generation: number, problem: P): void {
    this.entries.set(issueId, { key, keptKey: '', generation, evidence: undefined, problem });
  }

  want(issueId: string): void {
    this.wantedIds.add(issueId);
  }

  wanted(): string[] {
    return [...this.wantedIds];
  }

  /** Drops the entries and wishes of issues that no longer exist. */
  keepOnly(issueIds: ReadonlySet<string>): void {
    for (const id of [...this.entries.keys()]) if (!issueIds.has(id)) this.entries.delete(id);
    for (const id of [...this.wantedIds]) if (!issueIds.has(id)) this.wantedIds.delete(id);
  }
}
