// Rendering: template errors are reported with file, line and name (never a blank in the reply),
// workspace overrides replace built-in templates and partials, and a failing override falls back
// to the built-in template.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildReplyContext, fileNameWords } from '../../src/core/reply/context';
import { checkTone } from '../../src/core/tone/check';
import { renderReply, renderReplyWithFallback } from '../../src/core/reply/render';
import { describeTemplateError } from '../../src/core/reply/templateErrors';
import type { TemplateError } from '../../src/core/reply/templateErrors';
import { folderTemplateSource, memoryTemplateSource } from '../../src/core/reply/templateSource';
import { VERDICTS } from '../../src/core/evidence/model';
import { parseRemote } from '../../src/core/reply/remoteLinks';
import { REMOTE, SCENARIOS, client, commitFacts, fixEvidence, issue } from './replyFixtures';

const templatesRoot = path.resolve(__dirname, '../../../templates');
const builtinEn = folderTemplateSource(templatesRoot, 'en', 'builtin');

const context = (scenario: string, language: 'en' | 'es' = 'en'): ReturnType<typeof buildReplyContext> =>
  buildReplyContext({ evidence: SCENARIOS[scenario]!, language, client: client(language), issue: issue(language), timeZone: 'UTC' });

function errorsOf(result: ReturnType<typeof renderReply>): TemplateError[] {
  assert.equal(result.ok, false, 'expected the render to fail');
  return result.ok ? [] : result.errors;
}

describe('reply rendering', () => {
  it('has a built-in template for every verdict in both languages, and the same partials', () => {
    for (const language of ['en', 'es'] as const) {
      const names = folderTemplateSource(templatesRoot, language, 'builtin').list();
      for (const verdict of VERDICTS) assert.ok(names.includes(verdict), `${language}/${verdict}.hbs`);
    }
    assert.deepEqual(folderTemplateSource(templatesRoot, 'es', 'builtin').list(), builtinEn.list());
  });

  it('renders without escaping', () => {
    const override = memoryTemplateSource({ 'fix-intact': '{{fix.subject}} <&> "{{issue.title}}"' }, 'override');
    const ctx = { ...context('fix-intact'), issue: { title: 'A & B <c>' } };
    const result = renderReply(ctx, { builtin: builtinEn, override });
    assert.ok(result.ok);
    assert.equal(result.text, 'Round invoice totals half-up (ACME-12) <&> "A & B <c>"\n');
  });

  it('reports a syntax error with file, line and template', () => {
    const override = memoryTemplateSource({ greeting: 'Hi,\n{{#if contactName}}{{contactName}}\n' }, 'override', '/ws/.proof-of-fix/templates/en');
    const [error] = errorsOf(renderReply(context('fix-intact'), { builtin: builtinEn, override }));
    assert.equal(error?.code, 'syntax');
    assert.equal(error?.file, '/ws/.proof-of-fix/templates/en/greeting.hbs');
    assert.equal(error?.template, 'greeting');
    assert.equal(error?.origin, 'override');
    assert.equal(typeof error?.line, 'number');
  });

  it('reports a misspelt field with its line and name, even inside a block helper', () => {
    const override = memoryTemplateSource({ 'fix-intact': 'Hello\n\n{{#if deployd}}x{{/if}}\n{{fix.shaa}}' }, 'override');
    const errors = errorsOf(renderReply(context('fix-intact'), { builtin: builtinEn, override }));
    assert.deepEqual(errors.map((e) => [e.code, e.name, e.line, e.template]), [
      ['unknown-field', 'deployd', 3, 'fix-intact'],
      ['unknown-field', 'fix.shaa', 4, 'fix-intact'],
    ]);
    assert.match(describeTemplateError(errors[0]!), /^override\/fix-intact\.hbs:3:\d+: unknown-field "deployd"/);
  });

  it('refuses to state a deployment the evidence does not establish (strict mode)', () => {
    const override = memoryTemplateSource({ 'fix-not-deployed': 'Your version {{deployed.ref}} has the fix.' }, 'override');
    const [error] = errorsOf(renderReply(context('fix-not-deployed'), { builtin: builtinEn, override }));
    assert.equal(error?.code, 'missing-field');
    assert.equal(error?.name, 'ref');
    assert.equal(error?.line, 1);
  });

  it('names the partial at fault when the failure is inside one', () => {
    const override = memoryTemplateSource({ closing: 'Regards,\n{{signature}}\n{{release.name}}' }, 'override', 'ws');
    const [error] = errorsOf(renderReply(context('fix-not-on-target'), { builtin: builtinEn, override }));
    assert.equal(error?.code, 'missing-field');
    assert.equal(error?.template, 'closing');
    assert.equal(error?.file, 'ws/closing.hbs');
    assert.equal(error?.line, 3);
  });

  it('checks only the templates a reply uses: a broken template of another verdict does not block it', () => {
    const override = memoryTemplateSource({ 'fix-reverted': '{{#if}}', greeting: 'Hi {{contactName}},' }, 'override');
    const result = renderReply(context('fix-intact'), { builtin: builtinEn, override });
    assert.ok(result.ok);
    assert.deepEqual(result.overridden, ['greeting']);
    assert.equal(errorsOf(renderReply(context('fix-reverted'), { builtin: builtinEn, override }))[0]?.code, 'syntax');
  });

  it('reports unknown helpers and partials', () => {
    const override = memoryTemplateSource({ 'fix-intact': '{{shout fix.sha}}\n{{> signoff}}' }, 'override');
    const errors = errorsOf(renderReply(context('fix-intact'), { builtin: builtinEn, override }));
    assert.deepEqual(errors.map((e) => [e.code, e.name, e.line]), [
      ['unknown-helper', 'shout', 1],
      ['missing-partial', 'signoff', 2],
    ]);
  });

  it('reports a helper given nothing to format', () => {
    const override = memoryTemplateSource({ 'fix-intact': 'On {{date fix.subject}}' }, 'override');
    const [error] = errorsOf(renderReply(context('fix-intact'), { builtin: builtinEn, override }));
    assert.equal(error?.code, 'helper-argument');
    assert.equal(error?.name, 'date');
    assert.equal(error?.line, 1);
  });

  it('lets a workspace override a partial and says which names it overrode', () => {
    const override = memoryTemplateSource({ closing: 'Cheers,\n{{signature}}' }, 'override');
    const result = renderReply(context('fix-intact'), { builtin: builtinEn, override });
    assert.ok(result.ok);
    assert.deepEqual(result.overridden, ['closing']);
    assert.match(result.text, /\nCheers,\nLucía Romero\nlucia@romero\.dev\n$/);
  });

  it('reads overrides from .proof-of-fix/templates/<lang>/<name>.hbs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pof-templates-'));
    try {
      fs.mkdirSync(path.join(dir, 'es'));
      fs.writeFileSync(path.join(dir, 'es', 'greeting.hbs'), 'Estimada {{firstName}}:\n');
      const result = renderReply(context('fix-intact', 'es'), {
        builtin: folderTemplateSource(templatesRoot, 'es', 'builtin'),
        override: folderTemplateSource(dir, 'es', 'override'),
      });
      assert.ok(result.ok);
      assert.match(result.text, /^Estimada Marta:\n\nGracias/);
      // No folder for a language: no overrides, no error.
      assert.deepEqual(folderTemplateSource(dir, 'en', 'override').list(), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to the built-in templates when an override fails, returning why', () => {
    const override = memoryTemplateSource({ greeting: '{{#if}}' }, 'override');
    const result = renderReplyWithFallback(context('fix-intact'), { builtin: builtinEn, override });
    assert.ok(result.ok);
    assert.equal(result.outcome.overrideErrors[0]?.code, 'syntax');
    assert.match(result.outcome.text, /^Hello Sarah,\n/);
  });

  it('reports a missing verdict template', () => {
    const [error] = errorsOf(renderReply(context('fix-intact'), { builtin: memoryTemplateSource({}, 'builtin') }));
    assert.equal(error?.code, 'missing-template');
    assert.equal(error?.name, 'fix-intact');
  });

  it('says when the history it rests on is incomplete, in both languages', () => {
    for (const language of ['en', 'es'] as const) {
      const ctx = buildReplyContext({ evidence: { ...SCENARIOS['fix-intact']!, historyComplete: false }, language, timeZone: 'UTC' });
      const result = renderReply(ctx, { builtin: folderTemplateSource(templatesRoot, language, 'builtin') });
      assert.ok(result.ok);
      assert.match(result.text, language === 'en' ? /the copy of the history I checked is incomplete/ : /la copia del historial que he revisado está incompleta/);
    }
  });

  it('prints plain short shas when the remote is unknown', () => {
    const result = renderReply({ ...context('fix-intact'), audience: 'technical', technical: true }, { builtin: builtinEn, forge: null });
    assert.ok(result.ok);
    assert.match(result.text, /fixed in commit a1b2c3d \(/);
    assert.doesNotMatch(result.text, /\]\(http/);
  });

  it('refuses {{log}}, which would write to the CLI\'s stdout', () => {
    for (const text of ['{{log "x"}}', '{{log issue.title}}', '{{#log}}x{{/log}}']) {
      const errors = errorsOf(renderReply(context('fix-intact'), { builtin: builtinEn, override: memoryTemplateSource({ 'fix-intact': text }, 'override') }));
      assert.ok(errors.some((e) => e.code === 'unknown-helper' || e.code === 'unknown-field'), text);
    }
  });

  it('stops a partial fan-out at the call limit instead of filling memory', () => {
    const fan = '{{> p}}{{> p}}{{> p}}{{> p}}{{> p}}{{> p}}{{> p}}{{> p}}{{> p}}{{> p}}';
    const templates: Record<string, string> = { 'fix-intact': fan.replace(/p/g, 'a') };
    for (const [name, next] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f']] as const) templates[name] = fan.replace(/p/g, next);
    templates.f = 'x'.repeat(1000);
    const started = Date.now();
    const [error] = errorsOf(renderReply(context('fix-intact'), { builtin: builtinEn, override: memoryTemplateSource(templates, 'override') }));
    assert.equal(error?.code, 'limit');
    assert.ok(Date.now() - started < 3000, 'the limit is reached quickly');
  });

  it('stops partials nested past the depth limit', () => {
    const templates: Record<string, string> = { 'fix-intact': '{{> p0}}' };
    for (let i = 0; i < 20; i++) templates[`p${i}`] = `{{> p${i + 1}}}`;
    templates.p20 = 'end';
    const [error] = errorsOf(renderReply(context('fix-intact'), { builtin: builtinEn, override: memoryTemplateSource(templates, 'override') }));
    assert.equal(error?.code, 'limit');
    assert.match(error?.detail ?? '', /deeper/);
  });

  it('stops a reply larger than the size limit', () => {
    const templates = { 'fix-intact': '{{> big}}{{> big}}{{> big}}{{> big}}', big: 'x'.repeat(60_000) };
    const [error] = errorsOf(renderReply(context('fix-intact'), { builtin: builtinEn, override: memoryTemplateSource(templates, 'override') }));
    assert.equal(error?.code, 'limit');
  });

  it('refuses a workspace template that is a symlink to a file outside the workspace, and falls back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pof-symlink-'));
    try {
      const workspace = path.join(dir, 'ws');
      fs.mkdirSync(path.join(workspace, '.proof-of-fix', 'templates', 'en'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET\n');
      fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(workspace, '.proof-of-fix', 'templates', 'en', 'closing.hbs'));
      fs.writeFileSync(path.join(workspace, '.proof-of-fix', 'templates', 'en', 'greeting.hbs'), 'Dear {{firstName}},\n');
      const override = folderTemplateSource(path.join(workspace, '.proof-of-fix', 'templates'), 'en', 'override', workspace);
      const result = renderReplyWithFallback(context('fix-intact'), { builtin: builtinEn, override });
      assert.ok(result.ok);
      assert.deepEqual(result.outcome.overrideErrors.map((e) => [e.code, e.template]), [['outside-workspace', 'closing']]);
      assert.doesNotMatch(result.outcome.text, /SECRET/);
      // A template inside the workspace is still used when nothing refers outside it.
      fs.rmSync(path.join(workspace, '.proof-of-fix', 'templates', 'en', 'closing.hbs'));
      const inside = renderReply(context('fix-intact'), { builtin: builtinEn, override });
      assert.ok(inside.ok);
      assert.match(inside.text, /^Dear Sarah,/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a text reply with no Markdown at all: no backticks, links, list dashes or rules', () => {
    for (const scenario of Object.keys(SCENARIOS)) {
      const ctx = { ...context(scenario), audience: 'technical' as const, technical: true, appendix: buildReplyContext({ evidence: SCENARIOS[scenario]!, language: 'en', appendix: true }).appendix };
      const result = renderReply(ctx, { builtin: builtinEn, forge: parseRemote(REMOTE), format: 'text' });
      assert.ok(result.ok, scenario);
      assert.doesNotMatch(result.text, /`|\]\(|^\s*- |^---/m, scenario);
    }
  });

  it('greets the contact by first name, or with the client\'s own greeting', () => {
    const es = renderReply(context('fix-intact', 'es'), { builtin: folderTemplateSource(templatesRoot, 'es', 'builtin') });
    assert.ok(es.ok);
    assert.match(es.text, /^Hola, Marta:\n/);
    const own = buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'es', client: { ...client('es'), greeting: 'Estimada Carmen:' } });
    const custom = renderReply(own, { builtin: folderTemplateSource(templatesRoot, 'es', 'builtin') });
    assert.ok(custom.ok);
    assert.match(custom.text, /^Estimada Carmen:\n\nGracias/);
  });
  it('names at most a few later changes in a plain email and sums the rest; a technical one lists every change', () => {
    const base = SCENARIOS['fix-modified-several']!;
    const lines = [1, 5, 2, 7, 1, 3];
    const changedBy = lines.map((n, i) => ({ ...commitFacts(`c${i}`, `Change ${i}`, `2026-10-${String(10 + i).padStart(2, '0')}T12:00:00+01:00`, false, `Author ${i}`), lines: n, paths: ['src/invoices/totals.ts'] }));
    const fix = fixEvidence({ survival: { ...(base.fixes[0]!.survival!), added: 30, intact: 11, modified: 19, removed: 0, changedBy } });
    const evidence = { ...base, fixes: [fix] };
    for (const language of ['en', 'es'] as const) {
      const builtin = folderTemplateSource(templatesRoot, language, 'builtin');
      const plain = renderReply(buildReplyContext({ evidence, language, client: client(language), audience: 'plain' }), { builtin });
      assert.ok(plain.ok);
      // The three that changed most lines (7, 5, 3), newest first; the other three (1 + 2 + 1 lines) summed.
      const named = [...plain.text.matchAll(/Author (\d)/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(named)].slice(0, 3), ['5', '3', '1']);
      assert.doesNotMatch(plain.text.split(/What it means|Qué significa/)[0] ?? '', /Author [024]/);
      assert.match(plain.text, language === 'en' ? /3 other changes also altered the fix\./ : /Otros 3 cambios también la modificaron\./);
      const technical = renderReply(buildReplyContext({ evidence, language, client: client(language), audience: 'technical' }), { builtin });
      assert.ok(technical.ok);
      for (let i = 0; i < 6; i += 1) assert.match(technical.text, new RegExp(`Change ${i}`));
    }
  });
  it('tells several changes by one person on one day as one line of a plain email, each commit in a technical one', () => {
    const base = SCENARIOS['fix-modified-several']!;
    const change = (i: number, date: string, author: string, lines: number, path: string): ReturnType<typeof commitFacts> & { lines: number; paths: string[] } => ({
      ...commitFacts(`d${i}`, `Change ${i}`, date, false, author),
      lines,
      paths: [path],
    });
    const changedBy = [
      change(0, '2026-10-05T18:00:00+02:00', 'Marc Vidal', 4, 'src/totals.ts'),
      change(1, '2026-10-05T11:00:00+02:00', 'Marc Vidal', 2, 'src/tax.ts'),
      change(2, '2026-10-05T10:00:00+02:00', 'Ana Ruiz', 1, 'src/totals.ts'),
      change(3, '2026-10-05T09:00:00+02:00', 'Marc Vidal', 4, 'src/totals.ts'),
    ];
    const fix = fixEvidence({ survival: { ...(base.fixes[0]!.survival!), added: 12, intact: 1, modified: 11, removed: 0, changedBy } });
    for (const language of ['en', 'es'] as const) {
      const builtin = folderTemplateSource(templatesRoot, language, 'builtin');
      const plain = renderReply(buildReplyContext({ evidence: { ...base, fixes: [fix] }, language, client: client(language), audience: 'plain', timeZone: 'Europe/Madrid' }), { builtin, timeZone: 'Europe/Madrid' });
      assert.ok(plain.ok);
      assert.match(plain.text, language === 'en' ? /, 3 changes by Marc Vidal altered the fix\./ : /, 3 cambios de Marc Vidal modificaron la corrección\./);
      assert.match(plain.text, language === 'en' ? /, a change by Ana Ruiz altered the fix\./ : /, un cambio de Ana Ruiz modificó la corrección\./);
      // Neither file names nor counts of lines: those are the technical reply's.
      assert.doesNotMatch(plain.text, /totals|tax\.ts|\d+ (?:lines?|líneas?)\b/);
      const lines = plain.text.split('\n').filter((l) => l.trim().startsWith('- '));
      assert.equal(new Set(lines).size, lines.length, 'no line is said twice');
      const technical = renderReply(buildReplyContext({ evidence: { ...base, fixes: [fix] }, language, client: client(language), audience: 'technical' }), { builtin });
      assert.ok(technical.ok);
      for (let i = 0; i < 4; i += 1) assert.match(technical.text, new RegExp(`Change ${i}`));
    }
  });
  it('a file a workspace template names in capitals (CHANGES) is a name to the tone check, not shouting', () => {
    const base = SCENARIOS['fix-modified-several']!;
    const fix = fixEvidence({ files: ['CHANGES', 'src/invoices/totals.ts'] });
    const evidence = { ...base, fixes: [fix, fixEvidence({ sha: 'e'.repeat(40), files: ['src/invoices/tax.ts'] })] };
    assert.deepEqual(fileNameWords(evidence).filter((w) => w === 'CHANGES'), ['CHANGES']);
    for (const language of ['en', 'es'] as const) {
      const builtin = folderTemplateSource(templatesRoot, language, 'builtin');
      // The built-in plain replies name no file; a workspace template may (the context keeps `files`).
      const own = renderReply(buildReplyContext({ evidence, language, client: client(language), audience: 'plain' }), { builtin });
      assert.ok(own.ok);
      assert.doesNotMatch(own.text, /CHANGES|totals|tax\.ts/);
      const override = memoryTemplateSource({ 'fix-modified': `${builtin.read('fix-modified')?.text ?? ''}\n{{#each fixes}}{{list files}}\n{{/each}}` }, 'override');
      const plain = renderReply(buildReplyContext({ evidence, language, client: client(language), audience: 'plain' }), { builtin, override });
      assert.ok(plain.ok);
      assert.match(plain.text, /CHANGES/);
      assert.ok(checkTone(plain.text, language).some((f) => f.category === 'shouting'), 'without the names the word reads as shouting');
      assert.deepEqual(checkTone(plain.text, language, { allow: fileNameWords(evidence) }).filter((f) => f.category === 'shouting'), []);
    }
  });
});
