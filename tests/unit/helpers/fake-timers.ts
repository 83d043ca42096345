// Timers stepped by hand, for a terminal driver under test (and the full-screen comparison script):
// setTimeout, clearTimeout and now, with tick(ms) firing what falls due, in order.
export class FakeTimers {
  now = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  /** How many timers were set in all: a stream that polls sets many, one that waits for changes few. */
  created = 0;
  api = {
    setTimeout: (fn: () => void, ms: number) => {
      const id = this.nextId++;
      this.created++;
      this.queue.push({ at: this.now + ms, fn, id });
      return id;
    },
    clearTimeout: (id: unknown) => {
      this.queue = this.queue.filter((t) => t.id !== id);
    },
    now: () => this.now,
  };
  /** Lets `ms` of wall time pass, firing due timers in order. */
  tick(ms: number) {
    const until = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > until) break;
      this.queue.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = until;
  }
  pending() {
    return this.queue.length;
  }
}
