// Git work of one repository, one task at a time, the user's first: a journey or a Draft Reply
// never waits behind background checks of other issues. A waiting user task runs before every
// waiting background task, and a background task running when one arrives is asked to stop (its
// AbortSignal) and runs again, from the start, once the user's work is done.

export type TaskPriority = 'user' | 'background';

interface Entry {
  task: (signal: AbortSignal) => Promise<unknown>;
  priority: TaskPriority;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  controller: AbortController | null;
  /** Stopped to let a user task go first: a failure then means "run again", not an answer. */
  preempted: boolean;
}

export interface QueuedTask<T> {
  promise: Promise<T>;
  /** The user now waits for this task: it runs before background work (no effect once it runs as user). */
  promote(): void;
}

export class PriorityQueue {
  private running: Entry | null = null;
  private readonly waiting: Entry[] = [];

  /** Tasks waiting or running. */
  get size(): number {
    return this.waiting.length + (this.running === null ? 0 : 1);
  }

  enqueue<T>(task: (signal: AbortSignal) => Promise<T>, priority: TaskPriority): QueuedTask<T> {
    let entry: Entry | undefined;
    const promise = new Promise<T>((resolve, reject) => {
      entry = { task, priority, resolve: resolve as (value: unknown) => void, reject, controller: null, preempted: false };
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
        if (this.waiting.includes(e)) this.preemptBackground();
      },
    };
  }

  private preemptBackground(): void {
    const r = this.running;
    if (r === null || r.priority !== 'background' || r.controller === null) return;
    r.preempted = true;
    r.controller.abort();
  }

  private next(): Entry | undefined {
    const at = this.waiting.findIndex((e) => e.priority === 'user');
    return this.waiting.splice(at >= 0 ? at : 0, 1)[0];
  }

  private pump(): void {
    if (this.running !== null) return;
    const e = this.next();
    if (e === undefined) return;
    this.running = e;
    e.preempted = false;
    e.controller = new AbortController();
    const done = (): void => {
      this.running = null;
      e.controller = null;
      this.pump();
    };
    // A task that throws synchronously is a rejected task, not a broken queue.
    Promise.resolve()
      .then(() => e.task((e.controller as AbortController).signal))
      .then(
        (value) => {
          e.resolve(value);
          done();
        },
        (error: unknown) => {
          if (e.preempted) {
            // Back to the head of the background tasks: it was next in line before the user came.
            const firstBackground = this.waiting.findIndex((w) => w.priority === 'background');
            this.waiting.splice(firstBackground >= 0 ? firstBackground : this.waiting.length, 0, e);
          } else e.reject(error);
          done();
        },
      );
  }
}
