// Runs a task at most once at a time: a request while it runs queues exactly one more run, and any
// further requests join that queued run. Watchers can fire hundreds of events per checkout; the
// store is then read at most twice.

export class CoalescingRunner {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly task: () => Promise<void>) {}

  /** Resolves when a run that started at or after this call has finished; rejects if it failed. */
  run(): Promise<void> {
    if (this.queued) return this.queued;
    if (this.running) {
      const queued = this.running
        // The queued run happens whether or not the current one failed; its caller saw the failure.
        .catch(() => undefined)
        .then(() => {
          this.queued = undefined;
          return this.begin();
        });
      this.queued = queued;
      return queued;
    }
    return this.begin();
  }

  private begin(): Promise<void> {
    const current: Promise<void> = this.task().finally(() => {
      if (this.running === current) this.running = undefined;
    });
    this.running = current;
    return current;
  }
}
