// The client commands: Set Client's Deployed Version and Edit Client. Each takes a tree item, an
// arguments object (tests and other commands), or nothing (the palette, which then asks).
import * as vscode from 'vscode';
import { updateClient } from '../core/store/issueOperations';
import type { Client } from '../core/store/model';
import { AUDIENCES, DEFAULT_AUDIENCE, LANGUAGES, REGISTERS } from '../core/store/model';
import { CommandIds } from './commandIds';
import { registerCommand } from './commands';
import type { FolderArg } from './commandSupport';
import { badArgument, clientDefaults, clientNamed, isArgs, requireTrust, writeTo } from './commandSupport';
import { audienceLabel, inputEmail, inputSignature, pickAudience, pickRegister } from './clientPrompts';
import { inputPrefix, inputText, pickDeployedRef, pickFolder, pickLanguage } from './issuePickers';
import { ClientNode, IssueNode } from './issueNodes';
import type { FolderIssues, IssueWorkspace } from './issueWorkspace';

export interface ClientArgs {
  folder?: FolderArg;
  client: string;
}

export interface SetDeployedRefArgs extends ClientArgs {
  /** A branch, tag or commit; '' clears it. */
  ref: string;
}

/** Any client field but the name (the key, which Edit Client does not change). */
export type EditClientArgs = ClientArgs & Partial<Omit<Client, 'name'>>;

export function registerClientCommands(issues: IssueWorkspace): vscode.Disposable[] {
  const resolveClient = async (arg: unknown, placeHolder: string): Promise<{ folder: FolderIssues; name: string } | undefined> => {
    if (arg instanceof ClientNode) return { folder: arg.folder, name: arg.name };
    if (arg instanceof IssueNode) return { folder: arg.folder, name: arg.issue.client };
    if (isArgs<ClientArgs>(arg, 'client')) {
      const folder = issues.folderNamed(arg.folder);
      if (!folder.store.client(arg.client) && !folder.store.issues().some((i) => i.client === arg.client)) {
        throw badArgument(vscode.l10n.t('There is no client named {0}.', arg.client));
      }
      return { folder, name: arg.client };
    }
    const folder = await pickFolder(issues);
    if (!folder) return undefined;
    const names = [...new Set([...folder.store.clients().map((c) => c.name), ...folder.store.issues().map((i) => i.client)])].sort();
    if (names.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no clients yet: create a client issue first.'));
      return undefined;
    }
    const name = await vscode.window.showQuickPick(names, { placeHolder });
    return name ? { folder, name } : undefined;
  };

  const saveClientChange = (folder: FolderIssues, name: string, change: (draft: Client) => void): Promise<Client> =>
    writeTo(folder, () => updateClient(folder.store, name, change, clientDefaults(folder)));

  const setDeployedRef = async (arg?: unknown): Promise<Client | undefined> => {
    requireTrust();
    const target = await resolveClient(arg, vscode.l10n.t("Whose deployed version?"));
    if (!target) return undefined;
    const { folder, name } = target;
    const ref = isArgs<SetDeployedRefArgs>(arg, 'ref') ? arg.ref : await pickDeployedRef(folder.gitPort(), folder, folder.store.client(name)?.deployedRef);
    if (ref === undefined) return undefined;
    return saveClientChange(folder, name, (draft) => void (draft.deployedRef = ref.trim()));
  };

  const editClient = async (arg?: unknown): Promise<Client | undefined> => {
    requireTrust();
    const target = await resolveClient(arg, vscode.l10n.t('Edit which client?'));
    if (!target) return undefined;
    const { folder, name } = target;
    if (isArgs<EditClientArgs>(arg, 'client')) {
      if (arg.language !== undefined && !LANGUAGES.includes(arg.language)) throw badArgument(vscode.l10n.t('{0} is not a language Proof of Fix writes (es, en).', String(arg.language)));
      if (arg.register !== undefined && !REGISTERS.includes(arg.register)) throw badArgument(vscode.l10n.t('{0} is not a Spanish register (usted, tu).', String(arg.register)));
      if (arg.audience !== undefined && !AUDIENCES.includes(arg.audience)) throw badArgument(vscode.l10n.t('{0} is not an audience (plain, technical).', String(arg.audience)));
      return saveClientChange(folder, name, (draft) => {
        for (const key of ['prefix', 'language', 'register', 'contactName', 'email', 'greeting', 'audience', 'deployedRef', 'signature'] as const) {
          if (arg[key] !== undefined) (draft as unknown as Record<string, unknown>)[key] = arg[key];
        }
      });
    }
    // One field at a time, back to the list after each, until the user closes it.
    let client = await clientNamed(folder, name);
    for (;;) {
      const none = vscode.l10n.t('(not set)');
      type Field = 'language' | 'register' | 'audience' | 'contactName' | 'email' | 'greeting' | 'signature' | 'prefix' | 'deployedRef';
      const fields: (vscode.QuickPickItem & { field: Field })[] = [
        { label: vscode.l10n.t('Language'), description: client.language, field: 'language' },
        ...(client.language === 'es'
          ? [{ label: vscode.l10n.t('Spanish register'), description: client.register === 'tu' ? 'tú' : 'usted', field: 'register' as const }]
          : []),
        { label: vscode.l10n.t('Audience'), description: audienceLabel(client.audience ?? DEFAULT_AUDIENCE), field: 'audience' },
        { label: vscode.l10n.t('Contact name'), description: client.contactName ?? none, field: 'contactName' },
        { label: vscode.l10n.t('Email'), description: client.email ?? none, field: 'email' },
        { label: vscode.l10n.t('Greeting'), description: client.greeting ?? none, field: 'greeting' },
        { label: vscode.l10n.t('Signature'), description: client.signature?.replace(/\n/g, ' / ') ?? none, field: 'signature' },
        { label: vscode.l10n.t('Issue id prefix'), description: client.prefix, field: 'prefix' },
        { label: vscode.l10n.t('Deployed version'), description: client.deployedRef ?? none, field: 'deployedRef' },
      ];
      const picked = await vscode.window.showQuickPick(fields, { title: vscode.l10n.t('Edit Client: {0}', client.name), placeHolder: vscode.l10n.t('Pick a field to change; Escape when done') });
      if (!picked) return client;
      const title = vscode.l10n.t('Edit Client: {0}', client.name);
      let change: ((draft: Client) => void) | undefined;
      switch (picked.field) {
        case 'language': {
          const language = await pickLanguage(folder);
          if (language) change = (d) => void (d.language = language);
          break;
        }
        case 'register': {
          const register = await pickRegister(client.register, title);
          if (register) change = (d) => void (d.register = register);
          break;
        }
        case 'signature': {
          const signature = await inputSignature(title, client.signature);
          if (signature !== undefined) change = (d) => void (d.signature = signature);
          break;
        }
        case 'audience': {
          const audience = await pickAudience(client.audience, title);
          if (audience) change = (d) => void (d.audience = audience);
          break;
        }
        case 'email': {
          const email = await inputEmail(title, client.email);
          if (email !== undefined) change = (d) => void (d.email = email);
          break;
        }
        case 'greeting':
        case 'contactName': {
          const field = picked.field;
          const value = await inputText(title, picked.label, { value: client[field] });
          if (value !== undefined) change = (d) => void (d[field] = value);
          break;
        }
        case 'prefix': {
          const prefix = await inputPrefix(client.prefix, folder.store.clients().filter((c) => c.name !== client.name).map((c) => c.prefix));
          if (prefix) change = (d) => void (d.prefix = prefix);
          break;
        }
        case 'deployedRef': {
          const ref = await pickDeployedRef(folder.gitPort(), folder, client.deployedRef);
          if (ref !== undefined) change = (d) => void (d.deployedRef = ref);
          break;
        }
      }
      if (change) client = await saveClientChange(folder, client.name, change);
    }
  };

  return [registerCommand(CommandIds.setDeployedRef, setDeployedRef), registerCommand(CommandIds.editClient, editClient)];
}
