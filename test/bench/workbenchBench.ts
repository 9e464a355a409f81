// The end-to-end rows of `npm run bench`: the packaged extension in the real VS Code (code-server and
// headless Chromium, as the e2e tests run it) on the bench's generated repository, with five client
// issues. Everything is read from what a person sees or the extension's own log: the issue rows'
// verdicts, the draft's tab, the "activated in" line, and the extension host's memory from /proc.
// Run alone with `node out/test/bench/workbenchBench.js` (after `npm run package` and
// `node esbuild.mjs --tests`); BENCH_SIZES as for the bench.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowserWorkbench } from '../support/browserWorkbench';
import type { BrowserWorkbench } from '../support/browserWorkbench';
import { clientsFileOf, clientsRecord, issueRecord, issuesDirOf, writeStoreFile } from '../support/storeFixtures';
import { makeTempDir } from '../support/tempDir';
import { installVsix } from '../support/vscodeServer';
import { answerQuickInput, runFromPalette, screenshot } from '../support/workbench';
import { timeOnce } from './measure';
import { rawEvidenceForAll, rawEvidenceForIssue } from './rawGit';
import { defaultParams, ensureSynthRepo } from './synthRepo';
import type { SynthManifest } from './synthRepo';
import { measureWindowBaseline } from './workbenchBaseline';
import type { BaselineTimes } from './workbenchBaseline';
import { HostWatch } from './workbenchProcess';
import type { HostMemory } from './workbenchProcess';
import { scanCachePath } from '../../src/core/linking/scanCacheFile';

const ROOT = path.resolve(__dirname, '../../..');
const VSIX = path.join(ROOT, 'proof-of-fix.vsix');
const JOURNEY = "Proof of Fix: The Client Says It's Back…";
const REFRESH = 'Proof of Fix: Refresh Evidence';
/** The verdicts' words in the issue rows' accessible labels (English UI). */
const VERDICT_WORDS = /No fix linked|Fix not on the target branch|Fix reverted|Fix not in the client's version|Fix modified since|Client's version unknown|Fix intact/;
const ISSUES = 5;
const WAIT_MS = 600_000;

export interface WorkbenchRow {
  measure: string;
  size: string;
  ours: string;
  /** The same measure of a window with a trivial extension instead of ours (see workbenchBaseline.ts), or '—'. */
  windowAlone: string;
  raw: string;
  target: string;
  met: boolean | null;
}

export interface WorkbenchReport {
  rows: WorkbenchRow[];
  notes: string[];
}

function log(line: string): void {
  process.stderr.write(`[bench:workbench] ${line}\n`);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Five issues with fixes of different clients and fates, as a freelancer's view would hold them. */
function pickIssues(manifest: SynthManifest): string[] {
  const withFixes = manifest.issues.filter((i) => i.fixes.length > 0);
  const reverted = withFixes.filter((i) => i.fixes.some((f) => f.revertedBy !== null));
  const rewritten = withFixes.filter((i) => i.fixes.some((f) => f.overwrittenBy !== null));
  const picked = new Set<string>([reverted[0], rewritten[0]].filter((i) => i !== undefined).map((i) => i.id));
  for (const issue of withFixes) if (picked.size < ISSUES) picked.add(issue.id);
  return [...picked];
}

/** Writes the five issues and their clients into the repository's work tree; returns how to remove them. */
function writeWorkspaceStore(manifest: SynthManifest, ids: string[]): () => void {
  const dir = path.join(manifest.repoDir, '.proof-of-fix');
  if (fs.existsSync(dir)) throw new Error(`${dir} exists already: remove it (a previous run was interrupted).`);
  const prefixes = [...new Set(ids.map((id) => id.replace(/-\d+$/, '')))];
  const clientName = (prefix: string): string => `${prefix.charAt(0)}${prefix.slice(1).toLowerCase()} Ltd`;
  writeStoreFile(
    clientsFileOf(manifest.repoDir),
    clientsRecord(prefixes.map((prefix) => ({ name: clientName(prefix), prefix, language: 'es', register: 'usted', deployedRef: manifest.deployedRef }))),
  );
  for (const id of ids) {
    // No fixes in the file: the scan links them from the commit messages, as on a real history.
    writeStoreFile(path.join(issuesDirOf(manifest.repoDir), `${id}.json`), issueRecord(id, { client: clientName(id.replace(/-\d+$/, '')), title: `Reported again: ${id}` }));
  }
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

function scanCacheFile(manifest: SynthManifest): string {
  return scanCachePath(path.join(manifest.repoDir, '.git'));
}

/** The evidence the extension kept for the next window (VS Code's storage for the workspace). */
function keptEvidenceFiles(userDataDir: string): string[] {
  const storage = path.join(userDataDir, 'User', 'workspaceStorage');
  if (!fs.existsSync(storage)) return [];
  return fs
    .readdirSync(storage)
    .map((ws) => path.join(storage, ws, 'proof-of-fix.proof-of-fix'))
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir).filter((f) => /^evidence-.*\.json$/.test(f)).map((f) => path.join(dir, f)));
}

/** The extension's log files in the server's user data (its output channel, one file per extension host). */
function extensionLogs(userDataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('Proof of Fix.log')) found.push(p);
    }
  };
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) walk(logs);
  return found;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = WAIT_MS, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The "activated in N ms" lines of the extension's log so far. */
function activationTimes(userDataDir: string): number[] {
  const text = extensionLogs(userDataDir).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  return [...text.matchAll(/activated in ([\d.]+) ms/g)].map((m) => Number(m[1]));
}

/** The extension host processes the extension named in its log, one per window, oldest first. */
function hostPids(userDataDir: string): number[] {
  const files = extensionLogs(userDataDir).sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
  const text = files.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  return [...text.matchAll(/activated in [\d.]+ ms \(extension host process (\d+)\)/g)].map((m) => Number(m[1]));
}

/** What the extension logged about its work, for the notes: the repository reads and each issue's evidence. */
function logTimings(userDataDir: string): string[] {
  // One file per window (extension host), oldest first.
  const files = extensionLogs(userDataDir).sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
  const lines = files.flatMap((file, i) => [`window ${i + 1}:`, ...fs.readFileSync(file, 'utf8').split('\n')]);
  return lines
    .map((l) => /(window \d+:|activated in [\d.]+ ms.*|Read the evidence of .*|The extension host stalled for \d+ ms|Set up the client issue stores .*|Read the repository of .*|Drafted the reply for .*|Opened the draft of .*|Journey for .*|Tone check warm-up .*|The last session's evidence is shown; background checks start in \d+ ms.*?(?=$)|Stopped the first history scan .*|Evidence for \S+ (?:in \S+: \S+ \(\d+ ms(?:, verdict)?\)|cancelled after \d+ ms))/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
}

/**
 * Where the first window's time went, from the page's start (`origin`, epoch ms) to the lines of
 * the extension's log (each begins with its local time): activation, the repository read, the
 * first and the last verdict computed.
 */
function firstWindowMilestones(userDataDir: string, origin: number): { text: string; activatedMs: number } {
  const file = extensionLogs(userDataDir).sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)[0];
  if (file === undefined) return { text: 'no log', activatedMs: Number.NaN };
  const at = (line: string): number => Date.parse(line.slice(0, 23).replace(' ', 'T')) - origin;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const first = (re: RegExp): string | undefined => lines.find((l) => re.test(l));
  const evidence = lines.filter((l) => /Evidence for \S+ in \S+:/.test(l));
  const marks: [string, string | undefined][] = [
    ['activated', first(/activated in/)],
    ['repository read', first(/Read the repository of/)],
    ['first verdict', evidence[0]],
    ['last verdict', evidence[evidence.length - 1]],
  ];
  const activated = marks[0]?.[1];
  return { text: marks.map(([name, line]) => `${name} ${line === undefined ? '—' : seconds(at(line))}`).join(', '), activatedMs: activated === undefined ? Number.NaN : at(activated) };
}

/** Opens the Client Issues view and waits until every issue row names its verdict; the time since the page began loading. */
async function verdictsShown(page: Page, ids: string[]): Promise<number> {
  await page.locator('.activitybar .action-item a[aria-label^="Proof of Fix"]').click({ timeout: WAIT_MS });
  await until('every verdict in the Client Issues view', async () => {
    const labels = await page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    const shown = ids.filter((id) => labels.some((l) => l.startsWith(`${id}:`) || l.startsWith(`${id},`) ? VERDICT_WORDS.test(l) : false));
    return shown.length === ids.length ? true : undefined;
  });
  const loadStarted = await page.evaluate(() => performance.timeOrigin);
  return Date.now() - loadStarted;
}

interface JourneyTiming {
  /** F1 to the draft's tab, in ms. */
  total: number;
  /** The report's last answer to the next-step question: the evidence check and the verdict. */
  evidence: number;
  /** The next-step answer to the draft's tab. */
  draft: number;
  /** F1 to each question answered (the issue, the report's four), in ms: where the questions waited. */
  questions: number[];
  /** F1 to the command chosen in the palette (Enter), in ms. */
  palette: number;
  /** F1 to the issue picker shown (the command started, the issues read), in ms. */
  picker: number;
}

/** Palette → the open draft of `id`, keyboard only, as the e2e journey walks it; the wall times. */
async function journey(page: Page, id: string): Promise<JourneyTiming> {
  const started = Date.now();
  const questions: number[] = [];
  const answered = (): void => void questions.push(Date.now() - started);
  await runFromPalette(page, JOURNEY);
  const palette = Date.now() - started;
  const placeholder = page.locator('.quick-input-widget .quick-input-box input');
  await until('the issue picker', async () => (/Which issue is the client reporting again/.test((await placeholder.getAttribute('placeholder').catch(() => null)) ?? '') ? true : undefined));
  const picker = Date.now() - started;
  await answerQuickInput(page, id, /Which issue is the client reporting again/);
  answered();
  await answerQuickInput(page, undefined, /The day the client said/);
  answered();
  await answerQuickInput(page, 'email', /How did they say it/);
  answered();
  await answerQuickInput(page, 'The total is wrong again.', /The client's own words/);
  answered();
  await answerQuickInput(page, manifestVersion, /The version or environment they run/);
  answered();
  const reported = Date.now();
  await page.locator('.quick-input-widget', { hasText: /By when will you send the next step/ }).waitFor({ state: 'visible', timeout: WAIT_MS });
  const asked = Date.now();
  await answerQuickInput(page, undefined, /By when will you send the next step/);
  await page.locator('.tabs-container .tab', { hasText: `${id} · reply` }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  const took: JourneyTiming = { total: Date.now() - started, evidence: asked - reported, draft: Date.now() - asked, questions, palette, picker };
  await runFromPalette(page, 'View: Close All Editors');
  await page.keyboard.press('Escape');
  return took;
}

const manifestVersion = 'v1.0';

/**
 * Reloads the window and waits until the extension has activated again (a new extension host):
 * the journey is timed from the moment a person could start it.
 */
async function reload(wb: BrowserWorkbench): Promise<number> {
  const activations = activationTimes(wb.server.userDataDir).length;
  const started = Date.now();
  await wb.page.reload();
  await wb.page.waitForSelector('.activitybar .action-item', { timeout: WAIT_MS });
  await until('the extension to activate after the reload', () => (activationTimes(wb.server.userDataDir).length > activations ? true : undefined), WAIT_MS, 20);
  return Date.now() - started;
}

/** The first window alone: every verdict of the view from the page's start, split at activation, with the extension's log. */
async function viewOnly(manifest: SynthManifest, size: string, ids: string[], profileDir: string, settings: Record<string, unknown>): Promise<WorkbenchReport> {
  const load = os.loadavg()[0]?.toFixed(1);
  const wb = await openBrowserWorkbench({ profileDir, workspace: manifest.repoDir, folder: manifest.repoDir, settings });
  try {
    const viewMs = await verdictsShown(wb.page, ids);
    const milestones = firstWindowMilestones(wb.server.userDataDir, await wb.page.evaluate(() => performance.timeOrigin));
    const split = `window start → activation ${seconds(milestones.activatedMs)}, activation → every verdict ${seconds(viewMs - milestones.activatedMs)}`;
    log(`${size}: every verdict shown ${viewMs} ms after the page began loading (${split}; ${milestones.text})`);
    return {
      rows: [{ measure: `every verdict of the ${ISSUES}-issue view, from window open (no scan cache)`, size, ours: seconds(viewMs), windowAlone: '—', raw: '—', target: `≤ ${seconds(5000)}`, met: viewMs <= 5000 }],
      notes: [
        `- ${size} first window: ${split}; from the page's start (the extension's log): ${milestones.text}. 1-minute load ${load} at the start, ${os.loadavg()[0]?.toFixed(1)} at the end.`,
        `- ${size} the extension's own log: ${logTimings(wb.server.userDataDir).join('; ').replace(/: ;/g, ':')}.`,
      ],
    };
  } finally {
    await wb.close();
  }
}

/** The measurements of one repository size. */
async function benchWorkbenchSize(manifest: SynthManifest, size: string): Promise<WorkbenchReport> {
  const ids = pickIssues(manifest);
  if (ids.length < ISSUES) throw new Error(`the ${size} repository has fewer than ${ISSUES} issues with fixes`);
  const removeStore = writeWorkspaceStore(manifest, ids);
  fs.rmSync(scanCacheFile(manifest), { force: true });
  const tmp = makeTempDir('pof-bench-wb-');
  const profileDir = path.join(tmp, 'profile');
  let wb: BrowserWorkbench | undefined;
  let host: HostWatch | undefined;
  try {
    fs.mkdirSync(path.join(profileDir, 'extensions'), { recursive: true });
    fs.mkdirSync(path.join(profileDir, 'user-data'), { recursive: true });
    installVsix(VSIX, path.join(profileDir, 'extensions'), path.join(profileDir, 'user-data'));
    const settings = { 'proofOfFix.evidence.targetBranch': manifest.target, 'proofOfFix.evidence.myIdentities': manifest.me };
    // The window's own cost first, on the same workspace: with the built-in git extension off (as
    // in our windows below) and on (as in most people's windows).
    // BENCH_VIEW_ONLY=1: only the first window's view (every verdict), for before/after runs close together.
    if (process.env.BENCH_VIEW_ONLY === '1') return await viewOnly(manifest, size, ids, profileDir, settings);
    // BENCH_WINDOW_ALONE=0 skips them (two windows, about a minute each): for runs comparing our own builds.
    const skipAlone = process.env.BENCH_WINDOW_ALONE === '0';
    const notMeasured: BaselineTimes = { activated: Number.NaN, activityBar: Number.NaN, reloadActivated: Number.NaN, reloadPalette: Number.NaN, reloadCommand: Number.NaN, reloadPicker: Number.NaN };
    log(skipAlone ? `${size}: the window alone not measured (BENCH_WINDOW_ALONE=0)` : `${size}: the window alone (a trivial extension), git extension off, then on`);
    const alone = skipAlone ? notMeasured : await measureWindowBaseline(manifest.repoDir, settings);
    log(`${size}: the window alone: ${JSON.stringify(alone)}`);
    const aloneGit = skipAlone ? notMeasured : await measureWindowBaseline(manifest.repoDir, { ...settings, 'git.enabled': true });
    log(`${size}: the window alone, git extension on: ${JSON.stringify(aloneGit)}`);
    log(`${size}: window open, no scan cache on disk`);
    wb = await openBrowserWorkbench({ profileDir, workspace: manifest.repoDir, folder: manifest.repoDir, settings });
    const { page, server } = wb;
    const userData = server.userDataDir;
    // The host's memory as soon as the extension has activated, before its first repository read.
    // The extension names its extension host in its log: no guessing among code-server's processes.
    const pid = await until('the extension to activate', () => hostPids(userData)[0], WAIT_MS, 20);
    host = new HostWatch(pid, server.output);
    const before = host.sample();
    const viewMs = await verdictsShown(page, ids);
    const milestones = firstWindowMilestones(userData, await page.evaluate(() => performance.timeOrigin));
    const split = `window start → activation ${seconds(milestones.activatedMs)}, activation → every verdict ${seconds(viewMs - milestones.activatedMs)}`;
    log(`${size}: every verdict shown ${viewMs} ms after the page began loading (${split}; ${milestones.text})`);
    const afterView = host.sample();
    const activation = activationTimes(userData)[0] ?? Number.NaN;

    log(`${size}: journeys`);
    const [a, b, c, d, e] = ids as [string, string, string, string, string];
    const warm = await journey(page, a);
    log(`${size}: journey, evidence idle: ${JSON.stringify(warm)}`);
    // Refresh Evidence forgets every key: the five issues are checked again in the background.
    await runFromPalette(page, REFRESH);
    const busy = await journey(page, b);
    log(`${size}: journey during background checks: ${JSON.stringify(busy)}`);
    const afterJourneys = host.sample();
    const restarted = hostPids(userData).length > 1 ? `the extension activated ${hostPids(userData).length} times in the first window (hosts ${hostPids(userData).join(', ')}): its host restarted` : '';
    host.stop();

    log(`${size}: reload with the scan cache on disk`);
    const reloadMs = await reload(wb);
    const afterReload = await journey(page, c);
    log(`${size}: first journey after a reload: ${JSON.stringify(afterReload)}`);

    log(`${size}: reload without the scan cache and the evidence kept from the last window (cold)`);
    fs.rmSync(scanCacheFile(manifest), { force: true });
    const kept = keptEvidenceFiles(userData);
    for (const file of kept) fs.rmSync(file, { force: true });
    const coldReloadMs = await reload(wb);
    const cold = await journey(page, d);
    log(`${size}: first journey after a reload, no scan cache: ${JSON.stringify(cold)}`);
    void e;

    log(`${size}: raw git for the same questions`);
    const refs = { target: manifest.target, deployed: manifest.deployedRef };
    const rawOne = await timeOnce(() => rawEvidenceForIssue(manifest.repoDir, a, ['--all'], refs));
    const rawFive = await timeOnce(() => rawEvidenceForAll(manifest.repoDir, ids, ['--all'], refs));
    // A reading the host did not live to give is a failure of the run, said in the table and notes.
    const memoryFailure = before === undefined || afterView === undefined || afterJourneys === undefined ? host.failure() : restarted;
    if (memoryFailure !== '') log(`${size}: memory not measured: ${memoryFailure}`);
    const mb = (m: HostMemory | undefined): string => (m === undefined ? '—' : `${m.rssMb}`);
    const extra = before === undefined || afterView === undefined ? Number.NaN : afterView.rssMb - before.rssMb;
    const last = afterJourneys ?? host.last;
    const peak = before === undefined || last === undefined ? Number.NaN : last.peakMb - before.rssMb;
    const row = (measure: string, ours: number, raw: number | null, limit: number, windowAlone?: number): WorkbenchRow => ({
      measure,
      size,
      ours: seconds(ours),
      windowAlone: windowAlone === undefined ? '—' : seconds(windowAlone),
      raw: raw === null ? '—' : seconds(raw),
      target: `≤ ${seconds(limit)}`,
      met: ours <= limit,
    });
    const info = (measure: string, ours: number, windowAlone: number): WorkbenchRow => ({ measure, size, ours: seconds(ours), windowAlone: seconds(windowAlone), raw: '—', target: '—', met: null });
    const describeAlone = (t: BaselineTimes): string =>
      `page start → activity bar ${seconds(t.activityBar)}, → activation ${seconds(t.activated)}; reload → activation ${seconds(t.reloadActivated)}, ` +
      `then F1 → command chosen ${seconds(t.reloadPalette)}, → command started ${seconds(t.reloadCommand)}, → its quick pick shown ${seconds(t.reloadPicker)}`;
    return {
      rows: [
        { measure: 'activation (activate(), from the extension log)', size, ours: `${activation.toFixed(1)} ms`, windowAlone: '—', raw: '—', target: '≤ 20 ms', met: activation <= 20 },
        info('window start → the extension activated (window alone: a trivial extension, same event)', milestones.activatedMs, alone.activated),
        row(`every verdict of the ${ISSUES}-issue view, from window open (no scan cache; window alone: to activation)`, viewMs, rawFive, 5000, alone.activated),
        row('journey palette → open draft, evidence idle', warm.total, rawOne, 3000),
        row(`journey while background checks of the other ${ISSUES - 1} issues run`, busy.total, rawOne, 3000),
        info('window reload → the extension activated again', reloadMs, alone.reloadActivated),
        info('after that reload: F1 → the first quick pick shown (ours: the issue picker)', afterReload.picker, alone.reloadPicker),
        row('first journey after a window reload (scan cache and the last window\'s evidence on disk)', afterReload.total, rawOne, 3000),
        row('first journey after a window reload, neither on disk (cold start)', cold.total, rawOne, 3000),
        memoryFailure !== ''
          ? { measure: 'extension host extra memory after the evidence (RSS)', size, ours: 'not measured (see notes)', windowAlone: '—', raw: '—', target: '< 200 MB', met: false }
          : { measure: 'extension host extra memory after the evidence (RSS)', size, ours: `${extra} MB`, windowAlone: '—', raw: '—', target: '< 200 MB', met: extra < 200 },
      ],
      notes: [
        `- ${size}: issues ${ids.join(', ')}; extension host ${pid}: RSS ${mb(before)} MB after activation, ${mb(afterView)} MB with every verdict shown, ` +
          `${mb(afterJourneys)} MB after two journeys; peak (VmHWM) ${last?.peakMb ?? '—'} MB, ${peak} MB above the start` +
          `${memoryFailure === '' ? '' : `; **memory not measured: ${memoryFailure}**`}. Raw git: one issue's hand-run commands ` +
          `${seconds(rawOne)}, the ${ISSUES} issues' ${seconds(rawFive)} (one run each, cold).`,
        `- ${size} the window alone (same code-server, workspace and settings, a trivial extension on the same activation event, no Proof of Fix): ${describeAlone(alone)}; ` +
          `with the built-in git extension on (it is off in the bench's windows, on in most people's): ${describeAlone(aloneGit)}. ` +
          `Ours: reload → activation ${seconds(reloadMs)} (with the scan cache file), ${seconds(coldReloadMs)} (without it, and without the ${kept.length} evidence file(s) kept from the last window).`,
        `- ${size} first window: ${split}; from the page's start (the extension's log): ${milestones.text}; every verdict shown ${seconds(viewMs)}. 1-minute load ${os.loadavg()[0]?.toFixed(1)} at the end.`,
        `- ${size} journeys, split at the questions: the evidence check and verdict (last report answer → next-step question) / the draft (next-step answer → draft tab): ` +
          [['idle', warm], ['during background checks', busy], ['after a reload', afterReload], ['cold', cold]].map(([name, t]) => `${name} ${seconds((t as JourneyTiming).evidence)} / ${seconds((t as JourneyTiming).draft)}`).join('; ') + '.',
        `- ${size} journeys, F1 to the command chosen / to the issue picker shown / to each question answered (the issue, then the report's day, channel, words, version): ` +
          [['idle', warm], ['during background checks', busy], ['after a reload', afterReload], ['cold', cold]].map(([name, t]) => `${name} ${seconds((t as JourneyTiming).palette)} / ${seconds((t as JourneyTiming).picker)} / ${(t as JourneyTiming).questions.map(seconds).join(', ')}`).join('; ') + '.',
        `- ${size} the extension's own log: ${logTimings(userData).join('; ').replace(/: ;/g, ':')}.`,
      ],
    };
  } catch (error) {
    if (wb) log(`screenshot of the failure: ${await screenshot(wb.page, `bench-workbench-failed-${size}`)}`);
    throw error;
  } finally {
    host?.stop();
    await wb?.close();
    removeStore();
    if (process.env.PROOF_OF_FIX_KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Packages the extension as the bench measures it (the production build). */
function packageExtension(): void {
  log('packaging the extension (npm run package)');
  execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

function workbenchTable(rows: WorkbenchRow[]): string {
  const head = '| end to end in VS Code | size | ours | window alone | raw git | target | met? |';
  const rule = '|---|---|---:|---:|---:|---|---|';
  return [head, rule, ...rows.map((r) => `| ${r.measure} | ${r.size} | ${r.ours} | ${r.windowAlone} | ${r.raw} | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : '**NO**'} |`)].join('\n');
}

/** The section `npm run bench` prints after its table: every size, or a loud failure. */
export async function workbenchSection(manifests: { manifest: SynthManifest; size: string }[]): Promise<string> {
  // BENCH_KEEP_VSIX=1 measures the .vsix as it is (e.g. an older build copied there), without packaging.
  if (process.env.BENCH_KEEP_VSIX !== '1') packageExtension();
  const rows: WorkbenchRow[] = [];
  const notes: string[] = [];
  for (const { manifest, size } of manifests) {
    const report = await benchWorkbenchSize(manifest, size);
    rows.push(...report.rows);
    notes.push(...report.notes);
  }
  return [
    '## End to end in VS Code (code-server, headless Chromium, the packaged extension)',
    '',
    `One run of each. A workspace of ${ISSUES} client issues on the generated repository; times from what the window shows (the issue rows' verdicts, ` +
      'the draft\'s tab); activation from the extension\'s log; memory from /proc of the extension host. "Window alone": the same measure in a window ' +
      'with a trivial extension instead of ours (the window\'s own cost). Skip with BENCH_WORKBENCH=0.',
    '',
    workbenchTable(rows),
    '',
    ...notes,
    '',
  ].join('\n');
}

if (require.main === module) {
  void (async (): Promise<void> => {
    const sizes = (process.env.BENCH_SIZES ?? '10000').split(',').map((s) => Number(s.trim().replace(/k$/i, '000')));
    const manifests = [];
    for (const commits of sizes) {
      manifests.push({ manifest: await ensureSynthRepo(path.join(ROOT, '.bench'), defaultParams(commits), log), size: `${commits / 1000}k` });
    }
    process.stdout.write(await workbenchSection(manifests));
  })().catch((error: unknown) => {
    process.stderr.write(`workbench bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
