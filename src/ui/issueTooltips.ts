// The hovers of the Client Issues tree, built lazily (resolveTreeItem) when the pointer rests on a
// row: the full detail the row leaves out. A linked fix without evidence yet asks git for its subject.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FixEvidence } from '../core/evidence/model';
import { isMeasuredFile } from '../core/evidence/model';
import type { FixLink } from '../core/store/model';
import { replyState } from '../core/inbox';
import { CommandIds } from './commandIds';
import { caveatLabel, changeDescription, verdictDetail, verdictLabel, verdictLook } from './evidenceLabels';
import type { EvidenceService } from './evidenceService';
import { fixHowLabel, problemLabel, shortSha, statusLabel } from './issueLabels';
import type { FixEvidenceRef, IssueTreeNode } from './issueNodes';
import { oneLine } from './issueTreeItems';
import { log } from './log';

/** The hover of a node, built only when the pointer rests on it (a linked fix without evidence asks git). */
export async function buildTooltip(element: IssueTreeNode, token: vscode.CancellationToken, evidence?: EvidenceService): Promise<vscode.MarkdownString | undefined> {
  const md = new vscode.MarkdownString('', true);
  md.supportThemeIcons = true;
  // Only our own commands run from a hover's links.
  md.isTrusted = { enabledCommands: [CommandIds.openCommitDiff, CommandIds.openCommitOnRemote, CommandIds.copyId, CommandIds.draftReply, CommandIds.openIssueFile] };
  switch (element.kind) {
    case 'issue': {
      const { issue } = element;
      const folderEvidence = evidence?.forFolder(element.folder);
      // The verdict and the fixes' count, which verdict-level evidence has too.
      const computed = folderEvidence?.state(issue.id).evidence;
      const reply = folderEvidence?.replyState(issue) ?? replyState(issue, undefined);
      const verdict = computed === undefined ? '' : ` · $(${verdictLook(computed.verdict).icon}) ${escape(verdictLabel(computed.verdict))}`;
      md.appendMarkdown(`**${escape(issue.id)}** · ${escape(statusLabel(issue.status))}${verdict}\n\n`);
      md.appendMarkdown(`### ${escape(issue.title)}\n\n`);
      if (issue.words) md.appendMarkdown(`> ${escape(oneLine(issue.words, 400))}\n\n`);
      md.appendMarkdown(`${escape(vscode.l10n.t('Client: {0}', issue.client))}  \n`);
      md.appendMarkdown(`${escape(vscode.l10n.t('Opened: {0}', issue.created))}  \n`);
      if (reply.needsReply) md.appendMarkdown(`$(mail) **${escape(vscode.l10n.t('Needs a reply: the client reported it on {0}', reply.reportedOn))}**  \n`);
      else if (reply.repliedOn !== null) md.appendMarkdown(`$(check) ${escape(vscode.l10n.t('Replied on {0}', reply.repliedOn))}  \n`);
      // The tree lists linked fixes and those found from commit messages: the count agrees with it.
      const fixes = computed?.fixes.length ?? issue.fixes.length;
      md.appendMarkdown(`${escape(vscode.l10n.t('Reports: {0} · Fix commits: {1} · Replies sent: {2}', issue.reports.length, fixes, issue.replies.length))}\n\n`);
      if (issue.notes) md.appendMarkdown(`${escape(oneLine(issue.notes, 400))}\n\n`);
      md.appendMarkdown('$(file) ');
      md.appendText(path.relative(element.folder.folder.uri.fsPath, element.folder.store.issueFile(issue.id)));
      const target = { issue: issue.id, folder: element.folder.folder.uri.toString() };
      actions(md, [
        [`$(comment-discussion) ${vscode.l10n.t('Draft Reply')}`, CommandIds.draftReply, target],
        [`$(copy) ${vscode.l10n.t('Copy Id')}`, CommandIds.copyId, { text: issue.id }],
        [`$(go-to-file) ${vscode.l10n.t('Open Issue File')}`, CommandIds.openIssueFile, target],
      ]);
      return md;
    }
    case 'report': {
      const { report } = element;
      md.appendMarkdown(`**${escape(report.date)}**${report.channel ? ` · ${escape(report.channel)}` : ''}\n\n`);
      if (report.words) md.appendMarkdown(`> ${escape(report.words)}\n\n`);
      if (report.version) md.appendMarkdown(escape(vscode.l10n.t('Version the client runs: {0}', report.version)));
      return md;
    }
    case 'verdict': {
      const { evidence } = element;
      md.appendMarkdown(`**${escape(verdictLabel(evidence.verdict))}**\n\n${escape(verdictDetail(evidence.verdict))}\n\n`);
      md.appendMarkdown(`${escape(vscode.l10n.t('Target: {0} ({1})', evidence.target.ref, shortSha(evidence.target.sha)))}  \n`);
      md.appendMarkdown(
        escape(evidence.deployed ? vscode.l10n.t('The client runs: {0} ({1})', evidence.deployed.ref, shortSha(evidence.deployed.sha)) : vscode.l10n.t('Deployed version unknown')) + '  \n',
      );
      md.appendMarkdown(escape(vscode.l10n.t('Checked: {0}', evidence.computedAt.slice(0, 16).replace('T', ' '))));
      return md;
    }
    case 'commit': {
      if (element.role === 'fix') return commitActions(fixTooltip(md, { fix: element.commit as FixEvidence, issue: element.evidence }, undefined), element, evidence);
      const { commit } = element;
      md.appendMarkdown(`**${escape(commit.subject)}**\n\n`);
      md.appendMarkdown(`$(git-commit) ${escape(commit.sha)}  \n`);
      md.appendMarkdown(`${escape(commit.authorName)} <${escape(commit.authorEmail)}>${commit.byMe ? ` · ${escape(vscode.l10n.t('you'))}` : ''} · ${escape(commit.date.slice(0, 10))}\n\n`);
      if (element.change) md.appendMarkdown(escape(changeDescription(element.change)));
      return commitActions(md, element, evidence);
    }
    case 'caveat': {
      md.appendMarkdown(`$(warning) ${escape(caveatLabel(element.caveat))}\n\n`);
      for (const s of element.caveat.subjects) md.appendMarkdown(`- ${escape(s)}\n`);
      return md;
    }
    case 'evidenceStatus': {
      md.appendMarkdown(
        escape(
          element.status === 'restricted'
            ? vscode.l10n.t("Proof of Fix runs no git in Restricted Mode, because a repository's configuration can execute code. Trust this workspace to see the evidence.")
            : vscode.l10n.t('The log has the git commands that ran and what failed.'),
        ),
      );
      return md;
    }
    case 'fix': {
      if (element.evidence !== undefined) return commitActions(fixTooltip(md, element.evidence, element.fix), element, evidence);
      const { fix } = element;
      md.appendMarkdown(`$(git-commit) ${escape(fix.sha)} · ${escape(fixHowLabel(fix.how))}\n\n`);
      if (fix.note) md.appendMarkdown(`${escape(fix.note)}\n\n`);
      const git = element.folder.gitPort();
      if (git) {
        try {
          const [commit] = await git.commits([fix.sha]);
          if (token.isCancellationRequested) return md;
          if (commit) md.appendMarkdown(`**${escape(commit.subject)}**  \n${escape(commit.authorName)} · ${escape(commit.date.slice(0, 10))}`);
          else md.appendMarkdown(escape(vscode.l10n.t('This commit is not in the repository.')));
        } catch (error) {
          // The tooltip is a convenience: say git could not answer, and log why.
          log().warn(`Reading commit ${fix.sha} for a tooltip failed:`, error instanceof Error ? error.message : String(error));
          md.appendMarkdown(escape(vscode.l10n.t('Git could not read this commit.')));
        }
      }
      return commitActions(md, element, evidence);
    }
    case 'client': {
      const c = element.client;
      md.appendMarkdown(`**${escape(element.name)}**\n\n`);
      if (!c) {
        md.appendMarkdown(escape(vscode.l10n.t('Not in clients.json yet: use Edit Client to add it.')));
        return md;
      }
      md.appendMarkdown(`${escape(vscode.l10n.t('Id prefix: {0}', c.prefix))}  \n`);
      md.appendMarkdown(`${escape(vscode.l10n.t('Language: {0}', c.language === 'es' ? (c.register === 'tu' ? 'español (tú)' : 'español (usted)') : 'English'))}  \n`);
      if (c.contactName) md.appendMarkdown(`${escape(vscode.l10n.t('Contact: {0}', c.contactName))}  \n`);
      md.appendMarkdown(escape(c.deployedRef ? vscode.l10n.t('Runs: {0}', c.deployedRef) : vscode.l10n.t('Deployed version unknown')));
      return md;
    }
    case 'problem': {
      const { problem } = element;
      md.appendMarkdown(`$(error) **${escape(path.basename(problem.file))}**: ${escape(problemLabel(problem))}\n\n`);
      md.appendCodeblock(problem.detail, 'text');
      md.appendMarkdown(escape(vscode.l10n.t('Proof of Fix does not change this file until it is repaired.')));
      return md;
    }
    case 'folder':
      return undefined;
  }
}

function fixTooltip(md: vscode.MarkdownString, ref: FixEvidenceRef, link: FixLink | undefined): vscode.MarkdownString {
  const { fix, issue } = ref;
  if (!fix.exists) {
    md.appendMarkdown(`$(git-commit) ${escape(fix.sha)}\n\n${escape(vscode.l10n.t('This commit is not in the repository.'))}`);
    return md;
  }
  md.appendMarkdown(`**${escape(fix.subject)}**\n\n`);
  md.appendMarkdown(`$(git-commit) ${escape(fix.sha)}  \n`);
  md.appendMarkdown(`${escape(fix.authorName)}${fix.byMe ? ` · ${escape(vscode.l10n.t('you'))}` : ''} · ${escape(fix.date.slice(0, 10))}\n\n`);
  if (link?.note) md.appendMarkdown(`${escape(link.note)}\n\n`);
  const verdict = issue.fixVerdicts[fix.sha];
  if (verdict !== undefined) md.appendMarkdown(`${escape(verdictLabel(verdict))}\n\n`);
  md.appendMarkdown(`${escape(fix.tags.length > 0 ? vscode.l10n.t('Releases: {0}', fix.tags.join(', ')) : vscode.l10n.t('In no release yet'))}  \n`);
  for (const f of fix.survival?.files ?? []) {
    if (!isMeasuredFile(f)) continue;
    md.appendMarkdown(`${escape(vscode.l10n.t('{0}: {1} of {2} lines intact', f.pathAtRef ?? f.path, f.intact, f.added))}  \n`);
  }
  return md;
}

type Action = [title: string, command: string, arg: unknown];

/** A line of command links under a hover, as GitLens' hovers carry them. */
function actions(md: vscode.MarkdownString, list: Action[]): void {
  const links = list.map(([title, command, arg]) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([arg]))})`);
  md.appendMarkdown(`\n\n---\n\n${links.join('&nbsp;&nbsp;·&nbsp;&nbsp;')}`);
}

/** Open Changes, Copy Id and (when the remote is a forge) Open on Remote, for a commit's hover. */
function commitActions(md: vscode.MarkdownString, element: IssueTreeNode, evidence: EvidenceService | undefined): vscode.MarkdownString {
  const sha = element.kind === 'commit' ? element.commit.sha : element.kind === 'fix' ? (element.evidence?.fix.sha ?? element.fix.sha) : undefined;
  if (sha === undefined || (element.kind === 'fix' && element.evidence !== undefined && !element.evidence.fix.exists)) return md;
  const target = { sha, folder: element.folder.folder.uri.toString() };
  const list: Action[] = [
    [`$(diff) ${vscode.l10n.t('Open Changes')}`, CommandIds.openCommitDiff, target],
    [`$(copy) ${vscode.l10n.t('Copy Id')}`, CommandIds.copyId, { text: sha }],
  ];
  if (evidence?.forFolder(element.folder).forge) list.push([`$(globe) ${vscode.l10n.t('Open on Remote')}`, CommandIds.openCommitOnRemote, target]);
  actions(md, list);
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
