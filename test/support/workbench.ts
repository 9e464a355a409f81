// Drives the browser workbench as a person would: keyboard, command palette, clicks, screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openBrowserWorkbench } from './browserWorkbench';
import { createDemoWorkspace } from './demoWorkspace';
import { makeTempDir } from './tempDir';
import { installVsix } from './vscodeServer';
import type { RunningCodeServer } from './vscodeServer';

const ROOT = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
const VSIX = path.join(ROOT, 'proof-of-fix.vsix');

export interface Session {
  server: RunningCodeServer;
  browser: Browser;
  page: Page;
  workspace: string;
  tmp: string;
  close(): Promise<void>;
}

export interface SessionOptions {
  locale?: string;
  trust?: boolean;
  /** Prepares the workspace before VS Code opens it (e.g. writes issue files). */
  prepare?: (workspace: string) => void;
}

/** Starts code-server with the packaged extension installed and opens the demo workspace. */
export async function openWorkbench(options: SessionOptions = {}): Promise<Session> {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first.`);
  const tmp = makeTempDir('pof-e2e-');
  const workspace = createDemoWorkspace(path.join(tmp, 'workspace'));
  options.prepare?.(workspace);
  const profileDir = path.join(tmp, 'profile');
  fs.mkdirSync(path.join(profileDir, 'extensions'), { recursive: true });
  fs.mkdirSync(path.join(profileDir, 'user-data'), { recursive: true });
  installVsix(VSIX, path.join(profileDir, 'extensions'), path.join(profileDir, 'user-data'));
  const { server, browser, page, close } = await openBrowserWorkbench({ profileDir, workspace, folder: workspace, locale: options.locale, trust: options.trust });
  try {
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    // The workbench is interactive once the activity bar has rendered its items.
    await page.waitForSelector('.activitybar .action-item', { timeout: 60_000 });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    server,
    browser,
    page,
    workspace,
    tmp,
    async close(): Promise<void> {
      await close();
      if (process.env.PROOF_OF_FIX_KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the command palette with F1, types `title`, and runs the matching command with Enter. The
 * palette judges each command's `when` once, as it opens: a command whose context key the extension
 * sets a moment later (its store just read, a window just reloaded) is missing from that list, so
 * the palette is opened again, as a person would, up to three times before the test fails.
 */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(`>${title}`);
    const shown = await row.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, (error: unknown) => (attempt < 3 ? false : Promise.reject(error)));
    if (shown) break;
    // A missed attempt costs ten seconds of whatever the caller times: say what the palette showed instead.
    const rows = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts().catch(() => []);
    const open = await input.isVisible().catch(() => false);
    process.stderr.write(`[palette] attempt ${attempt}: no row "${title}" within 10 s; palette ${open ? 'open' : 'closed'}, ${rows.length} rows: ${rows.slice(0, 5).map((r) => r.replace(/\s+/g, ' ')).join(' | ')}; screenshot ${await screenshot(page, `palette-missed-${Date.now()}`)}\n`);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Enter');
}

/**
 * Answers the visible quick input (input box or quick pick) once it shows `prompt` (its prompt,
 * placeholder or title): types `text`, or keeps the prefilled value when `text` is undefined, and
 * accepts with Enter. Waiting for the prompt keeps a fast typist from answering the previous step.
 */
export async function answerQuickInput(page: Page, text: string | undefined, prompt?: RegExp): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  if (prompt) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const shown = `${await widget.innerText().catch(() => '')}\n${(await input.getAttribute('placeholder').catch(() => null)) ?? ''}\n${(await input.getAttribute('aria-label').catch(() => null)) ?? ''}`;
      if (prompt.test(shown)) break;
      if (Date.now() > deadline) throw new Error(`the quick input never showed ${prompt}; it showed: ${shown}`);
      await page.waitForTimeout(100);
    }
  }
  if (text !== undefined) await input.fill(text);
  await page.keyboard.press('Enter');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
