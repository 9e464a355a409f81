// The questions about a client, shared by New Client (inside New Client Issue) and Edit Client: what
// a reply needs to address them (language, usted or tú, contact, signature). Each returns undefined
// when the person closes it; an optional answer left empty returns ''.
import * as vscode from 'vscode';
import { newClientRecord, suggestClientPrefix } from '../core/store/issueOperations';
import type { Client, Register } from '../core/store/model';
import { inputPrefix, inputText, pickLanguage } from './issuePickers';
import type { FolderIssues } from './issueWorkspace';
import { defaultLanguageSetting } from './settings';

/** "New client · Step 2 of 6". */
function stepTitle(title: string, step: number, total: number): string {
  return vscode.l10n.t('{0} · Step {1} of {2}', title, step, total);
}

/** usted or tú; "formal" and "informal" find them too. */
export async function pickRegister(current: Register | undefined, title?: string): Promise<Register | undefined> {
  const items = [
    { label: 'usted', description: vscode.l10n.t('formal'), detail: '«Le escribo para contarle…»', register: 'usted' as const },
    { label: 'tú', description: vscode.l10n.t('informal'), detail: '«Te escribo para contarte…»', register: 'tu' as const },
  ].map((item) => ({ ...item, picked: item.register === current }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('How Spanish replies address the client (type formal or informal)'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.register;
}

/**
 * A signature of several lines, one line per answer: an empty answer ends it. The current lines are
 * offered one by one, so editing keeps what is not changed.
 */
export async function inputSignature(title: string, current: string | undefined): Promise<string | undefined> {
  const before = current === undefined || current === '' ? [] : current.split('\n');
  const lines: string[] = [];
  for (let n = 1; n <= 8; n++) {
    const line = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Signature, line {0} (leave empty to finish)', n),
      value: before[n - 1] ?? '',
      placeHolder: n === 1 ? vscode.l10n.t('e.g. Laura Pérez') : n === 2 ? vscode.l10n.t('e.g. Web development · 600 000 000') : undefined,
      ignoreFocusOut: true,
    });
    if (line === undefined) return undefined;
    if (line.trim() === '') break;
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}

/** New Client: name, prefix, language, (for Spanish) usted or tú, contact name, signature; saved to clients.json. */
async function createClient(folder: FolderIssues): Promise<Client | undefined> {
  const taken = folder.store.clients();
  const title = vscode.l10n.t('New client');
  const total = 6;
  const name = (
    await vscode.window.showInputBox({
      title: stepTitle(title, 1, total),
      prompt: vscode.l10n.t("The client's name"),
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim() === '' ? vscode.l10n.t('Enter a name.') : taken.some((c) => c.name === v.trim()) ? vscode.l10n.t('That client exists already.') : undefined,
    })
  )?.trim();
  if (!name) return undefined;
  const prefix = await inputPrefix(suggestClientPrefix(name, taken.map((c) => c.prefix)), taken.map((c) => c.prefix), stepTitle(title, 2, total));
  if (!prefix) return undefined;
  const language = await pickLanguage(folder, stepTitle(title, 3, total));
  if (!language) return undefined;
  const fields: Partial<Client> = { prefix, language };
  if (language === 'es') {
    const register = await pickRegister('usted', stepTitle(title, 4, total));
    if (!register) return undefined;
    fields.register = register;
  }
  const contactName = await inputText(stepTitle(title, 5, total), vscode.l10n.t('The name of the person you write to (optional)'), { placeHolder: vscode.l10n.t('e.g. Carmen Ruiz') });
  if (contactName === undefined) return undefined;
  if (contactName) fields.contactName = contactName;
  const signature = await inputSignature(stepTitle(title, 6, total), undefined);
  if (signature === undefined) return undefined;
  if (signature) fields.signature = signature;
  return folder.store.saveClient(newClientRecord(folder.store, name, fields, { defaultLanguage: defaultLanguageSetting(folder.folder.uri) }), { create: true });
}

const NEW_CLIENT = Symbol('new client');

/** An existing client of the folder, or a new one the user describes (saved to clients.json). */
export async function pickOrCreateClient(folder: FolderIssues): Promise<Client | undefined> {
  const clients = folder.store.clients();
  if (clients.length > 0) {
    const items: (vscode.QuickPickItem & { client: Client | typeof NEW_CLIENT })[] = [
      ...clients.map((client) => ({ label: client.name, description: client.prefix, detail: client.deployedRef ? vscode.l10n.t('runs {0}', client.deployedRef) : undefined, client })),
      { label: `$(add) ${vscode.l10n.t('New client…')}`, client: NEW_CLIENT },
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which client reported it?'), ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.client !== NEW_CLIENT) return picked.client;
  }
  return createClient(folder);
}
