// The reply drafts' own language: the manifest gives the drafts' names that language, with its
// grammar and editor defaults, and the grammar marks what the templates write (checked on the golden
// Markdown replies).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPLY_LANGUAGE } from '../../src/ui/config';

const root = path.resolve(__dirname, '../../..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;

interface Contributes {
  languages: { id: string; aliases?: string[]; filenamePatterns?: string[] }[];
  grammars: { language: string; scopeName: string; path: string }[];
  configurationDefaults: Record<string, Record<string, unknown>>;
}

interface Rule {
  match?: string;
  include?: string;
  name?: string;
  captures?: Record<string, { name?: string }>;
  patterns?: Rule[];
}

interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const contributes = readJson<{ contributes: Contributes }>('package.json').contributes;
const grammarEntry = contributes.grammars.find((g) => g.language === REPLY_LANGUAGE);
const grammar = grammarEntry && readJson<Grammar>(grammarEntry.path);

/** Every rule with a `match`, the repository's included ones too. */
function matchRules(rules: Rule[], seen = new Set<string>()): Rule[] {
  const found: Rule[] = [];
  for (const rule of rules) {
    if (rule.include?.startsWith('#')) {
      const key = rule.include.slice(1);
      if (seen.has(key)) continue;
      seen.add(key);
      const included = grammar?.repository[key];
      assert.ok(included, `the grammar includes #${key}, which its repository lacks`);
      found.push(...matchRules([included], seen));
    } else {
      if (rule.match !== undefined) found.push(rule);
      if (rule.patterns) found.push(...matchRules(rule.patterns, seen));
    }
  }
  return found;
}

/** The scope names the grammar gives the parts of `line` (first match wins at each position, as a tokenizer does). */
function scopesOf(line: string, rules: Rule[]): { text: string; scope: string }[] {
  const out: { text: string; scope: string }[] = [];
  let at = 0;
  while (at < line.length) {
    let best: { index: number; text: string; rule: Rule } | undefined;
    for (const rule of rules) {
      const re = new RegExp(rule.match as string, 'g');
      re.lastIndex = at;
      const m = re.exec(line);
      if (m && m[0].length > 0 && (best === undefined || m.index < best.index)) best = { index: m.index, text: m[0], rule };
    }
    if (!best) break;
    const scope = best.rule.name ?? Object.values(best.rule.captures ?? {})[0]?.name ?? '';
    out.push({ text: best.text, scope });
    at = best.index + best.text.length;
  }
  return out;
}

describe('the reply drafts’ language', () => {
  it('is what a draft’s name (English and Spanish) opens as, with its grammar and a wrapped, suggestion-free editor', () => {
    const language = contributes.languages.find((l) => l.id === REPLY_LANGUAGE);
    assert.ok(language, `package.json contributes no language ${REPLY_LANGUAGE}`);
    assert.deepEqual(language.filenamePatterns, ['* · reply', '* · respuesta']);
    assert.deepEqual(language.aliases, ['%language.replyDraft%']);
    // No other language claims the drafts' names (Markdown did before).
    assert.deepEqual(contributes.languages.filter((l) => l.filenamePatterns?.some((p) => p.includes('·'))).map((l) => l.id), [REPLY_LANGUAGE]);
    assert.ok(grammar, 'no grammar for the reply language');
    assert.equal(grammar.scopeName, grammarEntry?.scopeName);
    const editor = contributes.configurationDefaults[`[${REPLY_LANGUAGE}]`];
    assert.equal(editor?.['editor.wordWrap'], 'on');
    assert.equal(editor?.['editor.wordBasedSuggestions'], 'off');
    // The Spanish drafts' name as the extension writes it.
    const es = readJson<Record<string, string>>('l10n/bundle.l10n.es.json')['{0} · reply'];
    assert.equal(es, '{0} · respuesta');
  });

  it('marks every code span, list bullet and separator of the golden Markdown replies with Markdown’s scopes', () => {
    assert.ok(grammar);
    const rules = matchRules(grammar.patterns);
    assert.ok(rules.length >= 5);
    const goldens = fs.readdirSync(path.join(root, 'test/golden')).filter((f) => f.endsWith('.md'));
    assert.ok(goldens.length > 20, 'the golden replies are missing');
    let spans = 0;
    let bullets = 0;
    let separators = 0;
    for (const file of goldens) {
      for (const line of fs.readFileSync(path.join(root, 'test/golden', file), 'utf8').split('\n')) {
        const scopes = scopesOf(line, rules);
        const code = [...line.matchAll(/`[^`]+`/g)].map((m) => m[0]);
        const raw = scopes.filter((s) => s.scope === 'markup.inline.raw.string.markdown').map((s) => s.text);
        assert.deepEqual(raw, code, `${file}: ${line}`);
        spans += code.length;
        if (/^\s*- /.test(line)) {
          assert.equal(scopes[0]?.scope, 'punctuation.definition.list.begin.markdown', `${file}: ${line}`);
          bullets++;
        }
        if (line === '---') {
          assert.deepEqual(scopes, [{ text: '---', scope: 'meta.separator.markdown' }], file);
          separators++;
        }
      }
    }
    assert.ok(spans > 50 && bullets > 50 && separators > 2, `spans ${spans}, bullets ${bullets}, separators ${separators}`);
  });

  it('leaves plain prose, hyphenated words and a dash inside a sentence unmarked', () => {
    assert.ok(grammar);
    const rules = matchRules(grammar.patterns);
    assert.deepEqual(scopesOf('Thank you for your message - I checked the follow-up change.', rules), []);
    assert.deepEqual(scopesOf('El cambio de Ana García — 2021-06-07 — alteró la corrección.', rules), []);
    assert.deepEqual(
      scopesOf('See https://example.com/a/b. Then **this** and [the page](https://example.com).', rules).map((s) => s.scope),
      ['markup.underline.link.markdown', 'markup.bold.markdown', 'meta.link.inline.markdown'],
    );
  });
});
