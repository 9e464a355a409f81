// A repository without git's commit-graph file makes every git walk parse commit objects one by
// one (containment, merge bases, path-limited logs, blame); one without its changed-path filters
// makes a walk limited to the fix's files compare the trees of every commit it passes (the later
// changes and reverts of a fix are such a walk). We never write it ourselves: the user is told
// once, in the log, which command writes it, what it costs and what it gains.
import type { CommitGraphFile } from '../gitPort';

/** The command that writes git's commit-graph with changed-path filters, as the user would type it. */
export const COMMIT_GRAPH_COMMAND = 'git commit-graph write --reachable --changed-paths';

/** The log line for a repository of `commits` commits whose commit-graph is missing or has no filters; null when there is nothing to gain. */
export function commitGraphAdvice(folderName: string, commits: number, file: CommitGraphFile): string | null {
  if (file.present && file.changedPaths) return null;
  const after = `and \`git maintenance start\` or \`fetch.writeCommitGraph\` keep it current. Proof of Fix does not run it for you.`;
  if (file.present) {
    return (
      `The repository of ${folderName} (${commits} commits) has a commit-graph file without changed-path filters, so a git walk ` +
      `limited to a fix's files (its later changes and reverts) compares the trees of every commit it passes. Running ` +
      `\`${COMMIT_GRAPH_COMMAND}\` there once would add them: it reads the whole history's changes once (a few times a full ` +
      `\`git log\`) and takes a few MB more; afterwards those walks skip nearly every commit that did not touch the files ` +
      `(two to five times faster on a history of 100,000 commits), ${after}`
    );
  }
  return (
    `The repository of ${folderName} (${commits} commits) has no commit-graph file, so git parses every commit it walks. ` +
    `Running \`${COMMIT_GRAPH_COMMAND}\` there once would write it: it reads the whole history once (about as long as a full ` +
    `\`git log\`, a few times that for the changed-path filters) and takes a few MB; afterwards git's containment, merge-base, ` +
    `log and blame walks read it instead of the objects (seconds become milliseconds for containment on large histories), ` +
    after
  );
}
