// `npm run stress`: concurrent writers against one issue file, the way they meet in real use.
// 1. Writers of ours: STRESS_PROCESSES processes (default 3) each append STRESS_UPDATES reports
//    (default 150) through the store, as fast as they can. Every update that reported success must
//    be in the file at the end.
// 2. An external editor: one store process appends a report every 20 ms while an "editor" in this
//    process saves the same file every ~37 ms (read, add a marker, write a temporary file, rename, as
//    editors save), for STRESS_SECONDS (default 5). It counts the editor saves the store overwrote:
//    the store checks the file again just before its rename, so only a save landing between that
//    check and the rename (two system calls) can be lost; an editor does not lock, so nothing closes
//    that last gap. The editor, not locking, can in turn overwrite store updates: counted too.
// It measures. A lost update among writers of ours is printed as LOST and the script exits 1.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatStoreJson } from '../../src/core/store/format';
import type { Issue } from '../../src/core/store/model';

const ROOT = path.resolve(__dirname, '../../..');
const OUT_SRC = path.join(ROOT, 'out', 'src', 'core', 'store');

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pof-stress-'));
  fs.mkdirSync(path.join(dir, '.proof-of-fix', 'issues'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.proof-of-fix', 'clients.json'), formatStoreJson({ schemaVersion: 1, clients: [{ name: 'Acme', prefix: 'ACME', language: 'en' }] }));
  const issue: Issue = { schemaVersion: 1, id: 'ACME-1', client: 'Acme', title: 'stress', status: 'open', created: '2026-01-01', reports: [], fixes: [], replies: [], notes: '' };
  fs.writeFileSync(path.join(dir, '.proof-of-fix', 'issues', 'ACME-1.json'), formatStoreJson(issue));
  return dir;
}

/** A child process that appends reports through the store; prints one JSON line per outcome. */
function writerScript(dir: string, tag: string, count: number, intervalMs: number): string {
  return `
    const { IssueStore } = require(${JSON.stringify(path.join(OUT_SRC, 'issueStore.js'))});
    const { createNodeStoreFs } = require(${JSON.stringify(path.join(OUT_SRC, 'storeFs.js'))});
    const { createStoreValidator, loadStoreSchemas } = require(${JSON.stringify(path.join(OUT_SRC, 'validate.js'))});
    (async () => {
      const validator = createStoreValidator(await loadStoreSchemas(${JSON.stringify(path.join(ROOT, 'media'))}));
      const store = new IssueStore({ root: ${JSON.stringify(dir)}, fs: createNodeStoreFs(), validator });
      await store.loadIssue('ACME-1');
      const stopAt = ${count} > 0 ? Infinity : Date.now() + ${-count};
      for (let n = 0; (${count} > 0 ? n < ${count} : Date.now() < stopAt); n++) {
        const started = process.hrtime.bigint();
        try {
          await store.updateIssue('ACME-1', (d) => void d.reports.push({ date: '2026-02-01', words: ${JSON.stringify(tag)} + ' ' + n }));
          process.stdout.write(JSON.stringify({ ok: ${JSON.stringify(tag)} + ' ' + n, ms: Number(process.hrtime.bigint() - started) / 1e6 }) + '\\n');
        } catch (error) {
          process.stdout.write(JSON.stringify({ refused: String(error.code || error.message) }) + '\\n');
        }
        if (${intervalMs} > 0) await new Promise((r) => setTimeout(r, ${intervalMs}));
      }
    })();`;
}

interface WriterResult {
  ok: string[];
  refused: string[];
  latencies: number[];
}

function runWriter(dir: string, tag: string, count: number, intervalMs = 0): Promise<WriterResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', writerScript(dir, tag, count, intervalMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', () => {
      const result: WriterResult = { ok: [], refused: [], latencies: [] };
      for (const line of out.split('\n').filter((l) => l !== '')) {
        const record = JSON.parse(line) as { ok?: string; ms?: number; refused?: string };
        if (record.ok !== undefined) {
          result.ok.push(record.ok);
          result.latencies.push(record.ms ?? 0);
        } else result.refused.push(record.refused ?? '?');
      }
      resolve(result);
    });
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function readIssue(dir: string): Issue {
  return JSON.parse(fs.readFileSync(path.join(dir, '.proof-of-fix', 'issues', 'ACME-1.json'), 'utf8')) as Issue;
}

async function writersOfOurs(): Promise<boolean> {
  const processes = envNumber('STRESS_PROCESSES', 3);
  const updates = envNumber('STRESS_UPDATES', 150);
  const dir = workspace();
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: processes }, (_, w) => runWriter(dir, `w${w}`, updates)));
  const seconds = (Date.now() - started) / 1000;
  const inFile = new Set(readIssue(dir).reports.map((r) => r.words));
  const ok = results.flatMap((r) => r.ok);
  const lost = ok.filter((w) => !inFile.has(w));
  const latencies = results.flatMap((r) => r.latencies);
  log(`writers of ours: ${processes} processes x ${updates} updates in ${seconds.toFixed(1)} s (${(ok.length / seconds).toFixed(0)} updates/s)`);
  log(`  succeeded ${ok.length}, refused ${results.flatMap((r) => r.refused).length}, in the file ${inFile.size}, ${lost.length === 0 ? 'lost 0' : `LOST ${lost.length}`}`);
  log(`  latency per update: median ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${percentile(latencies, 100).toFixed(1)} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
  return lost.length === 0;
}

async function againstAnEditor(): Promise<boolean> {
  const seconds = envNumber('STRESS_SECONDS', 5);
  const dir = workspace();
  const file = path.join(dir, '.proof-of-fix', 'issues', 'ACME-1.json');
  const saves: string[] = [];
  let stop = false;
  const editor = (async (): Promise<void> => {
    for (let n = 0; !stop; n++) {
      // An editor that reloaded the file and saves one more edit, atomically, as editors do.
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Issue;
      const marker = `e${n}`;
      const tmp = `${file}.editor~`;
      fs.writeFileSync(tmp, formatStoreJson({ ...current, notes: `${current.notes ?? ''} ${marker}` }));
      fs.renameSync(tmp, file);
      saves.push(marker);
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 14));
    }
  })();
  const writer = await runWriter(dir, 'store', -seconds * 1000, 20);
  stop = true;
  await editor;
  const final = readIssue(dir);
  const notes = new Set((final.notes ?? '').split(' ').filter((m) => m !== ''));
  const lostSaves = saves.filter((m) => !notes.has(m));
  const inFile = new Set(final.reports.map((r) => r.words));
  const lostUpdates = writer.ok.filter((w) => !inFile.has(w));
  log(`store (every 20 ms) against an editor (every ~37 ms) for ${seconds} s:`);
  log(`  editor saves ${saves.length}, overwritten by the store: ${lostSaves.length} (only a save landing between the store's last check and its rename can be)`);
  log(`  store updates succeeded ${writer.ok.length}, refused ${writer.refused.length}, in the file ${inFile.size}, lost ${lostUpdates.length}`);
  if (lostUpdates.length > 0) log('  (store updates the editor overwrote: it saves without locking, from what it read before the update)');
  log(`  latency per update: median ${percentile(writer.latencies, 50).toFixed(1)} ms, p95 ${percentile(writer.latencies, 95).toFixed(1)} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
  return true;
}

async function main(): Promise<void> {
  log(`stress: node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const ours = await writersOfOurs();
  const editor = await againstAnEditor();
  process.exitCode = ours && editor ? 0 : 1;
}

void main();
