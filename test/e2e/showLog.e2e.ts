// A person opens the workbench with the packaged extension installed, finds the Proof of Fix view
// in the activity bar, and runs "Proof of Fix: Show Log" from the command palette.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { openWorkbench, runFromPalette, screenshot } from '../support/workbench';
import type { Session } from '../support/workbench';

describe('e2e: the packaged extension in the browser workbench', function () {
  this.timeout(180_000);
  let session: Session;

  before(async () => {
    session = await openWorkbench();
  });

  after(async () => {
    await session?.close();
  });

  it('shows the Proof of Fix container and its Client Issues view', async () => {
    const { page } = session;
    const item = page.locator('.activitybar .action-item a[aria-label^="Proof of Fix"]');
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await item.click();
    // With a single view the container shows its title instead of the view's pane header.
    await page.locator('.part.sidebar .title-label', { hasText: /client issues/i }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.part.sidebar .welcome-view-content, .part.sidebar .monaco-list').first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'e2e-view');
  });

  it('runs Show Log from the command palette and shows the log channel', async () => {
    const { page } = session;
    await runFromPalette(page, 'Proof of Fix: Show Log');
    const panel = page.locator('.part.panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    // The channel scrolls to its newest line: the activation line, or the git commands logged since.
    await page.locator('.part.panel .view-lines', { hasText: /activated|\bgit\b/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const file = await screenshot(page, 'e2e-show-log');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is suspiciously small');
  });
});
