// Simulated time as a queue of timers, kept in the world as plain JSON: a binary heap ordered by
// due time, then by the order the timers were set (a stable tie order). A timer names the
// background system to wake and the key it is about (a container id, later a pod's namespace/name);
// the system re-reads the world when woken, so a timer made stale by later changes does no harm.
// The shape follows SimPy's event heap (time, then a counter), not a fake clock that jumps.

export interface Timer {
  /** Simulated ms since the epoch when it is due (whole ms). */
  at: number;
  /** Set order: among timers due at the same ms, the earlier set runs first. */
  seq: number;
  /** Which background system to wake (see core/systems.ts). */
  system: string;
  /** What it is about, for that system. */
  key: string;
}

export interface TimerQueue {
  /** The next timer's seq. */
  seq: number;
  /** A binary min-heap on (at, seq). */
  heap: Timer[];
}

export const emptyTimers = (): TimerQueue => ({ seq: 0, heap: [] });

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** Adds a timer in place (the queue belongs to the live world). O(log n). */
export function schedule(queue: TimerQueue, at: number, system: string, key: string): Timer {
  const timer: Timer = { at: Math.ceil(at), seq: queue.seq++, system, key };
  const heap = queue.heap;
  heap.push(timer);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
  return timer;
}

/** The earliest timer, or undefined. */
export const peek = (queue: TimerQueue): Timer | undefined => queue.heap[0];

/** Removes and returns the earliest timer. O(log n). */
export function pop(queue: TimerQueue): Timer | undefined {
  const heap = queue.heap;
  if (!heap.length) return undefined;
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l], heap[m])) m = l;
      if (r < heap.length && before(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

/** Whether `heap` is a valid heap of well-formed timers (for restoring saved worlds). */
export function isHeap(queue: TimerQueue): boolean {
  const heap = queue.heap;
  for (let i = 1; i < heap.length; i++) if (before(heap[i], heap[(i - 1) >> 1])) return false;
  return heap.every((t) => t.seq < queue.seq);
}
