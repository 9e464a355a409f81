// The demo workspace: a small web project for a Spanish-speaking client, as a real git repository
// whose history holds one story per verdict. `npm start` opens it; the integration tests run on
// fresh copies of it. Dates and identities are fixed so the history is the same on every machine.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Verdict } from '../../src/core/evidence/model';
import { formatStoreJson } from '../../src/core/store/format';
import { emptyHome, isolatedGitEnv } from './gitEnv';

const ME = { name: 'Ana García', email: 'ana@freelance.example' };
const OTHER = { name: 'Laura Pérez', email: 'laura@acme.example' };

interface Step {
  when: string;
  who?: { name: string; email: string };
  message: string;
  files?: Record<string, string | null>;
  tag?: string;
  branch?: string;
}

let home: string | undefined;

/** Git as the test repositories run it (gitEnv.ts): nothing of the caller's git reaches the demo. */
function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  home ??= emptyHome();
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: isolatedGitEnv(home, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const auth = (normalize: boolean): string => `export function findUser(users, email) {
${normalize ? '  const wanted = email.trim().toLowerCase();\n  return users.find((u) => u.email.toLowerCase() === wanted);' : '  return users.find((u) => u.email === email);'}
}
`;

const cart = (rounded: boolean): string => `export function total(items) {
  const sum = items.reduce((acc, item) => acc + item.price * item.quantity, 0);
${rounded ? '  // Prices are in euros with cents: round once, at the end.\n  return Math.round(sum * 100) / 100;' : '  return sum;'}
}
`;

const invoice = (variant: 'bug' | 'fix' | 'refactor'): string => {
  const body = {
    bug: "  return date.toISOString().slice(0, 10);",
    fix: "  const fmt = new Intl.DateTimeFormat('es-ES', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Madrid' });\n  return fmt.format(date);",
    refactor: "  return date.toLocaleDateString();",
  }[variant];
  return `export function invoiceDate(date) {
${body}
}

export function invoiceNumber(seq) {
  return 'F-' + String(seq).padStart(6, '0');
}
`;
};

const search = (accents: boolean): string => `export function matches(text, query) {
${accents ? "  const fold = (s) => s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();\n  return fold(text).includes(fold(query));" : '  return text.toLowerCase().includes(query.toLowerCase());'}
}
`;

const exporter = `export function toCsv(rows) {
  return rows.map((r) => r.join(';')).join('\\n');
}
`;

const readme = `# Tienda web de Acme Logística

Pedido, carrito y facturas de la tienda online.
`;

const STEPS: Step[] = [
  { when: '2026-01-12T09:30:00+01:00', message: 'Initial shop: login, cart, invoices, search', files: { 'README.md': readme, 'src/auth.js': auth(false), 'src/cart.js': cart(false), 'src/invoice.js': invoice('bug'), 'src/search.js': search(false), 'src/export.js': exporter } },
  { when: '2026-01-20T11:00:00+01:00', message: 'Release 1.0.0', tag: 'v1.0.0' },
  { when: '2026-02-03T10:15:00+01:00', message: 'Corrige ACME-1: normaliza el email antes de buscar el usuario\n\nLos usuarios que escribían su email con mayúsculas no podían entrar.', files: { 'src/auth.js': auth(true) } },
  { when: '2026-02-10T16:40:00+01:00', message: 'Fix ACME-2: round cart totals to cents', files: { 'src/cart.js': cart(true) } },
  { when: '2026-02-18T12:00:00+01:00', message: 'Format invoice dates for Spain\n\nFixes: ACME-3', files: { 'src/invoice.js': invoice('fix') } },
  { when: '2026-02-20T09:00:00+01:00', message: 'Release 1.1.0', tag: 'v1.1.0' },
  { when: '2026-03-05T18:20:00+01:00', who: OTHER, message: 'Refactor invoice helpers to use the browser locale (see ACME-3)', files: { 'src/invoice.js': invoice('refactor') } },
  { when: '2026-03-09T08:45:00+01:00', message: 'Revert "Fix ACME-2: round cart totals to cents"\n\nThis reverts commit {{ACME-2}}.\nThe rounding broke the discount tests; to be redone.', files: { 'src/cart.js': cart(false) } },
  { when: '2026-03-16T10:00:00+01:00', message: 'Release 1.2.0', tag: 'v1.2.0' },
  { when: '2026-04-02T13:30:00+02:00', message: 'Soluciona ACME-4: la búsqueda ignora los acentos', files: { 'src/search.js': search(true) } },
  { when: '2026-04-10T09:00:00+02:00', message: 'Release 1.3.0', tag: 'v1.3.0' },
  { when: '2026-04-21T17:05:00+02:00', message: 'Add CSV export (ACME-5 mentions slowness, not addressed here)', files: { 'src/export.js': exporter + '\nexport const SEPARATOR = \';\';\n' } },
  { when: '2026-05-04T10:00:00+02:00', branch: 'feature/pdf-invoices', message: 'Fix ACME-6: PDF invoices cut the last line', files: { 'src/pdf.js': 'export const PAGE_MARGIN_MM = 12;\nexport const FOOTER_LINES = 3;\n' } },
  { when: '2026-05-12T09:30:00+02:00', message: 'Fix NW-1: keep the basket when the session expires', files: { 'src/session.js': 'export function restore(store, id) {\n  return store.get(id) ?? { items: [] };\n}\n' } },
];

/** The deployed version the demo client runs: before ACME-4's fix. */
const DEMO_DEPLOYED_TAG = 'v1.2.0';

/** The verdict each demo issue gets against main with its client's deployed ref: one per story. */
export const DEMO_VERDICTS: Readonly<Record<string, Verdict>> = {
  'ACME-1': 'fix-intact',
  'ACME-2': 'fix-reverted',
  'ACME-3': 'fix-modified',
  'ACME-4': 'fix-not-deployed',
  'ACME-5': 'no-fix-linked',
  'ACME-6': 'fix-not-on-target',
  'NW-1': 'deployed-unknown',
};

/** The demo issues' ids. */
export const DEMO_IDS: readonly string[] = Object.keys(DEMO_VERDICTS);

/** The store's own file format. */
const stableJson = formatStoreJson;

interface DemoIssue {
  id: string;
  client: string;
  title: string;
  words: string;
  status: string;
  created: string;
  reports: { date: string; channel?: string; words: string; version?: string }[];
}

const DEMO_ISSUES: DemoIssue[] = [
  { id: 'ACME-1', client: 'Acme Logística', title: 'No se puede entrar con el email en mayúsculas', words: 'Varios clientes no pueden iniciar sesión.', status: 'reopened', created: '2026-01-28',
    reports: [{ date: '2026-01-28', channel: 'email', words: 'Varios clientes no pueden iniciar sesión.' }, { date: '2026-11-20', channel: 'email', words: 'El error que arreglaste ha vuelto: un cliente no puede entrar. Hay que hablar de quién se hace cargo.', version: 'v1.2.0' }] },
  { id: 'ACME-2', client: 'Acme Logística', title: 'Los totales del carrito salen con muchos decimales', words: 'El total muestra 10.000000002 €.', status: 'reopened', created: '2026-02-06',
    reports: [{ date: '2026-02-06', channel: 'teléfono', words: 'El total muestra 10.000000002 €.' }, { date: '2026-11-18', channel: 'email', words: 'Vuelven a salir los decimales raros en el total.', version: 'v1.2.0' }] },
  { id: 'ACME-3', client: 'Acme Logística', title: 'Fechas de factura en formato americano', words: 'Las facturas salen con la fecha al revés.', status: 'reopened', created: '2026-02-15',
    reports: [{ date: '2026-02-15', channel: 'email', words: 'Las facturas salen con la fecha al revés.' }, { date: '2026-11-19', channel: 'reunión', words: 'Otra vez las fechas de las facturas mal.', version: 'v1.2.0' }] },
  { id: 'ACME-4', client: 'Acme Logística', title: 'La búsqueda no encuentra productos con acentos', words: 'Si busco "camión" no sale nada.', status: 'fixed', created: '2026-03-30',
    reports: [{ date: '2026-03-30', channel: 'chat', words: 'Si busco "camión" no sale nada.' }, { date: '2026-11-21', channel: 'email', words: 'Sigue sin encontrar "camión". ¿No estaba arreglado?', version: 'v1.2.0' }] },
  { id: 'ACME-5', client: 'Acme Logística', title: 'La exportación a CSV es lenta', words: 'Exportar los pedidos del mes tarda minutos.', status: 'open', created: '2026-04-20',
    reports: [{ date: '2026-04-20', channel: 'email', words: 'Exportar los pedidos del mes tarda minutos.' }] },
  { id: 'ACME-6', client: 'Acme Logística', title: 'Las facturas en PDF cortan la última línea', words: 'Falta la última línea del pedido en el PDF.', status: 'fixed', created: '2026-05-02',
    reports: [{ date: '2026-05-02', channel: 'email', words: 'Falta la última línea del pedido en el PDF.' }] },
  { id: 'NW-1', client: 'Northwind Books', title: 'Basket emptied when the session expires', words: 'Customers lose their basket after lunch.', status: 'reopened', created: '2026-05-10',
    reports: [{ date: '2026-05-10', channel: 'email', words: 'Customers lose their basket after lunch.' }, { date: '2026-11-22', channel: 'email', words: 'The basket bug you fixed is back.' }] },
];

/** Writes the demo client store: two clients and one issue per story in the history. */
export function writeDemoStore(dir: string): void {
  const store = path.join(dir, '.proof-of-fix');
  fs.mkdirSync(path.join(store, 'issues'), { recursive: true });
  fs.writeFileSync(path.join(store, 'clients.json'), stableJson({
    schemaVersion: 1,
    clients: [
      { name: 'Acme Logística', prefix: 'ACME', language: 'es', register: 'usted', contactName: 'Carmen Ruiz', deployedRef: DEMO_DEPLOYED_TAG, signature: 'Ana García\nDesarrollo web' },
      { name: 'Northwind Books', prefix: 'NW', language: 'en', contactName: 'Tom', signature: 'Ana García' },
    ],
  }));
  for (const issue of DEMO_ISSUES) {
    fs.writeFileSync(path.join(store, 'issues', `${issue.id}.json`), stableJson({ schemaVersion: 1, ...issue, fixes: [], replies: [] }));
  }
}

/** Creates the demo repository in `dir` (which must not exist or be empty). Returns `dir`. */
export function createDemoWorkspace(dir: string, options: { issues?: boolean } = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'user.name', ME.name]);
  git(dir, ['config', 'user.email', ME.email]);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  git(dir, ['config', 'tag.gpgsign', 'false']);
  const shaBySubjectId: Record<string, string> = {};
  for (const step of STEPS) {
    const who = step.who ?? ME;
    if (step.branch) git(dir, ['checkout', '--quiet', '-B', step.branch]);
    for (const [file, content] of Object.entries(step.files ?? {})) {
      const abs = path.join(dir, file);
      if (content === null) {
        git(dir, ['rm', '--quiet', '--', file]);
        continue;
      }
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
      git(dir, ['add', '--', file]);
    }
    const message = step.message.replace(/\{\{(ACME-\d+)\}\}/g, (_m, id: string) => shaBySubjectId[id] ?? id);
    const env = {
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_AUTHOR_DATE: step.when,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      GIT_COMMITTER_DATE: step.when,
    };
    git(dir, ['commit', '--quiet', '--allow-empty', '-m', message], env);
    if (step.branch) git(dir, ['checkout', '--quiet', 'main']);
    const sha = git(dir, ['rev-parse', 'HEAD']).trim();
    const id = /ACME-\d+/.exec(message.split('\n')[0] ?? '')?.[0];
    if (id && !shaBySubjectId[id]) shaBySubjectId[id] = sha;
    if (step.tag) git(dir, ['tag', '-a', step.tag, '-m', step.message], env);
  }
  fs.mkdirSync(path.join(dir, '.proof-of-fix'), { recursive: true });
  if (options.issues) writeDemoStore(dir);
  return dir;
}
