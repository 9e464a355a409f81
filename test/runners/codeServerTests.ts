// Runs the integration suite inside a real VS Code: code-server with the extension under
// development, driven by headless Chromium. The suite reports its own outcome through a stats file;
// a missing report is a failure, whatever the extension host's exit code says.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openBrowserWorkbench } from '../support/browserWorkbench';
import type { BrowserWorkbench } from '../support/browserWorkbench';
import { createDemoWorkspace } from '../support/demoWorkspace';
import { makeTempDir } from '../support/tempDir';
import type { TierStats } from '../support/tierStats';
import { assertChromium, remoteUri } from '../support/vscodeServer';

const ROOT = path.resolve(__dirname, '../../..');
const TIMEOUT_MS = Number(process.env.PROOF_OF_FIX_INTEGRATION_TIMEOUT ?? 10 * 60_000);

interface Pass {
  name: 'trusted' | 'restricted';
  /** Workspace trust on: the folder opens in Restricted Mode. */
  trust: boolean;
}

const PASSES: Pass[] = [
  { name: 'trusted', trust: false },
  { name: 'restricted', trust: true },
];

/** Runs one pass of the suite in its own code-server and returns its report, or null when it wrote none. */
async function runPass(pass: Pass, entry: string, tmp: string): Promise<TierStats | null> {
  const dir = path.join(tmp, pass.name);
  const workspace = createDemoWorkspace(path.join(dir, 'workspace'));
  const statsFile = path.join(dir, 'stats.json');
  const logFile = path.join(dir, 'mocha.log');
  fs.writeFileSync(logFile, '');
  const verbose = process.env.PROOF_OF_FIX_VERBOSE === '1';

  let workbench: BrowserWorkbench | undefined;
  let printed = 0;
  const printLog = (): void => {
    const text = fs.readFileSync(logFile, 'utf8');
    if (text.length > printed) process.stdout.write(text.slice(printed));
    printed = text.length;
  };
  console.log(`\n--- integration pass: ${pass.name}${pass.trust ? ' (workspace not trusted: Restricted Mode)' : ''}`);
  try {
    workbench = await openBrowserWorkbench({
      profileDir: path.join(dir, 'profile'),
      workspace,
      folder: workspace,
      trust: pass.trust,
      env: {
        PROOF_OF_FIX_TEST_STATS: statsFile,
        PROOF_OF_FIX_TEST_LOG: logFile,
        PROOF_OF_FIX_TEST_PASS: pass.name,
        ...(process.env.PROOF_OF_FIX_TEST_GREP ? { PROOF_OF_FIX_TEST_GREP: process.env.PROOF_OF_FIX_TEST_GREP } : {}),
      },
      onLine: verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
      payload: (server) => [
        ['extensionDevelopmentPath', remoteUri(server, ROOT)],
        ['extensionTestsPath', remoteUri(server, entry)],
      ],
      viewport: { width: 1400, height: 900 },
    });
    const { server, pageErrors } = workbench;
    const started = Date.now();
    let exitedAt: number | undefined;
    while (!fs.existsSync(statsFile)) {
      printLog();
      if (exitedAt === undefined && server.output.some((l) => /Extension Host Process exited/i.test(l))) exitedAt = Date.now();
      // The host exited without a report: give the file system a moment, then fail.
      if (exitedAt !== undefined && Date.now() - exitedAt > 5000) break;
      if (Date.now() - started > TIMEOUT_MS) {
        console.error(`Integration pass ${pass.name} did not finish within ${TIMEOUT_MS / 1000} s.`);
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    printLog();
    if (!fs.existsSync(statsFile)) {
      console.error(`Integration pass ${pass.name} wrote no report: it did not run or crashed before finishing.`);
      console.error('Last lines of code-server:\n' + server.output.slice(-40).join('\n'));
      if (pageErrors.length) console.error('Page errors:\n' + pageErrors.join('\n'));
      return null;
    }
    return JSON.parse(fs.readFileSync(statsFile, 'utf8')) as TierStats;
  } finally {
    await workbench?.close();
  }
}

async function main(): Promise<number> {
  assertChromium();
  if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run `node esbuild.mjs` first.');
  const entry = path.join(ROOT, 'out/test/integration/index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run \`node esbuild.mjs --tests\` first.`);
  const tmp = makeTempDir('pof-integration-');
  const total: TierStats = { passes: 0, failures: 0, pending: 0, tests: 0, failed: [] };
  let complete = true;
  try {
    for (const pass of PASSES) {
      const stats = await runPass(pass, entry, tmp);
      if (!stats || stats.tests === 0) {
        if (stats) console.error(`Integration pass ${pass.name} ran no test.`);
        complete = false;
        continue;
      }
      total.passes += stats.passes;
      total.failures += stats.failures;
      total.pending += stats.pending;
      total.tests += stats.tests;
      total.failed.push(...stats.failed);
    }
  } finally {
    if (process.env.PROOF_OF_FIX_KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  }
  // Hand the suite's own report on to the tier runner, when it asked for one.
  if (process.env.PROOF_OF_FIX_TEST_STATS) fs.writeFileSync(process.env.PROOF_OF_FIX_TEST_STATS, JSON.stringify(total));
  return complete && total.failures === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Integration tests could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
