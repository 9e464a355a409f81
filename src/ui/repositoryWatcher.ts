// Watches a repository's common git dir (HEAD, the refs, packed-refs) and says when it changed, so
// evidence that depends on branches, tags and HEAD is re-checked. Git rewrites several of these
// files per checkout or commit; listeners debounce.
import * as vscode from 'vscode';
import { log } from './log';

export class RepositoryWatcher implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly watchers: vscode.Disposable[] = [];
  private watchedDir: string | undefined;
  private disposed = false;

  /** Watches this git dir (once; a different dir replaces the previous one). */
  watch(gitCommonDir: string): void {
    if (gitCommonDir === '' || gitCommonDir === this.watchedDir || this.disposed) return;
    for (const w of this.watchers.splice(0)) w.dispose();
    this.watchedDir = gitCommonDir;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(gitCommonDir), '{HEAD,packed-refs,refs/**}'));
    const changed = (uri: vscode.Uri): void => {
      log().trace(`Repository changed: ${uri.fsPath}`);
      this.changeEmitter.fire();
    };
    this.watchers.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.watchers.splice(0)) w.dispose();
    this.changeEmitter.dispose();
  }
}
