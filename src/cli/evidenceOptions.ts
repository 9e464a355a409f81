// The evidence options every evidence-based subcommand takes (evidence, reply): parsing, checks,
// and running the engine from them. Errors become one clear line on stderr and an exit code.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { computeEvidence, isEvidenceFailure } from '../core/evidence/engine';
import type { EvidenceErrorCode, EvidenceRequest, FixLinkRequest } from '../core/evidence/engine';
import type { IssueEvidence } from '../core/evidence/model';
import type { GitErrorCode, GitPort } from '../core/gitPort';
import { isGitFailure, isSafeRef, isSha } from '../core/gitPort';
import { isIssueIdSafe, issueFilePath, readIssueForEvidence } from '../core/issueFiles';
import type { IssueReadResult } from '../core/issueFiles';
import { DEFAULT_ID_PATTERNS, idsIn } from '../core/linking/messageParser';
import type { IdPatterns } from '../core/linking/messageParser';
import { patternsKey, scanHistory } from '../core/linking/scan';
import type { ScanResult } from '../core/linking/scan';
import { readScanCache, scanCachePath, writeScanCache } from '../core/linking/scanCacheFile';
import { createGitPort } from '../git/simpleGitPort';
import type { OptionSpec, ParsedArgs } from './args';
import { flagOption, listOption, parseArgs, stringOption } from './args';
import type { CliIo } from './main';
import { ExitCode } from './main';

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

export const EVIDENCE_OPTIONS_HELP = [
  '  --repo DIR            the git repository (default: the current directory)',
  '  --workspace DIR       the folder holding .proof-of-fix/ (default: --repo)',
  '  --issue ID            an issue of .proof-of-fix/issues/: its links and its client\'s deployed ref',
  '  --ref TEXT            an issue id as written in commit messages ("#12", "ACME-12")',
  '  --fix SHA             a fix commit (repeatable)',
  '  --target REF          the branch the fix must be on (default: the default branch)',
  '  --deployed REF        the branch, tag or commit the client runs',
  '  --me EMAIL            one of your git identities (repeatable; default: git config user.email)',
  '  --tag-pattern RE      which tags are releases (default: tags that look like versions)',
  '  --id-pattern RE       an extra issue-id pattern (repeatable)',
  '  --json                print the evidence as JSON',
  '  --verbose             log each git command to stderr',
].join('\n');

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
    return { ok: false, message: 'say which issue: --issue ID, --ref TEXT or --fix SHA' };
  }
  if (options.issue !== undefined && options.ref !== undefined) return { ok: false, message: 'give --issue or --ref, not both' };
  if (options.issue !== undefined && !isIssueIdSafe(options.issue)) {
    return { ok: false, message: `--issue ${JSON.stringify(options.issue)} is not an issue id (letters, digits, '.', '-', '_')` };
  }
  if (options.ref !== undefined && (options.ref.trim() === '' || options.ref.trim().startsWith('-') || /\p{Cc}/u.test(options.ref))) {
    return { ok: false, message: `--ref ${JSON.stringify(options.ref)} is not an issue id` };
  }
  for (const sha of options.fixes) {
    if (!isSha(sha)) return { ok: false, message: `--fix ${JSON.stringify(sha)} is not a commit id (4 to 64 hex digits)` };
  }
  for (const [name, ref] of [['--target', options.target], ['--deployed', options.deployed]] as const) {
    if (ref !== undefined && !isSafeRef(ref)) return { ok: false, message: `${name} ${JSON.stringify(ref)} is not a valid branch, tag or commit name` };
  }
  for (const email of options.me) {
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { ok: false, message: `--me ${JSON.stringify(email)} is not an email address` };
  }
  for (const source of [...options.idPatterns, ...(options.tagPattern === undefined ? [] : [options.tagPattern])]) {
    try {
      new RegExp(source);
    } catch {
      // Reported to the user right here; the pattern is never used.
      return { ok: false, message: `${JSON.stringify(source)} is not a valid regular expression` };
    }
  }
  return { ok: true, options, values: v };
}

const GIT_MESSAGES: Record<GitErrorCode, string> = {
  'not-a-repository': 'is not a git repository',
  'git-missing': 'git was not found; install git or put it on PATH',
  'empty-repository': 'the repository has no commits yet',
  'bad-ref': 'git does not know one of the commits or refs given',
  'bad-argument': 'an argument was refused before reaching git',
  timeout: 'git took too long and was stopped',
  failed: 'git failed',
};

const EVIDENCE_MESSAGES: Record<EvidenceErrorCode, string> = {
  'bad-target': 'the target is not a branch, tag or commit of this repository',
  'bad-deployed': 'the deployed ref is not a branch, tag or commit of this repository',
  'bad-fix': 'not a commit id',
  'bad-issue-ref': 'not an issue id',
  'bad-tag-pattern': 'the tag pattern is not a valid regular expression',
};

const ISSUE_MESSAGES: Record<Exclude<IssueReadResult, { ok: true }>['code'], string> = {
  'bad-issue-id': 'is not an issue id',
  'issue-missing': 'no such issue file',
  'issue-unreadable': 'cannot read or parse the issue file',
  'issue-invalid': 'the issue file does not have the expected shape',
  'clients-invalid': 'cannot read or parse the clients file',
};

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
    const words = GIT_MESSAGES[error.code];
    const line = error.code === 'not-a-repository' ? `${repo} ${words}` : error.code === 'failed' ? `${words}: ${error.detail.split('\n')[0] ?? ''}` : words;
    io.stderr.write(`proof-of-fix: ${line}\n`);
    return gitExitCode(error.code);
  }
  if (isEvidenceFailure(error)) {
    io.stderr.write(`proof-of-fix: ${JSON.stringify(error.subject)}: ${EVIDENCE_MESSAGES[error.code]}\n`);
    return ExitCode.badArguments;
  }
  throw error;
}

export interface EvidenceRun {
  code: number;
  evidence: IssueEvidence | null;
}

function isDirectory(dir: string): boolean {
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

/** Runs the engine from parsed options. On failure it has already written the message. */
export async function evidenceFromArgs(options: EvidenceOptions, io: CliIo): Promise<EvidenceRun> {
  const repo = path.resolve(io.cwd, options.repo ?? '.');
  if (!isDirectory(repo)) {
    io.stderr.write(`proof-of-fix: ${repo} is not a git repository (no such folder)\n`);
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
    const read = await readIssueForEvidence(workspace, options.issue);
    if (!read.ok) {
      io.stderr.write(`proof-of-fix: ${read.file}: ${ISSUE_MESSAGES[read.code]} (${read.detail})\n`);
      return { code: ExitCode.badArguments, evidence: null };
    }
    request.issueId = read.issue.id;
    request.ref = read.issue.id;
    request.fixes = [...read.issue.fixes.map((f): FixLinkRequest => ({ sha: f.sha, linkedBy: 'manual' })), ...fixes];
    const bad = request.fixes.find((f) => !isSha(f.sha));
    if (bad !== undefined) {
      io.stderr.write(`proof-of-fix: ${issueFilePath(workspace, options.issue)}: fix ${JSON.stringify(bad.sha)} is not a commit id\n`);
      return { code: ExitCode.badArguments, evidence: null };
    }
    const clientRef = read.issue.client?.deployedRef;
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
  const file = scanCachePath((await port.repoState()).gitCommonDir);
  const cache = await readScanCache(file);
  // A cache built with other id patterns would mean a full scan here: searching is cheaper.
  if (cache === undefined || cache.patternsKey !== patternsKey(DEFAULT_ID_PATTERNS)) return null;
  const result = await scanHistory(port, { patterns: DEFAULT_ID_PATTERNS }, cache);
  if (!result.incremental) return null;
  if (result.commitsRead > 0) {
    try {
      await writeScanCache(file, result.cache);
    } catch {
      // The evidence does not depend on it: the next run reads the same few commits again.
    }
  }
  return result;
}
