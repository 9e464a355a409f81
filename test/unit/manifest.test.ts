// Drift tests: the manifest, the code's command ids and the localization files must agree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandIds } from '../../src/ui/commandIds';
import { ContextKeys, DRAFT_SCHEME, SETTINGS, TIMELINE_VIEW_TYPE, VIEW_CONTAINER_ID, VIEW_ID } from '../../src/ui/config';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    configuration: { properties: Record<string, unknown> };
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
  };
}

/** Every `when` / `enablement` clause of the manifest. */
function clauses(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) clauses(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'when' || k === 'enablement') && typeof v === 'string') found.push(v);
      // A walkthrough step completes on a context key: `onContext:<clause>`.
      else if (k === 'completionEvents' && Array.isArray(v)) found.push(...v.filter((e): e is string => typeof e === 'string' && e.startsWith('onContext:')).map((e) => e.slice('onContext:'.length)));
      else clauses(v, found);
    }
  }
  return found;
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

  it('declares exactly the settings the code reads, under its section', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties).sort();
    const read = Object.entries(SETTINGS)
      .filter(([name]) => name !== 'section')
      .map(([, key]) => `${SETTINGS.section}.${key}`)
      .sort();
    assert.deepEqual(declared, read);
  });

  it('completes walkthrough steps on what the user did, never on a command merely being run', () => {
    const walkthroughs = (manifest.contributes as unknown as { walkthroughs: { steps: { id: string; completionEvents?: string[]; media: { svg?: string } }[] }[] }).walkthroughs;
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      for (const event of step.completionEvents ?? []) assert.doesNotMatch(event, /^onCommand:/, `${step.id} completes when its command merely runs`);
      // One picture per step and language, named through the manifest strings.
      for (const file of ['package.nls.json', 'package.nls.es.json']) {
        const key = /^%(.+)%$/.exec(step.media.svg ?? '')?.[1];
        assert.ok(key, `${step.id} has no localized picture`);
        const picture = readJson(file)[key] as string;
        assert.ok(fs.existsSync(path.join(root, picture)), `${file}: ${picture} does not exist`);
      }
    }
    const pictures = walkthroughs.flatMap((w) => w.steps).map((s) => readJson('package.nls.es.json')[/^%(.+)%$/.exec(s.media.svg ?? '')?.[1] ?? ''] as string);
    assert.equal(new Set(pictures).size, pictures.length, 'two steps share a picture');
  });

  it('names the view and its container as the code does', () => {
    assert.deepEqual(manifest.contributes.viewsContainers.activitybar.map((c) => c.id), [VIEW_CONTAINER_ID]);
    assert.deepEqual((manifest.contributes.views[VIEW_CONTAINER_ID] ?? []).map((v) => v.id), [VIEW_ID]);
  });

  it('uses in when clauses only the context keys the code sets, and every key it sets', () => {
    const all = clauses(manifest.contributes);
    assert.ok(all.length > 10, 'no when clauses found: the scan is broken');
    // The view id and viewItem values are compared against, not context keys: take them out first.
    const keyParts = all.map((c) => c.replace(/\b(viewItem|view|activeWebviewPanelId)\s*(==|=~|!=)\s*(\/[^/]*\/|[^\s)]+)/g, ''));
    const panels = new Set(all.flatMap((c) => [...c.matchAll(/\bactiveWebviewPanelId\s*==\s*([^\s)]+)/g)].map((m) => m[1])));
    assert.deepEqual([...panels], [TIMELINE_VIEW_TYPE], 'the only webview panel is the timeline');
    const used = new Set(keyParts.flatMap((c) => c.match(/\bproofOfFix\.[A-Za-z.]+/g) ?? []));
    const keys = new Set<string>(Object.values(ContextKeys));
    const unknown = [...used].filter((k) => !keys.has(k));
    assert.deepEqual(unknown, [], `when clauses use keys the code never sets: ${unknown.join(', ')}`);
    const unused = [...keys].filter((k) => !used.has(k));
    assert.deepEqual(unused, [], `context keys no when clause reads: ${unused.join(', ')}`);
  });

  it("shows the reply draft's actions by the draft scheme the code serves, on the palette and the title bar alike", () => {
    const menus = (manifest.contributes as unknown as { menus: Record<string, { command: string; when?: string }[]> }).menus;
    const schemes = new Set(clauses(manifest.contributes).flatMap((c) => [...c.matchAll(/\bresourceScheme\s*==\s*([^\s)]+)/g)].map((m) => m[1])));
    assert.deepEqual([...schemes], [DRAFT_SCHEME]);
    assert.ok((readJson('package.json').activationEvents as string[]).includes(`onFileSystem:${DRAFT_SCHEME}`));
    for (const command of [CommandIds.copyReply, CommandIds.openInMail, CommandIds.markReplySent]) {
      const when = (menu: string): string | undefined => menus[menu]?.find((m) => m.command === command)?.when;
      assert.match(when('editor/title') ?? '', new RegExp(`resourceScheme == ${DRAFT_SCHEME}`), command);
      // One clause for both: a palette that asks for something else can miss a command the title bar shows.
      assert.equal(when('commandPalette'), when('editor/title'), command);
    }
  });

  it('sets context keys only through the names in config.ts', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else if (entry.name.endsWith('.ts')) files.push(path.join(dir, entry.name));
      }
    };
    walk(path.join(root, 'src'));
    const literal = files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/'setContext',\s*'[^']*'/g)].map((m) => `${path.relative(root, file)}: ${m[0]}`));
    assert.deepEqual(literal, []);
    const keys = files.flatMap((file) => (path.basename(file) === 'config.ts' ? [] : [...fs.readFileSync(file, 'utf8').matchAll(/'proofOfFix\.[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)?'/g)].map((m) => `${path.relative(root, file)}: ${m[0]}`)));
    const contextKeys = new Set<string>(Object.values(ContextKeys).map((k) => `'${k}'`));
    assert.deepEqual(keys.filter((k) => contextKeys.has(k.slice(k.indexOf(': ') + 2))), [], 'a context key written outside config.ts');
  });
});
