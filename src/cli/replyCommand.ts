// `proof-of-fix reply`: the evidence for an issue, rendered as a status reply to the client. It
// takes every evidence option with the same meaning, plus how to address the client.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { IssueEvidence } from '../core/evidence/model';
import { buildReplyContext } from '../core/reply/context';
import { readRemoteUrl } from '../core/reply/gitRemote';
import { describeTemplateError, renderReplyWithFallback } from '../core/reply/render';
import { parseRemote } from '../core/reply/remoteLinks';
import { folderTemplateSource } from '../core/reply/templateSource';
import { IssueStore } from '../core/store/issueStore';
import type { Client, Issue, Language, Register } from '../core/store/model';
import { createNodeStoreFs } from '../core/store/storeFs';
import { createStoreValidator, loadStoreSchemas } from '../core/store/validate';
import { checkTone, clientWords } from '../core/tone/check';
import type { OptionSpec } from './args';
import { flagOption, stringOption } from './args';
import { EVIDENCE_OPTIONS_HELP, evidenceFromArgs, parseEvidenceArgs } from './evidenceOptions';
import { formatFinding } from './lintCommand';
import type { CliIo } from './main';
import { ExitCode } from './main';

const USAGE = [
  'usage: proof-of-fix reply [--repo DIR] (--issue ID | --ref TEXT | --fix SHA ...) [--target REF] [--deployed REF] [--me EMAIL ...]',
  '                          [--lang es|en] [--client NAME] [--register usted|tu] [--by YYYY-MM-DD] [--appendix] [--json]',
  '',
  EVIDENCE_OPTIONS_HELP.replace('print the evidence as JSON', 'print the reply, its verdict and the evidence as JSON'),
  '  --lang es|en          the reply\'s language (default: the client\'s, else en)',
  '  --client NAME         address the reply to this client of clients.json (default: the issue\'s client);',
  '                        its deployed ref is used when --deployed is not given',
  '  --register usted|tu   Spanish register (default: the client\'s, else usted)',
  '  --by YYYY-MM-DD       the date promised in the next step (default: two working days from now)',
  '  --appendix            add the shas, refs and git commands that verify each statement',
  '  --remote-url URL      build commit links from this remote (default: the repository\'s origin)',
  '  --no-overrides        ignore the workspace\'s .proof-of-fix/templates/',
  '',
  'A workspace template that fails is reported on stderr and the built-in one is used instead.',
  'exit codes: 0 reply printed, 2 bad arguments, 3 not a git repository, 4 git failed, 5 built-in template failed',
].join('\n') + '\n';

const EXIT_TEMPLATE_FAILED = 5;

const REPLY_SPEC: Readonly<Record<string, OptionSpec>> = {
  lang: { kind: 'string' },
  client: { kind: 'string' },
  register: { kind: 'string' },
  by: { kind: 'string' },
  appendix: { kind: 'flag' },
  'remote-url': { kind: 'string' },
  'no-overrides': { kind: 'flag' },
};

/** The installed package's root (templates/ and media/ live there), from this file's location. */
export function packageRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'templates', 'en')) && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start, '..');
    dir = parent;
  }
}

interface Records {
  issue?: Issue;
  client?: Client;
}

/** The issue and client records (validated); a broken store only loses the reply its names. */
async function readRecords(workspace: string, issueId: string | undefined, clientName: string | undefined, io: CliIo): Promise<Records | { error: string }> {
  const root = packageRoot();
  const store = new IssueStore({
    root: workspace,
    fs: createNodeStoreFs(),
    validator: createStoreValidator(await loadStoreSchemas(path.join(root, 'media'))),
  });
  await store.load();
  for (const problem of store.problems()) {
    io.stderr.write(`proof-of-fix reply: warning: ${problem.file}: ${problem.code} (${problem.detail})\n`);
  }
  const issue = issueId !== undefined ? store.issue(issueId) : undefined;
  const name = clientName ?? issue?.client;
  const client = name !== undefined ? store.client(name) : undefined;
  if (clientName !== undefined && client === undefined) return { error: `no client named ${JSON.stringify(clientName)} in ${store.clientsFile}` };
  return { ...(issue ? { issue } : {}), ...(client ? { client } : {}) };
}

function validDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

export async function replyCommand(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`proof-of-fix reply: ${message}\n\n${USAGE}`);
    return ExitCode.badArguments;
  };
  const parsed = parseEvidenceArgs(argv, REPLY_SPEC);
  if (!parsed.ok) return fail(parsed.message);
  const { options, values } = parsed;
  if (options.help) {
    io.stdout.write(USAGE);
    return ExitCode.ok;
  }
  const lang = stringOption(values, 'lang');
  if (lang !== undefined && lang !== 'en' && lang !== 'es') return fail(`--lang must be es or en, not ${JSON.stringify(lang)}`);
  const register = stringOption(values, 'register');
  if (register !== undefined && register !== 'usted' && register !== 'tu') return fail(`--register must be usted or tu, not ${JSON.stringify(register)}`);
  const by = stringOption(values, 'by');
  if (by !== undefined && !validDay(by)) return fail(`--by ${JSON.stringify(by)} is not a date (YYYY-MM-DD)`);

  const repo = path.resolve(io.cwd, options.repo ?? '.');
  const workspace = path.resolve(io.cwd, options.workspace ?? repo);
  const records = await readRecords(workspace, options.issue, stringOption(values, 'client'), io);
  if ('error' in records) return fail(records.error);
  // A client named on the command line brings its deployed ref, as an issue's client does.
  const clientRef = records.client?.deployedRef;
  if (options.issue === undefined && options.deployed === undefined && clientRef !== undefined && clientRef !== '') {
    options.deployed = clientRef;
  }

  const run = await evidenceFromArgs(options, io);
  if (run.evidence === null) return run.code;
  const evidence: IssueEvidence = run.evidence;

  const language: Language = lang ?? records.client?.language ?? 'en';
  const context = buildReplyContext({
    evidence,
    language,
    ...(register !== undefined ? { register: register as Register } : {}),
    ...(records.client ? { client: records.client } : {}),
    ...(records.issue ? { issue: records.issue } : {}),
    appendix: flagOption(values, 'appendix'),
    ...(by !== undefined ? { nextStepBy: by } : {}),
  });
  const remoteUrl = stringOption(values, 'remote-url') ?? (await readRemoteUrl(repo));
  const templatesRoot = path.join(packageRoot(), 'templates');
  const result = renderReplyWithFallback(context, {
    builtin: folderTemplateSource(templatesRoot, language, 'builtin'),
    ...(flagOption(values, 'no-overrides') ? {} : { override: folderTemplateSource(path.join(workspace, '.proof-of-fix', 'templates'), language, 'override') }),
    forge: parseRemote(remoteUrl),
  });
  if (!result.ok) {
    for (const error of result.errors) io.stderr.write(`proof-of-fix reply: ${describeTemplateError(error)}\n`);
    return EXIT_TEMPLATE_FAILED;
  }
  const { outcome } = result;
  for (const error of outcome.overrideErrors) {
    io.stderr.write(`proof-of-fix reply: ${describeTemplateError(error)}\n`);
  }
  if (outcome.overrideErrors.length > 0) io.stderr.write('proof-of-fix reply: using the built-in templates instead\n');
  const findings = checkTone(outcome.text, language, { allow: clientWords(records.client) });
  for (const f of findings) io.stderr.write(`proof-of-fix reply: tone: ${formatFinding('reply', f)}`);

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
