// `proof-of-fix reply`: the evidence for an issue, rendered as a status reply to the client. It
// takes every evidence option with the same meaning, plus how to address the client.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { IssueEvidence } from '../core/evidence/model';
import { buildReplyContext } from '../core/reply/context';
import { readRemoteUrl } from '../core/reply/gitRemote';
import { renderReplyWithFallback } from '../core/reply/render';
import { describeTemplateError } from '../core/reply/templateErrors';
import { parseRemote } from '../core/reply/remoteLinks';
import { folderTemplateSource } from '../core/reply/templateSource';
import type { Audience, Language, Register } from '../core/store/model';
import { AUDIENCES, isCalendarDay, latestReport } from '../core/store/model';
import { checkTone, clientWords } from '../core/tone/check';
import type { OptionSpec } from './args';
import { flagOption, optionLine, stringOption } from './args';
import { evidenceFromArgs, evidenceOptionsHelp, isDirectory, notARepositoryMessage, parseEvidenceArgs } from './evidenceOptions';
import { formatFinding } from './lintCommand';
import type { CliIo } from './main';
import { ExitCode } from './main';
import { packageRoot } from './packageRoot';
import { describeStoreFailure, readStoreRecords } from './storeRecords';
import type { StoreRecords } from './storeRecords';

// --lang chooses the reply's language (its templates); the messages around it follow the
// environment (see cliMessages.ts), so a Spanish reply can be drafted from an English shell.
function usage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix reply [--repo DIR] (--issue ID | --ref TEXT | --fix SHA ...) [--target REF] [--deployed REF] [--me EMAIL ...]'),
    '                          [--lang es|en] [--client NAME] [--register usted|tu] [--audience plain|technical]',
    '                          [--format markdown|text] [--by YYYY-MM-DD] [--appendix] [--json]',
    '',
    evidenceOptionsHelp().replace(l10n.t('print the evidence as JSON'), l10n.t('print the reply, its verdict and the evidence as JSON')),
    optionLine('--lang es|en', l10n.t("the reply's language (default: the client's, else en)")),
    optionLine('--client NAME', l10n.t("address the reply to this client of clients.json (default: the issue's client);")),
    optionLine('', l10n.t('its deployed ref is used when --deployed is not given')),
    optionLine('--register usted|tu', l10n.t("Spanish register (default: the client's, else usted)")),
    optionLine('--audience plain|technical', l10n.t("plain words, or commits and branches (default: the client's, else plain)")),
    optionLine('--format markdown|text', l10n.t('Markdown, or a plain text email body (default: markdown)')),
    optionLine('--by YYYY-MM-DD', l10n.t('the date promised in the next step (default: none; the reply names no date)')),
    optionLine('--appendix', l10n.t('add the shas, refs and git commands that verify each statement')),
    optionLine('--remote-url URL', l10n.t("build commit links from this remote (default: the repository's origin)")),
    optionLine('--no-overrides', l10n.t("ignore the workspace's .proof-of-fix/templates/")),
    '',
    l10n.t('A workspace template that fails is reported on stderr and the built-in one is used instead.'),
    l10n.t('exit codes: 0 reply printed, 2 bad arguments or an issue or clients file that does not parse or validate, 3 not a git repository, 4 git failed, 5 built-in template failed'),
  ].join('\n') + '\n';
}

const EXIT_TEMPLATE_FAILED = 5;

function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/**
 * The version the client last said they run stands in for a client without a deployed ref: one
 * that names a commit becomes the deployed version; one that does not is a caveat the reply
 * acknowledges (the evidence treats a client's ref that does not resolve as one).
 */
function withReportedVersion(records: StoreRecords): StoreRecords {
  const said = records.issue === undefined ? undefined : latestReport(records.issue)?.version?.trim();
  if (records.client === undefined || said === undefined || said === '') return records;
  if (records.client.deployedRef !== undefined && records.client.deployedRef.trim() !== '') return records;
  return { ...records, client: { ...records.client, deployedRef: said } };
}

const REPLY_SPEC: Readonly<Record<string, OptionSpec>> = {
  lang: { kind: 'string' },
  client: { kind: 'string' },
  register: { kind: 'string' },
  audience: { kind: 'string' },
  format: { kind: 'string' },
  by: { kind: 'string' },
  appendix: { kind: 'flag' },
  'remote-url': { kind: 'string' },
  'no-overrides': { kind: 'flag' },
};

export async function replyCommand(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`proof-of-fix reply: ${message}\n\n${usage()}`);
    return ExitCode.badArguments;
  };
  const parsed = parseEvidenceArgs(argv, REPLY_SPEC);
  if (!parsed.ok) return fail(parsed.message);
  const { options, values } = parsed;
  if (options.help) {
    io.stdout.write(usage());
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
  records = withReportedVersion(records);
  // A client named on the command line brings its deployed ref, as an issue's client does.
  const clientRef = records.client?.deployedRef;
  if (options.issue === undefined && options.deployed === undefined && clientRef !== undefined && clientRef !== '') {
    options.deployed = clientRef;
  }

  const run = await evidenceFromArgs(options, io, records);
  if (run.evidence === null) return run.code;
  const evidence: IssueEvidence = run.evidence;

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
    return EXIT_TEMPLATE_FAILED;
  }
  const { outcome } = result;
  for (const error of outcome.overrideErrors) {
    io.stderr.write(`proof-of-fix reply: ${describeTemplateError(error)}\n`);
  }
  if (outcome.overrideErrors.length > 0) io.stderr.write(`proof-of-fix reply: ${l10n.t('using the built-in templates instead')}\n`);
  const findings = checkTone(outcome.text, language, { allow: clientWords(records.client) });
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
