// The evidence options every evidence-based subcommand takes (evidence, reply): parsing, checks,
// and running the engine from them. Errors become one clear line on stderr and an exit code.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { computeEvidence, isEvidenceFailure } from '../core/evidence/engine';
import { deployedRequest, recordedVersion } from '../core/evidence/deployedVersion';
import type { EvidenceRequest } from '../core/evidence/engine';
import type { FixLinkRequest } from '../core/evidence/links';
import type { IssueEvidence } from '../core/evidence/model';
import type { GitErrorCode, GitPort } from '../core/gitPort';
import { isGitFailure, isSafeRef } from '../core/gitPort';
import { isSha } from '../core/sha';
import { isSafeIssueId } from '../core/store/ids';
import { DEFAULT_ID_PATTERNS, idsIn } from '../core/linking/messageParser';
import type { IdPatterns } from '../core/linking/messageParser';
import type { ScanResult } from '../core/linking/scan';
import { scanWithCacheFile } from '../core/linking/scanCacheFile';
import { REQUEST_LANES } from '../git/gitRunner';
import { createGitPort } from '../git/simpleGitPort';
import type { OptionSpecs, ParsedArgs } from './args';
import { flagOption, listOption, parseArgs, stringOption } from './args';
import { ExitCode } from './exitCodes';
import { describeError, gitMessage } from './cliMessages';
import type { CliIo } from './main';
import { describeStoreFailure, readStoreRecords } from './storeRecords';
import type { StoreRecords } from './storeRecords';

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

const EVIDENCE_OPTION_SPEC: OptionSpecs = {
  repo: { type: 'string' },
  workspace: { type: 'string' },
  issue: { type: 'string' },
  ref: { type: 'string' },
  fix: { type: 'string', multiple: true },
  target: { type: 'string' },
  deployed: { type: 'string' },
  me: { type: 'string', multiple: true },
  'tag-pattern': { type: 'string' },
  'id-pattern': { type: 'string', multiple: true },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
};

export type EvidenceArgsResult =
  | { ok: true; options: EvidenceOptions; values: ParsedArgs }
  | { ok: false; message: string };

/**
 * Parses the evidence options plus, for a subcommand that adds its own, `extra` ones (returned
 * untouched in `values`). Checks what can be checked without git.
 */
export function parseEvidenceArgs(argv: string[], extra: OptionSpecs = {}): EvidenceArgsResult {
  const parsed = parseArgs(argv, { ...EVIDENCE_OPTION_SPEC, ...extra });
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

/** The message for a folder that is missing, or is not a repository. */
export function notARepositoryMessage(repo: string, missing: boolean): string {
  return missing ? l10n.t('{0} is not a git repository (no such folder)', repo) : `${repo} ${gitMessage('not-a-repository')}`;
}

function gitExitCode(code: GitErrorCode): number {
  switch (code) {
    case 'not-a-repository':
    case 'git-missing':
    case 'empty-repository':
      return ExitCode.notARepository;
    case 'bad-ref':
    case 'bad-argument':
      return ExitCode.badArguments;
    default:
      return ExitCode.gitFailed;
  }
}

/** Writes the one-line message for an error thrown by the engine or the adapter; returns the exit code. */
export function reportFailure(error: unknown, io: CliIo, repo: string): number {
  if (!isGitFailure(error) && !isEvidenceFailure(error)) throw error;
  io.stderr.write(`proof-of-fix: ${describeError(error, { repo }).message}\n`);
  return isGitFailure(error) ? gitExitCode(error.code) : ExitCode.badArguments;
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
    // Without --deployed: the version recorded for the client or said in the latest report (one rule
    // with the extension); one that does not resolve is a caveat the reply acknowledges, not a failure.
    if (options.deployed === undefined) Object.assign(request, deployedRequest(recordedVersion(read.client, issue)));
  } else if (options.deployed === undefined && records?.client !== undefined) {
    // A client named without an issue (reply --client) brings its deployed ref by the same rule.
    Object.assign(request, deployedRequest(recordedVersion(records.client, undefined)));
  }
  const port = createGitPort(repo, { requestLanes: REQUEST_LANES, ...(options.verbose ? { log: (line: string) => io.stderr.write(`${line}\n`) } : {}) });
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
