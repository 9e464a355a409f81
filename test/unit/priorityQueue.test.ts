// The per-repository queue: one task at a time, the user's requests before background checks, a
// running background check stopped for the user and run again afterwards.
import * as assert from 'node:assert/strict';
import { isBackgroundWork } from '../../src/core/backgroundWork';
import { PriorityQueue } from '../../src/core/priorityQueue';

interface Gate {
  open(): void;
  opened: Promise<void>;
}

function gate(): Gate {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** A task that records its start, waits for its gate (or its signal), and records how it ended. */
function task(log: string[], name: string, g: Gate): (signal: AbortSignal) => Promise<string> {
  return async (signal) => {
    log.push(`start ${name}`);
    await Promise.race([
      g.opened,
      new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => resolve());
      }),
    ]);
    if (signal.aborted) {
      log.push(`stopped ${name}`);
      throw new Error('aborted');
    }
    log.push(`end ${name}`);
    return name;
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('priority queue (git work per repository)', () => {
  it('runs one task at a time, in order, when all are background', async () => {
    const q = new PriorityQueue();
    const log: string[] = [];
    const gates = [gate(), gate()];
    const a = q.enqueue(task(log, 'a', gates[0] as Gate), 'background');
    const b = q.enqueue(task(log, 'b', gates[1] as Gate), 'background');
    await tick();
    assert.deepEqual(log, ['start a']);
    gates[0]?.open();
    gates[1]?.open();
    assert.deepEqual(await Promise.all([a.promise, b.promise]), ['a', 'b']);
    assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b']);
  });

  it("stops the running background check for the user's request, runs the user's first, then the check again", async () => {
    const q = new PriorityQueue();
    const log: string[] = [];
    const bg = gate();
    const waitingBg = gate();
    const user = gate();
    const a = q.enqueue(task(log, 'bg1', bg), 'background');
    const b = q.enqueue(task(log, 'bg2', waitingBg), 'background');
    await tick();
    const u = q.enqueue(task(log, 'user', user), 'user');
    await tick();
    assert.deepEqual(log, ['start bg1', 'stopped bg1', 'start user']);
    user.open();
    assert.equal(await u.promise, 'user');
    bg.open();
    waitingBg.open();
    assert.deepEqual(await Promise.all([a.promise, b.promise]), ['bg1', 'bg2']);
    assert.deepEqual(log, ['start bg1', 'stopped bg1', 'start user', 'end user', 'start bg1', 'end bg1', 'start bg2', 'end bg2']);
  });

  it('puts a promoted task before the waiting background ones', async () => {
    const q = new PriorityQueue();
    const log: string[] = [];
    const gates = [gate(), gate(), gate()];
    for (const g of gates) g.open();
    const first = gate();
    q.enqueue(task(log, 'running', first), 'background');
    q.enqueue(task(log, 'b1', gates[0] as Gate), 'background');
    const b2 = q.enqueue(task(log, 'b2', gates[1] as Gate), 'background');
    await tick();
    b2.promote();
    await tick();
    first.open();
    await b2.promise;
    assert.deepEqual(log.slice(0, 4), ['start running', 'stopped running', 'start b2', 'end b2']);
  });

  it('passes a failure through to its caller and goes on with the next task', async () => {
    const q = new PriorityQueue();
    const failing = q.enqueue(() => Promise.reject(new Error('git failed')), 'user');
    const next = q.enqueue(() => Promise.resolve('next'), 'background');
    await assert.rejects(failing.promise, /git failed/);
    assert.equal(await next.promise, 'next');
    assert.equal(q.size, 0);
  });

  it('runs background checks side by side up to its limit, and a user request alone, stopping them all first', async () => {
    const q = new PriorityQueue(2);
    const log: string[] = [];
    const [a, b, c, u] = [gate(), gate(), gate(), gate()];
    const ta = q.enqueue(task(log, 'a', a), 'background');
    const tb = q.enqueue(task(log, 'b', b), 'background');
    const tc = q.enqueue(task(log, 'c', c), 'background');
    await tick();
    assert.deepEqual(log, ['start a', 'start b'], 'two at once, the third waits');
    const tu = q.enqueue(task(log, 'u', u), 'user');
    await tick();
    await tick();
    assert.deepEqual(log.slice(2), ['stopped a', 'stopped b', 'start u'], 'both stopped, then the user task alone');
    u.open();
    assert.equal(await tu.promise, 'u');
    await tick();
    await tick();
    assert.deepEqual(log.slice(5), ['end u', 'start a', 'start b'], 'the stopped checks run again, still two at a time');
    a.open();
    b.open();
    c.open();
    assert.deepEqual(await Promise.all([ta.promise, tb.promise, tc.promise]), ['a', 'b', 'c']);
    assert.ok(log.indexOf('start c') > log.indexOf('end a'), 'the third started only when one ended');
  });

  it('gives the tasks running at once different lanes, the smallest free one first, and a user task lane 0', async () => {
    const q = new PriorityQueue(3);
    const lanes: string[] = [];
    const gates = new Map<string, Gate>();
    const laneTask =
      (name: string) =>
      async (signal: AbortSignal, lane: number): Promise<string> => {
        lanes.push(`${name}@${lane}`);
        const g = gate();
        gates.set(name, g);
        await Promise.race([g.opened, new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))]);
        if (signal.aborted) throw new Error('aborted');
        return name;
      };
    const ta = q.enqueue(laneTask('a'), 'background');
    const tb = q.enqueue(laneTask('b'), 'background');
    const tc = q.enqueue(laneTask('c'), 'background');
    const td = q.enqueue(laneTask('d'), 'background');
    await tick();
    assert.deepEqual(lanes, ['a@0', 'b@1', 'c@2'], 'three at once, on three lanes');
    gates.get('b')?.open();
    await tb.promise;
    await tick();
    await tick();
    assert.deepEqual(lanes.slice(3), ['d@1'], 'the next check takes the lane that came free');
    const tu = q.enqueue(laneTask('u'), 'user');
    await tick();
    await tick();
    assert.deepEqual(lanes.slice(4), ['u@0'], 'the user task runs alone, on lane 0');
    gates.get('u')?.open();
    await tu.promise;
    await tick();
    await tick();
    assert.deepEqual(lanes.slice(5).sort(), ['a@0', 'c@1', 'd@2'], 'the stopped checks run again side by side');
    for (const name of ['a', 'c', 'd']) gates.get(name)?.open();
    assert.deepEqual(await Promise.all([ta.promise, tc.promise, td.promise]), ['a', 'c', 'd']);
  });

  it('stops the checks running beside one the user starts waiting for, and starts none until it ends', async () => {
    const q = new PriorityQueue(2);
    const log: string[] = [];
    const [a, b, c] = [gate(), gate(), gate()];
    const ta = q.enqueue(task(log, 'a', a), 'background');
    const tb = q.enqueue(task(log, 'b', b), 'background');
    const tc = q.enqueue(task(log, 'c', c), 'background');
    await tick();
    assert.deepEqual(log, ['start a', 'start b']);
    tb.promote();
    await tick();
    await tick();
    assert.deepEqual(log.slice(2), ['stopped a'], "the other running check stopped; the user's goes on, and the waiting one does not start");
    b.open();
    assert.equal(await tb.promise, 'b');
    await tick();
    await tick();
    assert.deepEqual(log.slice(3, 6).sort(), ['end b', 'start a', 'start c'], 'once it ended, the checks run again');
    a.open();
    c.open();
    assert.deepEqual(await Promise.all([ta.promise, tc.promise]), ['a', 'c']);
  });

  it("starts no background check while a user request is under way, and none is stopped twice for one request", async () => {
    let requestUnderWay = false;
    const q = new PriorityQueue(1, { held: () => requestUnderWay, heldPollMs: 5, holdAfterUserMs: 60_000 });
    const log: string[] = [];
    const [bg, u1, u2] = [gate(), gate(), gate()];
    const tb = q.enqueue(task(log, 'bg', bg), 'background');
    await tick();
    // The journey begins: its first step needs git and stops the check.
    requestUnderWay = true;
    const t1 = q.enqueue(task(log, 'u1', u1), 'user');
    await tick();
    await tick();
    u1.open();
    await t1.promise;
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(log, ['start bg', 'stopped bg', 'start u1', 'end u1'], 'between two steps of the request the check does not start again');
    const t2 = q.enqueue(task(log, 'u2', u2), 'user');
    await tick();
    u2.open();
    await t2.promise;
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(log.slice(4), ['start u2', 'end u2'], 'the second step ran at once, with nothing to stop');
    requestUnderWay = false;
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(log.slice(6), ['start bg'], 'the request over, the check runs again');
    bg.open();
    assert.equal(await tb.promise, 'bg');
  });

  it('starts a held-back background task at once when the user starts waiting for it', async () => {
    const q = new PriorityQueue(1, { held: () => true, heldPollMs: 60_000, holdAfterUserMs: 60_000 });
    const log: string[] = [];
    const g = gate();
    await q.enqueue(() => Promise.resolve('u'), 'user').promise;
    const t = q.enqueue(task(log, 'bg', g), 'background');
    await tick();
    assert.deepEqual(log, [], 'held while the request runs');
    t.promote();
    await tick();
    assert.deepEqual(log, ['start bg'], 'the user waits for it: no wait for the next look');
    g.open();
    assert.equal(await t.promise, 'bg');
  });

  it('holds background tasks no longer than a moment after the request\'s last git task (a prompt left open)', async () => {
    const q = new PriorityQueue(1, { held: () => true, heldPollMs: 5, holdAfterUserMs: 40 });
    const log: string[] = [];
    const g = gate();
    const t = q.enqueue(task(log, 'early', g), 'background');
    await tick();
    assert.deepEqual(log, ['start early'], 'no git task of the request yet: nothing to keep apart');
    g.open();
    await t.promise;
    await q.enqueue(() => Promise.resolve('u'), 'user').promise;
    const g2 = gate();
    const t2 = q.enqueue(task(log, 'bg', g2), 'background');
    await tick();
    assert.deepEqual(log.slice(2), [], 'held right after the user task');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(log.slice(2), ['start bg'], 'the request still runs, but its git work ended a while ago');
    g2.open();
    await t2.promise;
  });

  it('marks background work as such, and a running check the user starts waiting for as theirs', async () => {
    const q = new PriorityQueue();
    const seen: string[] = [];
    const bg = gate();
    const background = q.enqueue(async () => {
      seen.push(`before ${isBackgroundWork()}`);
      await bg.opened;
      seen.push(`after ${isBackgroundWork()}`);
      return 'bg';
    }, 'background');
    await tick();
    background.promote();
    bg.open();
    await background.promise;
    const user = q.enqueue(() => Promise.resolve(isBackgroundWork()), 'user');
    assert.deepEqual(seen, ['before true', 'after false']);
    assert.equal(await user.promise, false);
    assert.equal(isBackgroundWork(), false, 'outside any task: someone waits');
  });
});
