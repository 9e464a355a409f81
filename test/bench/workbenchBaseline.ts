// The window's own cost, beside ours: the same code-server, the same workspace and settings, with
// a trivial extension instead of Proof of Fix. It activates on the same event
// (`workspaceContains:.proof-of-fix`) and has one palette command that shows a quick pick, so the
// bench can tell how long the window takes to start an extension and to run a command from F1
// (in a first window and right after a reload) when the extension itself does nothing.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openBrowserWorkbench } from '../support/browserWorkbench';
import type { BrowserWorkbench } from '../support/browserWorkbench';
import { makeTempDir } from '../support/tempDir';
import { installVsix } from '../support/vscodeServer';
import { runFromPalette } from '../support/workbench';

const ROOT = path.resolve(__dirname, '../../..');
const PING = 'Baseline Window: Ping';
const PICKER = 'Baseline picker: pick one';

export interface BaselineTimes {
  /** Page start → the trivial extension's activate(), in ms. */
  activated: number;
  /** Page start → the activity bar drawn, in ms. */
  activityBar: number;
  /** Reload → the trivial extension's activate() in the new window, in ms. */
  reloadActivated: number;
  /** After that activation: F1 → the command chosen (Enter) / the command started / its quick pick shown, in ms. */
  reloadPalette: number;
  reloadCommand: number;
  reloadPicker: number;
}

/** Writes and packages the trivial extension; the marks file receives one line per event (`activated <epoch ms>`, `command <epoch ms>`). */
function packageBaseline(dir: string, marks: string): string {
  const ext = path.join(dir, 'baseline-extension');
  fs.mkdirSync(ext, { recursive: true });
  fs.writeFileSync(
    path.join(ext, 'package.json'),
    JSON.stringify({
      name: 'window-baseline',
      displayName: 'Window Baseline',
      description: 'A trivial extension: the window cost of the end-to-end bench.',
      version: '0.0.1',
      publisher: 'proof-of-fix-bench',
      license: 'MIT',
      engines: { vscode: '^1.95.0' },
      main: './extension.js',
      files: ['extension.js'],
      activationEvents: ['workspaceContains:.proof-of-fix'],
      contributes: { commands: [{ command: 'windowBaseline.ping', title: 'Ping', category: 'Baseline Window' }] },
    }),
  );
  fs.writeFileSync(
    path.join(ext, 'extension.js'),
    [
      "const fs = require('fs');",
      "const vscode = require('vscode');",
      `const mark = (what) => fs.appendFileSync(${JSON.stringify(marks)}, what + ' ' + Date.now() + '\\n');`,
      'exports.activate = (context) => {',
      "  mark('activated');",
      "  context.subscriptions.push(vscode.commands.registerCommand('windowBaseline.ping', async () => {",
      "    mark('command');",
      `    await vscode.window.showQuickPick(['one', 'two'], { placeHolder: ${JSON.stringify(PICKER)} });`,
      '  }));',
      '};',
      'exports.deactivate = () => undefined;',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(ext, 'README.md'), 'The window cost of the end-to-end bench.\n');
  fs.writeFileSync(path.join(ext, 'LICENSE'), 'MIT\n');
  const vsix = path.join(dir, 'window-baseline.vsix');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: ext,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return vsix;
}

function readMarks(file: string, what: string): number[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(`${what} `))
    .map((l) => Number(l.slice(what.length + 1)));
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 300_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Opens the workspace in a window with only the trivial extension, as the bench opens ours, and
 * times its activation, then reloads and times F1 → its command → its quick pick.
 */
export async function measureWindowBaseline(workspace: string, settings: Record<string, unknown>): Promise<BaselineTimes> {
  const tmp = makeTempDir('pof-bench-baseline-');
  const marks = path.join(tmp, 'marks.txt');
  const profileDir = path.join(tmp, 'profile');
  let wb: BrowserWorkbench | undefined;
  try {
    fs.mkdirSync(path.join(profileDir, 'extensions'), { recursive: true });
    fs.mkdirSync(path.join(profileDir, 'user-data'), { recursive: true });
    installVsix(packageBaseline(tmp, marks), path.join(profileDir, 'extensions'), path.join(profileDir, 'user-data'));
    wb = await openBrowserWorkbench({ profileDir, workspace, folder: workspace, settings });
    const { page } = wb;
    await page.waitForSelector('.activitybar .action-item', { timeout: 300_000 });
    const drawn = Date.now();
    const origin = await page.evaluate(() => performance.timeOrigin);
    const activatedAt = await until('the baseline extension to activate', () => readMarks(marks, 'activated')[0]);

    const reloadStarted = Date.now();
    await page.reload();
    await page.waitForSelector('.activitybar .action-item', { timeout: 300_000 });
    const reactivatedAt = await until('the baseline extension to activate after the reload', () => readMarks(marks, 'activated')[1]);
    const f1 = Date.now();
    await runFromPalette(page, PING);
    const chosen = Date.now();
    const placeholder = page.locator('.quick-input-widget .quick-input-box input');
    for (const deadline = Date.now() + 300_000; !(((await placeholder.getAttribute('placeholder').catch(() => null)) ?? '').includes(PICKER)); ) {
      if (Date.now() > deadline) throw new Error('the baseline quick pick never showed');
      await page.waitForTimeout(20);
    }
    const shown = Date.now();
    await page.keyboard.press('Escape');
    const commandAt = readMarks(marks, 'command')[0] ?? Number.NaN;
    return {
      activated: activatedAt - origin,
      activityBar: drawn - origin,
      reloadActivated: reactivatedAt - reloadStarted,
      reloadPalette: chosen - f1,
      reloadCommand: commandAt - f1,
      reloadPicker: shown - f1,
    };
  } finally {
    await wb?.close();
    if (process.env.PROOF_OF_FIX_KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  }
}
