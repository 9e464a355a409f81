// Every command id the extension contributes, in one place. A unit test checks that package.json's
// `contributes.commands` lists exactly these.
export const CommandIds = {
  showLog: 'proofOfFix.showLog',
  newIssue: 'proofOfFix.newIssue',
  refreshIssues: 'proofOfFix.refreshIssues',
  filterIssues: 'proofOfFix.filterIssues',
  clearIssueFilter: 'proofOfFix.clearIssueFilter',
  recordReport: 'proofOfFix.recordReport',
  linkFix: 'proofOfFix.linkFix',
  unlinkFix: 'proofOfFix.unlinkFix',
  setStatus: 'proofOfFix.setStatus',
  setDeployedRef: 'proofOfFix.setDeployedRef',
  editClient: 'proofOfFix.editClient',
  openIssueFile: 'proofOfFix.openIssueFile',
  deleteIssue: 'proofOfFix.deleteIssue',
  draftReply: 'proofOfFix.draftReply',
  copyReply: 'proofOfFix.copyReply',
  openInMail: 'proofOfFix.openInMail',
  markReplySent: 'proofOfFix.markReplySent',
  openCommitDiff: 'proofOfFix.openCommitDiff',
  openCommitOnRemote: 'proofOfFix.openCommitOnRemote',
  refreshEvidence: 'proofOfFix.refreshEvidence',
  clientSaysItsBack: 'proofOfFix.clientSaysItsBack',
  showTimeline: 'proofOfFix.showTimeline',
  exportProofPage: 'proofOfFix.exportProofPage',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
