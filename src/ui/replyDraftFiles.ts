// Reply drafts as documents: each issue's draft is one file, `.proof-of-fix/drafts/<ID>.md` in its
// workspace folder, shown through a file system of our own so that its tab is named by the issue
// ("ACME-2 · respuesta"), it saves like any document (atomically, through a temporary file and a
// rename), and it comes back after a window reload. Beside it, `<ID>.json` keeps what the draft was
// rendered from (verdict, evidence, language) and whether it was copied or sent.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IssueEvidence } from '../core/evidence/model';
import type { Language } from '../core/store/model';
import { DRAFT_SCHEME } from './config';

const SEPARATOR = ' · ';

/** Issue ids are letters, digits, `.`, `-` and `_` (the store's rule): they never leave the folder. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `proof-of-fix-draft:/<workspace folder name>/<ID> · reply`: the tab shows the last part. */
export function draftUri(folder: vscode.WorkspaceFolder, issueId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DRAFT_SCHEME, path: `/${folder.name}/${vscode.l10n.t('{0} · reply', issueId)}` });
}

export interface DraftLocation {
  folder: vscode.WorkspaceFolder;
  issueId: string;
  /** The draft's text file. */
  file: string;
  /** What the draft rests on. */
  metaFile: string;
}

function draftsFolder(folder: vscode.WorkspaceFolder): string {
  return path.join(folder.uri.fsPath, '.proof-of-fix', 'drafts');
}

export function locateDraft(uri: vscode.Uri): DraftLocation | undefined {
  if (uri.scheme !== DRAFT_SCHEME) return undefined;
  const [, folderName, name] = uri.path.split('/');
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === folderName);
  const issueId = name?.split(SEPARATOR)[0];
  if (!folder || issueId === undefined || !SAFE_ID.test(issueId)) return undefined;
  const dir = draftsFolder(folder);
  return { folder, issueId, file: path.join(dir, `${issueId}.md`), metaFile: path.join(dir, `${issueId}.json`) };
}

/** What a draft was rendered from, kept beside it so that Mark Reply Sent works after a reload. */
export interface DraftMeta {
  issueId: string;
  language: Language;
  evidence: IssueEvidence;
  /** The text as rendered, before any edit. */
  rendered: string;
  /** Words the tone check accepts as written (the client's own names). */
  allow: string[];
  /** The draft left the editor: copied, opened in the mail client, or marked sent. */
  handedOver?: 'copied' | 'mailed' | 'sent';
}

/** Temporary file, fsync, rename: a crash leaves the old file or the new one, never half of one. */
async function writeAtomically(file: string, content: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const ignore = path.join(dir, '.gitignore');
  // Drafts are the user's working copies, not project history.
  await fs.writeFile(ignore, '*\n', { flag: 'wx' }).catch(() => undefined);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export async function readDraftMeta(location: DraftLocation): Promise<DraftMeta | undefined> {
  try {
    const meta = JSON.parse(await fs.readFile(location.metaFile, 'utf8')) as DraftMeta;
    return meta.issueId === location.issueId && typeof meta.rendered === 'string' ? meta : undefined;
  } catch {
    // No record beside the draft (or one that does not parse): the draft is text without evidence.
    return undefined;
  }
}

export function writeDraftMeta(location: DraftLocation, meta: DraftMeta): Promise<void> {
  return writeAtomically(location.metaFile, `${JSON.stringify(meta, null, 2)}\n`);
}

function notFound(uri: vscode.Uri): vscode.FileSystemError {
  return vscode.FileSystemError.FileNotFound(uri);
}

/** Serves the drafts: one flat file per issue; no folders, no renames. */
export class DraftFileSystem implements vscode.FileSystemProvider {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;

  watch(): vscode.Disposable {
    // Only this extension writes drafts through this scheme, and it fires the changes itself.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const location = locateDraft(uri);
    if (location === undefined) {
      // The folder part of a draft path: a directory, so that the path is well formed.
      if (uri.path.split('/').filter((p) => p !== '').length === 1) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
      throw notFound(uri);
    }
    try {
      const stat = await fs.stat(location.file);
      return { type: vscode.FileType.File, ctime: stat.ctimeMs, mtime: stat.mtimeMs, size: stat.size };
    } catch {
      throw notFound(uri);
    }
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const location = locateDraft(uri);
    if (location === undefined) throw notFound(uri);
    try {
      return await fs.readFile(location.file);
    } catch {
      throw notFound(uri);
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const location = locateDraft(uri);
    if (location === undefined) throw vscode.FileSystemError.NoPermissions(uri);
    const existed = await fs.stat(location.file).then(() => true, () => false);
    await writeAtomically(location.file, content);
    this.changeEmitter.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  async delete(uri: vscode.Uri): Promise<void> {
    const location = locateDraft(uri);
    if (location === undefined) throw notFound(uri);
    await fs.rm(location.file, { force: true });
    await fs.rm(location.metaFile, { force: true });
    this.changeEmitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
