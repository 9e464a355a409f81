// The settings as the extension reads them: each one read in one place, with its default and its
// clean-up (trimmed strings, lists without blanks), for the folder it applies to.
import * as vscode from 'vscode';
import type { Language } from '../core/store/model';
import { LANGUAGES } from '../core/store/model';
import { EVIDENCE_SETTINGS_GROUP, SETTINGS } from './config';

const DEFAULT_LANGUAGE: Language = 'es';

function config(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS.section, scope);
}

export function issuesFolderSetting(scope: vscode.Uri): string {
  return config(scope).get<string>(SETTINGS.issuesFolder) ?? '';
}

export function showClosedSetting(): boolean {
  return config().get<boolean>(SETTINGS.showClosed, false);
}

export function recentCommitsSetting(scope: vscode.Uri): number {
  return config(scope).get<number>(SETTINGS.recentCommits, 200);
}

/** The language offered first for a new client, and given to one created without asking. */
export function defaultLanguageSetting(scope: vscode.Uri): Language {
  const value = config(scope).get<string>(SETTINGS.defaultLanguage, DEFAULT_LANGUAGE);
  return (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : DEFAULT_LANGUAGE;
}

export interface EvidenceSettings {
  targetBranch: string;
  releaseTagPattern: string;
  issueIdPatterns: string[];
  myIdentities: string[];
}

export function evidenceSettings(scope: vscode.Uri): EvidenceSettings {
  const c = config(scope);
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : []);
  return {
    targetBranch: (c.get<string>(SETTINGS.targetBranch) ?? '').trim(),
    releaseTagPattern: (c.get<string>(SETTINGS.releaseTagPattern) ?? '').trim(),
    issueIdPatterns: strings(c.get<unknown>(SETTINGS.issueIdPatterns)),
    myIdentities: strings(c.get<unknown>(SETTINGS.myIdentities)),
  };
}

/** Whether a configuration change touches a setting (optionally for one folder). */
export function affects(event: vscode.ConfigurationChangeEvent, key: string, scope?: vscode.Uri): boolean {
  return event.affectsConfiguration(`${SETTINGS.section}.${key}`, scope);
}

/** Whether a configuration change touches any setting the evidence depends on. */
export function affectsEvidence(event: vscode.ConfigurationChangeEvent, scope: vscode.Uri): boolean {
  return affects(event, EVIDENCE_SETTINGS_GROUP, scope);
}
