// The verification appendix: for each statement a reply can make, the shas and refs it rests on and
// a git command anyone with the repository can run to check it. Templates word each kind of check;
// this module only decides which checks the evidence supports and spells their commands.
import type { FixEvidence, IssueEvidence, Survival } from '../evidence/model';
import { isMeasuredFile } from '../evidence/model';
import { undoneWhereClientRuns } from '../evidence/verdict';

export type AppendixKind =
  | 'target'
  | 'deployed-ref'
  | 'on-target'
  | 'off-target'
  | 'copy'
  | 'tag'
  | 'in-version'
  | 'not-in-version'
  | 'revert'
  | 'restore'
  | 'survival'
  | 'file-removed'
  | 'change';

/**
 * One check. `sha` is the commit the statement is about and `ref` the other side of it:
 * target/deployed-ref: ref resolves to sha; on-target/off-target/in-version/not-in-version: sha is
 * (not) contained in ref; copy: ref is a commit with sha's patch; tag: tag ref contains sha;
 * revert: sha reverts fix ref; restore: sha brought fix ref back after a revert; survival/file-removed: sha's lines in `path` at ref; change: sha
 * changed lines of fix ref.
 */
export interface AppendixCheck {
  kind: AppendixKind;
  sha: string;
  ref: string;
  path?: string;
  command: string;
}

export interface Appendix {
  checks: AppendixCheck[];
}

/** Quotes an argument for a POSIX shell when it holds anything beyond a plain ref or path. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9._/@:^~+=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function isAncestor(sha: string, ref: string): string {
  return `git merge-base --is-ancestor ${shellQuote(sha)} ${shellQuote(ref)} && echo yes || echo no`;
}

function survivalChecks(fix: FixEvidence, survival: Survival): AppendixCheck[] {
  const checks: AppendixCheck[] = [];
  for (const file of survival.files) {
    if (!isMeasuredFile(file)) continue;
    if (file.pathAtRef === null) {
      checks.push({
        kind: 'file-removed',
        sha: fix.sha,
        ref: survival.ref,
        path: file.path,
        command: `git ls-tree ${shellQuote(survival.sha)} -- ${shellQuote(file.path)}`,
      });
    } else if (file.added > 0) {
      checks.push({
        kind: 'survival',
        sha: survival.measuredFrom,
        ref: survival.ref,
        path: file.pathAtRef,
        command: `git blame -s ${shellQuote(survival.sha)} -- ${shellQuote(file.pathAtRef)}`,
      });
    }
  }
  for (const change of survival.changedBy) {
    const paths = change.paths.map(shellQuote).join(' ');
    checks.push({
      kind: 'change',
      sha: change.sha,
      ref: survival.measuredFrom,
      command: `git show ${shellQuote(change.sha)}${paths === '' ? '' : ` -- ${paths}`}`,
    });
  }
  return checks;
}

export function buildAppendix(evidence: IssueEvidence): Appendix {
  const checks: AppendixCheck[] = [];
  const target = evidence.target;
  checks.push({ kind: 'target', sha: target.sha, ref: target.ref, command: `git rev-parse ${shellQuote(target.ref)}` });
  const deployed = evidence.deployed;
  if (deployed !== null) {
    checks.push({ kind: 'deployed-ref', sha: deployed.sha, ref: deployed.ref, command: `git rev-parse ${shellQuote(deployed.ref)}` });
  }
  for (const fix of evidence.fixes) {
    if (!fix.exists) continue;
    const copy = fix.reachable ? undefined : fix.equivalents[0];
    if (fix.reachable) {
      checks.push({ kind: 'on-target', sha: fix.sha, ref: target.ref, command: isAncestor(fix.sha, target.ref) });
    } else {
      checks.push({ kind: 'off-target', sha: fix.sha, ref: target.ref, command: isAncestor(fix.sha, target.ref) });
      if (copy !== undefined) {
        checks.push({
          kind: 'copy',
          sha: fix.sha,
          ref: copy.sha,
          command: `git show ${shellQuote(fix.sha)} | git patch-id --stable; git show ${shellQuote(copy.sha)} | git patch-id --stable`,
        });
      }
    }
    if (fix.firstTag !== null) {
      checks.push({ kind: 'tag', sha: fix.sha, ref: fix.firstTag.name, command: `git tag --contains ${shellQuote(copy?.sha ?? fix.sha)}` });
    }
    if (deployed !== null && fix.inDeployed !== null) {
      // When only a copy of the fix reached the deployed ref, the copy is what is contained.
      const deployedCopy = fix.reachableDeployed === true ? undefined : fix.equivalentsDeployed[0];
      checks.push({
        kind: fix.inDeployed ? 'in-version' : 'not-in-version',
        sha: deployedCopy?.sha ?? fix.sha,
        ref: deployed.ref,
        command: isAncestor(deployedCopy?.sha ?? fix.sha, deployed.ref),
      });
    }
    for (const revert of fix.reverts) {
      checks.push({ kind: 'revert', sha: revert.sha, ref: revert.reverts, command: `git show --no-patch ${shellQuote(revert.sha)}` });
    }
    // Undone in the client's version, restored since: the revert there, the restore, and that the
    // client's version lacks the restore and which release has it.
    for (const revert of fix.revertsDeployed ?? []) {
      if (!fix.reverts.some((r) => r.sha === revert.sha)) checks.push({ kind: 'revert', sha: revert.sha, ref: revert.reverts, command: `git show --no-patch ${shellQuote(revert.sha)}` });
    }
    for (const restore of fix.restores ?? []) {
      checks.push({ kind: 'restore', sha: restore.sha, ref: fix.sha, command: `git show --stat ${shellQuote(restore.sha)}` });
      if (deployed !== null && undoneWhereClientRuns(fix)) checks.push({ kind: 'not-in-version', sha: restore.sha, ref: deployed.ref, command: isAncestor(restore.sha, deployed.ref) });
      if (restore.firstTag !== undefined && restore.firstTag !== null) checks.push({ kind: 'tag', sha: restore.sha, ref: restore.firstTag.name, command: `git tag --contains ${shellQuote(restore.sha)}` });
    }
    const survival = fix.survivalDeployed ?? fix.survival;
    if (survival !== null) checks.push(...survivalChecks(fix, survival));
  }
  return { checks };
}
