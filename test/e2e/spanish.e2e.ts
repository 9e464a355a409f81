// The same extension with VS Code's display language set to Spanish: the manifest's titles come from
// package.nls.es.json and the command palette finds the command by its Spanish title.
import { openWorkbench, runFromPalette, screenshot } from '../support/workbench';
import type { Session } from '../support/workbench';

describe('e2e: Spanish UI', function () {
  this.timeout(180_000);
  let session: Session;

  before(async () => {
    session = await openWorkbench({ locale: 'es' });
  });

  after(async () => {
    await session?.close();
  });

  it('shows the view under its Spanish name', async () => {
    const { page } = session;
    await page.locator('.activitybar .action-item a[aria-label^="Proof of Fix"]').click();
    await page.locator('.part.sidebar .title-label', { hasText: /incidencias de clientes/i }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.part.sidebar .welcome-view-content, .part.sidebar .monaco-list').first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'e2e-es-view');
  });

  it('runs "Proof of Fix: Mostrar registro" from the command palette', async () => {
    const { page } = session;
    await runFromPalette(page, 'Proof of Fix: Mostrar registro');
    // The channel scrolls to its newest line: the activation line, or the git commands logged since.
    await page.locator('.part.panel .view-lines', { hasText: /activated|\bgit\b/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'e2e-es-show-log');
  });
});
