// Commit ids, checked and shortened in one place. Git prints full ids in lower case (SHA-1: 40 hex
// digits, SHA-256: 64); people type abbreviations in either case. Everything that validates or
// abbreviates a commit id uses these, so the tree, the CLI and the replies agree.

/** How many hex digits a commit id is shortened to wherever we show one (git's default abbreviation). */
export const SHORT_SHA_LENGTH = 7;

/** The fewest hex digits git accepts as an abbreviated object name. */
const MIN_ABBREV = 4;

function isHex(text: string, upperToo: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Character codes rather than a regex: the scan checks every commit of a history.
    const digit = c >= 48 && c <= 57;
    const lower = c >= 97 && c <= 102;
    const upper = upperToo && c >= 65 && c <= 70;
    if (!digit && !lower && !upper) return false;
  }
  return true;
}

/** Each byte as a lower-case hex digit: its value, or -1. */
export const HEX_VALUE: Int8Array = ((): Int8Array => {
  const t = new Int8Array(256).fill(-1);
  for (let c = 0; c < 10; c++) t[48 + c] = c;
  for (let c = 0; c < 6; c++) t[97 + c] = 10 + c;
  return t;
})();

/** Whether bytes[at, at + length) are lower-case hex digits (git's full ids). */
export function isHexBytes(bytes: Uint8Array, at: number, length: number): boolean {
  for (let i = at; i < at + length; i++) if ((HEX_VALUE[bytes[i] as number] as number) < 0) return false;
  return true;
}

/** A full commit id as git prints it: 40 or 64 lower-case hex digits. Abbreviations are not. */
export function isFullSha(text: string): boolean {
  return (text.length === 40 || text.length === 64) && isHex(text, false);
}

/** A full or abbreviated commit id (4 to 64 hex digits), in either case, as a person may type it. */
export function isSha(text: string): boolean {
  return text.length >= MIN_ABBREV && text.length <= 64 && isHex(text, true);
}

/** The form git prints (lower case), or null when the text is no commit id. */
export function normalizeSha(text: string): string | null {
  const trimmed = text.trim();
  return isSha(trimmed) ? trimmed.toLowerCase() : null;
}

/** Whether `full` is the commit that `abbrev` (full or abbreviated, any case) names. */
export function shaMatches(full: string, abbrev: string): boolean {
  return full.startsWith(abbrev.toLowerCase());
}

/** A commit id shortened for people to read: the same length in the tree, the CLI and replies. */
export function shortSha(sha: string): string {
  return sha.slice(0, SHORT_SHA_LENGTH);
}
