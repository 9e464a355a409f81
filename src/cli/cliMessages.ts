// The language of the CLI's own messages (errors, usage, report headings), which is not the
// language of a drafted reply (`reply --lang`, the client's setting). It follows the environment:
// PROOF_OF_FIX_LOCALE first, then the POSIX order LC_ALL, LC_MESSAGES, LANG. Spanish reads the
// extension's own bundle, l10n/bundle.l10n.es.json, so both speak with the same words.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { packageRoot } from './packageRoot';

export type CliEnv = Readonly<Record<string, string | undefined>>;

export type CliMessageLocale = 'en' | 'es';

/** The first setting that is present and not empty decides, as for any POSIX program. */
export function cliMessageLocale(env: CliEnv): CliMessageLocale {
  const value = ['PROOF_OF_FIX_LOCALE', 'LC_ALL', 'LC_MESSAGES', 'LANG'].map((name) => env[name]?.trim() ?? '').find((v) => v !== '');
  return value !== undefined && /^es(?![a-z])/i.test(value) ? 'es' : 'en';
}

/**
 * Loads the bundle for the environment's language. It is set on every run, since in-process callers
 * (tests, scripts) may run the CLI in one language and then the other.
 */
export function configureCliMessages(env: CliEnv, root?: string): CliMessageLocale {
  if (cliMessageLocale(env) === 'es') {
    try {
      // The package folder is looked up only when a bundle is needed: English needs none.
      l10n.config({ fsPath: path.join(root ?? packageRoot(), 'l10n', 'bundle.l10n.es.json') });
      return 'es';
    } catch {
      // A package without its bundle still works: the messages stay in English.
    }
  }
  l10n.config({ contents: {} });
  return 'en';
}
