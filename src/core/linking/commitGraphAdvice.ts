// A repository without git's commit-graph file makes every git walk parse commit objects one by
// one (containment, merge bases, path-limited logs, blame). We never write it ourselves: the user
// is told once, in the log, which command writes it, what it costs and what it gains.

/** The command that writes git's commit-graph with changed-path filters, as the user would type it. */
export const COMMIT_GRAPH_COMMAND = 'git commit-graph write --reachable --changed-paths';

/** The log line for a repository of `commits` commits that has no commit-graph file. */
export function commitGraphAdvice(folderName: string, commits: number): string {
  return (
    `The repository of ${folderName} (${commits} commits) has no commit-graph file, so git parses every commit it walks. ` +
    `Running \`${COMMIT_GRAPH_COMMAND}\` there once would write it: it reads the whole history once (about as long as a full ` +
    `\`git log\`, a few times that for the changed-path filters) and takes a few MB; afterwards git's containment, merge-base, ` +
    `log and blame walks read it instead of the objects (seconds become milliseconds for containment on large histories), ` +
    `and \`git maintenance start\` or \`fetch.writeCommitGraph\` keep it current. Proof of Fix does not run it for you.`
  );
}
