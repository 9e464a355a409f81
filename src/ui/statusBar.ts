// The status bar count of open issues whose evidence calls for a reply (fix reverted, modified, or
// not in the client's version). Clicking it opens the Client Issues view. Hidden when there are
// none, and in Restricted Mode, where no evidence is computed.
import * as vscode from 'vscode';
import { VIEW_ID } from './config';
import type { EvidenceService } from './evidenceService';

export class EvidenceStatusBar implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly item: vscode.StatusBarItem;
  private shown = false;

  constructor(private readonly evidence: EvidenceService) {
    this.item = vscode.window.createStatusBarItem('proofOfFix.needsReply', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Proof of Fix: issues that need a reply');
    this.item.command = { command: `${VIEW_ID}.focus`, title: vscode.l10n.t('Open Client Issues') };
    this.disposables.push(this.item);
    evidence.onDidChange(() => this.update(), this, this.disposables);
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.update(), this, this.disposables);
    this.update();
  }

  /** The text shown, and whether it is shown (for tests). */
  get state(): { text: string; visible: boolean; tooltip: string } {
    return { text: this.item.text, visible: this.shown, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '' };
  }

  private update(): void {
    const needing = vscode.workspace.isTrusted ? this.evidence.needingReply() : [];
    const n = needing.length;
    if (n === 0) {
      this.item.hide();
      this.shown = false;
      return;
    }
    this.item.text = n === 1 ? vscode.l10n.t('$(shield) 1 needs a reply') : vscode.l10n.t('$(shield) {0} need a reply', n);
    const ids = needing.map((x) => x.issue.id).join(', ');
    this.item.tooltip = n === 1 ? vscode.l10n.t('The evidence of {0} needs a reply to the client.', ids) : vscode.l10n.t('The evidence of these issues needs a reply to their clients: {0}', ids);
    this.item.accessibilityInformation = { label: n === 1 ? vscode.l10n.t('1 client issue needs a reply') : vscode.l10n.t('{0} client issues need a reply', n) };
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
