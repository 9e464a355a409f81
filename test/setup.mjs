#!/usr/bin/env node
// Installs the system packages the VS Code tiers need, when they are missing: Chromium (the browser
// that drives VS Code), ripgrep (VS Code's search binary, which cannot be downloaded here) and
// libkrb5-dev (a native module of VS Code's server builds against it). Uses apt-get as root; otherwise
// prints the command to run. `--start` (npm start) skips Chromium: there the person's own browser
// opens VS Code.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const forStart = process.argv.includes('--start');
const needs = [
  { pkg: 'chromium', present: () => forStart || existsSync(process.env.PROOF_OF_FIX_CHROMIUM ?? '/usr/bin/chromium') },
  { pkg: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
  { pkg: 'libkrb5-dev', present: () => spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status === 0 },
];
if (spawnSync('git', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('setup: git is not installed; the tests build real repositories with it.');
  process.exit(1);
}
const missing = needs.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) {
  console.log(`setup: system packages present (${forStart ? '' : 'chromium, '}ripgrep, libkrb5-dev)`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(`setup: missing system packages: ${missing.join(', ')}.\nInstall them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
console.log(`setup: installing ${missing.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
const still = needs.filter((n) => !n.present()).map((n) => n.pkg);
if (still.length > 0) {
  console.error(`setup: still missing after apt-get: ${still.join(', ')}`);
  process.exit(1);
}
