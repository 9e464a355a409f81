// The words for every error the extension shows: one `describe` that switches on the shared coded
// errors (src/core/errors.ts) and returns how serious it is and what to say, in the user's language.
// The command funnel and the evidence service both show errors through it; a code never reaches
// the user. The CLI has its own `describe` with the same cases (src/cli/cliMessages.ts).
import * as vscode from 'vscode';
import type { EvidenceErrorCode } from '../core/evidence/engine';
import { EvidenceFailure } from '../core/evidence/engine';
import { isEvidenceCancelled } from '../core/evidence/cancel';
import { isUserError } from '../core/errors';
import type { UserErrorAction } from '../core/errors';
import type { GitErrorCode } from '../core/gitPort';
import { GitFailure } from '../core/gitPort';
import { StoreError } from '../core/store/issueStore';
import { SETTINGS } from './config';

/** How a described error is shown: `none` for a cancellation, which the user asked for. */
export type Severity = 'none' | 'info' | 'warning' | 'error';

export interface Described {
  severity: Severity;
  message: string;
  /** The button that leads to the next step, besides Show Log. */
  action?: UserErrorAction;
  /** An expected outcome (a refusal, a conflict) is logged as one line; a failure with its stack. */
  expected: boolean;
}

/** Why an evidence computation failed: a code for the words, and the value it is about. */
export interface EvidenceProblem {
  code: GitErrorCode | EvidenceErrorCode | 'unexpected';
  subject: string;
  /** The limit a git run reached: seconds for 'timeout', MiB for 'output-too-large'. */
  limit?: number;
}

/** The problem to keep for an issue whose evidence could not be computed. */
export function problemOf(error: unknown): EvidenceProblem {
  if (error instanceof EvidenceFailure) return { code: error.code, subject: error.subject };
  if (error instanceof GitFailure) {
    return { code: error.code, subject: error.detail.split('\n')[0] ?? '', ...(error.limit !== undefined ? { limit: error.limit } : {}) };
  }
  return { code: 'unexpected', subject: error instanceof Error ? error.message : String(error) };
}

/** A sentence for a failed evidence computation or git call (the tree's problem row, notifications). */
export function evidenceProblemLabel(problem: EvidenceProblem): string {
  switch (problem.code) {
    case 'empty-repository':
      return vscode.l10n.t('The repository has no commits yet');
    case 'not-a-repository':
      return vscode.l10n.t('This folder is not in a git repository');
    case 'git-missing':
      return vscode.l10n.t('Git was not found: install it or put it on PATH');
    case 'bad-target':
      return vscode.l10n.t('The target branch {0} is not in this repository', problem.subject);
    case 'bad-deployed':
      return vscode.l10n.t("The client's version {0} is not in this repository", problem.subject);
    case 'bad-tag-pattern':
      return vscode.l10n.t('The release tag pattern {0} is not a valid regular expression', problem.subject);
    case 'bad-fix':
      return vscode.l10n.t('{0} is not a commit id', problem.subject);
    case 'bad-issue-ref':
      return vscode.l10n.t('{0} is not an issue id', problem.subject);
    case 'bad-ref':
      return vscode.l10n.t('Git does not know one of the commits or branches asked for');
    case 'bad-argument':
      return vscode.l10n.t('A value was refused before it reached git');
    case 'timeout':
      return problem.limit === undefined
        ? vscode.l10n.t('Git took too long and was stopped')
        : vscode.l10n.t('Git took more than {0} s and was stopped', problem.limit);
    case 'output-too-large':
      return vscode.l10n.t('Git printed more than {0} MiB and was stopped', problem.limit ?? '?');
    case 'incomplete-renames':
      return vscode.l10n.t('Git gave up looking for renamed files (too many files changed at once): the evidence would be incomplete');
    case 'failed':
      return vscode.l10n.t('Git failed: {0}', problem.subject);
    case 'unexpected':
      return vscode.l10n.t('Could not check the evidence: {0}', problem.subject);
  }
}

/** A sentence for a store error, for a notification. */
function storeErrorMessage(error: StoreError): string {
  switch (error.code) {
    case 'conflict':
      return vscode.l10n.t('{0} changed on disk since Proof of Fix read it. Nothing was written, so that change is kept: refresh and try again.', error.subject);
    case 'unparsable':
      return vscode.l10n.t('{0} has a problem Proof of Fix cannot repair for you. Nothing was written: fix the file first.', error.subject);
    case 'not-found':
      return vscode.l10n.t('{0} was not found.', error.subject);
    case 'exists':
      return vscode.l10n.t('{0} is already in use.', error.subject);
    case 'unknown-client':
      return vscode.l10n.t('There is no client named {0}.', error.subject);
    case 'invalid':
      return vscode.l10n.t('That change would make {0} invalid, so nothing was written.', error.subject);
  }
}

/** The setting a bad evidence value came from, so the message can name it. */
function settingOf(code: string): string | undefined {
  if (code === 'bad-target') return `${SETTINGS.section}.${SETTINGS.targetBranch}`;
  if (code === 'bad-tag-pattern') return `${SETTINGS.section}.${SETTINGS.releaseTagPattern}`;
  return undefined;
}

function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || isEvidenceCancelled(error);
}

/** What to tell the user about an error, and how loudly. */
export function describe(error: unknown): Described {
  if (isCancellation(error)) return { severity: 'none', message: '', expected: true };
  if (isUserError(error)) {
    return { severity: error.options.severity ?? 'warning', message: error.message, expected: true, ...(error.options.action ? { action: error.options.action } : {}) };
  }
  if (error instanceof StoreError) return { severity: 'warning', message: storeErrorMessage(error), expected: true };
  if (error instanceof GitFailure || error instanceof EvidenceFailure) {
    const problem = problemOf(error);
    const setting = settingOf(problem.code);
    if (setting !== undefined) {
      return {
        severity: 'warning',
        message: vscode.l10n.t('{0}. Check the setting {1}.', evidenceProblemLabel(problem), setting),
        action: { title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', arguments: [setting] },
        expected: true,
      };
    }
    // An empty repository or a folder outside git is a state of the workspace, not a crash.
    const state = problem.code === 'empty-repository' || problem.code === 'not-a-repository' || problem.code === 'git-missing';
    return { severity: state ? 'warning' : 'error', message: `${evidenceProblemLabel(problem)}.`, expected: state };
  }
  // Our own plain errors carry words already; anything else is a bug, shown with what it said.
  const detail = error instanceof Error ? error.message : String(error);
  return { severity: 'error', message: vscode.l10n.t('Proof of Fix: {0}', detail), expected: false };
}
