// The timeline panel as a person uses it, in the packaged extension: F1 "Show Timeline", pick the
// reverted issue, read the drawing in each theme kind VS Code can set (light, dark, both high
// contrasts, with a screenshot of each), reach the marks with the keyboard and open the revert's
// diff with Enter. No webview message may report a Content-Security-Policy violation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { writeDemoStore } from '../support/demoWorkspace';
import { answerQuickInput, openWorkbench, runFromPalette, screenshot } from '../support/workbench';
import type { Session } from '../support/workbench';

interface ThemeKind {
  theme: string;
  /** The class VS Code puts on a webview's body for the theme's kind. */
  bodyClass: string;
}

const THEMES: ThemeKind[] = [
  { theme: 'Light Modern', bodyClass: 'vscode-light' },
  { theme: 'Dark Modern', bodyClass: 'vscode-dark' },
  { theme: 'Dark High Contrast', bodyClass: 'vscode-high-contrast' },
  { theme: 'Light High Contrast', bodyClass: 'vscode-high-contrast-light' },
];

/** The document inside the panel: VS Code nests it in two iframes. */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Picks the colour theme in the Color Theme picker, with the mouse on its exact row. */
async function setTheme(page: Page, theme: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill('>Preferences: Color Theme');
  // Not the first row blindly: "Browse Color Themes in Marketplace" matches too, and cannot load here.
  await exactRow(page, 'Preferences: Color Theme').click();
  await input.fill(theme);
  await exactRow(page, theme).click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

function exactRow(page: Page, label: string): ReturnType<Page['locator']> {
  return page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
}

describe('e2e: the timeline panel', function () {
  this.timeout(240_000);
  let session: Session;
  const cspViolations: string[] = [];

  before(async () => {
    session = await openWorkbench({ prepare: writeDemoStore });
    session.page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) await screenshot(session.page, `failed-timeline-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await session?.close();
  });

  it('opens from the palette and draws the reverted fix with the verdict above it', async () => {
    const { page } = session;
    // The extension has activated and checked the evidence once the status bar counts the issues.
    await page.locator('.statusbar-item', { hasText: /need a reply/ }).waitFor({ state: 'visible', timeout: 60_000 });
    await runFromPalette(page, 'Proof of Fix: Show Timeline');
    await answerQuickInput(page, 'ACME-2', /Show the timeline of which issue/);
    const view = webview(page);
    await view.locator('svg.pof-timeline').waitFor({ state: 'visible', timeout: 90_000 });
    assert.match(await view.locator('.verdict').innerText(), /^You undid the fix on March 9, 2026, which would explain why the problem is back \([0-9a-f]{7}\)\.$/);
    assert.equal(await view.locator('.mark.kind-revert.mine').count(), 1);
    assert.ok((await view.locator('.mark.kind-report').count()) >= 2);
    assert.ok((await view.locator('.break').count()) >= 1, 'the quiet months are not compressed');
    await page.locator('.tabs-container .tab', { hasText: 'Timeline: ACME-2' }).waitFor({ state: 'visible', timeout: 10_000 });
  });

  for (const kind of THEMES) {
    it(`follows the ${kind.theme} theme (${kind.bodyClass})`, async () => {
      const { page } = session;
      await setTheme(page, kind.theme);
      const view = webview(page);
      const body = view.locator(`body.${kind.bodyClass}`);
      await body.waitFor({ state: 'attached', timeout: 30_000 });
      // The drawing takes its colours from the theme: the text is the editor's foreground.
      // (A Function, since the tests compile without the DOM's types.)
      const probeColors = new Function('el', `
        const probe = document.createElement('span');
        probe.style.color = 'var(--vscode-foreground)';
        document.body.appendChild(probe);
        const fg = getComputedStyle(probe).color;
        probe.remove();
        return { fill: getComputedStyle(el).fill, fg };
      `) as (el: unknown) => { fill: string; fg: string };
      const colors = await view.locator('svg.pof-timeline .lane-label').first().evaluate(probeColors);
      assert.equal(colors.fill, colors.fg, 'the lane names are not in the theme\'s foreground colour');
      const file = await screenshot(page, `timeline-${kind.bodyClass}`);
      assert.ok(fs.statSync(file).size > 20_000, 'the screenshot is suspiciously small');
    });
  }

  it('reaches the marks with the keyboard and opens the revert\'s diff with Enter', async () => {
    const { page } = session;
    const view = webview(page);
    const revert = view.locator('.mark.kind-revert');
    await revert.focus();
    const details = view.locator('#details');
    await expectText(details, /Your change undid the fix/);
    // Tab moves on to the next mark.
    await page.keyboard.press('Tab');
    assert.equal(await view.locator('.mark:focus').count(), 1);
    await revert.focus();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: /cart\.js .*↔/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'timeline-revert-diff');
    assert.deepEqual(cspViolations, []);
  });
});

async function expectText(locator: ReturnType<FrameLocator['locator']>, re: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await locator.innerText();
    if (re.test(text)) return;
    if (Date.now() > deadline) throw new Error(`expected ${re}, got ${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
