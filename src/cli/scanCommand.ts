// `proof-of-fix scan`: every issue id referenced in the history, with its fix and mention commits.
// The scan cache (see scanCacheFile.ts) makes a re-scan read only the commits added since.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { ScanResult } from '../core/linking/scan';
import { scanHistory } from '../core/linking/scan';
import { readScanCache, scanCachePath, writeScanCache } from '../core/linking/scanCacheFile';
import { createGitPort } from '../git/simpleGitPort';
import { flagOption, listOption, parseArgs, stringOption } from './args';
import { reportFailure } from './evidenceOptions';
import type { CliIo } from './main';
import { ExitCode } from './main';
import { DEFAULT_ID_PATTERNS } from '../core/linking/messageParser';

const USAGE = [
  'usage: proof-of-fix scan [--repo DIR] [--id-pattern RE ...] [--no-cache] [--json]',
  '',
  '  --repo DIR        the git repository (default: the current directory)',
  '  --id-pattern RE   an extra issue-id pattern (repeatable)',
  '  --no-cache        read the whole history and do not write the cache',
  '  --json            print the result as JSON',
  '  --verbose         log each git command to stderr',
  '',
  'The cache is <git-common-dir>/proof-of-fix/scan-cache.json; `evidence --ref` uses it too when present.',
  '',
  'exit codes: 0 printed, 2 bad arguments, 3 not a git repository (or git missing, or no commits), 4 git failed',
].join('\n') + '\n';

/** The JSON contract of `scan --json`: the result without the cache. */
export function scanJson(result: ScanResult): Omit<ScanResult, 'cache'> {
  const { cache: _cache, ...rest } = result;
  return rest;
}

function formatScan(result: ScanResult): string {
  const lines: string[] = [];
  for (const issue of result.issues) {
    lines.push(`${issue.id}: ${issue.fixes.length} fix${issue.fixes.length === 1 ? '' : 'es'}, ${issue.mentions.length} mention${issue.mentions.length === 1 ? '' : 's'}`);
    for (const f of issue.fixes) lines.push(`  fix     ${f.sha.slice(0, 10)} ${f.date.slice(0, 10)} ${f.subject}`);
    for (const m of issue.mentions) lines.push(`  mention ${m.sha.slice(0, 10)} ${m.date.slice(0, 10)} ${m.subject}`);
  }
  if (result.issues.length === 0) lines.push('no issue ids referenced in the history');
  lines.push(`(${result.commitsRead} commits read${result.incremental ? ', incremental' : ''}${result.historyComplete ? '' : ', shallow history'})`);
  return lines.join('\n') + '\n';
}

export async function scanCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(
    argv,
    { repo: { kind: 'string' }, 'id-pattern': { kind: 'string', repeatable: true }, 'no-cache': { kind: 'flag' }, json: { kind: 'flag' }, help: { kind: 'flag' }, verbose: { kind: 'flag' } },
    { '-h': 'help' },
  );
  if (!parsed.ok) {
    io.stderr.write(`proof-of-fix scan: ${parsed.message}\n\n${USAGE}`);
    return ExitCode.badArguments;
  }
  const v = parsed.values;
  if (flagOption(v, 'help')) {
    io.stdout.write(USAGE);
    return ExitCode.ok;
  }
  const custom = listOption(v, 'id-pattern');
  for (const source of custom) {
    try {
      new RegExp(source);
    } catch {
      // Reported to the user right here; the pattern is never used.
      io.stderr.write(`proof-of-fix scan: ${JSON.stringify(source)} is not a valid regular expression\n`);
      return ExitCode.badArguments;
    }
  }
  const repo = path.resolve(io.cwd, stringOption(v, 'repo') ?? '.');
  let isDir = false;
  try {
    isDir = statSync(repo).isDirectory();
  } catch {
    // Missing: reported below as not a repository.
  }
  if (!isDir) {
    io.stderr.write(`proof-of-fix: ${repo} is not a git repository (no such folder)\n`);
    return ExitCode.notARepository;
  }
  const port = createGitPort(repo, flagOption(v, 'verbose') ? { log: (line) => io.stderr.write(`${line}\n`) } : {});
  const useCache = !flagOption(v, 'no-cache');
  try {
    const state = await port.repoState();
    const cacheFile = scanCachePath(state.gitCommonDir);
    const cache = useCache ? await readScanCache(cacheFile) : undefined;
    const result = await scanHistory(port, { patterns: { ...DEFAULT_ID_PATTERNS, custom } }, cache);
    if (useCache && result.commitsRead > 0) {
      try {
        await writeScanCache(cacheFile, result.cache);
      } catch (error) {
        // The scan itself succeeded; a read-only git dir only costs the next scan its speed.
        io.stderr.write(`proof-of-fix: could not write the scan cache (${error instanceof Error ? error.message : String(error)})\n`);
      }
    }
    io.stdout.write(flagOption(v, 'json') ? `${JSON.stringify(scanJson(result), null, 2)}\n` : formatScan(result));
    return ExitCode.ok;
  } catch (error) {
    return reportFailure(error, io, repo);
  }
}
