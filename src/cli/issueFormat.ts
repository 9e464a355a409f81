// The human-readable forms of `issue show` and `issue list` (without --json). Field names are in the
// user's language; statuses, ids, shas and the client's words stay as they are in the file.
import * as l10n from '@vscode/l10n';
import type { Issue } from '../core/store/model';

export function formatIssueLine(issue: Issue): string {
  return `${issue.id}\t${issue.status}\t${issue.client}\t${issue.title}\n`;
}

export function formatIssue(issue: Issue): string {
  const lines = [`${issue.id}: ${issue.title}`, `${l10n.t('client')}: ${issue.client}`, `${l10n.t('status')}: ${issue.status}`, `${l10n.t('created')}: ${issue.created}`];
  if (issue.words) lines.push(`${l10n.t('words')}: ${issue.words}`);
  for (const r of issue.reports) {
    const where = [r.channel, r.version].filter((x) => x !== undefined && x !== '').join(', ');
    lines.push(`${l10n.t('report')} ${r.date}${where ? ` (${where})` : ''}: ${r.words}`);
  }
  for (const f of issue.fixes) lines.push(`${l10n.t('fix')} ${f.sha} [${f.how}]${f.note ? `: ${f.note}` : ''}`);
  for (const r of issue.replies) lines.push(`${l10n.t('reply sent')} ${r.date.slice(0, 10)} (${r.verdict}, ${r.language})`);
  return lines.join('\n') + '\n';
}
