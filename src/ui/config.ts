// The names the extension shares with its manifest: the view, the settings and the context keys its
// `when` clauses read. A unit test checks them against package.json both ways, so a renamed setting
// or key cannot drift. Plain constants (no vscode import), so that test runs in plain Node; the
// settings are read through src/ui/settings.ts.

export const VIEW_ID = 'proofOfFix.issues';
export const VIEW_CONTAINER_ID = 'proofOfFix';
/**
 * The reply drafts' documents. Menus show the draft's actions on `resourceScheme == <this>`, a key the
 * workbench sets itself as the editor becomes active: a key set by the extension arrives a round
 * trip later, and a command palette opened in between did not list Mark Reply Sent.
 */
export const DRAFT_SCHEME = 'proof-of-fix-draft';
/**
 * The drafts' language (package.json's languages and grammars: Markdown's few marks the templates
 * write, with Markdown's scopes). Not Markdown itself: a Markdown document starts VS Code's Markdown
 * extension and its language server on the extension host's two cores, and the draft's tab showed
 * 0.4-1.3 s later for it (measured in the end-to-end benchmark, README "Known limits and figures").
 */
export const REPLY_LANGUAGE = 'proof-of-fix-reply';
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
  /** Walkthrough steps, set when the user did the step's thing and it worked (see walkthrough.ts). */
  createdIssue: 'proofOfFix.walkthrough.createdIssue',
  linkedFix: 'proofOfFix.walkthrough.linkedFix',
  setDeployed: 'proofOfFix.walkthrough.setDeployed',
  journeyDone: 'proofOfFix.walkthrough.journeyDone',
  draftedReply: 'proofOfFix.walkthrough.draftedReply',
} as const;
