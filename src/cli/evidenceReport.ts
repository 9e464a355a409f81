// The short human-readable evidence report of `proof-of-fix evidence` without --json. Headings are
// in the user's language; verdicts, link kinds and git data stay as they are, since scripts and
// the --json output use the same words.
import * as l10n from '@vscode/l10n';
import type { CommitFacts, FixEvidence, IssueEvidence, RestoreFact, Survival } from '../core/evidence/model';
import { shortSha } from '../core/sha';

function caveatWords(code: string): string {
  switch (code) {
    case 'shallow-history':
      return l10n.t('the history is shallow or incomplete: older commits are not visible');
    case 'uncommitted-changes':
      return l10n.t('uncommitted changes to the fixed files');
    case 'fix-missing':
      return l10n.t('linked fix commits that do not exist in this repository: fetch them (git fetch --all, or git fetch --unshallow), or correct the link');
    case 'deployed-ref-unresolved':
      return l10n.t("the client's deployed ref does not resolve");
    case 'survival-incomplete':
      return l10n.t('git could not tell where these files went (a move past its rename limit), so their lines were not measured');
    case 'tags-not-releases':
      return l10n.t('tags hold the fix but none reads as a release (see --tag-pattern), so whether it was released is not known');
    default:
      return code;
  }
}

function short(sha: string): string {
  return shortSha(sha);
}

/**
 * The day of a git date in this machine's time zone, as the reply writes dates. Each commit carries
 * its author's zone: cut from the text, a revert made an hour after its fix could read a day before it.
 */
export function localDay(date: string): string {
  const time = Date.parse(date);
  // A bare day is a day already (Date would read it as UTC midnight).
  if (Number.isNaN(time) || /^\d{4}-\d{2}-\d{2}$/.test(date)) return date.slice(0, 10);
  const d = new Date(time);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

const day = localDay;

function commitLine(c: CommitFacts): string {
  return `${short(c.sha)} ${day(c.date)} ${c.authorName} <${c.authorEmail}>${c.byMe ? ` (${l10n.t('me')})` : ''} "${c.subject}"`;
}

function yesNo(value: boolean | null): string {
  return value === null ? l10n.t('unknown') : value ? l10n.t('yes') : l10n.t('no');
}

function counts(c: { added: number; intact: number; modified: number; removed: number }): string {
  return l10n.t('{0} added, {1} intact, {2} modified, {3} removed', c.added, c.intact, c.modified, c.removed);
}

function survivalLines(where: 'target' | 'deployed', s: Survival, restores: readonly RestoreFact[] = []): string[] {
  const heading = where === 'target' ? l10n.t('lines at target ({0})', s.ref) : l10n.t('lines at deployed ({0})', s.ref);
  // Restored, the fix's lines are measured as the restore put them back.
  const from = restores.some((r) => r.sha === s.measuredFrom) ? ` (${l10n.t('as restored by {0}', short(s.measuredFrom))})` : '';
  const lines = [`  ${heading}${from}: ${counts(s)}`];
  for (const f of s.files) {
    const path = f.pathAtRef !== null && f.pathAtRef !== f.path ? `${f.path} -> ${f.pathAtRef}` : f.path;
    lines.push(`    ${path}: ${f.binary ? l10n.t('binary') : f.releaseNote === true ? l10n.t('release notes, not measured') : f.test === true ? l10n.t('tests, not measured') : counts(f)}`);
  }
  for (const c of s.changedBy) {
    const changed = c.lines === 1 ? l10n.t('1 line') : l10n.t('{0} lines', c.lines);
    lines.push(`    ${l10n.t('changed by {0}', commitLine(c))} (${changed})`);
  }
  return lines;
}

/** Each revert a later commit undid, with that commit and the first release holding it. */
function restoreLines(where: 'target' | 'deployed', restores: readonly RestoreFact[]): string[] {
  return restores.map((r) => {
    const first = r.firstTag === undefined || r.firstTag === null ? '' : ` (${l10n.t('first: {0}, {1}', r.firstTag.name, day(r.firstTag.date))})`;
    const said = where === 'target' ? l10n.t('revert {0} undone ({1}) by {2}', short(r.revert.sha), r.how, commitLine(r)) : l10n.t('in deployed, revert {0} undone ({1}) by {2}', short(r.revert.sha), r.how, commitLine(r));
    return `  ${said}${first}`;
  });
}

function fixLines(f: FixEvidence, deployedKnown: boolean): string[] {
  if (!f.exists) return [`${l10n.t('fix')} ${f.sha} [${f.linkedBy}]: ${l10n.t('not in this repository')}`];
  const lines = [`${l10n.t('fix')} ${commitLine(f)} [${f.linkedBy}${f.isMerge ? `, ${l10n.t('merge')}` : ''}]`];
  let onTarget = yesNo(f.reachable);
  if (!f.reachable && f.equivalents.length > 0) onTarget = l10n.t('as a copy: {0}', f.equivalents.map((e) => short(e.sha)).join(', '));
  const counterpartOf = f.counterpartOf ?? [];
  if (counterpartOf.length > 0) onTarget = l10n.t('no, the same fix made on another release line as {0}', counterpartOf.map(short).join(', '));
  lines.push(`  ${l10n.t('on target')}: ${onTarget}${deployedKnown ? ` | ${l10n.t('in deployed')}: ${yesNo(f.inDeployed)}` : ''}`);
  if (f.equivalentsDeployed.length > 0) lines.push(`  ${l10n.t('copy in deployed')}: ${f.equivalentsDeployed.map((e) => short(e.sha)).join(', ')}`);
  if (f.tags.length > 0) {
    const first = f.firstTag === null ? '' : ` (${l10n.t('first: {0}, {1}', f.firstTag.name, day(f.firstTag.date))})`;
    lines.push(`  ${l10n.t('releases')}: ${f.tags.join(', ')}${first}`);
  } else lines.push(`  ${l10n.t('releases')}: ${l10n.t('none')}`);
  const restores = [...(f.restores ?? []), ...(f.restoresDeployed ?? [])];
  if (f.survival !== null) lines.push(...survivalLines('target', f.survival, restores));
  if (f.survivalDeployed !== null) lines.push(...survivalLines('deployed', f.survivalDeployed, restores));
  for (const r of f.reverts) {
    const how = r.viaMerge === undefined ? r.how : l10n.t('{0}, of the merge {1}', r.how, short(r.viaMerge));
    lines.push(`  ${l10n.t('reverted ({0}) by {1}', how, commitLine(r))}`);
  }
  lines.push(...restoreLines('target', f.restores ?? []));
  if (f.revertsDeployed !== undefined) {
    for (const r of f.revertsDeployed) lines.push(`  ${l10n.t('in deployed, reverted ({0}) by {1}', r.how, commitLine(r))}`);
    lines.push(...restoreLines('deployed', f.restoresDeployed ?? []));
  }
  for (const c of f.laterChanges) lines.push(`  ${l10n.t('later change')}: ${commitLine(c)}`);
  return lines;
}

export function formatEvidence(e: IssueEvidence): string {
  const lines = [`${e.issueId ?? l10n.t('fix')}: ${e.verdict}`, `${l10n.t('target')}: ${e.target.ref} @ ${short(e.target.sha)}`];
  lines.push(
    e.deployed === null
      ? `${l10n.t('deployed')}: ${l10n.t('unknown')}`
      : `${l10n.t('deployed')}: ${e.deployed.ref} @ ${short(e.deployed.sha)} (${l10n.t('contains the fix')}: ${yesNo(e.deployed.containsFix)}${
          e.deployed.update === undefined ? '' : `; ${l10n.t('first update with it')}: ${e.deployed.update?.name ?? l10n.t('none')}`
        })`,
  );
  if (e.fixes.length === 0) lines.push(l10n.t('no fix commit linked'));
  for (const f of e.fixes) lines.push(...fixLines(f, e.deployed !== null));
  for (const m of e.mentions) lines.push(l10n.t('mentioned in {0}', commitLine(m)));
  for (const c of e.caveats) lines.push(`${l10n.t('caveat')}: ${caveatWords(c.code)}${c.subjects.length > 0 ? `: ${c.subjects.join(', ')}` : ''}`);
  return lines.join('\n') + '\n';
}
