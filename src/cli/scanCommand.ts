// `proof-of-fix scan`: every issue id referenced in the history, with its fix and mention commits.
// The scan cache (see scanCacheFile.ts) makes a re-scan read only the commits added since.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { COMMIT_GRAPH_COMMAND } from '../core/linking/commitGraphAdvice';
import type { CommitGraphFile } from '../core/gitPort';
import type { ScanResult } from '../core/linking/scan';
import { scanWithCacheFile } from '../core/linking/scanCacheFile';
import { shortSha } from '../core/sha';
import { localDay } from './evidenceReport';
import { REQUEST_LANES } from '../git/gitRunner';
import { createGitPort } from '../git/simpleGitPort';
import { flagOption, listOption, parseArgs, stringOption } from './args';
import { idPatternsFrom, invalidPatternMessage, notARepositoryMessage, reportFailure } from './evidenceOptions';
import { ExitCode } from './exitCodes';
import type { CliIo } from './main';
import { scanUsage } from './usage';

/** The JSON contract of `scan --json`: the result without the cache. */
export function scanJson(result: ScanResult): Omit<ScanResult, 'cache'> {
  const { cache: _cache, ...rest } = result;
  return rest;
}

function formatScan(result: ScanResult): string {
  const lines: string[] = [];
  for (const issue of result.issues) {
    const fixes = issue.fixes.length === 1 ? l10n.t('1 fix') : l10n.t('{0} fixes', issue.fixes.length);
    const mentions = issue.mentions.length === 1 ? l10n.t('1 mention') : l10n.t('{0} mentions', issue.mentions.length);
    lines.push(`${issue.id}: ${fixes}, ${mentions}`);
    // The two labels share a column: padded after translation, as the words differ in length.
    const fixLabel = l10n.t('fix');
    const mentionLabel = l10n.t('mention');
    const width = Math.max(fixLabel.length, mentionLabel.length);
    for (const f of issue.fixes) lines.push(`  ${fixLabel.padEnd(width)} ${shortSha(f.sha)} ${localDay(f.date)} ${f.subject}`);
    for (const m of issue.mentions) lines.push(`  ${mentionLabel.padEnd(width)} ${shortSha(m.sha)} ${localDay(m.date)} ${m.subject}`);
  }
  if (result.issues.length === 0) lines.push(l10n.t('no issue ids referenced in the history'));
  const notes = [l10n.t('{0} commits read', result.commitsRead), ...(result.incremental ? [l10n.t('incremental')] : []), ...(result.historyComplete ? [] : [l10n.t('shallow history')])];
  lines.push(`(${notes.join(', ')})`);
  return lines.join('\n') + '\n';
}

function commitGraphAdviceMessage(commits: number, file: CommitGraphFile): string | null {
  if (file.present && file.changedPaths) return null;
  if (file.present) {
    return l10n.t(
      "this repository ({0} commits) has a commit-graph file without changed-path filters, so a git walk limited to a fix's files (its later changes and reverts) compares the trees of every commit it passes. Running `{1}` once adds them: it reads the whole history's changes once (a few times a full `git log`) and takes a few MB more; afterwards those walks skip nearly every commit that did not touch the files (two to five times faster on a history of 100,000 commits). Proof of Fix never runs it for you.",
      commits,
      COMMIT_GRAPH_COMMAND,
    );
  }
  return l10n.t(
    'this repository ({0} commits) has no commit-graph file, so git reads every commit it walks. Running `{1}` once writes it: it reads the whole history once (about as long as a full `git log`, a few times that for the changed-path filters) and takes a few MB; afterwards containment, merge-base, log and blame walks read it instead (seconds become milliseconds on large histories). Proof of Fix never runs it for you.',
    commits,
    COMMIT_GRAPH_COMMAND,
  );
}

export async function scanCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, {
    repo: { type: 'string' },
    'id-pattern': { type: 'string', multiple: true },
    'no-cache': { type: 'boolean' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
  });
  if (!parsed.ok) {
    io.stderr.write(`proof-of-fix scan: ${parsed.message}\n\n${scanUsage()}`);
    return ExitCode.badArguments;
  }
  const v = parsed.values;
  if (flagOption(v, 'help')) {
    io.stdout.write(scanUsage());
    return ExitCode.ok;
  }
  const custom = listOption(v, 'id-pattern');
  const bad = invalidPatternMessage(custom);
  if (bad !== undefined) {
    io.stderr.write(`proof-of-fix scan: ${bad}\n`);
    return ExitCode.badArguments;
  }
  const repo = path.resolve(io.cwd, stringOption(v, 'repo') ?? '.');
  let isDir = false;
  try {
    isDir = statSync(repo).isDirectory();
  } catch {
    // Missing: reported below as not a repository.
  }
  if (!isDir) {
    io.stderr.write(`proof-of-fix: ${notARepositoryMessage(repo, true)}\n`);
    return ExitCode.notARepository;
  }
  const port = createGitPort(repo, { requestLanes: REQUEST_LANES, ...(flagOption(v, 'verbose') ? { log: (line: string) => io.stderr.write(`${line}\n`) } : {}) });
  try {
    const result = (await scanWithCacheFile(port, idPatternsFrom({ idPatterns: custom }), flagOption(v, 'no-cache') ? 'ignore' : 'use', (error: unknown) => {
      // The scan itself succeeded; a read-only git dir only costs the next scan its speed.
      io.stderr.write(`proof-of-fix: ${l10n.t('could not write the scan cache ({0})', error instanceof Error ? error.message : String(error))}\n`);
    })) as ScanResult;
    io.stdout.write(flagOption(v, 'json') ? `${JSON.stringify(scanJson(result), null, 2)}\n` : formatScan(result));
    // Once per full read of the history (later scans are incremental): how git's own walks get faster.
    if (!result.incremental && port.commitGraphFile !== undefined) {
      const advice = commitGraphAdviceMessage(result.commitsKnown, await port.commitGraphFile());
      if (advice !== null) io.stderr.write(`proof-of-fix: ${advice}\n`);
    }
    return ExitCode.ok;
  } catch (error) {
    return reportFailure(error, io, repo);
  }
}
