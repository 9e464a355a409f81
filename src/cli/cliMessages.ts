// The language of the CLI's own messages (errors, usage, report headings), which is not the
// language of a drafted reply (`reply --lang`, the client's setting). It follows the environment:
// PROOF_OF_FIX_LOCALE first, then the POSIX order LC_ALL, LC_MESSAGES, LANG. Spanish reads the
// extension's own bundle, l10n/bundle.l10n.es.json, so both speak with the same words.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { EvidenceErrorCode } from '../core/evidence/engine';
import { EvidenceFailure } from '../core/evidence/engine';
import { isUserError } from '../core/errors';
import type { GitErrorCode } from '../core/gitPort';
import { isGitFailure } from '../core/gitPort';
import type { StoreErrorCode } from '../core/store/issueStore';
import { StoreError } from '../core/store/issueStore';
import { packageRoot } from './packageRoot';

export type CliEnv = Readonly<Record<string, string | undefined>>;

export type CliMessageLocale = 'en' | 'es';

/** The first setting that is present and not empty decides, as for any POSIX program. */
export function cliMessageLocale(env: CliEnv): CliMessageLocale {
  const value = ['PROOF_OF_FIX_LOCALE', 'LC_ALL', 'LC_MESSAGES', 'LANG'].map((name) => env[name]?.trim() ?? '').find((v) => v !== '');
  return value !== undefined && /^es(?![a-z])/i.test(value) ? 'es' : 'en';
}

/**
 * Loads the bundle for the environment's language. It is set on every run, since in-process callers
 * (tests, scripts) may run the CLI in one language and then the other.
 */
export function configureCliMessages(env: CliEnv, root?: string): CliMessageLocale {
  if (cliMessageLocale(env) === 'es') {
    try {
      // The package folder is looked up only when a bundle is needed: English needs none.
      l10n.config({ fsPath: path.join(root ?? packageRoot(), 'l10n', 'bundle.l10n.es.json') });
      return 'es';
    } catch {
      // A package without its bundle still works: the messages stay in English.
    }
  }
  l10n.config({ contents: {} });
  return 'en';
}

export function gitMessage(code: GitErrorCode, limit?: number): string {
  switch (code) {
    case 'not-a-repository':
      return l10n.t('is not a git repository');
    case 'git-missing':
      return l10n.t('git was not found; install git or put it on PATH');
    case 'empty-repository':
      return l10n.t('the repository has no commits yet');
    case 'bad-ref':
      return l10n.t('git does not know one of the commits or refs given');
    case 'bad-argument':
      return l10n.t('an argument was refused before reaching git');
    case 'timeout':
      return limit === undefined ? l10n.t('git took too long and was stopped') : l10n.t('git timed out after {0} s and was stopped', limit);
    case 'output-too-large':
      return l10n.t('git output too large (more than {0} MiB): stopped', limit ?? '?');
    case 'incomplete-renames':
      return l10n.t('git gave up looking for renamed files (too many files changed at once); the evidence would be incomplete');
    case 'failed':
      return l10n.t('git failed');
  }
}

function evidenceMessage(code: EvidenceErrorCode): string {
  switch (code) {
    case 'bad-target':
      return l10n.t('the target is not a branch, tag or commit of this repository');
    case 'bad-deployed':
      return l10n.t('the deployed ref is not a branch, tag or commit of this repository');
    case 'bad-fix':
      return l10n.t('not a commit id');
    case 'bad-issue-ref':
      return l10n.t('not an issue id');
    case 'bad-tag-pattern':
      return l10n.t('the tag pattern is not a valid regular expression');
  }
}

function storeMessage(code: StoreErrorCode, subject: string): string {
  switch (code) {
    case 'conflict':
      return l10n.t('{0} changed on disk while this ran; nothing was written', subject);
    case 'unparsable':
      return l10n.t('{0} has a problem to repair first; nothing was written', subject);
    case 'not-found':
      return l10n.t('{0} was not found', subject);
    case 'exists':
      return l10n.t('{0} is already in use', subject);
    case 'unknown-client':
      return l10n.t('no client named {0}', JSON.stringify(subject));
    case 'invalid':
      return l10n.t('the change would make {0} invalid; nothing was written', subject);
  }
}

export interface CliDescribed {
  /** `warning`: an expected refusal (bad input, a file to repair); `error`: a failure. */
  severity: 'warning' | 'error';
  message: string;
}

/**
 * The CLI's words for an error, after the extension's `describe` (src/ui/errorMessages.ts): the same
 * codes, worded for a terminal line after "proof-of-fix: ". Users never read a code.
 */
export function describeError(error: unknown, context: { repo?: string } = {}): CliDescribed {
  if (isUserError(error)) return { severity: 'warning', message: error.message };
  if (isGitFailure(error)) {
    const words = gitMessage(error.code, error.limit);
    if (error.code === 'not-a-repository') return { severity: 'warning', message: context.repo === undefined ? words : `${context.repo} ${words}` };
    return { severity: 'error', message: error.code === 'failed' ? `${words}: ${error.detail.split('\n')[0] ?? ''}` : words };
  }
  if (error instanceof EvidenceFailure) return { severity: 'warning', message: `${JSON.stringify(error.subject)}: ${evidenceMessage(error.code)}` };
  if (error instanceof StoreError) return { severity: 'warning', message: storeMessage(error.code, error.subject) };
  return { severity: 'error', message: l10n.t('unexpected error: {0}', error instanceof Error ? error.message : String(error)) };
}
