// Do the lines a fix added survive at a ref? A fixed file no longer at its path is followed commit
// by commit to where it is now (renames, moves with edits, in several steps). One blame per fixed
// file, limited to the commits after the fix (`ref ^fix`): lines still blamed on the fix at their
// original line numbers are intact;
// blame also aligns the fix's version with the ref's, so a lost line with later lines in its place
// was modified, one without was removed. Only when lines were lost, one `log -p` over the fixed
// files (their history as blame walks it) tells which later commit took each line away (the oldest
// that removed it; see lostLineRemovers.ts).
// Before any blame, one comparison of the fix's files with the ref's answers for every file it can
// decide (see diffSurvival.ts): most files need no walk of the history at all.
import { newestFirst } from '../commitOrder';
import type { BlameResult, CommitPatch, FileDiff, GitPort, PathTrace, RawCommit } from '../gitPort';
import type { DiffReading } from './diffSurvival';
import { readAgainstRef, regionOwners } from './diffSurvival';
import { attributeLostLines, lineRanges, parentLineReader } from './lostLineRemovers';
import { meetingMerges } from './mergeLoss';
import { filesToMeasure, isReleaseNote } from './releaseNotes';
import { allInOrder } from './inOrder';
import type { CommitFacts, LaterChange, LineChange, LostLine, Survival, SurvivalFile } from './model';

export interface SurvivalRequest {
  /** The commit whose added lines are measured (the fix or its copy), reachable from refSha. */
  base: string;
  /** The base's change (first-parent diff). */
  files: readonly FileDiff[];
  refName: string;
  refSha: string;
  isMe: (email: string) => boolean;
  /** The base's author date: region commits authored before it are not later changes. */
  baseDate?: string;
  /**
   * The later patches, when a reading at a later ref of the same line already read them:
   * `patches` (of `paths`) and which of them are on this ref's path. Used only when they cover
   * every path this reading needs; otherwise the log runs as usual.
   */
  readPatches?: { patches: CommitPatch[]; paths: string[]; onPath: (shas: string[]) => boolean[] | null };
  /**
   * Whether the later changes are wanted (default true). The client's version's are never shown
   * (the target's are): without them, a fix whose lines are all intact there needs no walk at all.
   */
  laterChanges?: boolean;
}

export interface TouchingCommit {
  facts: CommitFacts;
  /** The full message (a revert names the commit it reverts there). */
  message: string;
  /** Text of the lines it removed and added in the fixed files (for content reverts). */
  removed: string[];
  added: string[];
}

export interface SurvivalOutcome {
  survival: Survival;
  /** Later commits that touched the fixed regions, newest first, each with why it counts. */
  laterChanges: LaterChange[];
  /**
   * Later commits of the fixed files' history that touched them, newest first, by sha. Empty
   * when every added line is intact: then no commit can have undone the fix.
   */
  touching: Map<string, TouchingCommit>;
  /** The patches this reading read (with the paths they cover), for a reading at an earlier ref; null when none. */
  patches: { patches: CommitPatch[]; paths: string[] } | null;
}

interface FileWork {
  diff: FileDiff;
  pathAtRef: string | null;
  blame: BlameResult | null;
  lost: (LostLine & { text: string; candidates: string[] })[];
  intact: number;
  /** Where the file went is not known (see PathTrace.undetermined): its lines are not measured. */
  unmeasured: boolean;
  /** Read from the comparison with the ref instead of blame (see diffSurvival.ts). */
  fromDiff: DiffReading | null;
}

export function factsOf(commit: Pick<RawCommit, 'sha' | 'subject' | 'authorName' | 'authorEmail' | 'date'>, isMe: (email: string) => boolean): CommitFacts {
  return {
    sha: commit.sha,
    subject: commit.subject,
    authorName: commit.authorName,
    authorEmail: commit.authorEmail,
    date: commit.date,
    byMe: isMe(commit.authorEmail),
  };
}

/** Largest index i with sorted[i] < value, or -1. */
function lowerIndex(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Reads one file's blame: which added lines are intact, and for the others whether later lines
 * now stand in their place. Also collects the later commits inside the fixed regions.
 */
function analyseBlame(work: FileWork, base: string, regionCommits: Set<string>): void {
  const blame = work.blame;
  const added = work.diff.added;
  if (blame === null) {
    work.lost = added.map((l) => ({ line: l.line, state: 'removed', by: null, text: l.text, candidates: [] }));
    return;
  }
  // The base's lines that are still there: orig line (base numbering) → final line (ref numbering).
  const survivors = new Map<number, number>();
  for (const e of blame.lines) if (e.sha === base) survivors.set(e.origLine, e.finalLine);
  const origSorted = [...survivors.keys()].sort((a, b) => a - b);
  // Later (non-boundary) lines by final position.
  const later = new Map<number, string>();
  for (const e of blame.lines) {
    const info = blame.commits.get(e.sha);
    if (e.sha !== base && info !== undefined && !info.boundary) later.set(e.finalLine, e.sha);
  }
  const lastFinal = blame.lines.reduce((m, e) => Math.max(m, e.finalLine), 0);
  const gap = (origLine: number): [number, number] => {
    const i = lowerIndex(origSorted, origLine);
    const prev = i >= 0 ? (survivors.get(origSorted[i] as number) as number) : 0;
    let j = i + 1;
    while (j < origSorted.length && (origSorted[j] as number) <= origLine) j++;
    const next = j < origSorted.length ? (survivors.get(origSorted[j] as number) as number) : lastFinal + 1;
    return [prev, next];
  };
  const laterIn = ([from, to]: [number, number]): string[] => {
    const out: string[] = [];
    for (let f = from + 1; f < to; f++) {
      const sha = later.get(f);
      if (sha !== undefined && !out.includes(sha)) out.push(sha);
    }
    return out;
  };
  work.intact = 0;
  work.lost = [];
  for (const l of added) {
    if (survivors.has(l.line)) {
      work.intact++;
      continue;
    }
    const candidates = laterIn(gap(l.line));
    work.lost.push({ line: l.line, state: candidates.length > 0 ? 'modified' : 'removed', by: null, text: l.text, candidates });
  }
  // The fixed regions at the ref: from the survivor before each block of added lines to the one after.
  const lines = added.map((l) => l.line);
  for (let k = 0; k < lines.length; ) {
    let end = k;
    while (end + 1 < lines.length && (lines[end + 1] as number) === (lines[end] as number) + 1) end++;
    const [from] = gap(lines[k] as number);
    const [, to] = gap(lines[end] as number);
    for (const sha of laterIn([from, to])) regionCommits.add(sha);
    k = end + 1;
  }
}

/**
 * Lost lines blamed on commits authored before the fix that do not descend from it are the merge's
 * where the two met (see mergeLoss.ts): re-blamed on that merge, whose facts join `facts`.
 */
async function blameMeetingMerges(
  port: GitPort,
  request: SurvivalRequest,
  works: readonly FileWork[],
  known: (sha: string) => CommitFacts | undefined,
  facts: Map<string, CommitFacts>,
): Promise<void> {
  const fixTime = Date.parse(request.baseDate ?? '');
  if (Number.isNaN(fixTime)) return;
  const suspects = new Set<string>();
  for (const w of works) for (const l of w.lost) {
    const date = l.by === null ? undefined : known(l.by)?.date;
    if (l.by !== null && date !== undefined && Date.parse(date) < fixTime) suspects.add(l.by);
  }
  const older: string[] = [];
  for (const sha of suspects) if (!(await port.isAncestor(request.base, sha))) older.push(sha);
  const merges = await meetingMerges(port, request.base, request.refSha, older);
  for (const [, merge] of merges) facts.set(merge.sha, factsOf(merge, request.isMe));
  for (const w of works) for (const l of w.lost) {
    const merge = l.by === null ? undefined : merges.get(l.by);
    if (merge !== undefined) l.by = merge.sha;
  }
}

/** A later ref's patches that are on this ref's path, when they cover every path needed. */
function reusedPatches(request: SurvivalRequest, paths: Set<string>): CommitPatch[] | null {
  const given = request.readPatches;
  if (given === undefined || [...paths].some((p) => !given.paths.includes(p))) return null;
  const on = given.onPath(given.patches.map((p) => p.commit.sha));
  return on === null ? null : given.patches.filter((_, i) => on[i] === true);
}

/** The fix's version of the files against the ref's, by path; null when the port cannot compare. */
async function compareWithRef(port: GitPort, request: SurvivalRequest, paths: string[]): Promise<Map<string, FileDiff> | null> {
  if (port.treeDiff === undefined || paths.length === 0 || request.refSha === request.base) return null;
  const out = new Map<string, FileDiff>();
  for (const f of await port.treeDiff(request.base, request.refSha, paths)) out.set(f.path, f);
  return out;
}

/**
 * The first reads of a measure: which of the fix's files the ref has at their paths, and how they
 * differ from the fix's. A caller that knows a measure will follow asks them beforehand, beside
 * other work: one computation's repeated reads (repeatedReads.ts) hand the answers over.
 */
export async function readFilesAtRef(port: GitPort, request: SurvivalRequest): Promise<void> {
  const paths = await pathsAtRef(port, request);
  await comparePresent(port, request, paths);
}

/** The measured files' paths, and those of them the ref has. */
async function pathsAtRef(port: GitPort, request: SurvivalRequest): Promise<{ wanted: string[]; present: Set<string> }> {
  const wanted = filesToMeasure(request.files).map((f) => f.path);
  return { wanted, present: new Set(await port.pathsAt(request.refSha, wanted)) };
}

function comparePresent(port: GitPort, request: SurvivalRequest, { wanted, present }: { wanted: string[]; present: Set<string> }): Promise<Map<string, FileDiff> | null> {
  return compareWithRef(port, request, wanted.filter((p) => present.has(p)));
}

export async function measureSurvival(port: GitPort, request: SurvivalRequest): Promise<SurvivalOutcome> {
  // Binary files, release notes and tests beside the fix's code are listed, not measured (see
  // filesToMeasure); a text file without added lines neither.
  const textFiles = filesToMeasure(request.files);
  const measured = new Set(textFiles);
  const unmeasuredKinds = request.files.filter((f) => !measured.has(f) && (f.binary || f.added.length > 0));
  const paths = await pathsAtRef(port, request);
  const { present } = paths;
  const missing = paths.wanted.filter((p) => !present.has(p));
  // Each file's path is followed on its own, at once (see inOrder.ts), and the files still at
  // their paths are compared with the ref's meanwhile (the same reads as readFilesAtRef).
  const [followed, toRef] = await allInOrder([
    () => allInOrder(missing.map((p) => () => port.followPath(p, request.base, request.refSha))),
    () => comparePresent(port, request, paths),
  ]);
  const traces = new Map<string, PathTrace>(missing.map((p, i) => [p, followed[i] as PathTrace]));

  const works: FileWork[] = [];
  const regionCommits = new Set<string>();
  const blameInfo = new Map<string, CommitFacts>();
  // The files' blames run at once; each is read in the files' order, so the answer is the same as
  // one after another. A blame that fails throws: a failed git command is never read as "no lines left".
  const blameOf = (work: FileWork): Promise<BlameResult | null> => (work.pathAtRef === null ? Promise.resolve(null) : port.blame(work.pathAtRef, { include: [request.refSha], exclude: [request.base] }));
  const readBlame = (work: FileWork, blame: BlameResult | null): void => {
    work.blame = blame;
    work.fromDiff = null;
    analyseBlame(work, request.base, regionCommits);
    for (const info of work.blame?.commits.values() ?? []) if (!info.boundary) blameInfo.set(info.sha, factsOf(info, request.isMe));
  };
  const blameFiles = async (todo: readonly FileWork[]): Promise<void> => {
    const blames = await allInOrder(todo.map((w) => () => blameOf(w)));
    todo.forEach((w, i) => readBlame(w, blames[i] as BlameResult | null));
  };
  // The later commits owning the lines inside the fixed regions, when the patches could not trace
  // them (a merge on the way): a blame of those lines only (`-L`), which stops walking as soon as
  // they are accounted for, instead of a blame of the whole file back to the fix.
  const regionBlameOf = (work: FileWork, regionLines: readonly { line: number }[]): Promise<BlameResult> =>
    port.blame(work.diff.path, { include: [request.refSha], exclude: [request.base] }, lineRanges(regionLines.map((l) => l.line)));
  const readRegionBlame = (blame: BlameResult): void => {
    for (const e of blame.lines) {
      const info = blame.commits.get(e.sha);
      if (e.sha !== request.base && info !== undefined && !info.boundary) regionCommits.add(e.sha);
    }
    for (const info of blame.commits.values()) if (!info.boundary) blameInfo.set(info.sha, factsOf(info, request.isMe));
  };
  const linesAtParent = parentLineReader(port, request.base);
  const toBlame: FileWork[] = [];
  for (const diff of textFiles) {
    const trace = traces.get(diff.path);
    const pathAtRef = present.has(diff.path) ? diff.path : trace?.path ?? null;
    if (request.refSha === request.base) {
      // Measured at the commit itself: nothing came after it, every line is as it left it.
      works.push({ diff, pathAtRef, blame: null, lost: [], intact: diff.added.length, unmeasured: false, fromDiff: null });
      continue;
    }
    if (trace?.undetermined === true) {
      works.push({ diff, pathAtRef: null, blame: null, lost: [], intact: 0, unmeasured: true, fromDiff: null });
      continue;
    }
    const reading = toRef === null || pathAtRef !== diff.path ? null : readAgainstRef(diff.added, toRef.get(diff.path));
    const work: FileWork = { diff, pathAtRef, blame: null, lost: [], intact: 0, unmeasured: false, fromDiff: reading };
    if (reading === null) toBlame.push(work);
    else {
      work.intact = reading.intact;
      work.lost = reading.lost.map((l) => ({ ...l, by: null, candidates: [] }));
    }
    works.push(work);
  }
  await blameFiles(toBlame);

  const touching = new Map<string, TouchingCommit>();
  let read: SurvivalOutcome['patches'] = null;
  const patchFacts = new Map<string, CommitFacts>();
  const lostLines = (): boolean => works.some((w) => w.lost.length > 0);
  const wantLater = request.laterChanges !== false;
  if (lostLines() || (wantLater && works.some((w) => (w.fromDiff?.regionLines.length ?? 0) > 0))) {
    const paths = new Set<string>();
    for (const w of works) {
      paths.add(w.diff.path);
      if (w.pathAtRef !== null) paths.add(w.pathAtRef);
    }
    // The paths the files had on the way, so edits made between two moves are read too.
    for (const t of traces.values()) for (const step of t.steps) paths.add(step.to);
    const patches = reusedPatches(request, paths) ?? (await port.logPatches({
      range: { include: [request.refSha], exclude: [request.base] },
      paths: [...paths],
      fullDiff: false,
      noMerges: false,
    }));
    read = { patches, paths: [...paths] };
    for (const p of patches) patchFacts.set(p.commit.sha, factsOf(p.commit, request.isMe));
    const owners = works.map((w) => (!wantLater || w.fromDiff === null || w.fromDiff.regionLines.length === 0 ? undefined : regionOwners(w.fromDiff.regionLines, patches, w.diff.path)));
    const regionBlames = await allInOrder(works.map((w, i) => () => (owners[i] === null && w.fromDiff !== null ? regionBlameOf(w, w.fromDiff.regionLines) : Promise.resolve(null))));
    works.forEach((_, i) => {
      const blame = regionBlames[i] ?? null;
      if (blame !== null) readRegionBlame(blame);
      else for (const sha of owners[i] ?? []) regionCommits.add(sha);
    });
    await attributeLostLines(works, patches, linesAtParent);
    // A lost line no later commit visibly removed (a merge's resolution, a whitespace rewrite): blame tells.
    const unattributed = works.filter((w) => w.fromDiff !== null && !w.lost.every((l) => l.by !== null));
    await blameFiles(unattributed);
    for (const w of unattributed) await attributeLostLines([w], patches, linesAtParent);
    // A file deleted on the way: lines no patch took away by their text (the fix's own lines, when
    // another line had deleted the file before the fix came over to it) went with the file.
    for (const w of works) {
      const deletedIn = w.pathAtRef === null ? traces.get(w.diff.path)?.deletedIn : undefined;
      if (deletedIn !== undefined) for (const l of w.lost) if (l.by === null) l.by = deletedIn;
    }
    // Only lost lines make a commit a possible revert: with every line intact, none undid the fix.
    if (lostLines()) {
      for (const p of patches) {
        touching.set(p.commit.sha, {
          facts: patchFacts.get(p.commit.sha) as CommitFacts,
          message: p.commit.message,
          removed: p.files.flatMap((f) => f.removed.map((l) => l.text)),
          added: p.files.flatMap((f) => f.added.map((l) => l.text)),
        });
      }
    }
  }

  await blameMeetingMerges(port, request, works, (sha) => patchFacts.get(sha) ?? blameInfo.get(sha), patchFacts);

  const files: SurvivalFile[] = [];
  const changes = new Map<string, LineChange>();
  for (const w of works) {
    const modified = w.lost.filter((l) => l.state === 'modified').length;
    files.push({
      path: w.diff.path,
      pathAtRef: w.pathAtRef,
      binary: false,
      added: w.diff.added.length,
      intact: w.intact,
      modified,
      removed: w.lost.length - modified,
      lost: w.lost.map(({ line, state, by }) => ({ line, state, by })),
      ...(w.unmeasured ? { unmeasured: true } : {}),
    });
    for (const l of w.lost) {
      if (l.by === null) continue;
      const facts = patchFacts.get(l.by) ?? blameInfo.get(l.by);
      if (facts === undefined) continue;
      const change = changes.get(l.by) ?? { ...facts, lines: 0, paths: [] };
      change.lines++;
      const where = w.pathAtRef ?? w.diff.path;
      if (!change.paths.includes(where)) change.paths.push(where);
      changes.set(l.by, change);
    }
  }
  for (const b of unmeasuredKinds) {
    const kind = b.binary ? {} : isReleaseNote(b.path) ? { releaseNote: true as const } : { test: true as const };
    files.push({ path: b.path, pathAtRef: null, binary: b.binary, ...kind, added: 0, intact: 0, modified: 0, removed: 0, lost: [] });
  }
  const later = new Map<string, LaterChange>();
  for (const c of changes.values()) later.set(c.sha, { ...factsOf(c, request.isMe), why: 'changed-fix-lines' });
  // A commit between the fix's lines counts when it is later as a reader means it: authored after
  // the fix. (A fix made on an old maintenance branch and merged has, in `ref ^fix`, commits of the
  // other line authored long before it; they did not change anything after the fix.)
  const fixTime = Date.parse(request.baseDate ?? '');
  for (const sha of regionCommits) {
    if (later.has(sha)) continue;
    const facts = patchFacts.get(sha) ?? blameInfo.get(sha);
    if (facts === undefined) continue;
    if (!Number.isNaN(fixTime) && Date.parse(facts.date) < fixTime) continue;
    later.set(sha, { ...facts, why: 'in-fixed-region' });
  }
  const sum = (k: 'added' | 'intact' | 'modified' | 'removed'): number => files.reduce((n, f) => n + f[k], 0);
  return {
    survival: {
      ref: request.refName,
      sha: request.refSha,
      added: sum('added'),
      intact: sum('intact'),
      modified: sum('modified'),
      removed: sum('removed'),
      files,
      changedBy: newestFirst([...changes.values()]),
      measuredFrom: request.base,
    },
    laterChanges: newestFirst([...later.values()]),
    touching,
    patches: read,
  };
}
