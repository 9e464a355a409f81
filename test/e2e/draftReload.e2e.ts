// A reply draft survives a window reload: the person drafts a reply, reloads the window, finds the
// draft's tab again, and its actions still work. Mark Reply Sent (run from the command palette)
// records the evidence the draft was rendered from, not evidence computed after the reload.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { writeDemoStore } from '../support/demoWorkspace';
import { answerQuickInput, openWorkbench, runFromPalette, screenshot } from '../support/workbench';
import type { Session } from '../support/workbench';

interface StoredEvidence {
  verdict: string;
  computedAt: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The draft's title-bar actions, by their titles (shown only while the draft is the active editor). */
async function titleActions(page: Page): Promise<string[]> {
  const labels = page.locator('.editor-group-container.active .editor-actions .action-label');
  await labels.first().waitFor({ state: 'visible', timeout: 30_000 });
  return labels.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

describe('e2e: a reply draft after a window reload', function () {
  this.timeout(240_000);
  let session: Session;

  before(async () => {
    session = await openWorkbench({ prepare: writeDemoStore });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) await screenshot(session.page, `failed-draft-reload-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await session?.close();
  });

  it('is recognised after the reload: its actions work and the reply sent rests on the evidence it was drafted from', async () => {
    const { page, workspace } = session;
    const draftTab = page.locator('.part.editor .tab', { hasText: 'ACME-2 · reply' }).first();
    const meta = path.join(workspace, '.proof-of-fix', 'drafts', 'ACME-2.json');
    await page.locator('.activitybar .action-item a[aria-label^="Proof of Fix"]').click();
    await runFromPalette(page, 'Proof of Fix: Draft Reply');
    await answerQuickInput(page, 'ACME-2', /Draft a reply for which issue/);
    await draftTab.waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.editor-instance .view-lines', { hasText: /Hola,\sCarmen:/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // The record beside the draft is written once the draft is registered.
    for (let i = 0; i < 100 && !fs.existsSync(meta); i++) await page.waitForTimeout(100);
    const rendered = readJson<{ evidence: StoredEvidence }>(meta).evidence;
    assert.equal(rendered.verdict, 'fix-reverted');

    await runFromPalette(page, 'Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.activitybar .action-item', { timeout: 60_000 });
    // The tab comes back with the window; the extension reads the record beside the draft again.
    await draftTab.waitFor({ state: 'visible', timeout: 60_000 });
    await draftTab.click();
    await page.locator('.editor-instance .view-lines', { hasText: /Hola,\sCarmen:/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // The title bar follows context keys as the reloaded window sets them: read it until it settles.
    const wanted = ['Copy Reply', 'Open in Mail', 'Mark Reply Sent'];
    let actions = await titleActions(page);
    for (let i = 0; i < 30 && !wanted.every((t) => actions.some((a) => a.includes(t))); i++) {
      await page.waitForTimeout(1000);
      actions = await titleActions(page);
    }
    for (const title of wanted) assert.ok(actions.some((a) => a.includes(title)), `no ${title} in the title bar: ${actions.join(', ')}`);
    await screenshot(page, 'draft-after-reload');

    // The palette lists the draft's commands as the title bar does (it once missed Mark Reply Sent).
    await runFromPalette(page, 'Proof of Fix: Mark Reply Sent');
    const dialog = page.locator('.monaco-dialog-box');
    if (await dialog.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) {
      await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Mark as Sent$/ }).click();
    }
    await page.locator('.notification-toast', { hasText: /Recorded the reply to ACME-2 as sent/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const issue = readJson<{ replies: { verdict: string; evidence: StoredEvidence }[] }>(path.join(workspace, '.proof-of-fix', 'issues', 'ACME-2.json'));
    assert.equal(issue.replies.length, 1);
    // computedAt tells the evidence the draft was rendered from apart from any computed after the reload.
    assert.deepEqual(issue.replies[0]?.evidence, rendered);
    assert.equal(readJson<{ handedOver?: string }>(meta).handedOver, 'sent');
  });
});
