// `proof-of-fix reply`: the evidence for an issue, rendered as a status reply to the client. It
// takes every evidence option with the same meaning, plus how to address the client.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { EvidenceHole } from '../core/evidence/holes';
import { evidenceHoles } from '../core/evidence/holes';
import type { IssueEvidence } from '../core/evidence/model';
import { buildReplyContext, fileNameWords } from '../core/reply/context';
import { readRemoteUrl } from '../git/dotGit';
import { renderReplyWithFallback } from '../core/reply/render';
import { describeTemplateError } from '../core/reply/templateErrors';
import { parseRemote } from '../core/reply/remoteLinks';
import { folderTemplateSource } from '../core/reply/templateSource';
import type { Audience, Language, Register } from '../core/store/model';
import { AUDIENCES, isCalendarDay } from '../core/store/model';
import { changeOwnerOf, checkTone, clientWords } from '../core/tone/check';
import type { OptionSpecs } from './args';
import { flagOption, stringOption } from './args';
import { evidenceFromArgs, isDirectory, notARepositoryMessage, parseEvidenceArgs } from './evidenceOptions';
import { ExitCode } from './exitCodes';
import { formatFinding } from './lintCommand';
import type { CliIo } from './main';
import { packageRoot } from './packageRoot';
import { describeStoreFailure, readStoreRecords } from './storeRecords';
import type { StoreRecords } from './storeRecords';
import { replyUsage } from './usage';

function holeMessage(hole: EvidenceHole): string {
  return hole.code === 'fix-missing'
    ? l10n.t('no reply drafted: the fix commit {0} is not in this repository; fetch it (git fetch --all, or git fetch --unshallow) or correct the link', hole.subjects.join(', '))
    : l10n.t('no reply drafted: git could not tell where {0} went, so the fix\'s lines there were not measured', hole.subjects.join(', '));
}

function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

const REPLY_SPEC: OptionSpecs = {
  lang: { type: 'string' },
  client: { type: 'string' },
  register: { type: 'string' },
  audience: { type: 'string' },
  format: { type: 'string' },
  by: { type: 'string' },
  appendix: { type: 'boolean' },
  'remote-url': { type: 'string' },
  'no-overrides': { type: 'boolean' },
};

export async function replyCommand(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`proof-of-fix reply: ${message}\n\n${replyUsage()}`);
    return ExitCode.badArguments;
  };
  const parsed = parseEvidenceArgs(argv, REPLY_SPEC);
  if (!parsed.ok) return fail(parsed.message);
  const { options, values } = parsed;
  if (options.help) {
    io.stdout.write(replyUsage());
    return ExitCode.ok;
  }
  const lang = stringOption(values, 'lang');
  if (lang !== undefined && lang !== 'en' && lang !== 'es') return fail(l10n.t('--lang must be es or en, not {0}', JSON.stringify(lang)));
  const register = stringOption(values, 'register');
  if (register !== undefined && register !== 'usted' && register !== 'tu') return fail(l10n.t('--register must be usted or tu, not {0}', JSON.stringify(register)));
  const audience = stringOption(values, 'audience');
  if (audience !== undefined && !isAudience(audience)) return fail(l10n.t('--audience must be plain or technical, not {0}', JSON.stringify(audience)));
  const format = stringOption(values, 'format');
  if (format !== undefined && format !== 'markdown' && format !== 'text') return fail(l10n.t('--format must be markdown or text, not {0}', JSON.stringify(format)));
  const by = stringOption(values, 'by');
  if (by !== undefined && !isCalendarDay(by)) return fail(l10n.t('{0} {1} is not a date (YYYY-MM-DD)', '--by', JSON.stringify(by)));

  const repo = path.resolve(io.cwd, options.repo ?? '.');
  const workspace = path.resolve(io.cwd, options.workspace ?? repo);
  // A missing repository folder is what the user needs to hear about, not the missing issue in it.
  if (!isDirectory(repo)) {
    io.stderr.write(`proof-of-fix: ${notARepositoryMessage(repo, true)}\n`);
    return ExitCode.notARepository;
  }
  const clientName = stringOption(values, 'client');
  let records: StoreRecords = {};
  if (options.issue !== undefined || clientName !== undefined) {
    const read = await readStoreRecords({ workspace, ...(options.issue !== undefined ? { issue: options.issue } : {}), ...(clientName !== undefined ? { client: clientName } : {}) });
    if (!read.ok && read.failure.code === 'unknown-client') return fail(describeStoreFailure(read.failure));
    if (!read.ok) {
      io.stderr.write(`proof-of-fix: ${describeStoreFailure(read.failure)}\n`);
      return ExitCode.badArguments;
    }
    records = read.records;
  }
  const run = await evidenceFromArgs(options, io, records);
  if (run.evidence === null) return run.code;
  const evidence: IssueEvidence = run.evidence;
  // No reply on evidence with a hole: a missing fix commit or an unmeasured file would make it promise or deny.
  const holes = evidenceHoles(evidence);
  if (holes.length > 0) {
    for (const hole of holes) io.stderr.write(`proof-of-fix reply: ${holeMessage(hole)}\n`);
    return ExitCode.badArguments;
  }

  const language: Language = lang ?? records.client?.language ?? 'en';
  const context = buildReplyContext({
    evidence,
    language,
    ...(register !== undefined ? { register: register as Register } : {}),
    ...(audience !== undefined && isAudience(audience) ? { audience } : {}),
    ...(records.client ? { client: records.client } : {}),
    ...(records.issue ? { issue: records.issue } : {}),
    appendix: flagOption(values, 'appendix'),
    ...(by !== undefined ? { nextStepBy: by } : {}),
  });
  const remoteUrl = stringOption(values, 'remote-url') ?? (await readRemoteUrl(repo));
  const templatesRoot = path.join(packageRoot(), 'templates');
  const result = renderReplyWithFallback(context, {
    builtin: folderTemplateSource(templatesRoot, language, 'builtin'),
    ...(flagOption(values, 'no-overrides') ? {} : { override: folderTemplateSource(path.join(workspace, '.proof-of-fix', 'templates'), language, 'override', workspace) }),
    forge: parseRemote(remoteUrl),
    format: format === 'text' ? 'text' : 'markdown',
  });
  if (!result.ok) {
    for (const error of result.errors) io.stderr.write(`proof-of-fix reply: ${describeTemplateError(error)}\n`);
    return ExitCode.templateFailed;
  }
  const { outcome } = result;
  for (const error of outcome.overrideErrors) {
    io.stderr.write(`proof-of-fix reply: ${describeTemplateError(error)}\n`);
  }
  if (outcome.overrideErrors.length > 0) io.stderr.write(`proof-of-fix reply: ${l10n.t('using the built-in templates instead')}\n`);
  // Whose change the evidence blames, as the editor's check of a draft takes it.
  const findings = checkTone(outcome.text, language, { allow: [...clientWords(records.client), ...fileNameWords(evidence)], changeOwner: changeOwnerOf(evidence) });
  for (const f of findings) io.stderr.write(`proof-of-fix reply: ${l10n.t('tone')}: ${formatFinding('reply', f)}`);

  if (options.json) {
    io.stdout.write(`${JSON.stringify({
      verdict: evidence.verdict,
      language,
      text: outcome.text,
      overridden: outcome.overridden,
      overrideErrors: outcome.overrideErrors,
      tone: findings,
      evidence,
    }, null, 2)}\n`);
  } else io.stdout.write(outcome.text);
  return ExitCode.ok;
}
