// A real VS Code for tests and `npm start`: code-server (VS Code's own server and web workbench)
// installed into a cache folder on first use, started on a free loopback port, driven by Debian's
// headless Chromium through playwright-core. The usual test downloads cannot reach the internet
// here; code-server comes from the npm registry like any other package.
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = process.env.PROOF_OF_FIX_CHROMIUM ?? '/usr/bin/chromium';
/** What @vscode/ripgrep's postinstall looks for before trying (and failing) to download. */
const RIPGREP_CACHE = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

class MissingPrerequisiteError extends Error {}

function cacheRoot(): string {
  return process.env.PROOF_OF_FIX_CACHE ?? path.join(os.homedir(), '.cache', 'proof-of-fix');
}

function codeServerDir(): string {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

function codeServerBin(): string {
  return path.join(codeServerDir(), 'node_modules', '.bin', 'code-server');
}

/** Installs code-server into the cache folder unless a complete install is already there. */
function ensureCodeServer(log: (line: string) => void = console.log): string {
  const dir = codeServerDir();
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(codeServerBin())) return codeServerBin();
  if (!fs.existsSync('/usr/bin/rg')) {
    throw new MissingPrerequisiteError('ripgrep is missing (/usr/bin/rg): run `node test/setup.mjs` or `apt-get install ripgrep`.');
  }
  if (!fs.existsSync(RIPGREP_CACHE)) {
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'pof-rg-'));
    fs.copyFileSync('/usr/bin/rg', path.join(stage, 'rg'));
    fs.mkdirSync(path.dirname(RIPGREP_CACHE), { recursive: true });
    execFileSync('tar', ['-czf', RIPGREP_CACHE, '-C', stage, 'rg']);
    fs.rmSync(stage, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (first use only, about 2 minutes)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    execFileSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `code-server@${CODE_SERVER_VERSION}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
      // As root, code-server's postinstall refuses to run without unsafe_perm; node-pty's runs `npx node-gyp`.
      env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    });
  } catch (error) {
    throw new MissingPrerequisiteError(`Installing code-server failed (${(error as Error).message}). It needs the npm registry and the Debian package libkrb5-dev.`);
  }
  if (!fs.existsSync(codeServerBin())) throw new MissingPrerequisiteError(`code-server was installed but ${codeServerBin()} is missing.`);
  fs.writeFileSync(marker, new Date().toISOString());
  return codeServerBin();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

export interface CodeServerOptions {
  /** Folder opened by default (also passed in the URL). */
  workspace?: string;
  /** Where user data, settings and extensions live; created if missing. */
  profileDir: string;
  /** Extra environment for the server and so for its extension host. */
  env?: Record<string, string>;
  /** Display language, e.g. 'es' (needs a language pack entry, see writeLanguagePack). */
  locale?: string;
  /** Leave workspace trust on (for Restricted Mode tests). */
  trust?: boolean;
  /** User settings.json content. */
  settings?: Record<string, unknown>;
  /** Called with each line code-server prints. */
  onLine?: (line: string) => void;
}

export interface RunningCodeServer {
  port: number;
  baseUrl: string;
  process: ChildProcess;
  output: string[];
  extensionsDir: string;
  userDataDir: string;
  /** URL of the workbench on a folder, optionally with an extension-development payload. */
  url(folder: string, payload?: [string, string][]): string;
  /** Waits until a printed line matches. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'workbench.colorTheme': 'Default Dark Modern',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': true,
};

/**
 * A language pack that only switches VS Code's locale: no pack can be downloaded here, but with an
 * entry in languagepacks.json code-server starts in that locale, and the extension's own
 * package.nls.<locale>.json and l10n bundle are used.
 */
function writeLanguagePack(userDataDir: string, locale: string): void {
  const translations = path.join(userDataDir, `empty-translations.${locale}.json`);
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: `local-${locale}`,
        label: locale,
        extensions: [{ extensionIdentifier: { id: `local.language-pack-${locale}` }, version: '1.0.0' }],
        translations: { vscode: translations },
      },
    }),
  );
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const bin = ensureCodeServer();
  const userDataDir = path.join(options.profileDir, 'user-data');
  const extensionsDir = path.join(options.profileDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(options.settings ?? {}) }, null, 2),
  );
  if (options.locale && options.locale !== 'en') writeLanguagePack(userDataDir, options.locale);

  const port = await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (!options.trust) args.push('--disable-workspace-trust');
  if (options.locale) args.push('--locale', options.locale);
  if (options.workspace) args.push(options.workspace);

  const child = spawn(bin, args, {
    env: { ...process.env, ...(options.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  const output: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line) continue;
      output.push(line);
      options.onLine?.(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      // The server starts child processes (extension hosts, file watchers): end its whole group.
      if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // Already gone between the check and the kill.
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 60_000;
  while (!(await httpOk(`${baseUrl}/healthz`))) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode} before it listened:\n${output.slice(-30).join('\n')}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${baseUrl} within 60 s:\n${output.slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    port,
    baseUrl,
    process: child,
    output,
    extensionsDir,
    userDataDir,
    url(folder: string, payload?: [string, string][]): string {
      let url = `${baseUrl}/?folder=${encodeURIComponent(folder)}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
      const seen = output.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { pattern, resolve: (line: string): void => { clearTimeout(timer); resolve(line); } };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    stop,
  };
}

/** The remote URI of a local path, as the browser workbench addresses it. */
export function remoteUri(server: RunningCodeServer, absPath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absPath}`;
}

/** Installs a .vsix into the server's extensions folder (the server need not be running). */
export function installVsix(vsix: string, extensionsDir: string, userDataDir: string): void {
  execFileSync(ensureCodeServer(), ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new MissingPrerequisiteError(`Chromium is missing (${CHROMIUM}): run \`node test/setup.mjs\` or \`apt-get install chromium\`.`);
  }
}
