// Where reply templates come from: the extension's built-in folder and, optionally, a workspace's
// override folder. Each holds `<lang>/<name>.hbs`; a name is a verdict (the reply's main template)
// or a partial the verdict templates share.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../store/model';

export type TemplateOrigin = 'builtin' | 'override';

export interface TemplateFile {
  name: string;
  /** Path (or label) shown in errors. */
  file: string;
  text: string;
  origin: TemplateOrigin;
}

export interface TemplateSource {
  readonly origin: TemplateOrigin;
  /** The template names this source holds, without extension. */
  list(): string[];
  read(name: string): TemplateFile | undefined;
}

const EXTENSION = '.hbs';

/** `<root>/<language>/*.hbs`. A missing folder is an empty source (a workspace without overrides). */
export function folderTemplateSource(root: string, language: Language, origin: TemplateOrigin): TemplateSource {
  const dir = path.join(root, language);
  return {
    origin,
    list(): string[] {
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        // No such folder: this source holds no templates.
        return [];
      }
      return names.filter((n) => n.endsWith(EXTENSION)).map((n) => n.slice(0, -EXTENSION.length)).sort();
    },
    read(name: string): TemplateFile | undefined {
      const file = path.join(dir, name + EXTENSION);
      try {
        return { name, file, text: fs.readFileSync(file, 'utf8'), origin };
      } catch {
        // Absent from this source; the caller falls through to the next one.
        return undefined;
      }
    },
  };
}

/** Templates held in memory, e.g. for tests; `label` stands in for the folder in file names. */
export function memoryTemplateSource(
  templates: Record<string, string>,
  origin: TemplateOrigin,
  label: string = origin,
): TemplateSource {
  return {
    origin,
    list: () => Object.keys(templates).sort(),
    read: (name) => {
      const text = Object.prototype.hasOwnProperty.call(templates, name) ? templates[name] : undefined;
      return text === undefined ? undefined : { name, file: `${label}/${name}${EXTENSION}`, text, origin };
    },
  };
}
