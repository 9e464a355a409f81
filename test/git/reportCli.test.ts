// `proof-of-fix report` on the demo repository (real git): the proof page of each story, written
// atomically, self-contained and small, and rendered in headless Chromium with no request beyond
// the file itself and no script; plain pages keep commit ids in their technical section only.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { MAX_PAGE_BYTES } from '../../src/core/timeline/page';
import { runCliCaptured } from '../support/cli';
import { createDemoWorkspace, DEMO_IDS } from '../support/demoWorkspace';
import { makeTempDir } from '../support/tempDir';
import { assertChromium, CHROMIUM, CHROMIUM_ARGS } from '../support/vscodeServer';

const run = runCliCaptured;
const SCREENSHOTS = path.resolve(__dirname, '../../../test-output/screenshots');

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

describe('proof-of-fix report', function () {
  this.timeout(90_000);
  let tmp: string;
  let dir: string;
  let browser: Browser;

  before(async () => {
    tmp = makeTempDir('pof-report-');
    dir = path.join(tmp, 'shop');
    createDemoWorkspace(dir, { issues: true });
    assertChromium();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes a page for every demo story, each under 300 KB, and prints its path', async () => {
    for (const id of DEMO_IDS) {
      const out = path.join(tmp, `${id}.html`);
      const result = await run(['report', '--repo', dir, '--issue', id, '--out', out], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `${out}\n`);
      const size = fs.statSync(out).size;
      assert.ok(size > 2000 && size < MAX_PAGE_BYTES, `${id}: ${size} bytes`);
    }
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
  });

  it('renders in Chromium with no request beyond the file and no script, showing the reverted fix', async () => {
    const out = path.join(tmp, 'ACME-2.proof.html');
    assert.equal((await run(['report', '--repo', dir, '--issue', 'ACME-2', '--out', out], dir)).code, 0);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${out}`);
    await page.waitForLoadState('load');
    assert.deepEqual(requests, [`file://${out}`]);
    assert.equal(await page.locator('script').count(), 0);
    const box = await page.locator('svg.pof-timeline').boundingBox();
    assert.ok(box && box.width > 600 && box.height > 100, `the drawing is ${JSON.stringify(box)}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'es', "the client's language");
    assert.match(await page.locator('.verdict').innerText(), /^Un cambio mío deshizo la corrección el 9 de marzo de 2026, lo que explicaría que el problema haya vuelto\.$/);
    assert.equal(await page.locator('svg .mark.kind-revert').count(), 1);
    assert.equal(await page.locator('svg .mark.kind-report').count(), 2);
    assert.ok((await page.locator('svg .break').count()) >= 1, 'the quiet months are compressed');
    // The revert's facts appear on hover, from its <title>, with no script.
    assert.match(await page.locator('svg .mark.kind-revert > title').textContent() ?? '', /Un cambio mío deshizo la corrección/);
    // Plain audience: the visible text holds no commit id outside the technical section.
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, /\b[0-9a-f]{7,40}\b/);
    const fix = git(dir, ['log', '--format=%H', '--grep', '^Fix ACME-2', 'main']);
    assert.match(await page.locator('.technical').innerText(), new RegExp(fix));
    // The README's picture of the demo's reverted issue comes from here (media/readme/proof-page.png).
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'proof-page-ACME-2.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    assert.ok(pdf.length > 10_000, 'printable to PDF');
    await page.close();
  });

  it('writes technical pages in English with commit ids, and takes --fix, --ref and --deployed', async () => {
    const out = path.join(tmp, 'tech.html');
    const tech = await run(['report', '--repo', dir, '--ref', 'ACME-4', '--deployed', 'v1.2.0', '--lang', 'en', '--audience', 'technical', '--out', out], dir);
    assert.equal(tech.code, 0, tech.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<p class="verdict">The fix is in release v1\.3\.0, but not in the client's version \(v1\.2\.0\)\.<\/p>/);
    const main = html.split('<section class="technical">')[0]!;
    assert.match(main, /class="mark-label"[^>]*>[0-9a-f]{7}/, 'commit ids on the marks');
    const sha = git(dir, ['rev-parse', 'main~1']);
    const byFix = await run(['report', '--repo', dir, '--fix', sha, '--out', out], dir);
    assert.equal(byFix.code, 0, byFix.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /<h1>Proof of fix<\/h1>/);
  });

  it('refuses bad arguments with exit 2 and writes nothing', async () => {
    const out = path.join(tmp, 'never.html');
    const cases: [string[], RegExp][] = [
      [['--issue', 'ACME-2'], /--out FILE\.html/],
      [['--issue', 'ACME-2', '--out', out, '--audience', 'boss'], /--audience must be plain or technical/],
      [['--issue', 'ACME-2', '--out', out, '--lang', 'fr'], /--lang must be es or en/],
      [['--issue', 'ACME-2', '--out', out, '--json'], /writes a page, not JSON/],
      [['--issue', 'ACME-2', '--out', path.join(tmp, 'missing', 'x.html')], /no such folder/],
      [['--issue', 'ACME-99', '--out', out], /no such issue file/],
      [['--out', out], /say which issue/],
    ];
    for (const [args, message] of cases) {
      const result = await run(['report', '--repo', dir, ...args], dir);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    assert.equal(fs.existsSync(out), false);
    const help = await run(['report', '--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--audience plain\|technical/);
    assert.doesNotMatch(help.stdout, /--json/);
  });

  it('writes no page on evidence with a hole: a linked fix commit the repository lacks', async () => {
    const out = path.join(tmp, 'hole.html');
    const result = await run(['report', '--repo', dir, '--fix', '1234567890abcdef1234567890abcdef12345678', '--out', out], dir);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /no page written: the fix commit 1234567890abcdef1234567890abcdef12345678 is not in this repository/);
    assert.equal(fs.existsSync(out), false);
  });

  it('fails with exit 3 outside a repository', async () => {
    const result = await run(['report', '--repo', tmp, '--fix', 'a'.repeat(40), '--out', path.join(tmp, 'x.html')], tmp);
    assert.equal(result.code, 3, result.stderr);
  });
});
