// Every exit code of the CLI, shared by all subcommands; the usage texts (usage.ts) list, per
// subcommand, the ones it can return. Scripts gate on these numbers: they never change meaning.
export const ExitCode = {
  ok: 0,
  /** `lint`: the reply has tone findings. */
  findings: 1,
  /** A bad argument, or a store file that does not parse or validate, or names nothing that exists. */
  badArguments: 2,
  /** Not a git repository, git missing, or a repository without commits. */
  notARepository: 3,
  gitFailed: 4,
  /** `reply`: a built-in template failed to render. */
  templateFailed: 5,
  /** A store write was refused: the file changed on disk in a way our change cannot be re-applied to, or stayed locked. */
  storeConflict: 6,
  /** A bug: the message says what failed. */
  internal: 70,
} as const;
