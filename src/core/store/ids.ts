// Issue ids: `<PREFIX>-<N>`, numbered per client prefix.

const ID = /^([A-Za-z][A-Za-z0-9_]*)-([1-9][0-9]*)$/;

export function parseIssueId(id: string): { prefix: string; number: number } | undefined {
  const m = ID.exec(id);
  return m ? { prefix: m[1] as string, number: Number(m[2]) } : undefined;
}

/**
 * The next free id for a prefix: one past the highest number in use. Gaps left by deleted issues
 * are not reused, so an id a client has seen in an email never names a different bug later.
 * Compared case-insensitively, as file names are on some systems.
 */
export function nextIssueId(prefix: string, existingIds: Iterable<string>): string {
  const wanted = prefix.toUpperCase();
  let max = 0;
  for (const id of existingIds) {
    const parsed = parseIssueId(id);
    if (parsed && parsed.prefix.toUpperCase() === wanted) max = Math.max(max, parsed.number);
  }
  return `${prefix}-${max + 1}`;
}

/** A prefix for a new client from its name ("Acme Corp" → ACME), unique among those given. */
export function suggestPrefix(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((p) => p.toUpperCase()));
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const words = ascii.toUpperCase().match(/[A-Z0-9]+/g) ?? [];
  let base = (words[0] ?? 'CLIENT').slice(0, 6);
  if (!/^[A-Z]/.test(base)) base = `C${base}`.slice(0, 6);
  if (base.length < 2 && words.length > 1) base = words.map((w) => w[0]).join('').slice(0, 6);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export function isValidPrefix(prefix: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(prefix);
}

/**
 * Whether an id can name a file of the issues folder and nothing else: letters, digits, dot, dash,
 * underscore, no `..`. Ids come from command lines and links, so they are checked before use.
 */
export function isSafeIssueId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id) && !id.includes('..');
}
