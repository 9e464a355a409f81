// The reply state as a decoration at the right end of an issue row, where it survives a narrow
// sidebar that cuts the description off (as Source Control's "M"): a red dot for an issue that
// needs a reply, a check for one answered. The words ("needs reply", "replied 1 Dec") are its tooltip.
import * as vscode from 'vscode';
import type { ReplyState } from '../core/inbox';
import type { EvidenceService } from './evidenceService';
import type { IssueWorkspace } from './issueWorkspace';
import { shortDay } from './issueLabels';

const ISSUE_SCHEME = 'proof-of-fix-issue';

/** The URI an issue row carries so the decoration provider can find it: folder and id. */
export function issueRowUri(folder: vscode.Uri, id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: ISSUE_SCHEME, path: `/${id}`, query: folder.toString() });
}

export class ReplyDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changeEmitter.event;

  constructor(
    private readonly issues: IssueWorkspace,
    private readonly evidence: EvidenceService,
  ) {
    this.disposables.push(this.changeEmitter, vscode.window.registerFileDecorationProvider(this));
    evidence.onDidChange(() => this.changeEmitter.fire(undefined), this, this.disposables);
    issues.onDidChange(() => this.changeEmitter.fire(undefined), this, this.disposables);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ISSUE_SCHEME) return undefined;
    const folder = this.issues.forUri(vscode.Uri.parse(uri.query));
    const issue = folder?.store.issue(uri.path.slice(1));
    if (folder === undefined || issue === undefined) return undefined;
    return decorationOf(this.evidence.forFolder(folder).replyState(issue));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function decorationOf(state: ReplyState): vscode.FileDecoration | undefined {
  if (state.needsReply) return new vscode.FileDecoration('●', vscode.l10n.t('needs reply'), new vscode.ThemeColor('charts.red'));
  if (state.repliedOn !== null) return new vscode.FileDecoration('✓', vscode.l10n.t('replied {0}', shortDay(state.repliedOn)));
  return undefined;
}
