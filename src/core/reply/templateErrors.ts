// Template failures as data (code, file, line, name) for the layer above to word. A template that
// fails never yields a reply with a blank where a fact should be.
import type { TemplateFile } from './templateSource';

export type TemplateErrorCode =
  | 'syntax'
  | 'unknown-field'
  | 'missing-field'
  | 'unknown-helper'
  | 'missing-partial'
  | 'missing-template'
  | 'helper-argument'
  /** A workspace template whose real path lies outside the workspace (e.g. through a symlink). */
  | 'outside-workspace'
  /** Rendering exceeded a limit: output size, partial depth or partial calls. */
  | 'limit'
  | 'render';

export interface TemplateError {
  code: TemplateErrorCode;
  /** The template file at fault. */
  file: string;
  /** The template (or partial) name at fault. */
  template: string;
  /** 1-based; absent when the engine gave no position. */
  line?: number;
  column?: number;
  /** The field, helper or partial at fault (the template's name when nothing narrower is known). */
  name: string;
  origin: 'builtin' | 'override';
  /** The engine's own message, for logs. */
  detail: string;
}

export interface Loc {
  start: { line: number; column: number };
}

/** A failure raised while checking or rendering; the file it belongs to is attached by the caller. */
export class TemplateFailure extends Error {
  constructor(readonly failure: Omit<TemplateError, 'file' | 'template' | 'origin'>) {
    super(failure.detail);
  }
}

export function helperError(name: string, message: string, loc: Loc | undefined): TemplateFailure {
  return new TemplateFailure({
    code: 'helper-argument',
    name,
    detail: `${name}: ${message}`,
    ...(loc ? { line: loc.start.line, column: loc.start.column + 1 } : {}),
  });
}

export function parseErrorPosition(error: unknown): { line?: number; column?: number } {
  const e = error as { lineNumber?: unknown; column?: unknown; message?: unknown };
  if (typeof e.lineNumber === 'number') {
    return { line: e.lineNumber, ...(typeof e.column === 'number' ? { column: e.column + 1 } : {}) };
  }
  const m = /on line (\d+)/.exec(String(e.message ?? ''));
  return m ? { line: Number(m[1]) } : {};
}

export function toTemplateError(error: unknown, file: Pick<TemplateFile, 'file' | 'name' | 'origin'>): TemplateError {
  const base = { file: file.file, template: file.name, origin: file.origin };
  if (error instanceof TemplateFailure) return { ...error.failure, ...base };
  const detail = error instanceof Error ? error.message : String(error);
  const missing = /^"([^"]+)" not defined in/.exec(detail);
  if (missing) {
    return { code: 'missing-field', name: missing[1] as string, detail, ...parseErrorPosition(error), ...base };
  }
  const partial = /^The partial (\S+) could not be found/.exec(detail);
  if (partial) return { code: 'missing-partial', name: partial[1] as string, detail, ...base };
  return { code: 'render', name: file.name, detail, ...parseErrorPosition(error), ...base };
}

/** `file:line:column: code "name": detail`, the one-line form CLIs and logs print. */
export function describeTemplateError(error: TemplateError): string {
  const position = error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : '';
  return `${error.file}${position}: ${error.code} "${error.name}": ${error.detail}`;
}
