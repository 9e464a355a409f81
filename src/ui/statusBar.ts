// How many client issues wait for a reply (see core/inbox.ts), where the user looks: a badge on the
// view's activity-bar icon, as Source Control shows its changes, and a status bar item that opens
// the view. Both hidden when none wait, and in Restricted Mode, where no evidence is computed.
import * as vscode from 'vscode';
import { VIEW_ID } from './config';
import type { EvidenceService } from './evidenceService';
import type { IssueWorkspace } from './issueWorkspace';

export class EvidenceStatusBar implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly item: vscode.StatusBarItem;
  private shown = false;

  constructor(
    private readonly evidence: EvidenceService,
    issues?: IssueWorkspace,
    private readonly view?: vscode.TreeView<unknown>,
  ) {
    this.item = vscode.window.createStatusBarItem('proofOfFix.needsReply', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Proof of Fix: issues that need a reply');
    this.item.command = { command: `${VIEW_ID}.focus`, title: vscode.l10n.t('Open Client Issues') };
    this.disposables.push(this.item);
    evidence.onDidChange(() => this.update(), this, this.disposables);
    // A reply marked sent or a new report changes the count without new evidence.
    issues?.onDidChange(() => this.update(), this, this.disposables);
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.update(), this, this.disposables);
    this.update();
  }

  /** The text shown, whether it is shown, and the view's badge (for tests). */
  get state(): { text: string; visible: boolean; tooltip: string; badge: number } {
    return { text: this.item.text, visible: this.shown, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '', badge: this.view?.badge?.value ?? 0 };
  }

  private update(): void {
    const needing = vscode.workspace.isTrusted ? this.evidence.needingReply() : [];
    const n = needing.length;
    if (n === 0) {
      this.item.hide();
      this.shown = false;
      if (this.view) this.view.badge = undefined;
      return;
    }
    this.item.text = n === 1 ? vscode.l10n.t('$(shield) 1 needs a reply') : vscode.l10n.t('$(shield) {0} need a reply', n);
    const ids = needing.map((x) => x.issue.id).join(', ');
    this.item.tooltip = n === 1 ? vscode.l10n.t('{0} needs a reply to the client.', ids) : vscode.l10n.t('These issues need a reply to their clients: {0}', ids);
    const label = n === 1 ? vscode.l10n.t('1 client issue needs a reply') : vscode.l10n.t('{0} client issues need a reply', n);
    this.item.accessibilityInformation = { label };
    if (this.view) this.view.badge = { value: n, tooltip: label };
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
