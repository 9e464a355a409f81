// `proof-of-fix issue <action>`: client issues from the command line, through the store and the rules
// the extension uses (src/core/store/issueOperations.ts): the same validation, the same locked and
// atomic writes, so a script and a VS Code window can change one issue at the same time.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { VERDICTS } from '../core/evidence/model';
import { isGitFailure } from '../core/gitPort';
import { isSha } from '../core/sha';
import { isSafeIssueId } from '../core/store/ids';
import { createIssue, findLinkedFix, linkFix, recordReport } from '../core/store/issueOperations';
import type { IssueStore } from '../core/store/issueStore';
import type { ClientReport, Issue, IssueStatus, Language, ReplySent } from '../core/store/model';
import { isCalendarDay, ISSUE_STATUSES, LANGUAGES } from '../core/store/model';
import { guessLanguage } from '../core/tone/check';
import { createGitPort } from '../git/simpleGitPort';
import type { OptionSpecs, ParsedArgs } from './args';
import { flagOption, parseArgs, stringOption } from './args';
import { describeError } from './cliMessages';
import { ExitCode } from './exitCodes';
import { formatIssue, formatIssueLine } from './issueFormat';
import type { CliIo } from './main';
import { loadIssueOrRefuse, localToday, openStore, refuseBrokenClients, runStoreAction, StoreCommandRefusal, workspaceFolder } from './storeSession';
import { issueUsage } from './usage';

interface Action {
  /** The words after the action: their names, for the "missing" message. */
  positionals: readonly string[];
  options: OptionSpecs;
  run: (store: IssueStore, args: readonly string[], values: ParsedArgs, io: CliIo, workspace: string) => Promise<number>;
}

const WORKSPACE: OptionSpecs = { workspace: { type: 'string' } };

function optionalDate(values: ParsedArgs): string {
  const date = stringOption(values, 'date');
  if (date === undefined) return localToday();
  if (!isCalendarDay(date)) throw new StoreCommandRefusal(l10n.t('{0} {1} is not a date (YYYY-MM-DD)', '--date', JSON.stringify(date)));
  return date;
}

function required(values: ParsedArgs, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value.trim() === '') throw new StoreCommandRefusal(l10n.t('{0} is required', `--${name}`));
  return value;
}

async function loaded(store: IssueStore, id: string): Promise<Issue> {
  if (!isSafeIssueId(id)) throw new StoreCommandRefusal(l10n.t("{0} is not an issue id (letters, digits, '.', '-', '_')", JSON.stringify(id)));
  await loadIssueOrRefuse(store, id);
  return store.issue(id) as Issue;
}

/**
 * The full sha of a commit, as the extension links it, when the workspace is a git repository that
 * has it. Outside a repository the sha is kept as given: the evidence says later whether it exists.
 */
async function resolvedSha(workspace: string, sha: string): Promise<string> {
  if (!isSha(sha)) throw new StoreCommandRefusal(l10n.t('{0} is not a commit id (4 to 64 hex digits)', JSON.stringify(sha)));
  try {
    const full = await createGitPort(workspace).resolveCommit(sha);
    if (full === null) throw new StoreCommandRefusal(l10n.t('there is no commit {0} in this repository', sha));
    return full;
  } catch (error) {
    if (isGitFailure(error) && (error.code === 'not-a-repository' || error.code === 'git-missing')) return sha.toLowerCase();
    if (isGitFailure(error)) throw new StoreCommandRefusal(describeError(error, { repo: workspace }).message, ExitCode.gitFailed);
    throw error;
  }
}

async function readReply(file: string, io: CliIo): Promise<string> {
  try {
    if (file === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new StoreCommandRefusal(l10n.t('cannot read {0}: {1}', file, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}

const ACTIONS: Record<string, Action> = {
  new: {
    positionals: [],
    options: { client: { type: 'string' }, title: { type: 'string' }, words: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } },
    async run(store, _args, values, io) {
      const client = required(values, 'client');
      const title = required(values, 'title');
      const date = optionalDate(values);
      const words = stringOption(values, 'words');
      await store.load();
      refuseBrokenClients(store);
      // A client that issues already name is registered as the extension does; a name nothing knows is a typo until `client add`.
      if (!store.client(client) && !store.issues().some((i) => i.client === client)) {
        throw new StoreCommandRefusal(l10n.t('no client named {0}; add it with {1}', JSON.stringify(client), 'proof-of-fix client add'));
      }
      const issue = await createIssue(store, { client, title, date, ...(words !== undefined ? { words } : {}) }, {}, { defaultLanguage: 'es' });
      io.stdout.write(flagOption(values, 'json') ? `${JSON.stringify({ id: issue.id })}\n` : `${issue.id}\n`);
      return ExitCode.ok;
    },
  },
  report: {
    positionals: ['ID'],
    options: { words: { type: 'string' }, date: { type: 'string' }, channel: { type: 'string' }, version: { type: 'string' } },
    async run(store, [id], values) {
      const report: ClientReport = { date: optionalDate(values), words: required(values, 'words') };
      const channel = stringOption(values, 'channel');
      const version = stringOption(values, 'version');
      if (channel) report.channel = channel;
      if (version) report.version = version;
      await loaded(store, id as string);
      await recordReport(store, id as string, report);
      return ExitCode.ok;
    },
  },
  link: {
    positionals: ['ID', 'SHA'],
    options: {},
    async run(store, [id, sha], _values, io, workspace) {
      const issue = await loaded(store, id as string);
      const outcome = await linkFix(store, issue, { sha: await resolvedSha(workspace, sha as string), how: 'manual' });
      if (!outcome.linked) io.stderr.write(`proof-of-fix issue: ${l10n.t('{0} is already linked to {1}', outcome.existing.sha, issue.id)}\n`);
      return ExitCode.ok;
    },
  },
  unlink: {
    positionals: ['ID', 'SHA'],
    options: {},
    async run(store, [id, sha]) {
      const issue = await loaded(store, id as string);
      if (!isSha(sha as string)) throw new StoreCommandRefusal(l10n.t('{0} is not a commit id (4 to 64 hex digits)', JSON.stringify(sha)));
      const existing = findLinkedFix(issue.fixes, sha as string);
      if (!existing) throw new StoreCommandRefusal(l10n.t('{0} is not linked to {1}', sha as string, issue.id));
      await store.updateIssue(issue.id, (draft) => {
        draft.fixes = draft.fixes.filter((f) => f.sha !== existing.sha);
      });
      return ExitCode.ok;
    },
  },
  status: {
    positionals: ['ID', 'STATUS'],
    options: {},
    async run(store, [id, status]) {
      if (!(ISSUE_STATUSES as readonly string[]).includes(status as string)) {
        throw new StoreCommandRefusal(l10n.t('{0} is not a status ({1})', JSON.stringify(status), ISSUE_STATUSES.join(', ')));
      }
      await loaded(store, id as string);
      await store.updateIssue(id as string, (draft) => void (draft.status = status as IssueStatus));
      return ExitCode.ok;
    },
  },
  sent: {
    positionals: ['ID'],
    options: { file: { type: 'string' }, verdict: { type: 'string' }, lang: { type: 'string' } },
    async run(store, [id], values, io) {
      const file = required(values, 'file');
      const verdict = stringOption(values, 'verdict');
      if (verdict !== undefined && !(VERDICTS as readonly string[]).includes(verdict)) {
        throw new StoreCommandRefusal(l10n.t('{0} is not a verdict ({1})', JSON.stringify(verdict), VERDICTS.join(', ')));
      }
      const lang = stringOption(values, 'lang');
      if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) throw new StoreCommandRefusal(l10n.t('--lang must be es or en, not {0}', JSON.stringify(lang)));
      const issue = await loaded(store, id as string);
      const text = await readReply(file, io);
      if (text.trim() === '') throw new StoreCommandRefusal(l10n.t('{0} is empty', file));
      const language: Language = (lang as Language | undefined) ?? store.client(issue.client)?.language ?? guessLanguage(text);
      const sent: ReplySent = { date: new Date().toISOString(), verdict: verdict ?? 'unknown', language, text };
      await store.updateIssue(issue.id, (draft) => void draft.replies.push(sent));
      return ExitCode.ok;
    },
  },
  show: {
    positionals: ['ID'],
    options: { json: { type: 'boolean' } },
    async run(store, [id], values, io) {
      const issue = await loaded(store, id as string);
      io.stdout.write(flagOption(values, 'json') ? `${JSON.stringify(issue, null, 2)}\n` : formatIssue(issue));
      return ExitCode.ok;
    },
  },
  list: {
    positionals: [],
    options: { json: { type: 'boolean' } },
    async run(store, _args, values, io) {
      await store.load();
      // Files that cannot be read are named on stderr; the others are still listed.
      for (const problem of store.problems()) io.stderr.write(`proof-of-fix issue: ${l10n.t('skipped {0}', path.basename(problem.file))}: ${problem.detail.split('\n')[0] ?? ''}\n`);
      const issues = store.issues();
      io.stdout.write(flagOption(values, 'json') ? `${JSON.stringify(issues, null, 2)}\n` : issues.map(formatIssueLine).join(''));
      return ExitCode.ok;
    },
  },
};

export async function issueCommand(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`proof-of-fix issue: ${message}\n\n${issueUsage()}`);
    return ExitCode.badArguments;
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(issueUsage());
    return name === undefined ? ExitCode.badArguments : ExitCode.ok;
  }
  const action = Object.prototype.hasOwnProperty.call(ACTIONS, name) ? ACTIONS[name] : undefined;
  if (action === undefined) return fail(l10n.t('unknown action {0}', `'${name}'`));
  const parsed = parseArgs(rest, { ...action.options, ...WORKSPACE }, { positionals: true });
  if (!parsed.ok) return fail(parsed.message);
  if (flagOption(parsed.values, 'help')) {
    io.stdout.write(issueUsage());
    return ExitCode.ok;
  }
  const args = parsed.positionals;
  if (args.length < action.positionals.length) return fail(l10n.t('{0} is required', action.positionals[args.length] as string));
  if (args.length > action.positionals.length) return fail(l10n.t('unexpected argument {0}', `'${args[action.positionals.length] as string}'`));
  return runStoreAction(io, 'issue', async () => {
    const workspace = workspaceFolder(io, stringOption(parsed.values, 'workspace'));
    return action.run(await openStore(workspace), args, parsed.values, io, workspace);
  });
}
