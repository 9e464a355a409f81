// `npm start`: opens the demo workspace with the extension under development, in desktop VS Code
// when `code` is on PATH, otherwise in the browser VS Code (code-server) on 127.0.0.1. The system
// packages it needs were installed by test/setup.mjs --start (the npm script runs it first); the
// extension opens its view at once (PROOF_OF_FIX_OPEN_VIEW), not the Explorer.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDemoWorkspace } from '../support/demoWorkspace';
import { remoteUri, startCodeServer } from '../support/vscodeServer';

const ROOT = path.resolve(__dirname, '../../..');
const DEMO = path.join(ROOT, 'demo-workspace');
const PROFILE = path.join(ROOT, '.vscode-test', 'start-profile');
/** Asks the extension to show its view when it activates (the first thing to see on the demo). */
const OPEN_VIEW = { PROOF_OF_FIX_OPEN_VIEW: '1' };

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DEMO, '.git'))) {
    fs.rmSync(DEMO, { recursive: true, force: true });
    createDemoWorkspace(DEMO, { issues: true });
    console.log(`Created the demo workspace in ${DEMO}`);
  }
  const useBrowser = process.env.PROOF_OF_FIX_BROWSER === '1';
  if (!useBrowser && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
    spawn('code', ['--extensionDevelopmentPath', ROOT, DEMO], { stdio: 'inherit', detached: true, env: { ...process.env, ...OPEN_VIEW } }).unref();
    console.log('Opened the demo workspace in VS Code with Proof of Fix under development.');
    return;
  }
  const server = await startCodeServer({
    profileDir: PROFILE,
    env: OPEN_VIEW,
    settings: { 'workbench.activityBar.location': 'default' },
  });
  const url = server.url(DEMO, [['extensionDevelopmentPath', remoteUri(server, ROOT)]]);
  console.log('\nProof of Fix is running in VS Code (browser). Open:\n');
  console.log(`  ${url}\n`);
  console.log('The Proof of Fix view is in the activity bar (shield icon). Press Ctrl+C to stop.');
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
