// What every git command we run gets, so that no repository, global or system configuration can
// make it run a program, and any configuration gives the same answer. Git reads config from the
// repository (which the repository's author controls), the user's global file and the system;
// `-c` settings win over all three. The README's security section lists each mechanism and how it
// is made inert here; test/git/gitHardening.test.ts has a marker program for each.

/** A program path that exists nowhere: a setting that names it can start nothing. */
const NO_PROGRAM = '/nonexistent/proof-of-fix/no-program';

/** git's default rename limit for diffs is 1000; moves of thousands of files need more. */
export const DEFAULT_RENAME_LIMIT = 10000;

/**
 * Settings forced on every command, as `key=value` for `-c`. Two kinds: those that could start a
 * program, and those that change what git prints for the queries we parse.
 */
export function forcedConfig(renameLimit: number): string[] {
  return [
    // Programs git could start from config.
    'core.fsmonitor=false',
    `core.hooksPath=${NO_PROGRAM}`,
    // "cat" is git's word for "no pager"; --no-pager says so too.
    'core.pager=cat',
    `core.editor=${NO_PROGRAM}`,
    `sequence.editor=${NO_PROGRAM}`,
    // An empty value empties the list of credential helpers and disables askpass.
    'credential.helper=',
    'core.askPass=',
    `core.sshCommand=${NO_PROGRAM}`,
    `gpg.program=${NO_PROGRAM}`,
    `gpg.openpgp.program=${NO_PROGRAM}`,
    `gpg.x509.program=${NO_PROGRAM}`,
    `gpg.ssh.program=${NO_PROGRAM}`,
    'gpg.ssh.defaultKeyCommand=',
    'log.showSignature=false',
    // No transport at all: no ssh, no remote helper, no lazy fetch of a partial clone.
    'protocol.allow=never',
    ...['file', 'git', 'ssh', 'http', 'https', 'ext'].map((p) => `protocol.${p}.allow=never`),
    'gc.auto=0',
    'maintenance.auto=false',
    // A global attributes file could name filters or diff drivers for every file.
    'core.attributesFile=/dev/null',

    // What the queries print.
    'core.quotePath=false',
    'core.abbrev=auto',
    'core.bigFileThreshold=512m',
    'core.useReplaceRefs=true',
    'i18n.logOutputEncoding=UTF-8',
    'i18n.commitEncoding=UTF-8',
    'color.ui=false',
    ...['diff', 'branch', 'status', 'grep', 'showBranch', 'interactive'].map((c) => `color.${c}=false`),
    'log.follow=false',
    'log.decorate=false',
    'log.abbrevCommit=false',
    'log.date=default',
    'log.showRoot=true',
    'log.mailmap=true',
    'log.diffMerges=separate',
    'diff.renames=true',
    `diff.renameLimit=${renameLimit}`,
    'diff.algorithm=myers',
    'diff.indentHeuristic=true',
    'diff.context=3',
    'diff.interHunkContext=0',
    'diff.noprefix=false',
    'diff.mnemonicPrefix=false',
    'diff.relative=false',
    'diff.suppressBlankEmpty=false',
    'diff.colorMoved=no',
    'diff.orderFile=/dev/null',
    'diff.ignoreSubmodules=none',
    'diff.submodule=short',
    'blame.showRoot=false',
    'blame.blankBoundary=false',
    'blame.markUnblamableLines=false',
    'blame.markIgnoredLines=false',
    'blame.showEmail=false',
    'mailmap.file=',
    'mailmap.blob=',
    'grep.patternType=default',
    'grep.extendedRegexp=false',
  ];
}

/** Options before the command name, for every command. */
export const GLOBAL_ARGS: readonly string[] = ['--no-pager', '--literal-pathspecs', '--no-optional-locks'];

/**
 * Options of every command that prints a diff: no external diff or textconv program, no colour,
 * the prefixes our parser reads.
 */
export const DIFF_ARGS: readonly string[] = ['--no-textconv', '--no-ext-diff', '--no-color', '--src-prefix=a/', '--dst-prefix=b/'];

/** Options of every `git log`: notes (notes.displayRef) are never part of what we read. */
export const LOG_ARGS: readonly string[] = ['--no-notes'];

/**
 * Options of every `git blame`: no textconv program; no ignored revisions (blame.ignoreRevsFile,
 * which is fatal when the file is missing and otherwise changes who is blamed; an empty value in
 * config does not clear the list, this option does).
 */
export const BLAME_ARGS: readonly string[] = ['--no-textconv', '--no-ignore-revs-file'];

// Editors, pagers and askpass helpers are programs we never want git to start.
const DROPPED_ENV = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS', 'LESS', 'LV']);

/**
 * The environment of every git process. GIT_DIR, GIT_CONFIG_*, GIT_EXTERNAL_DIFF, GIT_SSH* and
 * friends from a calling hook or shell would redirect or reconfigure git, so no GIT_ variable is
 * passed on. HOME stays: the user's identity (user.email) and safe.directory come from there.
 */
export function childEnv(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && !key.toUpperCase().startsWith('GIT_') && !DROPPED_ENV.has(key.toUpperCase())) env[key] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  // System-wide attributes could name filters or diff drivers too.
  env.GIT_ATTR_NOSYSTEM = '1';
  // Only this protocol is allowed, and it does not exist: no transport runs (see protocol.allow).
  env.GIT_ALLOW_PROTOCOL = 'none';
  env.GIT_PROTOCOL_FROM_USER = '0';
  env.GIT_OPTIONAL_LOCKS = '0';
  // Into a pipe git flushes its output after every commit it lists: a whole-history read then
  // arrives in one small chunk per commit (100k reads, most of a scan's CPU in Node). No reader
  // here needs a commit before the next one is printed, so git fills its buffer first.
  env.GIT_FLUSH = '0';
  // stderr is matched in English; messages in C locale.
  env.LC_ALL = 'C';
  env.LANGUAGE = 'C';
  return env;
}

/** Which filter drivers the config names (`filter.<driver>.<key>`), from `git config -z --name-only --get-regexp`. */
export function filterDrivers(nameList: string): string[] {
  const drivers = new Set<string>();
  for (const key of nameList.split(/[\0\n]/)) {
    const m = /^filter\.(.+)\.[^.]+$/i.exec(key);
    if (m !== null) drivers.add(m[1] as string);
  }
  return [...drivers];
}

/**
 * Settings that switch off the named filter drivers: an empty clean, smudge and process command is
 * no filter. The only command of ours that reads the working tree through filters is the blame of
 * a working-tree file; a driver name `-c` cannot carry is refused rather than run.
 */
export function disabledFilters(drivers: string[]): string[] | null {
  if (drivers.some((d) => d.includes('=') || /\p{Cc}/u.test(d))) return null;
  return drivers.flatMap((d) => [`filter.${d}.clean=`, `filter.${d}.smudge=`, `filter.${d}.process=`, `filter.${d}.required=false`]);
}
