// Drift tests: the manifest, the code's command ids and the localization files must agree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandIds } from '../../src/ui/commandIds';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

interface Manifest {
  contributes: { commands: { command: string; title: string; category?: string; icon?: string }[] };
}

function nlsKeys(value: unknown, found: Set<string>): Set<string> {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/^%([^%]+)%$/g)) found.add(m[1] as string);
  } else if (Array.isArray(value)) {
    for (const v of value) nlsKeys(v, found);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) nlsKeys(v, found);
  }
  return found;
}

describe('manifest drift', () => {
  const manifest = readJson('package.json') as unknown as Manifest;

  it('contributes exactly the command ids the code registers', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(CommandIds).sort());
  });

  it('gives every command a localized title, the category and a codicon', () => {
    for (const c of manifest.contributes.commands) {
      assert.match(c.title, /^%.+%$/, `${c.command} title is not localized`);
      assert.equal(c.category, '%category%', `${c.command} has no category`);
      assert.match(c.icon ?? '', /^\$\([a-z-]+\)$/, `${c.command} has no codicon`);
    }
  });

  it('has every %key% of package.json in package.nls.json and package.nls.es.json', () => {
    const keys = nlsKeys(manifest, new Set());
    assert.ok(keys.size > 0);
    for (const file of ['package.nls.json', 'package.nls.es.json']) {
      const nls = readJson(file);
      const missing = [...keys].filter((k) => typeof nls[k] !== 'string' || (nls[k] as string).length === 0);
      assert.deepEqual(missing, [], `${file} lacks ${missing.join(', ')}`);
    }
  });

  it('has the same keys in the English and Spanish manifest strings', () => {
    assert.deepEqual(Object.keys(readJson('package.nls.es.json')).sort(), Object.keys(readJson('package.nls.json')).sort());
  });

  it('has a Spanish form for every l10n.t string used in src/ui', () => {
    const bundle = readJson('l10n/bundle.l10n.es.json');
    const used = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of fs.readdirSync(dir)) {
        const p = path.join(dir, name);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const text = fs.readFileSync(p, 'utf8');
          for (const m of text.matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) used.add((m[2] as string).replace(/\\(['"`\\])/g, '$1'));
        }
      }
    };
    walk(path.join(root, 'src'));
    assert.ok(used.size > 0, 'no l10n.t strings found: the scan is broken');
    const missing = [...used].filter((s) => typeof bundle[s] !== 'string');
    assert.deepEqual(missing, [], `l10n/bundle.l10n.es.json lacks: ${missing.join(' | ')}`);
  });
});
