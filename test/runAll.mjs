#!/usr/bin/env node
// `npm test`: every tier, in order, each reporting its own counts. A tier that cannot start its
// VS Code or browser fails; a tier that runs no test fails. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.env.PROOF_OF_FIX_TIERS?.split(',');
const tmp = mkdtempSync(join(tmpdir(), 'pof-tiers-'));
const results = [];

function step(name, command, args, { counts = false, env = {} } = {}) {
  if (only && !only.includes(name)) return true;
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const statsFile = join(tmp, `${name}.json`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env, PROOF_OF_FIX_TEST_STATS: statsFile } });
  const seconds = (Date.now() - started) / 1000;
  let stats = null;
  if (counts && existsSync(statsFile)) stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  let ok = run.status === 0;
  let why = ok ? '' : run.error ? run.error.message : `exit ${run.status ?? run.signal}`;
  if (counts && ok && (!stats || stats.tests === 0)) {
    ok = false;
    why = stats ? 'ran no test' : 'wrote no report';
  }
  results.push({ name, ok, why, seconds, stats });
  return ok;
}

const npx = (bin, ...args) => [join('node_modules', '.bin', bin), args];

try {
  if (!step('setup', 'node', ['test/setup.mjs'])) throw new Error('setup');
  if (!step('build', 'node', ['esbuild.mjs'])) throw new Error('build');
  if (!step('compile-tests', 'node', ['esbuild.mjs', '--tests'])) throw new Error('compile');
  step('typecheck', ...npx('tsc', '--noEmit', '-p', '.'));
  // The same checks as `npm run lint`, from its one definition in package.json.
  step('lint', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'lint']);
  step('unit', ...npx('mocha', '--config', 'test/.mocharc.json'), { counts: true });
  step('integration', 'node', ['out/test/runners/codeServerTests.js'], { counts: true });
  if (step('package', ...npx('vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', 'proof-of-fix.vsix'))) {
    if (!only || only.includes('package')) console.log(`proof-of-fix.vsix: ${(statSync('proof-of-fix.vsix').size / 1024).toFixed(1)} KB`);
  }
  step('e2e', ...npx('mocha', '--config', 'test/.mocharc.e2e.json'), { counts: true });
} catch {
  // A failed set-up or build step is already in results; the tiers after it cannot run.
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log('\n=== summary');
let passed = 0;
let failed = 0;
for (const r of results) {
  const counts = r.stats ? `${r.stats.passes} passed, ${r.stats.failures} failed` : '';
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(14)} ${r.seconds.toFixed(1).padStart(6)} s  ${counts}${r.why ? `  (${r.why})` : ''}`);
  if (r.stats) {
    passed += r.stats.passes;
    failed += r.stats.failures;
  }
}
const allOk = results.length > 0 && results.every((r) => r.ok);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = allOk && failed === 0 ? 0 : 1;
