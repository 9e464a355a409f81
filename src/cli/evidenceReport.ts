// The short human-readable evidence report of `proof-of-fix evidence` without --json.
import type { CommitFacts, FixEvidence, IssueEvidence, Survival } from '../core/evidence/model';

const CAVEAT_WORDS: Record<string, string> = {
  'shallow-history': 'the history is shallow or incomplete: older commits are not visible',
  'uncommitted-changes': 'uncommitted changes to the fixed files',
  'fix-missing': 'linked fix commits that do not exist in this repository',
  'deployed-ref-unresolved': "the client's deployed ref does not resolve",
};

function short(sha: string): string {
  return sha.slice(0, 10);
}

function day(date: string): string {
  return date.slice(0, 10);
}

function commitLine(c: CommitFacts): string {
  return `${short(c.sha)} ${day(c.date)} ${c.authorName} <${c.authorEmail}>${c.byMe ? ' (me)' : ''} "${c.subject}"`;
}

function yesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

function survivalLines(label: string, s: Survival): string[] {
  const lines = [`  lines at ${label} (${s.ref}): ${s.added} added, ${s.intact} intact, ${s.modified} modified, ${s.removed} removed`];
  for (const f of s.files) {
    const where = f.pathAtRef !== null && f.pathAtRef !== f.path ? `${f.path} -> ${f.pathAtRef}` : f.path;
    lines.push(f.binary ? `    ${where}: binary` : `    ${where}: ${f.added} added, ${f.intact} intact, ${f.modified} modified, ${f.removed} removed`);
  }
  for (const c of s.changedBy) lines.push(`    changed by ${commitLine(c)} (${c.lines} line${c.lines === 1 ? '' : 's'})`);
  return lines;
}

function fixLines(f: FixEvidence, deployedKnown: boolean): string[] {
  if (!f.exists) return [`fix ${f.sha} [${f.linkedBy}]: not in this repository`];
  const lines = [`fix ${commitLine(f)} [${f.linkedBy}${f.isMerge ? ', merge' : ''}]`];
  let onTarget = yesNo(f.reachable);
  if (!f.reachable && f.equivalents.length > 0) onTarget = `as a copy: ${f.equivalents.map((e) => short(e.sha)).join(', ')}`;
  lines.push(`  on target: ${onTarget}${deployedKnown ? ` | in deployed: ${yesNo(f.inDeployed)}` : ''}`);
  if (f.equivalentsDeployed.length > 0) lines.push(`  copy in deployed: ${f.equivalentsDeployed.map((e) => short(e.sha)).join(', ')}`);
  if (f.tags.length > 0) {
    const first = f.firstTag === null ? '' : ` (first: ${f.firstTag.name}, ${day(f.firstTag.date)})`;
    lines.push(`  releases: ${f.tags.join(', ')}${first}`);
  } else lines.push('  releases: none');
  if (f.survival !== null) lines.push(...survivalLines('target', f.survival));
  if (f.survivalDeployed !== null) lines.push(...survivalLines('deployed', f.survivalDeployed));
  for (const r of f.reverts) lines.push(`  reverted (${r.how}) by ${commitLine(r)}`);
  for (const c of f.laterChanges) lines.push(`  later change: ${commitLine(c)}`);
  return lines;
}

export function formatEvidence(e: IssueEvidence): string {
  const lines = [`${e.issueId ?? 'fix'}: ${e.verdict}`, `target: ${e.target.ref} @ ${short(e.target.sha)}`];
  lines.push(e.deployed === null ? 'deployed: unknown' : `deployed: ${e.deployed.ref} @ ${short(e.deployed.sha)} (contains the fix: ${yesNo(e.deployed.containsFix)})`);
  if (e.fixes.length === 0) lines.push('no fix commit linked');
  for (const f of e.fixes) lines.push(...fixLines(f, e.deployed !== null));
  for (const m of e.mentions) lines.push(`mentioned in ${commitLine(m)}`);
  for (const c of e.caveats) lines.push(`caveat: ${CAVEAT_WORDS[c.code] ?? c.code}${c.subjects.length > 0 ? `: ${c.subjects.join(', ')}` : ''}`);
  return lines.join('\n') + '\n';
}
