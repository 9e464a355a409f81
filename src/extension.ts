// Composition root: wires the layers together and nothing else.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { lazyStoreValidator } from './core/store/validate';
import { createCommitContentPort } from './git/commitContent';
import { REQUEST_LANES } from './git/gitRunner';
import { createGitPort } from './git/simpleGitPort';
import { CommandIds } from './ui/commandIds';
import { DRAFT_SCHEME, VIEW_ID } from './ui/config';
import type { CommandOutcome } from './ui/commands';
import { disposeCommandOutcomes, onDidRunCommand, registerCommand } from './ui/commands';
import { COMMIT_SCHEME, CommitDocumentProvider } from './ui/commitDocuments';
import { registerEvidenceCommands } from './ui/evidenceCommands';
import { EvidenceService } from './ui/evidenceService';
import { registerClientCommands } from './ui/clientCommands';
import { registerIssueCommands } from './ui/issueCommands';
import { IssuesTreeProvider } from './ui/issuesTree';
import { IssueWorkspace } from './ui/issueWorkspace';
import { createJourney } from './ui/journey';
import { prepareDraftText, registerReplyCommands } from './ui/replyCommands';
import { DraftFileSystem } from './ui/replyDraftFiles';
import { ReplyDrafts, replyLanguages } from './ui/replyDrafts';
import { disposeLog, log } from './ui/log';
import { ReplyDecorations } from './ui/replyDecorations';
import type { ProgressNotice } from './ui/requestProgress';
import { disposeRequestProgress, onDidChangeRequestProgress, whenNoRequest } from './ui/requestProgress';
import { EvidenceStatusBar } from './ui/statusBar';
import { registerTimelineCommands, TimelinePanels } from './ui/timelinePanel';
import { ToneDiagnostics } from './ui/toneDiagnostics';
import { watchHostStalls } from './ui/hostStalls';
import { trackWalkthrough } from './ui/walkthrough';
import { ENGINE_BUILD } from './core/engineBuild';

/** What activate returns: the integration tests read the tree back through it. */
export interface ProofOfFixApi {
  issues: IssueWorkspace;
  issuesTree: IssuesTreeProvider;
  evidence: EvidenceService;
  statusBar: EvidenceStatusBar;
  replyDecorations: ReplyDecorations;
  /** Every command run through the funnel, as it ended (done, refused, failed, cancelled) and what the user was told. */
  onDidRunCommand: vscode.Event<CommandOutcome>;
  /** A user request's progress notification opened or closed (one per request, see requestProgress.ts). */
  onDidChangeRequestProgress: vscode.Event<ProgressNotice>;
  timeline: TimelinePanels;
}

export async function activate(context: vscode.ExtensionContext): Promise<ProofOfFixApi> {
  // How long activation takes is the user's wait for the window; the benchmark reads it from the log.
  const started = performance.now();
  // Where activation's time goes, for the log line below: each step's share since the previous one.
  const laps: string[] = [];
  let lapStart = started;
  const lap = (step: string): void => {
    const now = performance.now();
    laps.push(`${step} ${(now - lapStart).toFixed(1)}`);
    lapStart = now;
  };
  context.subscriptions.push(registerCommand(CommandIds.showLog, () => log().show(true)), trackWalkthrough(onDidRunCommand));

  const validator = lazyStoreValidator(context.asAbsolutePath('media'));
  const issues = new IssueWorkspace({
    validator,
    // Every git command and how long it took, as the log's reader needs them after a failure.
    // A person's request runs its independent commands side by side; background checks one at a time per lane.
    gitPortFactory: (dir, queue) => createGitPort(dir, { log: (line) => log().info(line), requestLanes: REQUEST_LANES, ...(queue === undefined ? {} : { queueKey: `${dir}#${queue}` }) }),
  });
  lap('store');
  const evidence = new EvidenceService(issues, {
    contentPortFactory: (dir) => createCommitContentPort(dir, { log: (line) => log().info(line) }),
    // The evidence is kept for the next window of this workspace (none without a workspace).
    ...(context.storageUri === undefined ? {} : { storage: { dir: context.storageUri.fsPath, version: `${String(context.extension.packageJSON.version)}+${ENGINE_BUILD}` } }),
  });
  const issuesTree = new IssuesTreeProvider(issues, context.workspaceState, evidence);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: issuesTree, showCollapseAll: true });
  lap('evidence and view');
  const statusBar = new EvidenceStatusBar(evidence, issues, view);
  const replyDecorations = new ReplyDecorations(issues, evidence);
  context.subscriptions.push(
    issues,
    evidence,
    statusBar,
    replyDecorations,
    issuesTree,
    view,
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocumentProvider(issues, evidence)),
    ...registerEvidenceCommands({ issues, evidence }),
    ...registerClientCommands(issues),
    ...registerIssueCommands({
      issues,
      tree: issuesTree,
      reveal: async (node) => {
        if (view.visible) await view.reveal(node, { select: true, focus: false, expand: false });
      },
    }),
  );
  lap('issue commands');
  // Before the drafts: a draft tab restored after a reload is read through this provider.
  const draftFiles = new DraftFileSystem();
  context.subscriptions.push(draftFiles, vscode.workspace.registerFileSystemProvider(DRAFT_SCHEME, draftFiles, { isCaseSensitive: true }));
  const drafts = new ReplyDrafts(issues);
  const tone = new ToneDiagnostics(drafts);
  context.subscriptions.push(drafts, tone, ...registerReplyCommands({ issues, evidence, drafts, tone, draftFiles, templatesRoot: context.asAbsolutePath('templates') }),
    registerCommand(CommandIds.clientSaysItsBack, createJourney({ issues, evidence, prepareDraft: prepareDraftText(context.asAbsolutePath('templates')) })),
  );
  lap('reply commands');
  // The tone check's first use in a language costs seconds of the extension host: paid once the
  // first evidence pass is done, rather than when the first draft opens.
  const idle = issues
    .ready()
    .then(() => new Promise((resolve) => setTimeout(resolve, 1000)))
    .then(() => evidence.whenIdle())
    .then(() => whenNoRequest());
  tone.warmUpWhen(idle, () => replyLanguages(issues));
  const timeline = new TimelinePanels(issues, evidence);
  context.subscriptions.push(timeline, ...registerTimelineCommands({ issues, evidence, panels: timeline }));
  lap('timeline');
  // `npm start` asks for the view on the demo at once, rather than the Explorer.
  if (process.env.PROOF_OF_FIX_OPEN_VIEW === '1') void vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  // The log's channel is made on first use: its share is measured apart.
  log();
  lap('log');
  const stopWatching = watchHostStalls();
  context.subscriptions.push({ dispose: stopWatching });
  log().info(`Proof of Fix ${String(context.extension.packageJSON.version)} activated in ${(performance.now() - started).toFixed(1)} ms (extension host process ${process.pid}); ms per step: ${laps.join(', ')}`);
  return { issues, issuesTree, evidence, statusBar, replyDecorations, onDidRunCommand, onDidChangeRequestProgress, timeline };
}

export function deactivate(): void {
  disposeCommandOutcomes();
  disposeRequestProgress();
  disposeLog();
}
