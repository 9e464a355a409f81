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
  /** Set when the file exists but is not used: its real path lies outside the folder it must stay in. */
  refused?: 'outside-workspace';
}

export interface TemplateSource {
  readonly origin: TemplateOrigin;
  /** The template names this source holds, without extension. */
  list(): string[];
  read(name: string): TemplateFile | undefined;
}

const EXTENSION = '.hbs';

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    // Dangling symlink or no such file: it has no real path to be inside anything.
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * `<root>/<language>/*.hbs`. A missing folder is an empty source (a workspace without overrides).
 * With `confineTo`, a template whose real path (symlinks followed) lies outside that folder is
 * refused: a workspace's templates cannot make a reply read any other file on the machine.
 */
export function folderTemplateSource(root: string, language: Language, origin: TemplateOrigin, confineTo?: string): TemplateSource {
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
      if (confineTo !== undefined && fs.existsSync(file)) {
        const real = realPath(file);
        const folder = realPath(confineTo) ?? path.resolve(confineTo);
        if (real === undefined || !isInside(real, folder)) return { name, file, text: '', origin, refused: 'outside-workspace' };
      }
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
