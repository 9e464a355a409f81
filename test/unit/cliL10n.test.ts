// The CLI's own messages follow the environment's language (Spanish or English), read from the same
// bundle as the extension's; a reply's language (--lang) is a separate choice. No git needed: the
// paths exercised fail before git runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliMessageLocale } from '../../src/cli/cliMessages';
import type { CliEnv } from '../../src/cli/cliMessages';
import { runCli } from '../../src/cli/main';
import { makeTempDir } from '../support/tempDir';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string, env?: CliEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd, ...(env ? { env } : {}) });
  return { code, stdout, stderr };
}

const SPANISH: CliEnv = { LANG: 'es_ES.UTF-8' };

describe('CLI messages in English and Spanish', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('pof-cli-l10n-');
    fs.mkdirSync(path.join(dir, '.proof-of-fix', 'issues'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.proof-of-fix', 'issues', 'ACME-7.json'), '{\n  "id": "ACME-7",\n  "client": ,\n}\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('picks the language as POSIX programs do, with PROOF_OF_FIX_LOCALE first', () => {
    const cases: [CliEnv, string][] = [
      [{}, 'en'],
      [{ LANG: 'es_ES.UTF-8' }, 'es'],
      [{ LANG: 'es' }, 'es'],
      [{ LANG: 'es-MX' }, 'es'],
      [{ LANG: 'en_US.UTF-8' }, 'en'],
      [{ LANG: 'C.UTF-8' }, 'en'],
      [{ LC_MESSAGES: 'es_AR.UTF-8', LANG: 'en_US.UTF-8' }, 'es'],
      [{ LC_ALL: 'C', LC_MESSAGES: 'es_ES.UTF-8' }, 'en'],
      [{ LC_ALL: '', LANG: 'es_ES.UTF-8' }, 'es'],
      [{ PROOF_OF_FIX_LOCALE: 'es', LC_ALL: 'en_GB.UTF-8' }, 'es'],
      [{ PROOF_OF_FIX_LOCALE: 'en', LANG: 'es_ES.UTF-8' }, 'en'],
      [{ LANG: 'et_EE.UTF-8' }, 'en'],
    ];
    for (const [env, expected] of cases) assert.equal(cliMessageLocale(env), expected, JSON.stringify(env));
  });

  it('an argument error in Spanish with LANG=es_ES.UTF-8', async () => {
    const run = await cli(['evidence', '--repo', dir], dir, SPANISH);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^proof-of-fix evidence: indica qué incidencia: --issue ID, --ref TEXTO o --fix SHA\n\nuso: proof-of-fix evidence /);
    assert.match(run.stderr, /\n {2}--repo DIR {12}el repositorio git \(por defecto: la carpeta actual\)\n/);
    assert.match(run.stderr, /\ncódigos de salida: 0 evidencia mostrada, 2 argumentos incorrectos/);
  });

  it('the same error in English without a Spanish environment, and after a Spanish run', async () => {
    for (const env of [undefined, { LANG: 'en_US.UTF-8' }, { LANG: 'es_ES.UTF-8', PROOF_OF_FIX_LOCALE: 'en' }]) {
      const run = await cli(['evidence', '--repo', dir], dir, env);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^proof-of-fix evidence: say which issue: --issue ID, --ref TEXT or --fix SHA\n\nusage: proof-of-fix evidence /);
      assert.match(run.stderr, /\nexit codes: 0 evidence printed, 2 bad arguments/);
    }
  });

  it('a broken issue file, in both languages, naming the file, line and column', async () => {
    const file = path.join(dir, '.proof-of-fix', 'issues', 'ACME-7.json');
    const es = await cli(['evidence', '--repo', dir, '--issue', 'ACME-7'], dir, { PROOF_OF_FIX_LOCALE: 'es' });
    assert.equal(es.code, 2);
    assert.ok(es.stderr.startsWith(`proof-of-fix: ${file}: no se puede leer o interpretar el archivo de la incidencia (línea 3, columna 13: `), es.stderr);
    const en = await cli(['evidence', '--repo', dir, '--issue', 'ACME-7'], dir);
    assert.equal(en.code, 2);
    assert.ok(en.stderr.startsWith(`proof-of-fix: ${file}: cannot read or parse the issue file (line 3, column 13: `), en.stderr);
  });

  it('a missing repository, an unknown option and an unknown command in Spanish', async () => {
    const missing = path.join(dir, 'nope');
    const repo = await cli(['evidence', '--repo', missing, '--ref', 'ACME-1'], dir, SPANISH);
    assert.equal(repo.code, 3);
    assert.equal(repo.stderr, `proof-of-fix: ${missing} no es un repositorio git (la carpeta no existe)\n`);
    const option = await cli(['scan', '--frobnicate'], dir, SPANISH);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /^proof-of-fix scan: opción desconocida '--frobnicate'\n\nuso: proof-of-fix scan /);
    const command = await cli(['frobnicate'], dir, SPANISH);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /^proof-of-fix: orden desconocida 'frobnicate'\n\nuso: proof-of-fix <orden> \[opciones\]\n\nórdenes:\n {2}lint {7}revisa el tono/);
  });

  it('--lang chooses the reply, not the messages: an English shell gets English errors about it', async () => {
    const run = await cli(['reply', '--repo', dir, '--ref', 'ACME-1', '--lang', 'fr'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^proof-of-fix reply: --lang must be es or en, not "fr"\n/);
    const es = await cli(['reply', '--repo', dir, '--ref', 'ACME-1', '--lang', 'fr'], dir, SPANISH);
    assert.match(es.stderr, /^proof-of-fix reply: --lang debe ser es o en, no "fr"\n/);
    assert.match(es.stderr, /\n {2}--lang es\|en {10}el idioma de la respuesta \(por defecto: el del cliente, si no en\)\n/);
  });
});
