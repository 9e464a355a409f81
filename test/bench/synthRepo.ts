// Builds synthetic repositories for the benchmark by streaming `git fast-import`: one process, no
// working-tree churn, so 100k commits take about a minute instead of an hour of `git commit`.
// Everything is drawn from a seeded PRNG, so the same parameters always give the same history and
// the same shas, and a generated repository can be cached and reused between runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './gitProcess';

/** Bump when the generated history changes shape, so stale caches are not reused. */
const GENERATOR_VERSION = 3;

export interface SynthParams {
  commits: number;
  files: number;
  issues: number;
  tags: number;
  seed: number;
}

export interface SynthFix {
  sha: string;
  /** Branch the commit was made on. */
  branch: string;
  path: string;
  linesAdded: number;
  /** Lines of this fix still present, unchanged, at the tip of main. */
  linesSurvivingOnMain: number;
  /** A later commit on main that reverts this fix ("This reverts commit <sha>"). */
  revertedBy: string | null;
  /** A later commit that rewrote some of the fix's lines on purpose. */
  overwrittenBy: string | null;
  /** Set on a cherry-pick: the sha it was picked from. */
  pickedFrom: string | null;
}

export interface SynthIssue {
  id: string;
  fixes: SynthFix[];
  mentions: number;
  negations: number;
}

export interface SynthManifest {
  generatorVersion: number;
  params: SynthParams;
  repoDir: string;
  target: string;
  mainSha: string;
  deployedRef: string;
  releaseBranch: string;
  me: string[];
  tagCount: number;
  commitCount: number;
  generationMs: number;
  issues: SynthIssue[];
}

/** Issue and tag counts that scale with history: "a few hundred" issues, "hundreds" of tags. */
export function defaultParams(commits: number): SynthParams {
  return {
    commits,
    files: 300,
    issues: Math.max(40, Math.min(400, Math.round(commits / 30))),
    tags: Math.max(40, Math.min(500, Math.round(commits / 40))),
    seed: 20240601,
  };
}

/** Returns the cached repository for these parameters, generating it first when missing. */
export async function ensureSynthRepo(cacheRoot: string, params: SynthParams, log: (line: string) => void): Promise<SynthManifest> {
  const key = `c${params.commits}-f${params.files}-i${params.issues}-t${params.tags}-s${params.seed}-g${GENERATOR_VERSION}`;
  const dir = join(cacheRoot, key);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SynthManifest;
    // A run killed mid re-scan can leave main one commit ahead; the manifest knows where it belongs.
    await git(manifest.repoDir, ['update-ref', `refs/heads/${manifest.target}`, manifest.mainSha]);
    return manifest;
  }
  // No manifest means a generation that never finished: start over rather than trust half a repo.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating ${key} ...`);
  const started = Date.now();
  const manifest = await generate(join(dir, 'repo'), params);
  manifest.generationMs = Date.now() - started;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  log(`generated ${key} in ${(manifest.generationMs / 1000).toFixed(1)} s`);
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: tiny, fast, and good enough to make histories look unplanned. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: enough variety that lines, subjects and blame look like a small business app.

const VERBS = ['compute', 'load', 'save', 'render', 'parse', 'validate', 'format', 'merge', 'sync', 'fetch', 'apply', 'resolve', 'build', 'check', 'update', 'round', 'export'];
const NOUNS = ['invoice', 'order', 'customer', 'cart', 'total', 'tax', 'report', 'session', 'token', 'price', 'discount', 'address', 'payment', 'ledger', 'shipment', 'coupon', 'refund'];
const PROPS = ['amount', 'status', 'items', 'currency', 'createdAt', 'owner', 'lines', 'region', 'code', 'retries'];
const MODULES = ['billing', 'checkout', 'accounts', 'reports', 'shipping', 'auth', 'api', 'ui', 'sync', 'admin'];
const SUBJECTS_EN = ['Refactor {n} handling', 'Add tests for {v} {n}', 'Update {n} labels', 'Tidy up {m} module', 'Speed up {v} of {n}', 'Rename {n} helpers', 'Log {n} {p} changes', 'Extract {v}{N} helper', 'Bump dependencies', 'Improve {m} error messages'];
const SUBJECTS_ES = ['Mejora el {v} de {n}', 'Añade pruebas de {n}', 'Limpieza del módulo {m}', 'Reorganiza la lógica de {n}', 'Actualiza textos de {n}', 'Simplifica el cálculo de {n}'];
const FIX_EN = ['{n} {p} wrong after {v}', 'crash when {n} has no {p}', 'rounding of {n} {p}', 'empty {n} list on {m} page', 'duplicate {n} on retry'];
const FIX_ES = ['el {p} de {n} sale mal', 'error al {v} {n} sin {p}', 'redondeo del {p} en {n}', 'lista de {n} vacía en {m}'];

const ME = { name: 'Ana García', email: 'ana@anagarcia.dev' };
const ME_ALT = { name: 'Ana García', email: 'ana.garcia@users.noreply.example.com' };
const OTHERS = [
  { name: 'Bruno Díaz', email: 'bruno@client-acme.example' },
  { name: 'Carla Méndez', email: 'carla@client-acme.example' },
  { name: 'Dev Contractor', email: 'dev@contractor.example' },
  { name: 'Elena Ruiz', email: 'elena@globex.example' },
  { name: 'Frank Moss', email: 'frank@globex.example' },
];

interface Ident {
  name: string;
  email: string;
}

// ---------------------------------------------------------------------------------------------
// The generator

interface Pending {
  kind: 'revert' | 'overwrite';
  fix: FixState;
}

interface FixState {
  issue: SynthIssue;
  mark: number;
  subject: string;
  message: string;
  fileIndex: number;
  lines: string[];
  branch: string;
  revertMark: number | null;
  overwriteMark: number | null;
  pickedFromMark: number | null;
}

class FastImportWriter {
  private buffer: string[] = [];
  private size = 0;
  private waiting: ((line: string) => void)[] = [];
  private lines: string[] = [];
  private stdoutText = '';
  private readonly done: Promise<void>;

  constructor(private readonly child: ReturnType<typeof spawn>) {
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      this.stdoutText += text;
      let nl = this.stdoutText.indexOf('\n');
      while (nl >= 0) {
        this.lines.push(this.stdoutText.slice(0, nl));
        this.stdoutText = this.stdoutText.slice(nl + 1);
        nl = this.stdoutText.indexOf('\n');
      }
      while (this.lines.length > 0 && this.waiting.length > 0) (this.waiting.shift() as (line: string) => void)(this.lines.shift() as string);
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    this.done = new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import failed (${code}): ${stderr.trim()}`))));
    });
  }

  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
  }

  data(text: string): void {
    this.write(`data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`);
  }

  async maybeFlush(): Promise<void> {
    if (this.size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    const stdin = this.child.stdin;
    if (stdin === null) throw new Error('fast-import has no stdin');
    if (!stdin.write(chunk)) await new Promise<void>((resolve) => stdin.once('drain', () => resolve()));
  }

  /** Asks fast-import for a commit's sha mid-stream, so later messages can quote it like git does. */
  async sha(mark: number): Promise<string> {
    const line = new Promise<string>((resolve) => {
      const ready = this.lines.shift();
      if (ready !== undefined) resolve(ready);
      else this.waiting.push(resolve);
    });
    this.write(`get-mark :${mark}\n`);
    await this.flush();
    return line;
  }

  async end(): Promise<void> {
    this.write('done\n');
    await this.flush();
    this.child.stdin?.end();
    await this.done;
  }
}

async function generate(repoDir: string, params: SynthParams): Promise<SynthManifest> {
  mkdirSync(repoDir, { recursive: true });
  await git(repoDir, ['init', '-q', '-b', 'main']);
  const marksFile = join(repoDir, '..', 'marks.txt');
  const child = spawn('git', ['fast-import', '--quiet', '--done', `--export-marks=${marksFile}`], {
    cwd: repoDir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out = new FastImportWriter(child);
  const rng = new Rng(params.seed);
  let lineCounter = 0;
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

  const fill = (template: string): string =>
    template
      .replace('{v}', rng.pick(VERBS))
      .replace('{n}', rng.pick(NOUNS))
      .replace('{N}', cap(rng.pick(NOUNS)))
      .replace('{p}', rng.pick(PROPS))
      .replace('{m}', rng.pick(MODULES));

  // Every non-trivial line carries a counter so blame can tell copies apart, as in real code where
  // few lines repeat; braces and blank lines repeat, as they do in real code.
  const codeLine = (): string => {
    const r = rng.next();
    const n = ++lineCounter;
    const noun = rng.pick(NOUNS);
    if (r < 0.08) return '}';
    if (r < 0.14) return '';
    if (r < 0.35) return `  const ${noun}${n} = ${rng.pick(VERBS)}${cap(rng.pick(NOUNS))}(${noun}, ${rng.int(0, 99)});`;
    if (r < 0.5) return `  if (${noun}.${rng.pick(PROPS)} > ${n % 1000}) {`;
    if (r < 0.65) return `    return ${rng.pick(VERBS)}${cap(noun)}(${noun}.${rng.pick(PROPS)}, ${n});`;
    if (r < 0.8) return `  // ${fill(rng.pick(SUBJECTS_EN)).toLowerCase()} (${n})`;
    return `export function ${rng.pick(VERBS)}${cap(noun)}${n}(${noun}: ${cap(noun)}): void {`;
  };
  const fixLine = (): string => {
    const n = ++lineCounter;
    const noun = rng.pick(NOUNS);
    return `    if (${noun}?.${rng.pick(PROPS)} == null) return ${rng.pick(['null', '0', "''", '[]', 'undefined'])}; // guard ${n}`;
  };

  // Working state of main and (once branched) the release branch.
  const paths: string[] = [];
  const mainFiles: string[][] = [];
  const touchedMain: number[] = [];
  for (let f = 0; f < params.files; f++) {
    paths.push(`src/${MODULES[f % MODULES.length]}/${rng.pick(NOUNS)}${cap(rng.pick(VERBS))}${f}.ts`);
    const lines: string[] = [];
    const length = rng.int(30, 90);
    for (let i = 0; i < length; i++) lines.push(codeLine());
    mainFiles.push(lines);
    touchedMain.push(0);
  }
  let releaseFiles: string[][] | null = null;
  const touchedRelease = new Set<number>();

  // Time runs forward ~6 years over the whole history, whatever its size.
  let now = Date.UTC(2019, 0, 7, 9, 0, 0) / 1000;
  const step = Math.max(60, Math.floor((6 * 365 * 86400) / params.commits));
  let mark = 0;
  let mainTip = 0;
  let releaseTip = 0;

  const issues: SynthIssue[] = [];
  for (let i = 1; i <= params.issues; i++) {
    // Most issues are one client's; a second prefix keeps the parser honest about which id it matched.
    const prefix = i % 7 === 0 ? 'GLOBEX' : 'ACME';
    issues.push({ id: `${prefix}-${i}`, fixes: [], mentions: 0, negations: 0 });
  }
  const fixes: FixState[] = [];

  const writeCommit = (branch: string, files: string[][], who: Ident, message: string, changed: number[], when: number, authorWhen = when): number => {
    mark++;
    const from = branch === 'main' ? mainTip : releaseTip;
    out.write(`commit refs/heads/${branch}\nmark :${mark}\n`);
    out.write(`author ${who.name} <${who.email}> ${authorWhen} +0000\ncommitter ${who.name} <${who.email}> ${when} +0000\n`);
    out.data(message);
    if (from !== 0) out.write(`from :${from}\n`);
    for (const f of new Set(changed)) {
      out.write(`M 100644 inline ${paths[f]}\n`);
      out.data((files[f] as string[]).join('\n') + '\n');
    }
    out.write('\n');
    if (branch === 'main') mainTip = mark;
    else releaseTip = mark;
    return mark;
  };

  const author = (): Ident => (rng.chance(0.45) ? (rng.chance(0.8) ? ME : ME_ALT) : rng.pick(OTHERS));

  const randomEdit = (lines: string[]): void => {
    const op = lines.length > 140 ? 2 : lines.length < 30 ? 1 : rng.int(0, 2);
    const pos = rng.int(0, Math.max(0, lines.length - 1));
    if (op === 0) {
      const k = rng.int(1, 3);
      const fresh = Array.from({ length: k }, codeLine);
      lines.splice(pos, Math.min(k, lines.length - pos), ...fresh);
    } else if (op === 1) {
      lines.splice(pos, 0, ...Array.from({ length: rng.int(1, 4) }, codeLine));
    } else {
      lines.splice(pos, rng.int(1, 3));
    }
  };

  // Reference styles users really write, English and Spanish, closing keywords and trailers.
  const fixMessage = (id: string): { subject: string; message: string } => {
    const en = fill(rng.pick(FIX_EN));
    const es = fill(rng.pick(FIX_ES));
    const styles: (() => string)[] = [
      () => `Fix ${id}: ${en}`,
      () => `Fixes ${id} (${en})`,
      () => `fix(${rng.pick(MODULES)}): ${en} (closes ${id})`,
      () => `Resolve ${id}: ${en}`,
      () => `Corrige ${id}: ${es}`,
      () => `Arregla ${es}, corrige ${id}`,
      () => `Soluciona ${id} — ${es}`,
      () => `${cap(en)}\n\nThe ${rng.pick(NOUNS)} path skipped the check.\n\nFixes: ${id}`,
      () => `${cap(es)}\n\nCliente reportó el fallo en producción.\n\nCloses: ${id}`,
    ];
    const message = rng.pick(styles)() + '\n';
    return { subject: message.split('\n')[0] as string, message };
  };

  const chatterMessage = (): string => {
    const subject = rng.chance(0.7) ? fill(rng.pick(SUBJECTS_EN)) : fill(rng.pick(SUBJECTS_ES));
    const r = rng.next();
    if (r < 0.04) {
      const issue = rng.pick(issues);
      issue.mentions++;
      return rng.chance(0.5) ? `${subject}, see ${issue.id}\n` : `${subject}\n\nRelacionado con ${issue.id}.\n`;
    }
    if (r < 0.05) {
      const issue = rng.pick(issues);
      issue.negations++;
      return rng.chance(0.5) ? `${subject}\n\nThis does not fix ${issue.id} yet.\n` : `${subject} (no corrige ${issue.id} todavía)\n`;
    }
    return `${subject}\n`;
  };

  // Plan: which main commit index carries which fix; a sixth of issues get a second fix.
  const fixAt = new Map<number, SynthIssue>();
  const lo = Math.floor(params.commits * 0.03);
  const hi = Math.floor(params.commits * 0.97);
  for (const issue of issues) {
    const count = rng.chance(0.16) ? 2 : 1;
    for (let k = 0; k < count; k++) {
      let at = rng.int(lo, hi);
      while (fixAt.has(at)) at = at + 1 >= hi ? lo : at + 1;
      fixAt.set(at, issue);
    }
  }
  const pending = new Map<number, Pending[]>();
  const schedule = (at: number, p: Pending): void => {
    const list = pending.get(at) ?? [];
    list.push(p);
    pending.set(at, list);
  };
  const branchAt = Math.floor(params.commits * 0.7);
  let releaseName = 'release';
  const releaseSlots = new Set<number>();
  for (let k = 1; k <= 12; k++) releaseSlots.add(branchAt + k * Math.max(3, Math.floor((params.commits - branchAt) / 14)));
  const tagEvery = Math.max(1, Math.floor(params.commits / params.tags));
  let tagCount = 0;
  let version = [1, 0, 0];
  let deployedRef = '';
  let deployedMark = 0;
  let lastTag = 'v1.0.0';
  let fallbackMark = 0;
  let hotfixes = 0;

  const nextVersion = (): string => {
    const [maj = 1, min = 0, pat = 0] = version;
    version = pat >= 9 ? (min >= 9 ? [maj + 1, 0, 0] : [maj, min + 1, 0]) : [maj, min, pat + 1];
    lastTag = `v${maj}.${min}.${pat}`;
    return lastTag;
  };

  const writeTag = (name: string, target: number, when: number, annotated: boolean): void => {
    if (annotated) {
      out.write(`tag ${name}\nfrom :${target}\ntagger ${ME.name} <${ME.email}> ${when} +0000\n`);
      out.data(`Release ${name}\n`);
    } else {
      out.write(`reset refs/tags/${name}\nfrom :${target}\n\n`);
    }
    tagCount++;
  };

  const pickUntouchedFile = (): number | null => {
    for (let tries = 0; tries < 200; tries++) {
      const f = rng.int(0, params.files - 1);
      if ((touchedMain[f] as number) < branchAt && !touchedRelease.has(f)) return f;
    }
    return null;
  };

  const commitFix = (branch: string, files: string[][], issue: SynthIssue, f: number, when: number): FixState => {
    const lines = files[f] as string[];
    const added = Array.from({ length: rng.int(3, 8) }, fixLine);
    lines.splice(rng.int(1, Math.max(1, lines.length - 1)), 0, ...added);
    const { subject, message } = fixMessage(issue.id);
    const who = rng.chance(0.75) ? ME : rng.pick(OTHERS);
    const m = writeCommit(branch, files, who, message, [f], when);
    const fix: FixState = { issue, mark: m, subject, message, fileIndex: f, lines: added, branch, revertMark: null, overwriteMark: null, pickedFromMark: null };
    fixes.push(fix);
    return fix;
  };

  // Re-applies a fix's insertion at the same spot on another branch, so the patch (and its patch-id)
  // is identical, as `git cherry-pick -x` would produce when the file did not diverge.
  const cherryPick = async (src: FixState, toBranch: string, toFiles: string[][], fromFiles: string[][], when: number): Promise<void> => {
    toFiles[src.fileIndex] = [...(fromFiles[src.fileIndex] as string[])];
    const sha = await out.sha(src.mark);
    const m = writeCommit(toBranch, toFiles, rng.chance(0.8) ? ME : rng.pick(OTHERS), `${src.message.trimEnd()}\n\n(cherry picked from commit ${sha})\n`, [src.fileIndex], when, when - 3600);
    fixes.push({ ...src, mark: m, branch: toBranch, revertMark: null, overwriteMark: null, pickedFromMark: src.mark });
  };

  writeCommit('main', mainFiles, ME, 'Initial import of the client app\n', mainFiles.map((_, i) => i), now);
  for (let i = 1; i < params.commits; i++) {
    now += rng.int(Math.floor(step / 4), Math.floor(step * 1.75));
    const duties = pending.get(i);
    pending.delete(i);
    const duty = duties?.shift();
    if (duties !== undefined && duties.length > 0) pending.set(i + 1, [...duties, ...(pending.get(i + 1) ?? [])]);
    const issue = fixAt.get(i);
    if (issue !== undefined && duty !== undefined) schedule(i + 1, duty);

    if (issue !== undefined) {
      const f = rng.int(0, params.files - 1);
      const fix = commitFix('main', mainFiles, issue, f, now);
      touchedMain[f] = i;
      if (rng.chance(0.1)) schedule(i + rng.int(5, 200), { kind: 'revert', fix });
      else if (rng.chance(0.22)) schedule(i + rng.int(20, 2000), { kind: 'overwrite', fix });
    } else if (duty?.kind === 'revert') {
      const lines = mainFiles[duty.fix.fileIndex] as string[];
      const start = lines.indexOf(duty.fix.lines[0] as string);
      const intact = start >= 0 && duty.fix.lines.every((l, k) => lines[start + k] === l);
      if (intact) {
        lines.splice(start, duty.fix.lines.length);
        const sha = await out.sha(duty.fix.mark);
        const msg = `Revert "${duty.fix.subject}"\n\nThis reverts commit ${sha}.\n`;
        duty.fix.revertMark = writeCommit('main', mainFiles, rng.chance(0.5) ? ME : rng.pick(OTHERS), msg, [duty.fix.fileIndex], now);
      } else {
        writeCommit('main', mainFiles, author(), chatterMessage(), [], now);
      }
      touchedMain[duty.fix.fileIndex] = i;
    } else if (duty?.kind === 'overwrite') {
      const lines = mainFiles[duty.fix.fileIndex] as string[];
      const still = duty.fix.lines.map((l) => lines.indexOf(l)).filter((at) => at >= 0);
      for (const at of still.slice(0, rng.int(1, 2))) lines[at] = codeLine();
      const who = rng.chance(0.8) ? rng.pick(OTHERS) : ME;
      duty.fix.overwriteMark = writeCommit('main', mainFiles, who, `${fill(rng.pick(SUBJECTS_EN))}\n`, [duty.fix.fileIndex], now);
      touchedMain[duty.fix.fileIndex] = i;
    } else if (releaseSlots.has(i) && releaseFiles !== null) {
      // The release branch: a hotfix made there and picked onto main, or a main fix picked there.
      const f = pickUntouchedFile();
      const target = issues[(hotfixes * 37 + 11) % issues.length] as SynthIssue;
      if (f !== null && hotfixes % 2 === 0) {
        touchedRelease.add(f);
        const fix = commitFix(releaseName, releaseFiles, target, f, now);
        deployedRef = `${lastTag}-hotfix.${hotfixes / 2 + 1}`;
        deployedMark = fix.mark;
        writeTag(deployedRef, fix.mark, now + 60, true);
        now += 1800;
        await cherryPick(fix, 'main', mainFiles, releaseFiles, now);
        touchedMain[f] = i;
      } else if (f !== null) {
        touchedRelease.add(f);
        const fix = commitFix('main', mainFiles, target, f, now);
        touchedMain[f] = i;
        now += 1800;
        await cherryPick(fix, releaseName, releaseFiles, mainFiles, now);
      } else {
        writeCommit('main', mainFiles, author(), chatterMessage(), [], now);
      }
      hotfixes++;
    } else {
      const changed: number[] = [];
      const count = rng.chance(0.75) ? 1 : rng.int(2, 3);
      for (let k = 0; k < count; k++) {
        const f = rng.int(0, params.files - 1);
        randomEdit(mainFiles[f] as string[]);
        touchedMain[f] = i;
        changed.push(f);
      }
      writeCommit('main', mainFiles, author(), chatterMessage(), changed, now);
    }

    if (i === Math.floor(params.commits * 0.6)) fallbackMark = mainTip;
    if (i === branchAt) {
      releaseName = `release/${lastTag.replace(/\.\d+$/, '.x')}`;
      releaseFiles = mainFiles.map((lines) => [...lines]);
      releaseTip = mainTip;
      out.write(`reset refs/heads/${releaseName}\nfrom :${mainTip}\n\n`);
    }
    if (i % tagEvery === 0 && tagCount < params.tags) writeTag(nextVersion(), mainTip, now + 120, rng.chance(0.5));
    await out.maybeFlush();
  }
  // The client runs the last hotfix; histories too small for one run main as of 60% of history.
  out.write(`reset refs/tags/deployed-acme\nfrom :${deployedMark !== 0 ? deployedMark : fallbackMark}\n\n`);
  tagCount++;
  await out.end();

  const marks = new Map<number, string>();
  for (const line of readFileSync(marksFile, 'utf8').split('\n')) {
    const m = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
    if (m !== null) marks.set(Number(m[1]), m[2] as string);
  }
  rmSync(marksFile, { force: true });
  const shaOf = (m: number | null): string | null => (m === null ? null : (marks.get(m) ?? null));
  for (const fix of fixes) {
    const finalLines = new Set(mainFiles[fix.fileIndex]);
    fix.issue.fixes.push({
      sha: shaOf(fix.mark) as string,
      branch: fix.branch,
      path: paths[fix.fileIndex] as string,
      linesAdded: fix.lines.length,
      linesSurvivingOnMain: fix.lines.filter((l) => finalLines.has(l)).length,
      revertedBy: shaOf(fix.revertMark),
      overwrittenBy: shaOf(fix.overwriteMark),
      pickedFrom: shaOf(fix.pickedFromMark),
    });
  }

  // A checked-out, gc-like repository: a clean work tree and the commit-graph `git gc` would write.
  await git(repoDir, ['reset', '-q', '--hard', 'main']);
  await git(repoDir, ['commit-graph', 'write', '--reachable']);
  const mainSha = (await git(repoDir, ['rev-parse', 'main'])).trim();
  return {
    generatorVersion: GENERATOR_VERSION,
    params,
    repoDir,
    target: 'main',
    mainSha,
    deployedRef: 'deployed-acme',
    releaseBranch: releaseName,
    me: [ME.email, ME_ALT.email],
    tagCount,
    commitCount: mark,
    generationMs: 0,
    issues,
  };
}
