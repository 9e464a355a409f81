// `proof-of-fix reply` on the demo repository (real git): one reply per verdict in both languages,
// each passing the tone check; the evidence options keep their meaning; broken overrides fall back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTone } from '../../src/core/tone/check';
import { runCliCaptured } from '../support/cli';
import { createDemoWorkspace, DEMO_VERDICTS } from '../support/demoWorkspace';
import { makeTempDir } from '../support/tempDir';

const run = runCliCaptured;

describe('proof-of-fix reply', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = path.join(makeTempDir('pof-reply-'), 'shop');
    createDemoWorkspace(dir, { issues: true });
    fs.appendFileSync(path.join(dir, '.git', 'config'), '[remote "origin"]\n\turl = git@gitlab.com:ana/acme-shop.git\n');
  });
  after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  for (const [issue, verdict] of Object.entries(DEMO_VERDICTS)) {
    for (const lang of ['es', 'en'] as const) {
      it(`${issue} (${verdict}, ${lang}) prints a reply that passes the tone check`, async () => {
        const json = await run(['reply', '--repo', dir, '--issue', issue, '--lang', lang, '--json'], dir);
        assert.equal(json.code, 0, json.stderr);
        const result = JSON.parse(json.stdout) as { verdict: string; text: string; tone: unknown[] };
        assert.equal(result.verdict, verdict);
        assert.deepEqual(checkTone(result.text, lang), []);
        assert.deepEqual(result.tone, []);
        const plain = await run(['reply', '--repo', dir, '--issue', issue, '--lang', lang], dir);
        assert.equal(plain.stdout, result.text);
        assert.equal(plain.stderr, '');
      });
    }
  }

  it('addresses the issue\'s client in their language, register and signature, with forge links', async () => {
    const { stdout } = await run(['reply', '--repo', dir, '--issue', 'ACME-2', '--audience', 'technical'], dir);
    assert.match(stdout, /^Hola, Carmen:\n\nGracias por su mensaje/);
    assert.match(stdout, /https:\/\/gitlab\.com\/ana\/acme-shop\/-\/commit\/[0-9a-f]{40}/);
    assert.match(stdout, /Un cordial saludo,\nAna García\nDesarrollo web\n$/);
    const tu = await run(['reply', '--repo', dir, '--issue', 'ACME-2', '--register', 'tu'], dir);
    assert.match(tu.stdout, /Gracias por tu mensaje/);
  });

  it('takes the evidence options with their meaning: --ref, --fix, --deployed, --client', async () => {
    const byRef = await run(['reply', '--repo', dir, '--ref', 'ACME-4', '--client', 'Acme Logística', '--json'], dir);
    assert.equal(byRef.code, 0, byRef.stderr);
    assert.equal((JSON.parse(byRef.stdout) as { verdict: string }).verdict, 'fix-not-deployed');
    const deployedNow = await run(['reply', '--repo', dir, '--ref', 'ACME-4', '--deployed', 'v1.3.0', '--lang', 'en', '--json'], dir);
    assert.equal((JSON.parse(deployedNow.stdout) as { verdict: string }).verdict, 'fix-intact');
    assert.equal((await run(['reply', '--repo', dir, '--fix', 'zz'], dir)).code, 2);
    assert.equal((await run(['reply', '--repo', dir, '--issue', 'ACME-1', '--lang', 'fr'], dir)).code, 2);
    assert.equal((await run(['reply', '--repo', dir, '--issue', 'ACME-1', '--client', 'Nobody'], dir)).code, 2);
    assert.equal((await run(['reply', '--repo', path.join(dir, 'nope'), '--issue', 'ACME-1'], dir)).code, 3);
  });

  it('adds the verification appendix and the promised date when asked', async () => {
    const { stdout } = await run(['reply', '--repo', dir, '--issue', 'ACME-2', '--lang', 'en', '--appendix', '--by', '2026-12-01'], dir);
    assert.match(stdout, /by Tuesday, December 1(, 2026)?\./);
    assert.match(stdout, /\n---\n\nHow to check each statement/);
    assert.match(stdout, /`git merge-base --is-ancestor [0-9a-f]{40} main && echo yes \|\| echo no`/);
    assert.match(stdout, /reverts [0-9a-f]{7} \(its message says so\)/);
  });

  it('uses workspace overrides, and the built-in template when an override is broken', async () => {
    const overrides = path.join(dir, '.proof-of-fix', 'templates', 'en');
    fs.mkdirSync(overrides, { recursive: true });
    try {
      fs.writeFileSync(path.join(overrides, 'greeting.hbs'), 'Dear {{contactName}},\n');
      const ok = await run(['reply', '--repo', dir, '--issue', 'NW-1'], dir);
      assert.match(ok.stdout, /^Dear Tom,\n/);
      fs.writeFileSync(path.join(overrides, 'closing.hbs'), 'Regards,\n{{signatur}}\n');
      const broken = await run(['reply', '--repo', dir, '--issue', 'NW-1'], dir);
      assert.equal(broken.code, 0);
      assert.match(broken.stdout, /^Hello Tom,\n/);
      assert.match(broken.stderr, /closing\.hbs:2:\d+: unknown-field "signatur"/);
      assert.match(broken.stderr, /using the built-in templates instead/);
    } finally {
      fs.rmSync(path.join(dir, '.proof-of-fix', 'templates'), { recursive: true, force: true });
    }
  });

  it('writes to a plain reader by default: no commit ids, branches, subjects, backticks or the word commit', async () => {
    for (const [issue, lang] of [['ACME-2', 'es'], ['ACME-3', 'en'], ['ACME-4', 'es']] as const) {
      const { stdout, code } = await run(['reply', '--repo', dir, '--issue', issue, '--lang', lang], dir);
      assert.equal(code, 0);
      assert.doesNotMatch(stdout, /\b[0-9a-f]{7,40}\b|`|\bcommits?\b|\bmain\b/i, `${issue}: ${stdout}`);
      assert.doesNotMatch(stdout, /round cart totals|Format invoice dates/i);
    }
  });

  it('names no date unless one is chosen with --by', async () => {
    const { stdout } = await run(['reply', '--repo', dir, '--issue', 'ACME-2', '--lang', 'en'], dir);
    assert.doesNotMatch(stdout, /\bby (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/);
    const es = await run(['reply', '--repo', dir, '--issue', 'ACME-2', '--by', '2026-12-03'], dir);
    assert.match(es.stdout, /a más tardar el jueves 3 de diciembre\./);
  });

  it('prints a plain text email body with --format text', async () => {
    const { stdout, code } = await run(['reply', '--repo', dir, '--issue', 'ACME-2', '--audience', 'technical', '--format', 'text', '--appendix'], dir);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /`|\]\(|^\s*- |^---/m);
    assert.match(stdout, /^• /m);
    assert.equal((await run(['reply', '--repo', dir, '--issue', 'ACME-2', '--format', 'html'], dir)).code, 2);
    assert.equal((await run(['reply', '--repo', dir, '--issue', 'ACME-2', '--audience', 'dev'], dir)).code, 2);
  });

  it('takes the version the client said they run: one that resolves is their version, one that does not is acknowledged', async () => {
    // NW-1's fix is found by its commit message, so the report is added to NW-1 itself.
    const file = path.join(dir, '.proof-of-fix', 'issues', 'NW-1.json');
    const original = fs.readFileSync(file, 'utf8');
    const nw1 = JSON.parse(original) as { reports: { date: string; words: string; version?: string }[] };
    const said = (version: string): void => {
      fs.writeFileSync(file, `${JSON.stringify({ ...nw1, reports: [...nw1.reports, { date: '2026-11-30', words: 'It is back.', version }] }, null, 2)}\n`);
    };
    try {
      said('production');
      const unresolved = await run(['reply', '--repo', dir, '--issue', 'NW-1', '--json'], dir);
      assert.equal(unresolved.code, 0, unresolved.stderr);
      const reply = JSON.parse(unresolved.stdout) as { verdict: string; text: string };
      assert.equal(reply.verdict, 'deployed-unknown');
      assert.match(reply.text, /you told me you run “production”/);
      assert.doesNotMatch(reply.text, /which version you are running\?/);
      said('v1.2.0');
      const resolved = JSON.parse((await run(['reply', '--repo', dir, '--issue', 'NW-1', '--json'], dir)).stdout) as { verdict: string; evidence: { deployed: { ref: string } | null } };
      assert.notEqual(resolved.verdict, 'deployed-unknown');
      assert.equal(resolved.evidence.deployed?.ref, 'v1.2.0');
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
