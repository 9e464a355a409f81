// One person's request for evidence, timed in process on a generated repository: each issue's full
// evidence (as a journey asks for it), with its git commands run one after another (one queue) and
// side by side (REQUEST_LANES queues, see git/gitRunner.ts), alternating issue by issue so that the
// machine's load hits both alike. Prints each wall time and the git commands' summed time; the
// evidence of both must be equal (it fails otherwise). After `node esbuild.mjs --tests`:
//   node out/test/bench/requestProfile.js .bench/c100000-…/repo deployed-acme ACME-1 ACME-2
// REQUEST_ROUNDS (default 2); REQUEST_COLD=1: without the scan (the history searched by id, as a
// request while the first scan runs); REQUEST_OUT=file.json keeps the evidence (to compare builds);
// REQUEST_VERBOSE=1 lists the commands.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import { scanWithCacheFile } from '../../src/core/linking/scanCacheFile';
import { REQUEST_LANES } from '../../src/git/gitRunner';
import { createGitPort } from '../../src/git/simpleGitPort';

async function main(): Promise<void> {
  const [dir, deployed, ...ids] = process.argv.slice(2);
  if (dir === undefined || deployed === undefined) throw new Error('usage: requestProfile DIR DEPLOYED ID...');
  const rounds = Number(process.env.REQUEST_ROUNDS ?? '2');
  const cold = process.env.REQUEST_COLD === '1';
  const lines: string[] = [];
  const ports = [1, REQUEST_LANES].map((lanes) => ({ lanes, port: createGitPort(dir, { log: (l) => lines.push(l), requestLanes: lanes }) }));
  const first = (ports[0] as (typeof ports)[number]).port;
  const target = (await first.defaultBranch()) ?? 'HEAD';
  const scan = cold ? null : await scanWithCacheFile(first, DEFAULT_ID_PATTERNS, 'if-present', () => undefined);
  if (scan === null && !cold) throw new Error('no scan cache');
  const out: unknown[] = [];
  const walls = new Map<number, number[]>(ports.map((p) => [p.lanes, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const id of ids) {
      const answers: IssueEvidence[] = [];
      // Which goes first alternates by round.
      for (const { lanes, port } of round % 2 === 1 ? ports : [...ports].reverse()) {
        lines.length = 0;
        const t0 = performance.now();
        const e = await computeEvidence(port, { ref: id, target, deployed, me: [], scan });
        const wall = performance.now() - t0;
        walls.get(lanes)?.push(wall);
        const gitMs = lines.reduce((n, l) => n + Number(/\((\d+) ms/.exec(l)?.[1] ?? 0), 0);
        console.log(`round ${round} ${id}: lanes ${lanes}${cold ? ', cold' : ''}: ${wall.toFixed(0)} ms wall, git ${gitMs} ms in ${lines.length} commands, ${e.verdict}`);
        if (process.env.REQUEST_VERBOSE === '1') for (const l of lines) console.log(`    ${l.slice(0, 60)} … ${l.slice(-140)}`);
        answers.push({ ...e, computedAt: '' });
      }
      assert.deepEqual(answers[1], answers[0], `${id}: the evidence differs between one queue and ${REQUEST_LANES}`);
      if (round === 1) out.push(answers[0]);
    }
  }
  for (const [lanes, ms] of walls) console.log(`lanes ${lanes}: total ${(ms.reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s over ${ms.length} computations`);
  if (process.env.REQUEST_OUT) writeFileSync(process.env.REQUEST_OUT, JSON.stringify(out, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
