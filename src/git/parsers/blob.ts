// What `git cat-file blob` printed, judged as git judges it.

/** Git's own test for binary content: a NUL byte in the first 8000 characters. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\0');
}
