// Background systems and the loop that lets simulated time pass. A system (Docker's restart
// manager and programs today; Kubernetes' controllers, scheduler and kubelets next) registers
// with the session and sets timers in the world's queue; advancing runs each due timer at its own
// time, in order, so the same commands and the same total time give the same world however the
// time is sliced (one step of ten minutes or six thousand small ones). Nothing rescans the world:
// a system is woken only for the key its timer names, and an idle world costs nothing to advance.
import { peek, pop, type TimerQueue } from './timers';

/** What the loop needs of a world: its clock and its timers. */
export interface Timed {
  clock: { now: number };
  timers: TimerQueue;
}

export interface BackgroundSystem<W extends Timed> {
  /** The name timers use to wake it (`docker`, later `kubelet`, `deployment-controller`...). */
  readonly id: string;
  /**
   * Acts on `key` at the world's current time (the timer's own time) and returns the world after.
   * It may set further timers, at this time or later; a stale timer (the key changed since) is
   * simply ignored after re-reading the world.
   */
  wake(world: W, key: string): W;
}

export type Systems<W extends Timed> = ReadonlyMap<string, BackgroundSystem<W>>;

export function systemsOf<W extends Timed>(list: readonly BackgroundSystem<W>[]): Systems<W> {
  return new Map(list.map((s) => [s.id, s]));
}

/**
 * The last moment a simulated clock may show: JavaScript dates end at 8.64e15 ms; keep well inside
 * (the year 275,000) so any date arithmetic the tools print stays a real date.
 */
export const END_OF_TIME = 8_000_000_000_000_000;

/** Timers run per advance before the loop stops for breath (only a broken system gets near it). */
const MAX_EVENTS = 1_000_000;

/** When the next timer is due, or undefined when nothing is scheduled. */
export const nextDue = (world: Timed): number | undefined => peek(world.timers)?.at;

/**
 * Runs every timer due up to `target` at its own time, in (time, set order), then leaves the clock
 * at `target`. A timer may schedule more, including at the same time; they run in this same pass.
 */
export function runUntil<W extends Timed>(world: W, systems: Systems<W>, target: number): W {
  const end = Math.min(Math.max(target, world.clock.now), END_OF_TIME);
  let w = world;
  for (let n = 0; n < MAX_EVENTS; n++) {
    const next = peek(w.timers);
    if (!next || next.at > end) break;
    pop(w.timers);
    if (next.at > w.clock.now) w = { ...w, clock: { now: next.at } };
    const system = systems.get(next.system);
    if (!system) continue;
    try {
      w = system.wake(w, next.key);
    } catch {
      // A system that cannot handle its key (a record broken beyond what validation catches) leaves
      // the world as it was for that event: one bad record must never stop time for the rest.
    }
  }
  return w.clock.now === end ? w : { ...w, clock: { now: end } };
}
