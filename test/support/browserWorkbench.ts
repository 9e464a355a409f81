// The one way tests open a real VS Code: code-server started by vscodeServer.ts, its workbench in
// Debian's headless Chromium through playwright-core. The integration runner (extension under
// development plus a test entry in the URL payload) and the e2e sessions (a packaged .vsix,
// driven as a person would) both start here, with the same browser flags and the same cleanup.
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { assertChromium, CHROMIUM, CHROMIUM_ARGS, startCodeServer } from './vscodeServer';
import type { CodeServerOptions, RunningCodeServer } from './vscodeServer';

export interface BrowserWorkbenchOptions extends CodeServerOptions {
  /** The folder the workbench opens. */
  folder: string;
  /** An extension-development payload for the URL (extensionDevelopmentPath, extensionTestsPath), from the running server. */
  payload?: (server: RunningCodeServer) => [string, string][];
  viewport?: { width: number; height: number };
}

export interface BrowserWorkbench {
  server: RunningCodeServer;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the workbench page, for a failure report. */
  pageErrors: string[];
  /** Closes the browser and stops code-server with every process it started. */
  close(): Promise<void>;
}

export async function openBrowserWorkbench(options: BrowserWorkbenchOptions): Promise<BrowserWorkbench> {
  assertChromium();
  const server = await startCodeServer(options);
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server.stop();
  };
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url(options.folder, options.payload?.(server)));
    return { server, browser, page, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
