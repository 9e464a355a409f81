// The names the extension shares with its manifest: the view, the settings and the context keys its
// `when` clauses read. A unit test checks them against package.json both ways, so a renamed setting
// or key cannot drift. Plain constants (no vscode import), so that test runs in plain Node; the
// settings are read through src/ui/settings.ts.

export const VIEW_ID = 'proofOfFix.issues';
export const VIEW_CONTAINER_ID = 'proofOfFix';
/** The timeline's webview panels (`activeWebviewPanelId` in when clauses). */
export const TIMELINE_VIEW_TYPE = 'proofOfFix.timeline';

/** The settings section and each setting's key within it. */
export const SETTINGS = {
  section: 'proofOfFix',
  issuesFolder: 'issuesFolder',
  showClosed: 'issues.showClosed',
  recentCommits: 'linkFix.recentCommits',
  defaultLanguage: 'clients.defaultLanguage',
  targetBranch: 'evidence.targetBranch',
  releaseTagPattern: 'evidence.releaseTagPattern',
  issueIdPatterns: 'evidence.issueIdPatterns',
  myIdentities: 'evidence.myIdentities',
  replyAppendix: 'reply.appendix',
  templatesFolder: 'reply.templatesFolder',
  nextStepWorkingDays: 'reply.nextStepWorkingDays',
} as const;

/** The group of settings evidence depends on: a change to any of them recomputes it. */
export const EVIDENCE_SETTINGS_GROUP = 'evidence';

export const ContextKeys = {
  /** Every store has been read once. */
  loaded: 'proofOfFix.loaded',
  /** No issue file (valid or broken) in any folder. */
  noIssues: 'proofOfFix.noIssues',
  /** No workspace folder is inside a git repository. */
  noGit: 'proofOfFix.noGit',
  /** Issues exist but the status filter hides all of them. */
  allHidden: 'proofOfFix.allHidden',
  /** The status filter differs from the default. */
  filtered: 'proofOfFix.filtered',
  /** Some folder's remote is a forge with web pages for commits. */
  webRemote: 'proofOfFix.webRemote',
  /** The active editor is a reply draft. */
  replyActive: 'proofOfFix.replyActive',
} as const;
