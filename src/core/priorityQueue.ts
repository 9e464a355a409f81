// Git work of one repository, the user's first: a journey or a Draft Reply never waits behind
// background checks of other issues. A waiting user task runs before every waiting background
// task, and background tasks running when one arrives are asked to stop (their AbortSignal) and
// run again, from the start, once the user's work is done. A user task runs alone; background
// tasks run up to `backgroundLimit` at a time, each on a lane of its own (0 to the limit − 1, the
// smallest free one; a user task runs on lane 0): the caller gives each lane its own git queue, so
// the git walks of different issues run side by side on different cores (one at a time by
// default); a running task the user starts waiting for stops the others. While `held` says a user
// request is under way (a journey between its questions) and its last git task ended moments ago, no background task
// starts: one the request stopped would otherwise start again between two of its steps and be
// stopped again, its work thrown away. A request that waits for the person (a prompt left open)
// holds them no longer than that moment.
// Background tasks run marked as such (core/backgroundWork.ts), so their git runs at a lower priority.

import type { WorkMark } from './backgroundWork';
import { runMarked } from './backgroundWork';

export type TaskPriority = 'user' | 'background';

export interface PriorityQueueOptions {
  /** Background tasks wait (none starts) while this says a user request is under way. */
  held?: () => boolean;
  /** How often a held queue looks again whether the request has ended (default 100 ms). */
  heldPollMs?: number;
  /** How long after the user's last task ended background tasks still wait while `held` (default 5 s). */
  holdAfterUserMs?: number;
}

/** A task of the queue: `lane` tells apart the tasks running at once (see the top of this file). */
export type QueueTask<T> = (signal: AbortSignal, lane: number) => Promise<T>;

interface Entry {
  task: QueueTask<unknown>;
  priority: TaskPriority;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  controller: AbortController | null;
  /** Stopped to let a user task go first: a failure then means "run again", not an answer. */
  preempted: boolean;
  /** Order of enqueueing: stopped tasks go back in their own order. */
  seq: number;
  /** What the task's git commands read to choose their CPU priority. */
  mark: WorkMark;
  /** The lane it runs on while it runs. */
  lane: number;
}

export interface QueuedTask<T> {
  promise: Promise<T>;
  /** The user now waits for this task: it runs before background work (no effect once it runs as user). */
  promote(): void;
}

export class PriorityQueue {
  private readonly running = new Set<Entry>();
  private readonly waiting: Entry[] = [];
  private enqueued = 0;
  private heldTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the last user task ended (Date.now()), or never. */
  private lastUserEnded = Number.NEGATIVE_INFINITY;
  /** Running background tasks stopped for a user task so far (their work is thrown away and done again). */
  stopped = 0;

  constructor(
    private readonly backgroundLimit = 1,
    private readonly options: PriorityQueueOptions = {},
  ) {}

  /** Background tasks running now. */
  get runningBackground(): number {
    return [...this.running].filter((r) => r.priority === 'background').length;
  }

  /** Tasks waiting or running. */
  get size(): number {
    return this.waiting.length + this.running.size;
  }

  enqueue<T>(task: QueueTask<T>, priority: TaskPriority): QueuedTask<T> {
    let entry: Entry | undefined;
    const promise = new Promise<T>((resolve, reject) => {
      entry = { task, priority, resolve: resolve as (value: unknown) => void, reject, controller: null, preempted: false, seq: this.enqueued++, mark: { background: priority === 'background' }, lane: 0 };
    });
    const e = entry as Entry;
    this.waiting.push(e);
    if (priority === 'user') this.preemptBackground();
    this.pump();
    return {
      promise,
      promote: (): void => {
        if (e.priority === 'user') return;
        e.priority = 'user';
        // Running already: its next git commands are the user's, and the checks running beside it stop.
        e.mark.background = false;
        this.preemptBackground();
        if (!this.waiting.includes(e)) return;
        // Held back with nothing running, it starts now.
        this.pump();
      },
    };
  }

  private preemptBackground(): void {
    for (const r of this.running) {
      if (r.priority !== 'background' || r.controller === null || r.preempted) continue;
      r.preempted = true;
      this.stopped++;
      r.controller.abort();
    }
  }

  /** The task to start now, if any: a user task once nothing else runs; else background work up to the limit. */
  private next(): Entry | undefined {
    const at = this.waiting.findIndex((e) => e.priority === 'user');
    if (at >= 0) return this.running.size === 0 ? this.waiting.splice(at, 1)[0] : undefined;
    const userRunning = [...this.running].some((r) => r.priority === 'user');
    if (userRunning || this.running.size >= this.backgroundLimit || this.waiting.length === 0) return undefined;
    const recent = Date.now() - this.lastUserEnded < (this.options.holdAfterUserMs ?? 5000);
    if (recent && this.options.held?.() === true) {
      this.pumpLater();
      return undefined;
    }
    return this.waiting.shift();
  }

  private pump(): void {
    for (let e = this.next(); e !== undefined; e = this.next()) this.start(e);
  }

  /** Held: looks again shortly (the request's end is no event of this queue). */
  private pumpLater(): void {
    if (this.heldTimer !== undefined) return;
    this.heldTimer = setTimeout(() => {
      this.heldTimer = undefined;
      this.pump();
    }, this.options.heldPollMs ?? 100);
    // A held queue alone keeps no process alive (the CLI, the tests).
    this.heldTimer.unref?.();
  }

  private start(e: Entry): void {
    const taken = new Set([...this.running].map((r) => r.lane));
    let lane = 0;
    while (taken.has(lane)) lane++;
    e.lane = lane;
    this.running.add(e);
    e.preempted = false;
    e.controller = new AbortController();
    e.mark.background = e.priority === 'background';
    const done = (): void => {
      if (e.priority === 'user') this.lastUserEnded = Date.now();
      this.running.delete(e);
      e.controller = null;
      this.pump();
    };
    // A task that throws synchronously is a rejected task, not a broken queue.
    Promise.resolve()
      .then(() => runMarked(e.mark, () => e.task((e.controller as AbortController).signal, e.lane)))
      .then(
        (value) => {
          e.resolve(value);
          done();
        },
        (error: unknown) => {
          if (e.preempted) {
            // Back among the background tasks where it was in line before the user came (ahead of later ones).
            const later = this.waiting.findIndex((w) => w.priority === 'background' && w.seq > e.seq);
            this.waiting.splice(later >= 0 ? later : this.waiting.length, 0, e);
          } else e.reject(error);
          done();
        },
      );
  }
}
