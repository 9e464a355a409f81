// `proof-of-fix client add`: registers a client in .proof-of-fix/clients.json through the store and
// the rules the extension uses (a new client's defaults, a unique name and prefix, the schema).
import * as l10n from '@vscode/l10n';
import { isValidPrefix } from '../core/store/ids';
import { newClientRecord } from '../core/store/issueOperations';
import type { Language, Register } from '../core/store/model';
import { LANGUAGES, REGISTERS } from '../core/store/model';
import { flagOption, parseArgs, stringOption } from './args';
import { ExitCode } from './exitCodes';
import type { CliIo } from './main';
import { openStore, refuseBrokenClients, runStoreAction, StoreCommandRefusal, workspaceFolder } from './storeSession';
import { clientUsage } from './usage';

export async function clientCommand(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`proof-of-fix client: ${message}\n\n${clientUsage()}`);
    return ExitCode.badArguments;
  };
  const parsed = parseArgs(argv, {
    name: { type: 'string' },
    prefix: { type: 'string' },
    lang: { type: 'string' },
    register: { type: 'string' },
    contact: { type: 'string' },
    workspace: { type: 'string' },
  }, { positionals: true });
  if (!parsed.ok) return fail(parsed.message);
  const v = parsed.values;
  if (flagOption(v, 'help')) {
    io.stdout.write(clientUsage());
    return ExitCode.ok;
  }
  const [action, ...extra] = parsed.positionals;
  if (action !== 'add') return fail(action === undefined ? l10n.t('say what to do: {0}', 'add') : l10n.t('unknown action {0}', `'${action}'`));
  if (extra.length > 0) return fail(l10n.t('unexpected argument {0}', `'${extra[0] as string}'`));
  const name = stringOption(v, 'name')?.trim();
  const prefix = stringOption(v, 'prefix');
  const lang = stringOption(v, 'lang');
  const register = stringOption(v, 'register');
  const contact = stringOption(v, 'contact');
  if (name === undefined || name === '') return fail(l10n.t('{0} is required', '--name'));
  if (prefix === undefined || !isValidPrefix(prefix)) {
    return fail(prefix === undefined ? l10n.t('{0} is required', '--prefix') : l10n.t('{0} {1} is not an issue id prefix (a letter, then letters, digits or _)', '--prefix', JSON.stringify(prefix)));
  }
  if (lang === undefined || !(LANGUAGES as readonly string[]).includes(lang)) {
    return fail(lang === undefined ? l10n.t('{0} is required', '--lang') : l10n.t('--lang must be es or en, not {0}', JSON.stringify(lang)));
  }
  if (register !== undefined && !(REGISTERS as readonly string[]).includes(register)) return fail(l10n.t('--register must be usted or tu, not {0}', JSON.stringify(register)));
  if (register !== undefined && lang !== 'es') return fail(l10n.t('{0} applies to Spanish replies only', '--register'));

  return runStoreAction(io, 'client', async () => {
    const store = await openStore(workspaceFolder(io, stringOption(v, 'workspace')));
    await store.loadClients();
    refuseBrokenClients(store);
    if (store.client(name)) throw new StoreCommandRefusal(l10n.t('a client named {0} already exists', JSON.stringify(name)));
    const client = newClientRecord(
      store,
      name,
      { prefix, language: lang as Language, ...(register !== undefined ? { register: register as Register } : {}), ...(contact !== undefined ? { contactName: contact } : {}) },
      { defaultLanguage: lang as Language },
    );
    await store.saveClient(client, { create: true });
    return ExitCode.ok;
  });
}
