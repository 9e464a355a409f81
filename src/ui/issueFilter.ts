// Which issue statuses the Client Issues view shows: the user's choice (kept per workspace), else the
// default from `proofOfFix.issues.showClosed`.
import * as vscode from 'vscode';
import type { IssueStatus } from '../core/store/model';
import { ISSUE_STATUSES, isClosedStatus } from '../core/store/model';
import { SETTINGS } from './config';
import { affects, showClosedSetting } from './settings';

const FILTER_STATE_KEY = 'proofOfFix.statusFilter';

export class IssueFilter implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private hidden: Set<IssueStatus>;

  constructor(private readonly state: vscode.Memento) {
    this.disposables.push(this.changeEmitter);
    this.hidden = new Set(state.get<IssueStatus[]>(FILTER_STATE_KEY) ?? defaultHidden());
    vscode.workspace.onDidChangeConfiguration(
      (e) => {
        if (!affects(e, SETTINGS.showClosed)) return;
        // A saved filter is the user's explicit choice; the setting only changes the default.
        if (!state.get(FILTER_STATE_KEY)) this.hidden = new Set(defaultHidden());
        this.changeEmitter.fire();
      },
      this,
      this.disposables,
    );
  }

  isShown(status: IssueStatus): boolean {
    return !this.hidden.has(status);
  }

  /** Statuses currently shown. */
  shownStatuses(): IssueStatus[] {
    return ISSUE_STATUSES.filter((s) => !this.hidden.has(s));
  }

  /** Sets the statuses shown; undefined restores the default. */
  async setShownStatuses(shown: readonly IssueStatus[] | undefined): Promise<void> {
    this.hidden = new Set(shown ? ISSUE_STATUSES.filter((s) => !shown.includes(s)) : defaultHidden());
    await this.state.update(FILTER_STATE_KEY, shown ? [...this.hidden] : undefined);
    this.changeEmitter.fire();
  }

  /** Whether the filter differs from the default. */
  isFiltered(): boolean {
    const byDefault = new Set(defaultHidden());
    return byDefault.size !== this.hidden.size || [...this.hidden].some((s) => !byDefault.has(s));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function defaultHidden(): IssueStatus[] {
  return showClosedSetting() ? [] : ISSUE_STATUSES.filter(isClosedStatus);
}
