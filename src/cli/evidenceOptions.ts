// The evidence options every evidence-based subcommand takes (evidence, reply): parsing, checks,
// and running the engine from them. Errors become one clear line on stderr and an exit code.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { computeEvidence, isEvidenceFailure } from '../core/evidence/engine';
import type { EvidenceErrorCode, EvidenceRequest, FixLinkRequest } from '../core/evidence/engine';
import type { IssueEvidence } from '../core/evidence/model';
import type { GitErrorCode, GitPort } from '../core/gitPort';
import { isGitFailure, isSafeRef } from '../core/gitPort';
import { isSha } from '../core/sha';
import { isSafeIssueId } from '../core/store/ids';
import { DEFAULT_ID_PATTERNS, idsIn } from '../core/linking/messageParser';
import type { IdPatterns } from '../core/linking/messageParser';
import type { ScanResult } from '../core/linking/scan';
import { scanWithCacheFile } from '../core/linking/scanCacheFile';
import { createGitPort } from '../git/simpleGitPort';
import type { OptionSpec, ParsedArgs } from './args';
import { flagOption, listOption, optionLine, parseArgs, stringOption } from './args';
import type { CliIo } from './main';
import { ExitCode } from './main';
import { describeStoreFailure, readStoreRecords } from './storeRecords';
import type { StoreRecords } from './storeRecords';

/** Exit code for a git failure that is neither a bad argument nor a missing repository. */
export const EXIT_GIT_FAILED = 4;

export interface EvidenceOptions {
  repo: string | undefined;
  workspace: string | undefined;
  issue: string | undefined;
  ref: string | undefined;
  fixes: string[];
  target: string | undefined;
  deployed: string | undefined;
  me: string[];
  tagPattern: string | undefined;
  idPatterns: string[];
  json: boolean;
  help: boolean;
  verbose: boolean;
}

export const EVIDENCE_OPTION_SPEC: Readonly<Record<string, OptionSpec>> = {
  repo: { kind: 'string' },
  workspace: { kind: 'string' },
  issue: { kind: 'string' },
  ref: { kind: 'string' },
  fix: { kind: 'string', repeatable: true },
  target: { kind: 'string' },
  deployed: { kind: 'string' },
  me: { kind: 'string', repeatable: true },
  'tag-pattern': { kind: 'string' },
  'id-pattern': { kind: 'string', repeatable: true },
  json: { kind: 'flag' },
  help: { kind: 'flag' },
  verbose: { kind: 'flag' },
};

export function evidenceOptionsHelp(): string {
  return [
    optionLine('--repo DIR', l10n.t('the git repository (default: the current directory)')),
    optionLine('--workspace DIR', l10n.t('the folder holding .proof-of-fix/ (default: --repo)')),
    optionLine('--issue ID', l10n.t("an issue of .proof-of-fix/issues/: its links and its client's deployed ref")),
    optionLine('--ref TEXT', l10n.t('an issue id as written in commit messages ("#12", "ACME-12")')),
    optionLine('--fix SHA', l10n.t('a fix commit (repeatable)')),
    optionLine('--target REF', l10n.t('the branch the fix must be on (default: the default branch)')),
    optionLine('--deployed REF', l10n.t('the branch, tag or commit the client runs')),
    optionLine('--me EMAIL', l10n.t('one of your git identities (repeatable; default: git config user.email)')),
    optionLine('--tag-pattern RE', l10n.t('which tags are releases (default: tags that look like versions)')),
    optionLine('--id-pattern RE', l10n.t('an extra issue-id pattern (repeatable)')),
    optionLine('--json', l10n.t('print the evidence as JSON')),
    optionLine('--verbose', l10n.t('log each git command to stderr')),
  ].join('\n');
}

export type EvidenceArgsResult =
  | { ok: true; options: EvidenceOptions; values: ParsedArgs }
  | { ok: false; message: string };

/**
 * Parses the evidence options plus, for a subcommand that adds its own, `extra` ones (returned
 * untouched in `values`). Checks what can be checked without git.
 */
export function parseEvidenceArgs(argv: string[], extra: Readonly<Record<string, OptionSpec>> = {}): EvidenceArgsResult {
  const parsed = parseArgs(argv, { ...EVIDENCE_OPTION_SPEC, ...extra }, { '-h': 'help' });
  if (!parsed.ok) return parsed;
  const v = parsed.values;
  const options: EvidenceOptions = {
    repo: stringOption(v, 'repo'),
    workspace: stringOption(v, 'workspace'),
    issue: stringOption(v, 'issue'),
    ref: stringOption(v, 'ref'),
    fixes: listOption(v, 'fix'),
    target: stringOption(v, 'target'),
    deployed: stringOption(v, 'deployed'),
    me: listOption(v, 'me'),
    tagPattern: stringOption(v, 'tag-pattern'),
    idPatterns: listOption(v, 'id-pattern'),
    json: flagOption(v, 'json'),
    help: flagOption(v, 'help'),
    verbose: flagOption(v, 'verbose'),
  };
  if (options.help) return { ok: true, options, values: v };
  if (options.issue === undefined && options.ref === undefined && options.fixes.length === 0) {
    return { ok: false, message: l10n.t('say which issue: --issue ID, --ref TEXT or --fix SHA') };
  }
  if (options.issue !== undefined && options.ref !== undefined) return { ok: false, message: l10n.t('give --issue or --ref, not both') };
  if (options.issue !== undefined && !isSafeIssueId(options.issue)) {
    return { ok: false, message: `--issue ${describeStoreFailure({ code: 'bad-issue-id', subject: options.issue })}` };
  }
  if (options.ref !== undefined && (options.ref.trim() === '' || options.ref.trim().startsWith('-') || /\p{Cc}/u.test(options.ref))) {
    return { ok: false, message: l10n.t('{0} {1} is not an issue id', '--ref', JSON.stringify(options.ref)) };
  }
  for (const sha of options.fixes) {
    if (!isSha(sha)) return { ok: false, message: l10n.t('{0} {1} is not a commit id (4 to 64 hex digits)', '--fix', JSON.stringify(sha)) };
  }
  for (const [name, ref] of [['--target', options.target], ['--deployed', options.deployed]] as const) {
    if (ref !== undefined && !isSafeRef(ref)) return { ok: false, message: l10n.t('{0} {1} is not a valid branch, tag or commit name', name, JSON.stringify(ref)) };
  }
  for (const email of options.me) {
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { ok: false, message: l10n.t('{0} {1} is not an email address', '--me', JSON.stringify(email)) };
  }
  const bad = invalidPatternMessage([...options.idPatterns, ...(options.tagPattern === undefined ? [] : [options.tagPattern])]);
  if (bad !== undefined) return { ok: false, message: bad };
  return { ok: true, options, values: v };
}

/** The message for the first source that is not a regular expression; undefined when all are. */
export function invalidPatternMessage(sources: readonly string[]): string | undefined {
  for (const source of sources) {
    try {
      new RegExp(source);
    } catch {
      // Reported to the user by the caller; the pattern is never used.
      return l10n.t('{0} is not a valid regular expression', JSON.stringify(source));
    }
  }
  return undefined;
}

function gitMessage(code: GitErrorCode, limit?: number): string {
  switch (code) {
    case 'not-a-repository':
      return l10n.t('is not a git repository');
    case 'git-missing':
      return l10n.t('git was not found; install git or put it on PATH');
    case 'empty-repository':
      return l10n.t('the repository has no commits yet');
    case 'bad-ref':
      return l10n.t('git does not know one of the commits or refs given');
    case 'bad-argument':
      return l10n.t('an argument was refused before reaching git');
    case 'timeout':
      return limit === undefined ? l10n.t('git took too long and was stopped') : l10n.t('git timed out after {0} s and was stopped', limit);
    case 'output-too-large':
      return l10n.t('git output too large (more than {0} MiB): stopped', limit ?? '?');
    case 'incomplete-renames':
      return l10n.t('git gave up looking for renamed files (too many files changed at once); the evidence would be incomplete');
    case 'failed':
      return l10n.t('git failed');
  }
}

function evidenceMessage(code: EvidenceErrorCode): string {
  switch (code) {
    case 'bad-target':
      return l10n.t('the target is not a branch, tag or commit of this repository');
    case 'bad-deployed':
      return l10n.t('the deployed ref is not a branch, tag or commit of this repository');
    case 'bad-fix':
      return l10n.t('not a commit id');
    case 'bad-issue-ref':
      return l10n.t('not an issue id');
    case 'bad-tag-pattern':
      return l10n.t('the tag pattern is not a valid regular expression');
  }
}

/** The message for a folder that is missing, or is not a repository. */
export function notARepositoryMessage(repo: string, missing: boolean): string {
  return missing ? l10n.t('{0} is not a git repository (no such folder)', repo) : `${repo} ${gitMessage('not-a-repository')}`;
}

export function gitExitCode(code: GitErrorCode): number {
  switch (code) {
    case 'not-a-repository':
    case 'git-missing':
    case 'empty-repository':
      return ExitCode.notARepository;
    case 'bad-ref':
    case 'bad-argument':
      return ExitCode.badArguments;
    default:
      return EXIT_GIT_FAILED;
  }
}

/** Writes the one-line message for an error thrown by the engine or the adapter; returns the exit code. */
export function reportFailure(error: unknown, io: CliIo, repo: string): number {
  if (isGitFailure(error)) {
    const words = gitMessage(error.code, error.limit);
    const line = error.code === 'not-a-repository' ? notARepositoryMessage(repo, false) : error.code === 'failed' ? `${words}: ${error.detail.split('\n')[0] ?? ''}` : words;
    io.stderr.write(`proof-of-fix: ${line}\n`);
    return gitExitCode(error.code);
  }
  if (isEvidenceFailure(error)) {
    io.stderr.write(`proof-of-fix: ${JSON.stringify(error.subject)}: ${evidenceMessage(error.code)}\n`);
    return ExitCode.badArguments;
  }
  throw error;
}

export interface EvidenceRun {
  code: number;
  evidence: IssueEvidence | null;
}

export function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    // Missing or unreadable: the caller reports it as "not a repository".
    return false;
  }
}

export function idPatternsFrom(options: Pick<EvidenceOptions, 'idPatterns'>): IdPatterns {
  return { ...DEFAULT_ID_PATTERNS, custom: [...options.idPatterns] };
}

/**
 * Runs the engine from parsed options. On failure it has already written the message. A caller that
 * has read the issue's records (reply) passes them, so the files are read once.
 */
export async function evidenceFromArgs(options: EvidenceOptions, io: CliIo, records?: StoreRecords): Promise<EvidenceRun> {
  const repo = path.resolve(io.cwd, options.repo ?? '.');
  if (!isDirectory(repo)) {
    io.stderr.write(`proof-of-fix: ${notARepositoryMessage(repo, true)}\n`);
    return { code: ExitCode.notARepository, evidence: null };
  }
  const workspace = path.resolve(io.cwd, options.workspace ?? repo);
  const fixes: FixLinkRequest[] = options.fixes.map((sha) => ({ sha, linkedBy: 'argument' }));
  const request: EvidenceRequest = {
    issueId: options.issue ?? options.ref ?? null,
    ref: options.ref ?? null,
    fixes,
    target: options.target ?? null,
    deployed: options.deployed ?? null,
    deployedStrict: true,
    me: options.me.length > 0 ? options.me : null,
    patterns: idPatternsFrom(options),
    tagPattern: options.tagPattern ?? null,
  };
  if (options.issue !== undefined) {
    let read = records;
    if (read?.issue === undefined) {
      const result = await readStoreRecords({ workspace, issue: options.issue });
      if (!result.ok) {
        io.stderr.write(`proof-of-fix: ${describeStoreFailure(result.failure)}\n`);
        return { code: ExitCode.badArguments, evidence: null };
      }
      read = result.records;
    }
    // A successful read of a named issue always holds it.
    const issue = read.issue as NonNullable<StoreRecords['issue']>;
    request.issueId = issue.id;
    request.ref = issue.id;
    request.fixes = [...issue.fixes.map((f): FixLinkRequest => ({ sha: f.sha, linkedBy: 'manual' })), ...fixes];
    const clientRef = read.client?.deployedRef;
    if (options.deployed === undefined && typeof clientRef === 'string' && clientRef !== '') {
      request.deployed = clientRef;
      // A client's deployed ref that does not resolve is a caveat, not a failure.
      request.deployedStrict = false;
    }
  }
  const port = createGitPort(repo, options.verbose ? { log: (line) => io.stderr.write(`${line}\n`) } : {});
  try {
    if (request.ref !== null && request.ref !== undefined && options.idPatterns.length === 0) request.scan = await cachedScan(port, request.ref);
    return { code: ExitCode.ok, evidence: await computeEvidence(port, request) };
  } catch (error) {
    return { code: reportFailure(error, io, repo), evidence: null };
  }
}

/**
 * When `scan` has left a cache, bringing it up to date reads only the new commits, which beats
 * searching the whole history for the id. Without a cache (or for an id the default patterns do
 * not recognise) the engine searches the history instead.
 */
async function cachedScan(port: GitPort, ref: string): Promise<ScanResult | null> {
  if (!idsIn(ref, DEFAULT_ID_PATTERNS).some((id) => id.toUpperCase() === ref.trim().toUpperCase())) return null;
  return scanWithCacheFile(port, DEFAULT_ID_PATTERNS, 'if-present', () => {
    // The evidence does not depend on it: the next run reads the same few commits again.
  });
}
