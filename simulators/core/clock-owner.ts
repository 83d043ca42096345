// The one owner of a session's simulated clock in real time: the terminal and the pictures ask it
// to play, pause, change rate or step to the next event, and to call them back when simulated time
// reaches a moment. While playing, simulated time follows the real clock at the chosen rate and
// background events happen live (a restarting container shows up without a keypress); paused,
// nothing moves until a step. Tests and session.run() never need it: they advance time directly.

/** What the clock drives: a session's simulated time and its queue of events. */
export interface ClockHost {
  now(): number;
  advance(ms: number): void;
  nextEventAt(): number | undefined;
}

/** The browser's timers, injected so the simulator never reads the wall clock itself. */
export interface RealTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface ClockState {
  playing: boolean;
  rate: number;
  /** Simulated ms since the epoch. */
  now: number;
}

export interface ClockOwner {
  state(): ClockState;
  play(): void;
  pause(): void;
  /** 1 for real time, 10 for ten times faster; anything from 0.1 to 1000. */
  setRate(rate: number): void;
  /** Moves to the next background event or pending wake-up and runs it; false when there is none. */
  stepToNextEvent(): boolean;
  /** Brings simulated time up to the real clock (while playing), running what fell due on the way. */
  sync(): void;
  /** Calls `callback` once simulated time reaches `at` (never while paused); returns a cancel. */
  at(at: number, callback: () => void): () => void;
  /** Hears about play, pause, rate and time changes (the time controls' display). */
  subscribe(listener: (state: ClockState) => void): () => void;
  dispose(): void;
}

export const RATES = [1, 10, 100] as const;
const MIN_RATE = 0.1;
const MAX_RATE = 1000;

export function createClockOwner(host: ClockHost, timers: RealTimers): ClockOwner {
  let playing = true;
  let rate = 1;
  /** Real and simulated time at the last sync: while playing, sim = anchorSim + (real - anchorReal) * rate. */
  let anchorReal = timers.now();
  let anchorSim = host.now();
  let handle: unknown = null;
  let disposed = false;
  let nextId = 0;
  const wakeups = new Map<number, { at: number; callback: () => void }>();
  const listeners = new Set<(state: ClockState) => void>();

  const state = (): ClockState => ({ playing, rate, now: host.now() });
  const notify = () => listeners.forEach((l) => l(state()));
  const reanchor = () => {
    anchorReal = timers.now();
    anchorSim = host.now();
  };
  const earliestWakeup = () => {
    let best: number | undefined;
    for (const w of wakeups.values()) if (best === undefined || w.at < best) best = w.at;
    return best;
  };

  /** Runs the wake-ups due at the current simulated time, in the order they were asked for. */
  const fireDue = () => {
    const now = host.now();
    for (const [id, w] of [...wakeups]) {
      if (w.at <= now && wakeups.has(id)) {
        wakeups.delete(id);
        w.callback();
      }
    }
  };

  /** Advances toward the real clock, but stops exactly at the first wake-up on the way. */
  const catchUp = () => {
    if (!playing) return;
    const target = anchorSim + (timers.now() - anchorReal) * rate;
    const wake = earliestWakeup();
    const to = wake !== undefined && wake <= target ? wake : target;
    const ms = Math.floor(to - host.now());
    if (ms > 0) host.advance(ms);
    // What is due this very moment (a job just started) runs now, not after a millisecond more.
    else if ((host.nextEventAt() ?? Infinity) <= host.now()) host.advance(0);
    if (wake !== undefined && wake <= target) {
      // A waiting command resumes at exactly the moment it asked for; the clock carries on from there.
      reanchor();
      fireDue();
    }
  };

  const arm = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    if (disposed || !playing) return;
    const candidates = [host.nextEventAt(), earliestWakeup()].filter((t): t is number => t !== undefined);
    if (!candidates.length) return;
    const simDelay = Math.max(0, Math.min(...candidates) - host.now());
    handle = timers.setTimeout(() => {
      handle = null;
      catchUp();
      notify();
      arm();
    }, simDelay / rate);
  };

  return {
    state,
    play() {
      if (playing) return;
      playing = true;
      reanchor();
      notify();
      arm();
    },
    pause() {
      if (!playing) return;
      catchUp();
      playing = false;
      arm();
      notify();
    },
    setRate(next) {
      if (!(next > 0)) return;
      catchUp();
      rate = Math.min(MAX_RATE, Math.max(MIN_RATE, next));
      reanchor();
      arm();
      notify();
    },
    stepToNextEvent() {
      catchUp();
      const candidates = [host.nextEventAt(), earliestWakeup()].filter((t): t is number => t !== undefined);
      if (!candidates.length) return false;
      host.advance(Math.max(0, Math.min(...candidates) - host.now()));
      reanchor();
      fireDue();
      arm();
      notify();
      return true;
    },
    sync() {
      catchUp();
      reanchor();
      arm();
    },
    at(when, callback) {
      // Simulated time moves in whole ms: a wake-up between two of them is due at the later one.
      const at = Math.ceil(when);
      const id = nextId++;
      wakeups.set(id, { at, callback });
      if (at <= host.now()) {
        // Already due: still asynchronous, so a caller is never re-entered from inside its own call.
        arm();
        if (!playing) {
          // Paused, a zero-length wait still completes (it needs no time to pass).
          queueWake(id);
        }
      } else arm();
      return () => {
        wakeups.delete(id);
        arm();
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      if (handle !== null) timers.clearTimeout(handle);
      wakeups.clear();
      listeners.clear();
    },
  };

  function queueWake(id: number) {
    timers.setTimeout(() => {
      const w = wakeups.get(id);
      if (!w || disposed) return;
      wakeups.delete(id);
      w.callback();
    }, 0);
  }
}
