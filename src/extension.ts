// Composition root: wires the layers together and nothing else.
import * as vscode from 'vscode';
import { createStoreValidator, loadStoreSchemas } from './core/store/validate';
import { createGitPort } from './git/simpleGitPort';
import { CommandIds } from './ui/commandIds';
import { registerCommand } from './ui/commands';
import { registerIssueCommands } from './ui/issueCommands';
import { IssuesTreeProvider } from './ui/issuesTree';
import { IssueWorkspace } from './ui/issueWorkspace';
import { registerReplyCommands } from './ui/replyCommands';
import { ReplyDrafts } from './ui/replyDrafts';
import { disposeLog, log } from './ui/log';
import { ToneDiagnostics } from './ui/toneDiagnostics';

/** What activate returns: the integration tests read the tree back through it. */
export interface ProofOfFixApi {
  issues: IssueWorkspace;
  issuesTree: IssuesTreeProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<ProofOfFixApi> {
  log().info(`Proof of Fix ${String(context.extension.packageJSON.version)} activated`);
  context.subscriptions.push(registerCommand(CommandIds.showLog, () => log().show(true)));

  const validator = createStoreValidator(await loadStoreSchemas(context.asAbsolutePath('media')));
  const issues = new IssueWorkspace({
    validator,
    gitPortFactory: (dir) => createGitPort(dir, { log: (line) => log().trace(line) }),
  });
  const issuesTree = new IssuesTreeProvider(issues, context.workspaceState);
  const view = vscode.window.createTreeView('proofOfFix.issues', { treeDataProvider: issuesTree, showCollapseAll: true });
  context.subscriptions.push(
    issues,
    issuesTree,
    view,
    ...registerIssueCommands({
      issues,
      tree: issuesTree,
      reveal: async (node) => {
        if (view.visible) await view.reveal(node, { select: true, focus: false, expand: false });
      },
    }),
  );
  const drafts = new ReplyDrafts();
  const tone = new ToneDiagnostics(drafts);
  context.subscriptions.push(drafts, tone, ...registerReplyCommands({ issues, drafts, tone, templatesRoot: context.asAbsolutePath('templates') }));
  return { issues, issuesTree };
}

export function deactivate(): void {
  disposeLog();
}
