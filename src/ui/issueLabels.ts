// The words the UI shows for the store's codes and values. Core hands over codes; this is the one
// place they become sentences.
import * as vscode from 'vscode';
import { shortSha as coreShortSha } from '../core/sha';
import type { StoreProblem } from '../core/store/issueStore';
import type { FixLinkHow, IssueStatus } from '../core/store/model';

export function statusLabel(status: IssueStatus): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('Open');
    case 'fixed':
      return vscode.l10n.t('Fixed');
    case 'reopened':
      return vscode.l10n.t('Reopened');
    case 'wont-fix':
      return vscode.l10n.t("Won't fix");
    case 'closed':
      return vscode.l10n.t('Closed');
  }
}

export function statusDetail(status: IssueStatus): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('Reported, not fixed yet');
    case 'fixed':
      return vscode.l10n.t('A fix is done');
    case 'reopened':
      return vscode.l10n.t('The client reported it again after the fix');
    case 'wont-fix':
      return vscode.l10n.t('Deliberately not fixed');
    case 'closed':
      return vscode.l10n.t('Done with; hidden unless closed issues are shown');
  }
}

export function fixHowLabel(how: FixLinkHow): string {
  switch (how) {
    case 'manual':
      return vscode.l10n.t('linked by hand');
    case 'line':
      return vscode.l10n.t('last change of a line');
    case 'message':
      return vscode.l10n.t('named in the commit message');
  }
}

export function problemLabel(problem: StoreProblem): string {
  const at = vscode.l10n.t('line {0}, column {1}', problem.line, problem.column);
  switch (problem.code) {
    case 'syntax':
      return vscode.l10n.t('not valid JSON ({0})', at);
    case 'schema':
      return vscode.l10n.t('does not match the schema ({0})', at);
    case 'id-mismatch':
      return vscode.l10n.t('its id {0} does not match the file name', problem.detail);
    case 'newer-schema':
      return vscode.l10n.t('written by a newer Proof of Fix (format {0})', problem.detail);
    case 'unreadable':
      return vscode.l10n.t('cannot be read');
  }
}

// The one short length of core/sha.ts, so the tree, the CLI and the replies name a commit alike.
export function shortSha(sha: string): string {
  return coreShortSha(sha);
}

/** Today as YYYY-MM-DD in local time: the day the user would write on a note. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Built once: the tree asks for a relative day for every issue row it draws.
let relativeFormatter: Intl.RelativeTimeFormat | undefined;
function relativeFormat(): Intl.RelativeTimeFormat {
  relativeFormatter ??= new Intl.RelativeTimeFormat(vscode.env.language, { numeric: 'auto' });
  return relativeFormatter;
}

/** "today", "yesterday", "2 days ago", "3 months ago", in the display language. */
export function relativeDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const then = Date.UTC(y, m - 1, d);
  const [ty, tm, td] = today().split('-').map(Number) as [number, number, number];
  const days = Math.round((then - Date.UTC(ty, tm - 1, td)) / 86_400_000);
  const format = relativeFormat();
  const ago = -days;
  if (ago < 0) return date;
  if (ago < 14) return format.format(days, 'day');
  if (ago < 60) return format.format(-Math.round(ago / 7), 'week');
  if (ago < 730) return format.format(-Math.round(ago / 30.4), 'month');
  return format.format(-Math.round(ago / 365.25), 'year');
}

let dayFormatter: Intl.DateTimeFormat | undefined;

/** "1 Dec" / "1 dic": a day of this year or the last, day first as people write it in a note. */
export function shortDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  // en-GB for English: "1 Dec", not the US "Dec 1".
  dayFormatter ??= new Intl.DateTimeFormat(vscode.env.language.startsWith('es') ? 'es' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const thisYear = Number(today().slice(0, 4));
  const text = dayFormatter.format(new Date(Date.UTC(y, m - 1, d))).replace(/\.$/, '');
  return y === thisYear ? text : `${text} ${y}`;
}
