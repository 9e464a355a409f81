// A git configuration written to hurt us, for tests that must give the same answer whatever the
// user's git says. hostileHome() makes a HOME whose .gitconfig names a marker program for every
// way git can start one, and sets every option that changes what our queries print to a value
// other than git's default. hostileRepo() does the same inside a repository (its .git/config,
// .gitattributes, hooks), since a repository's author controls those. A marker program writes
// its name to a log and passes its input through, so a test can assert that none ever ran.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TempRepo } from './tempRepo';

export interface Markers {
  /** Folder of the marker programs and their log. */
  dir: string;
  /** The path of the marker program for a mechanism (created on first use); `silent` ones print nothing and fail. */
  program(mechanism: string, silent?: boolean): string;
  /** The mechanisms whose program ran, in order. */
  ran(): string[];
  /** Forgets what ran so far. */
  reset(): void;
}

/** Marker programs under `dir`: each logs its mechanism's name and copies stdin (or its file argument) to stdout. */
export function markers(dir: string): Markers {
  fs.mkdirSync(dir, { recursive: true });
  const log = path.join(dir, 'ran.log');
  return {
    dir,
    program(mechanism: string, silent = false): string {
      const file = path.join(dir, `${mechanism}.sh`);
      if (!fs.existsSync(file)) {
        // A textconv gets a file name; a filter, a pager or an editor gets stdin or a file. A
        // transport must not echo git's own protocol back, or both would wait for each other.
        const body = silent ? 'exit 1' : 'if [ -f "$1" ]; then cat "$1"; else cat; fi\nexit 0';
        fs.writeFileSync(file, `#!/bin/sh\necho '${mechanism}' >> '${log}'\n${body}\n`, { mode: 0o755 });
      }
      return file;
    },
    ran(): string[] {
      return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '') : [];
    },
    reset(): void {
      fs.rmSync(log, { force: true });
    },
  };
}

/** Environment variables that name programs (git reads them; our runner must not pass them on). */
export function hostileEnv(m: Markers): Record<string, string> {
  return {
    GIT_EXTERNAL_DIFF: m.program('env-GIT_EXTERNAL_DIFF'),
    GIT_PAGER: m.program('env-GIT_PAGER'),
    PAGER: m.program('env-PAGER'),
    GIT_EDITOR: m.program('env-GIT_EDITOR'),
    EDITOR: m.program('env-EDITOR'),
    VISUAL: m.program('env-VISUAL'),
    GIT_ASKPASS: m.program('env-GIT_ASKPASS'),
    SSH_ASKPASS: m.program('env-SSH_ASKPASS'),
    GIT_SSH: m.program('env-GIT_SSH'),
    GIT_SSH_COMMAND: m.program('env-GIT_SSH_COMMAND'),
    GIT_PROXY_COMMAND: m.program('env-GIT_PROXY_COMMAND'),
    GIT_CONFIG_PARAMETERS: `'core.pager'='${m.program('env-GIT_CONFIG_PARAMETERS')}'`,
  };
}

/** Config that starts a marker program through each mechanism git offers (same keys in both HOME and repository). */
function programConfig(m: Markers, scope: string): string {
  const p = (name: string): string => m.program(`${scope}-${name}`);
  return [
    '[core]',
    `\tfsmonitor = ${p('core.fsmonitor')}`,
    `\tpager = ${p('core.pager')}`,
    `\teditor = ${p('core.editor')}`,
    `\taskPass = ${p('core.askPass')}`,
    `\tsshCommand = ${p('core.sshCommand')}`,
    `\tgitProxy = ${p('core.gitProxy')}`,
    `\talternateRefsCommand = ${p('core.alternateRefsCommand')}`,
    `\thooksPath = ${path.join(m.dir, `${scope}-hooks`)}`,
    '[sequence]',
    `\teditor = ${p('sequence.editor')}`,
    '[pager]',
    ...['log', 'blame', 'diff', 'show', 'diff-tree', 'for-each-ref', 'show-ref', 'ls-files', 'ls-tree', 'rev-list', 'config'].map((c) => `\t${c} = ${p(`pager.${c}`)}`),
    '[diff]',
    `\texternal = ${p('diff.external')}`,
    '[diff "mark"]',
    `\ttextconv = ${p('diff.mark.textconv')}`,
    `\tcommand = ${p('diff.mark.command')}`,
    '[filter "mark"]',
    `\tclean = ${p('filter.mark.clean')}`,
    `\tsmudge = ${p('filter.mark.smudge')}`,
    '[filter "proc"]',
    `\tprocess = ${p('filter.proc.process')}`,
    '[gpg]',
    `\tprogram = ${p('gpg.program')}`,
    '[gpg "ssh"]',
    `\tprogram = ${p('gpg.ssh.program')}`,
    `\tdefaultKeyCommand = ${p('gpg.ssh.defaultKeyCommand')}`,
    '[gpg "x509"]',
    `\tprogram = ${p('gpg.x509.program')}`,
    '[credential]',
    `\thelper = !${p('credential.helper')}`,
    '[alias]',
    ...['log', 'blame', 'rev-parse', 'for-each-ref', 'ls-files', 'cat-file', 'diff-tree'].map((c) => `\t${c} = !${p(`alias.${c}`)}`),
    '[uploadpack]',
    `\tpackObjectsHook = ${p('uploadpack.packObjectsHook')}`,
    '[protocol]',
    '\tallow = always',
    '[remote "origin"]',
    `\turl = ext::${m.program(`${scope}-protocol.ext`, true)} %S`,
    `\tuploadpack = ${m.program(`${scope}-remote.uploadpack`, true)}`,
    `\treceivepack = ${m.program(`${scope}-remote.receivepack`, true)}`,
    '',
  ].join('\n');
}

/** Hooks that call the marker, in `hooksDir`. */
function writeHooks(m: Markers, hooksDir: string, scope: string): void {
  fs.mkdirSync(hooksDir, { recursive: true });
  for (const hook of ['post-index-change', 'reference-transaction', 'post-checkout', 'pre-commit', 'post-commit', 'pre-auto-gc', 'fsmonitor-watchman', 'post-rewrite']) {
    fs.writeFileSync(path.join(hooksDir, hook), `#!/bin/sh\nexec '${m.program(`${scope}-hook-${hook}`)}' < /dev/null > /dev/null\n`, { mode: 0o755 });
  }
}

/**
 * A HOME folder whose .gitconfig sets every option that changes what our queries print to a value
 * other than git's default, and names a marker program for every mechanism. The user's identity
 * stays what the repository says; everything else is hostile.
 */
export function hostileHome(dir: string, m: Markers): string {
  const home = path.join(dir, 'hostile-home');
  fs.mkdirSync(home, { recursive: true });
  writeHooks(m, path.join(m.dir, 'home-hooks'), 'home');
  fs.writeFileSync(path.join(home, 'order'), 'z*\n*.js\n');
  fs.writeFileSync(path.join(home, 'attributes'), '* -diff\n*.txt filter=mark diff=mark\n*.js filter=proc\n');
  fs.writeFileSync(path.join(home, 'mailmap'), 'Someone Else <else@example.com> Ana Dev <ana@example.com>\n');
  const config = [
    programConfig(m, 'home'),
    '[core]',
    `\tattributesFile = ${path.join(home, 'attributes')}`,
    '\tabbrev = 12',
    '\tquotePath = true',
    '\tbigFileThreshold = 1',
    '\tuseReplaceRefs = false',
    '[i18n]',
    '\tlogOutputEncoding = ISO-8859-1',
    '\tcommitEncoding = ISO-8859-1',
    '[log]',
    '\tshowSignature = true',
    '\tfollow = true',
    '\tdecorate = full',
    '\tabbrevCommit = true',
    '\tdate = relative',
    '\tmailmap = false',
    '\tshowRoot = false',
    '\tdiffMerges = combined',
    '[diff]',
    '\trenames = copies',
    '\trenameLimit = 1',
    '\talgorithm = patience',
    '\tindentHeuristic = false',
    '\tcontext = 10',
    '\tinterHunkContext = 5',
    '\tnoprefix = true',
    '\tmnemonicPrefix = true',
    '\trelative = true',
    '\tsuppressBlankEmpty = true',
    '\tcolorMoved = zebra',
    `\torderFile = ${path.join(home, 'order')}`,
    '\tignoreSubmodules = all',
    '\tsubmodule = log',
    '[color]',
    '\tui = always',
    '\tdiff = always',
    '\tbranch = always',
    '\tstatus = always',
    '\tgrep = always',
    '[blame]',
    // Two files: one the repository has (ignoring revisions changes who is blamed), one it lacks (fatal).
    '\tignoreRevsFile = .git-blame-ignore-revs',
    '\tignoreRevsFile = .missing-blame-ignore-revs',
    '\tshowRoot = true',
    '\tblankBoundary = true',
    '\tmarkUnblamableLines = true',
    '\tmarkIgnoredLines = true',
    '\tshowEmail = true',
    '\tdate = relative',
    '[mailmap]',
    `\tfile = ${path.join(home, 'mailmap')}`,
    '[notes]',
    '\tdisplayRef = refs/notes/*',
    '[grep]',
    '\tpatternType = perl',
    '\textendedRegexp = true',
    '[status]',
    '\tshowUntrackedFiles = all',
    '\tsubmoduleSummary = true',
    '[gc]',
    '\tauto = 1',
    '[maintenance]',
    '\tauto = true',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(home, '.gitconfig'), config);
  return home;
}

/** The same program-starting config inside the repository, its attributes, and hooks in .git/hooks. */
export function hostileRepo(repo: TempRepo, m: Markers): void {
  const gitDir = repo.git(['rev-parse', '--absolute-git-dir']).trim();
  fs.appendFileSync(path.join(gitDir, 'config'), programConfig(m, 'repo'));
  writeHooks(m, path.join(gitDir, 'hooks'), 'repo-dir');
  writeHooks(m, path.join(m.dir, 'repo-hooks'), 'repo');
  fs.mkdirSync(path.join(gitDir, 'info'), { recursive: true });
  fs.writeFileSync(path.join(gitDir, 'info', 'attributes'), '*.txt filter=mark diff=mark\n*.js filter=proc diff=mark\n');
}

/**
 * Makes the repository a partial clone whose promisor remote is a marker transport: asking for an
 * object it lacks makes git try to fetch it from there.
 */
export function promisorRemote(repo: TempRepo, m: Markers): void {
  repo.git(['config', 'remote.origin.url', `ext::${m.program('promisor-fetch', true)} %S`]);
  repo.git(['config', 'remote.origin.promisor', 'true']);
  repo.git(['config', 'extensions.partialClone', 'origin']);
}

/** Runs `fn` with HOME (and XDG_CONFIG_HOME) pointing at `home` and the hostile variables set, then restores them. */
export async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = new Map(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
