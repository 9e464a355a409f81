// Every usage text of the CLI, in one place: the command list, each subcommand's synopsis, options
// and exit codes (the numbers are in exitCodes.ts). Printed on stdout for --help, after the error
// line on stderr for a bad argument.
import * as l10n from '@vscode/l10n';
import { optionLine } from './args';

const SUMMARIES: ReadonlyArray<readonly [string, () => string]> = [
  ['lint', () => l10n.t('check the tone of a reply: blame, stalling, hedging, promises, shouting')],
  ['reply', () => l10n.t('draft the status reply to the client from the evidence')],
  ['evidence', () => l10n.t('where the fix of an issue is, and whether it survives')],
  ['scan', () => l10n.t('every issue id referenced in the history, with its fixes and mentions')],
  ['report', () => l10n.t('write the proof page: the timeline of an issue as one HTML file to attach')],
  ['issue', () => l10n.t('create, update and show client issues in .proof-of-fix/issues/')],
  ['client', () => l10n.t('add a client to .proof-of-fix/clients.json')],
];

export function mainUsage(): string {
  const lines = [l10n.t('usage: proof-of-fix <command> [options]'), '', l10n.t('commands:')];
  for (const [name, summary] of SUMMARIES) lines.push(`  ${name.padEnd(10)} ${summary()}`);
  lines.push('', l10n.t('Run `proof-of-fix <command> --help` for its options.'));
  return lines.join('\n') + '\n';
}

function evidenceOptionsHelp(): string {
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

export function evidenceUsage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix evidence [--repo DIR] (--issue ID | --ref TEXT | --fix SHA ...) [--target REF] [--deployed REF] [--me EMAIL ...] [--json]'),
    '',
    evidenceOptionsHelp(),
    '',
    l10n.t('exit codes: 0 evidence printed, 2 bad arguments or an issue or clients file that does not parse or validate, 3 not a git repository (or git missing, or no commits), 4 git failed'),
  ].join('\n') + '\n';
}

// --lang chooses the reply's language (its templates); the messages around it follow the
// environment (see cliMessages.ts), so a Spanish reply can be drafted from an English shell.
export function replyUsage(): string {
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

export function reportUsage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix report [--repo DIR] (--issue ID | --ref TEXT | --fix SHA ...) [--target REF] [--deployed REF]'),
    '                           [--lang es|en] [--audience plain|technical] --out FILE.html',
    '',
    evidenceOptionsHelp().split('\n').filter((line) => !line.trimStart().startsWith('--json')).join('\n'),
    optionLine('--lang es|en', l10n.t("the page's language (default: the client's, else en)")),
    optionLine('--audience plain|technical', l10n.t('plain: no commit ids in the main text (default); technical: with them')),
    optionLine('--out FILE.html', l10n.t('where to write the page (replaced if it exists)')),
    '',
    l10n.t('exit codes: 0 page written, 2 bad arguments or an issue or clients file that does not parse or validate, 3 not a git repository, 4 git failed or the file could not be written'),
  ].join('\n') + '\n';
}

export function scanUsage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix scan [--repo DIR] [--id-pattern RE ...] [--no-cache] [--json]'),
    '',
    optionLine('--repo DIR', l10n.t('the git repository (default: the current directory)')),
    optionLine('--id-pattern RE', l10n.t('an extra issue-id pattern (repeatable)')),
    optionLine('--no-cache', l10n.t('read the whole history and do not write the cache')),
    optionLine('--json', l10n.t('print the result as JSON')),
    optionLine('--verbose', l10n.t('log each git command to stderr')),
    '',
    l10n.t('The cache is {0}; `evidence --ref` uses it too when present.', '<git-common-dir>/proof-of-fix/scan-cache.bin'),
    '',
    l10n.t('exit codes: 0 printed, 2 bad arguments, 3 not a git repository (or git missing, or no commits), 4 git failed'),
  ].join('\n') + '\n';
}

export function lintUsage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix lint FILE... [--lang es|en] [--allow WORD ...] [--change-by me|others] [--json]'),
    '',
    optionLine('FILE', l10n.t('a reply (Markdown or plain text); - reads standard input')),
    optionLine('--lang es|en', l10n.t("the reply's language (default: guessed from its words)")),
    optionLine('--allow WORD', l10n.t('a word accepted as written, e.g. a client name in capitals (repeatable)')),
    optionLine('--change-by me|others', l10n.t('whose change the evidence blames, when known: with me, passives that hide it are flagged')),
    optionLine('--json', l10n.t('print the findings as JSON (each names its category)')),
    '',
    l10n.t('exit codes: 0 no findings, 1 findings, 2 bad arguments or unreadable file'),
  ].join('\n') + '\n';
}

function storeExitCodes(): string {
  return l10n.t('exit codes: 0 done, 2 bad arguments, an unknown issue or client, or a store file that does not parse or validate, 4 git failed (issue link), 6 the file kept changing on disk or stayed locked by another writer; nothing was written');
}

export function clientUsage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix client add --name NAME --prefix PREFIX --lang es|en [--register usted|tu] [--contact NAME] [--workspace DIR]'),
    '',
    optionLine('--name NAME', l10n.t("the client's name; issues refer to it")),
    optionLine('--prefix PREFIX', l10n.t("the prefix of the client's issue ids, e.g. ACME for ACME-12")),
    optionLine('--lang es|en', l10n.t('the language replies to this client are written in')),
    optionLine('--register usted|tu', l10n.t('how Spanish replies address the client (default: usted)')),
    optionLine('--contact NAME', l10n.t('the person replies are addressed to')),
    optionLine('--workspace DIR', l10n.t('the folder holding .proof-of-fix/ (default: the current directory)')),
    '',
    storeExitCodes(),
  ].join('\n') + '\n';
}

export function issueUsage(): string {
  return [
    l10n.t('usage: {0}', 'proof-of-fix issue <action> [arguments] [--workspace DIR]'),
    '',
    '  issue new --client NAME --title TEXT [--words TEXT] [--date YYYY-MM-DD] [--json]',
    `      ${l10n.t('create an issue and print its id')}`,
    '  issue report ID --words TEXT [--date YYYY-MM-DD] [--channel TEXT] [--version REF]',
    `      ${l10n.t('record a new report from the client (a fixed or closed issue becomes reopened)')}`,
    '  issue link ID SHA',
    `      ${l10n.t('link a fix commit')}`,
    '  issue unlink ID SHA',
    `      ${l10n.t('remove a linked fix commit')}`,
    `  issue status ID ${'open|fixed|reopened|wont-fix|closed'}`,
    `      ${l10n.t('set the status')}`,
    '  issue sent ID --file REPLY [--verdict VERDICT] [--lang es|en]',
    `      ${l10n.t('record a reply as sent, from a file (- reads standard input)')}`,
    '  issue show ID [--json]',
    `      ${l10n.t('print one issue')}`,
    '  issue list [--json]',
    `      ${l10n.t('print every issue, one per line')}`,
    '',
    optionLine('--workspace DIR', l10n.t('the folder holding .proof-of-fix/ (default: the current directory)')),
    optionLine('--date YYYY-MM-DD', l10n.t('the day the client reported it (default: today)')),
    '',
    storeExitCodes(),
  ].join('\n') + '\n';
}
