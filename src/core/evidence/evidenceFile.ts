// The evidence of a folder's issues as last computed, kept in a file between sessions (VS Code's
// storage for the workspace), each entry under the key of everything it depends on (see
// evidenceView.ts's evidenceKey): after a window reload an issue whose key still matches is
// answered from the file instead of walking the history again, so the first journey and the view's
// rows do not wait for the walks (measured: 0.6-7 s per issue on 100k commits). An entry is used
// only when its key matches the repository as it is now; a file of another version of the
// extension, or one that does not parse, is ignored. Written atomically (temp file + rename).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { IssueEvidence } from './model';

export interface StoredEvidence {
  key: string;
  evidence: IssueEvidence;
}

interface EvidenceFileContent {
  /** The extension's version that computed the entries: another version may compute them differently. */
  version: string;
  entries: Record<string, StoredEvidence>;
}

function isStored(value: unknown): value is StoredEvidence {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredEvidence>;
  return typeof v.key === 'string' && v.key !== '' && typeof v.evidence === 'object' && v.evidence !== null && typeof v.evidence.verdict === 'string' && Array.isArray(v.evidence.fixes);
}

/** The entries of the file, by issue id; none when there is no file, it does not parse, or another version wrote it. */
export async function readEvidenceFile(file: string, version: string): Promise<Map<string, StoredEvidence>> {
  const found = new Map<string, StoredEvidence>();
  let content: Partial<EvidenceFileContent>;
  try {
    content = JSON.parse(await readFile(file, 'utf8')) as Partial<EvidenceFileContent>;
  } catch {
    // No file yet, or a damaged one: the evidence is computed, as without the file.
    return found;
  }
  if (content.version !== version || typeof content.entries !== 'object' || content.entries === null) return found;
  for (const [id, entry] of Object.entries(content.entries)) if (isStored(entry)) found.set(id, entry);
  return found;
}

/** Replaces the file with `entries` (temp file + rename: a reader never sees half a file). */
export async function writeEvidenceFile(file: string, version: string, entries: ReadonlyMap<string, StoredEvidence>): Promise<void> {
  const content: EvidenceFileContent = { version, entries: Object.fromEntries(entries) };
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(content));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
