// The same integration suite under @vscode/test-electron, for a desktop with internet access
// (it downloads VS Code). On machines without it, use `npm run test:integration` (code-server).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createDemoWorkspace } from '../support/demoWorkspace';
import { makeTempDir } from '../support/tempDir';
import type { TierStats } from '../support/tierStats';

const ROOT = path.resolve(__dirname, '../../..');

async function main(): Promise<number> {
  const tmp = makeTempDir('pof-desktop-');
  const workspace = createDemoWorkspace(path.join(tmp, 'workspace'));
  const statsFile = path.join(tmp, 'stats.json');
  try {
    await runTests({
      version: process.env.PROOF_OF_FIX_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'user-data')],
      extensionTestsEnv: { PROOF_OF_FIX_TEST_STATS: statsFile },
    });
  } catch (error) {
    console.error(`VS Code desktop tests failed or could not start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (fs.existsSync(statsFile) && process.env.PROOF_OF_FIX_TEST_STATS) fs.copyFileSync(statsFile, process.env.PROOF_OF_FIX_TEST_STATS);
  }
  if (!fs.existsSync(statsFile)) {
    console.error('The integration suite wrote no report.');
    return 1;
  }
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as TierStats;
  fs.rmSync(tmp, { recursive: true, force: true });
  return stats.tests > 0 && stats.failures === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
