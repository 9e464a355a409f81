// The integration suite's entry, loaded by VS Code's extension host (code-server here,
// @vscode/test-electron on a desktop). It runs every *.test.js beside it with mocha and reports its
// own outcome through the summary reporter (PROOF_OF_FIX_TEST_STATS), because an extension host's
// exit code does not tell whether the suite passed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import SummaryReporter from '../support/summaryReporter';

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) found.push(...testFiles(p));
    else if (name.endsWith('.test.js')) found.push(p);
  }
  return found.sort();
}

export function run(): Promise<void> {
  const logFile = process.env.PROOF_OF_FIX_TEST_LOG;
  if (logFile) {
    // The extension host's console goes to the browser, not to a terminal: copy the report to a
    // file the runner prints.
    const original = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => {
      fs.appendFileSync(logFile, format(...args) + '\n');
      original(...args);
    };
  }
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: SummaryReporter });
  const grep = process.env.PROOF_OF_FIX_TEST_GREP;
  if (grep) mocha.grep(grep);
  // Restricted Mode needs a VS Code started with workspace trust on: those tests run in their own pass.
  const restricted = process.env.PROOF_OF_FIX_TEST_PASS === 'restricted';
  for (const file of testFiles(__dirname)) {
    if (file.endsWith('.restricted.test.js') === restricted) mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
