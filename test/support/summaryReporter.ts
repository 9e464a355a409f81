// mocha's spec reporter, plus a machine-readable summary for the tier runner: when
// PROOF_OF_FIX_TEST_STATS names a file, the final counts are written there as JSON. Used by every
// tier (plain Node and inside VS Code) so each reports its own outcome instead of an exit code.
import * as fs from 'node:fs';
import * as Mocha from 'mocha';
import type { TierStats } from './tierStats';

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failed: TierStats['failed'] = [];
    runner.on('fail', (test: Mocha.Test, err: Error) => {
      failed.push({ title: test.fullTitle(), error: err?.stack ?? String(err) });
    });
    runner.once('end', () => {
      const stats = runner.stats;
      const file = process.env.PROOF_OF_FIX_TEST_STATS;
      if (file && stats) {
        const summary: TierStats = {
          passes: stats.passes,
          failures: stats.failures,
          pending: stats.pending,
          tests: stats.tests,
          failed,
        };
        fs.writeFileSync(file, JSON.stringify(summary));
      }
    });
  }
}

export = SummaryReporter;
