// Positions in JSON text: where a syntax error is, and where the value at a JSON pointer starts, so
// the editor can open a broken file at the problem. A small scanner rather than JSON.parse, which
// reports no positions for values and words its syntax errors differently per Node version.

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  offset: number;
}

function positionAt(text: string, offset: number): TextPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1, offset: clamped };
}

class ScanError extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

/**
 * Walks the text as JSON, calling `onValue` with each value's pointer and start offset. Throws
 * ScanError at the first syntax error.
 */
function scan(text: string, onValue: (pointer: string, offset: number) => boolean | void): void {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw new ScanError(i);
  };
  const str = (): string => {
    const start = i;
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
  let stop = false;
  const value = (pointer: string): void => {
    ws();
    if (stop) return;
    if (onValue(pointer, i) === true) {
      stop = true;
      return;
    }
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const key = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(`${pointer}/${escape(key)}`);
        if (stop) return;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${pointer}/${n}`);
        if (stop) return;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '"') {
      str();
    } else {
      const m = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += (m as RegExpExecArray)[0].length;
    }
  };
  value('');
  if (stop) return;
  ws();
  if (i < text.length) fail();
}

/** Where the first syntax error in the text is, or undefined when the text is valid JSON. */
export function syntaxErrorPosition(text: string): TextPosition | undefined {
  try {
    scan(text, () => undefined);
    return undefined;
  } catch (error) {
    if (error instanceof ScanError) return positionAt(text, error.offset);
    throw error;
  }
}

/**
 * Where the value at a JSON pointer (e.g. `/reports/0/date`) starts; for a pointer that does not
 * exist (a missing property), its nearest existing ancestor.
 */
export function pointerPosition(text: string, pointer: string): TextPosition {
  let best = 0;
  let bestLength = -1;
  try {
    scan(text, (p, offset) => {
      if (p === pointer) {
        best = offset;
        return true;
      }
      if ((pointer.startsWith(p + '/') || p === '') && p.length > bestLength) {
        best = offset;
        bestLength = p.length;
      }
      return false;
    });
  } catch (error) {
    // A text that does not scan has no values to point at: the start of the file is the answer.
    if (!(error instanceof ScanError)) throw error;
  }
  return positionAt(text, best);
}
