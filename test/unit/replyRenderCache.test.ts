// The compiled-template cache of rendering: a template's text is compiled once per process, and
// every rendering still binds it to its own helpers (locale, links, format) and bounded partials.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { buildReplyContext } from '../../src/core/reply/context';
import { renderReply } from '../../src/core/reply/render';
import { folderTemplateSource, memoryTemplateSource } from '../../src/core/reply/templateSource';
import { parseRemote } from '../../src/core/reply/remoteLinks';
import { REMOTE, SCENARIOS, client, issue } from './replyFixtures';

const templatesRoot = path.resolve(__dirname, '../../../templates');

const context = (scenario: string, language: 'en' | 'es' = 'en'): ReturnType<typeof buildReplyContext> =>
  buildReplyContext({ evidence: SCENARIOS[scenario]!, language, client: client(language), issue: issue(language), timeZone: 'UTC' });

/** Counts Handlebars' compiles (precompile: the cache's only way to compile) while `run` runs. */
function countingCompiles<T>(run: () => T): { result: T; compiles: number } {
  const original = Handlebars.precompile;
  let compiles = 0;
  Handlebars.precompile = ((...args: Parameters<typeof original>) => {
    compiles++;
    return original(...args);
  }) as typeof original;
  try {
    return { result: run(), compiles };
  } finally {
    Handlebars.precompile = original;
  }
}

describe('reply rendering: compiled templates are reused', () => {
  it('compiles a reply\'s templates once: a second draft of the same templates compiles nothing and reads the same', () => {
    // A text no other test renders, so that the first rendering here is the first compile.
    const override = memoryTemplateSource({ closing: 'Cache check,\n{{signature}}' }, 'override');
    const options = { builtin: folderTemplateSource(templatesRoot, 'en', 'builtin'), override };
    const first = countingCompiles(() => renderReply(context('fix-reverted'), options));
    const second = countingCompiles(() => renderReply(context('fix-reverted'), options));
    assert.ok(first.result.ok && second.result.ok);
    assert.ok(first.compiles > 0, 'the first rendering compiles');
    assert.equal(second.compiles, 0);
    assert.equal(second.result.text, first.result.text);
  });

  it('binds a cached template to each rendering\'s own helpers and context', () => {
    const builtin = memoryTemplateSource({ 'fix-intact': '{{issue.title}} · {{commit fix.sha}}' }, 'builtin');
    const plain = renderReply(context('fix-intact'), { builtin });
    const linked = renderReply({ ...context('fix-intact'), issue: { title: 'Another title' } }, { builtin, forge: parseRemote(REMOTE) });
    assert.ok(plain.ok && linked.ok);
    assert.match(plain.text, /· [0-9a-f]{7,}\n$/);
    assert.match(linked.text, /^Another title · \[[0-9a-f]{7,}\]\(https:\/\//);
  });

  it('renders an edited template as edited: its new text is compiled, not the old one reused', () => {
    const before = renderReply(context('fix-intact'), { builtin: memoryTemplateSource({ 'fix-intact': 'Version one of {{issue.title}}' }, 'builtin') });
    const after = renderReply(context('fix-intact'), { builtin: memoryTemplateSource({ 'fix-intact': 'Version two of {{issue.title}}' }, 'builtin') });
    assert.ok(before.ok && after.ok);
    assert.match(before.text, /^Version one of /);
    assert.match(after.text, /^Version two of /);
  });

  it('still reports a template\'s failure on every rendering, not only on the one that compiled it', () => {
    const builtin = memoryTemplateSource({ 'fix-intact': 'Hello {{nosuchfield}}' }, 'builtin');
    for (let i = 0; i < 2; i++) {
      const result = renderReply(context('fix-intact'), { builtin });
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.errors[0]?.name === 'nosuchfield', JSON.stringify(result));
    }
  });
});
