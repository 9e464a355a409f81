// Golden replies: every scenario in English and in Spanish (usted and tú), for a plain and a
// technical reader, as Markdown and as a plain text email body, rendered from the built-in templates. The golden files are reviewed by a person as the client would read them; to refresh
// them after a deliberate template change run `UPDATE_GOLDEN=1 npm run test:unit` and read the diff.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReplyContext } from '../../src/core/reply/context';
import { renderReply } from '../../src/core/reply/render';
import { parseRemote } from '../../src/core/reply/remoteLinks';
import { folderTemplateSource } from '../../src/core/reply/templateSource';
import { checkTone } from '../../src/core/tone/check';
import { VERDICTS } from '../../src/core/evidence/model';
import { SCENARIOS, REMOTE, client, issue } from './replyFixtures';

const root = path.resolve(__dirname, '../../..');
const templatesRoot = path.join(root, 'templates');
const goldenDir = path.join(root, 'test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

interface Variant {
  id: string;
  language: 'en' | 'es';
  register: 'usted' | 'tu';
  audience?: 'plain' | 'technical';
  format?: 'markdown' | 'text';
  appendix?: boolean;
}

const VARIANTS: Variant[] = [
  { id: 'en', language: 'en', register: 'usted' },
  { id: 'es-usted', language: 'es', register: 'usted' },
  { id: 'es-tu', language: 'es', register: 'tu' },
];

/** The date the user chose for the next step in every golden reply. */
const NEXT_STEP_BY = '2026-11-24';

function renderScenario(name: string, variant: Variant): string {
  const evidence = SCENARIOS[name];
  assert.ok(evidence, `no scenario ${name}`);
  const context = buildReplyContext({
    evidence,
    language: variant.language,
    register: variant.register,
    client: client(variant.language, variant.register),
    issue: issue(variant.language),
    audience: variant.audience ?? 'technical',
    appendix: variant.appendix === true,
    nextStepBy: NEXT_STEP_BY,
    timeZone: 'Europe/Madrid',
  });
  const result = renderReply(context, {
    builtin: folderTemplateSource(templatesRoot, variant.language, 'builtin'),
    forge: parseRemote(REMOTE),
    timeZone: 'Europe/Madrid',
    format: variant.format ?? 'markdown',
  });
  if (!result.ok) assert.fail(JSON.stringify(result.errors, null, 2));
  return result.text;
}

function compareGolden(file: string, text: string): void {
  const goldenPath = path.join(goldenDir, file);
  if (update) {
    fs.mkdirSync(goldenDir, { recursive: true });
    fs.writeFileSync(goldenPath, text);
    return;
  }
  assert.ok(fs.existsSync(goldenPath), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(text, fs.readFileSync(goldenPath, 'utf8'), `${file} differs from its golden file`);
}

describe('reply golden files', () => {
  it('has a scenario for every verdict', () => {
    for (const verdict of VERDICTS) assert.ok(SCENARIOS[verdict], verdict);
  });

  for (const name of Object.keys(SCENARIOS)) {
    for (const variant of VARIANTS) {
      for (const audience of ['plain', 'technical'] as const) {
        for (const format of ['markdown', 'text'] as const) {
          const file = `${name}.${variant.id}.${audience}.${format === 'markdown' ? 'md' : 'txt'}`;
          it(`${file} matches its golden file and passes the tone check`, () => {
            const text = renderScenario(name, { ...variant, audience, format });
            compareGolden(file, text);
            assert.deepEqual(checkTone(text, variant.language).map((f) => `${f.ruleId}: ${f.text}`), []);
          });
        }
      }
    }
  }

  for (const variant of [VARIANTS[0], VARIANTS[1]] as Variant[]) {
    for (const name of ['fix-reverted-by-others', 'fix-modified']) {
      it(`${name} with the evidence appendix (${variant.id}, plain)`, () => {
        const text = renderScenario(name, { ...variant, audience: 'plain', appendix: true });
        compareGolden(`${name}.${variant.id}.plain.appendix.md`, text);
        assert.deepEqual(checkTone(text, variant.language).map((f) => `${f.ruleId}: ${f.text}`), []);
      });
    }
  }
});
