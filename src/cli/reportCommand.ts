// `proof-of-fix report`: the proof page of an issue, one self-contained HTML file to attach to the
// reply. It takes every evidence option with the same meaning as `evidence` and `reply`.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { evidenceHoles } from '../core/evidence/holes';
import { buildProofPage } from '../core/timeline/proofPage';
import { MAX_PAGE_BYTES } from '../core/timeline/page';
import type { Audience, Language } from '../core/store/model';
import { AUDIENCES, DEFAULT_AUDIENCE } from '../core/store/model';
import { createNodeStoreFs } from '../core/store/storeFs';
import { REQUEST_LANES } from '../git/gitRunner';
import { createGitPort } from '../git/simpleGitPort';
import type { OptionSpecs } from './args';
import { stringOption } from './args';
import { evidenceFromArgs, isDirectory, notARepositoryMessage, parseEvidenceArgs, reportFailure } from './evidenceOptions';
import type { CliIo } from './main';
import { ExitCode } from './exitCodes';
import { describeStoreFailure, readStoreRecords } from './storeRecords';
import type { StoreRecords } from './storeRecords';
import { reportUsage } from './usage';

const REPORT_SPEC: OptionSpecs = {
  lang: { type: 'string' },
  audience: { type: 'string' },
  out: { type: 'string' },
};

/** Today in the machine's zone, YYYY-MM-DD: the day the person runs the check. */
function localDay(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`proof-of-fix report: ${message}\n\n${reportUsage()}`);
    return ExitCode.badArguments;
  };
  const parsed = parseEvidenceArgs(argv, REPORT_SPEC);
  if (!parsed.ok) return fail(parsed.message);
  const { options, values } = parsed;
  if (options.help) {
    io.stdout.write(reportUsage());
    return ExitCode.ok;
  }
  if (options.json) return fail(l10n.t('{0} writes a page, not JSON: use {1} for the evidence as JSON', 'report', 'proof-of-fix evidence --json'));
  const lang = stringOption(values, 'lang');
  if (lang !== undefined && lang !== 'en' && lang !== 'es') return fail(l10n.t('--lang must be es or en, not {0}', JSON.stringify(lang)));
  const audience = stringOption(values, 'audience');
  if (audience !== undefined && !isAudience(audience)) return fail(l10n.t('--audience must be plain or technical, not {0}', JSON.stringify(audience)));
  const outOption = stringOption(values, 'out');
  if (outOption === undefined || outOption.trim() === '') return fail(l10n.t('say where to write the page: --out FILE.html'));
  const out = path.resolve(io.cwd, outOption);
  if (!isDirectory(path.dirname(out))) return fail(l10n.t('{0}: no such folder', path.dirname(out)));

  const repo = path.resolve(io.cwd, options.repo ?? '.');
  if (!isDirectory(repo)) {
    io.stderr.write(`proof-of-fix: ${notARepositoryMessage(repo, true)}\n`);
    return ExitCode.notARepository;
  }
  let records: StoreRecords = {};
  if (options.issue !== undefined) {
    const read = await readStoreRecords({ workspace: path.resolve(io.cwd, options.workspace ?? repo), issue: options.issue });
    if (!read.ok) {
      io.stderr.write(`proof-of-fix: ${describeStoreFailure(read.failure)}\n`);
      return ExitCode.badArguments;
    }
    records = read.records;
  }
  const run = await evidenceFromArgs(options, io, records);
  if (run.evidence === null) return run.code;
  // A page for the client claims nothing git could not give, as a reply does not.
  const holes = evidenceHoles(run.evidence);
  if (holes.length > 0) {
    for (const hole of holes) {
      const message = hole.code === 'fix-missing'
        ? l10n.t('no page written: the fix commit {0} is not in this repository; fetch it (git fetch --all, or git fetch --unshallow) or correct the link', hole.subjects.join(', '))
        : l10n.t("no page written: git could not tell where {0} went, so the fix's lines there were not measured", hole.subjects.join(', '));
      io.stderr.write(`proof-of-fix report: ${message}\n`);
    }
    return ExitCode.badArguments;
  }

  const language: Language = lang ?? records.client?.language ?? 'en';
  const now = new Date();
  let html: string;
  try {
    html = await buildProofPage({
      port: createGitPort(repo, { requestLanes: REQUEST_LANES, ...(options.verbose ? { log: (line: string) => io.stderr.write(`${line}\n`) } : {}) }),
      evidence: run.evidence,
      ...(records.issue ? { issue: records.issue } : {}),
      language,
      // The client's audience (clients.json), as for replies; plain when not set.
      audience: audience ?? records.client?.audience ?? DEFAULT_AUDIENCE,
      today: localDay(now),
    });
  } catch (error) {
    return reportFailure(error, io, repo);
  }
  try {
    // Beside the target and renamed over it, so a reader never sees half a page.
    await createNodeStoreFs().writeFileAtomic(out, html);
  } catch (error) {
    io.stderr.write(`proof-of-fix: ${l10n.t('{0}: cannot write the page ({1})', out, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
    return ExitCode.gitFailed;
  }
  const size = Buffer.byteLength(html, 'utf8');
  if (size > MAX_PAGE_BYTES) io.stderr.write(`proof-of-fix report: ${l10n.t('the page is {0} KB, more than an email attachment should be ({1} KB)', Math.ceil(size / 1024), MAX_PAGE_BYTES / 1024)}\n`);
  io.stdout.write(`${out}\n`);
  return ExitCode.ok;
}
