import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyTimers, isHeap, pop, schedule, type TimerQueue } from '../../../../simulators/core/timers';
import { runUntil, systemsOf, type BackgroundSystem } from '../../../../simulators/core/systems';

interface W {
  clock: { now: number };
  timers: TimerQueue;
  log: string[];
}

const world = (): W => ({ clock: { now: 0 }, timers: emptyTimers(), log: [] });

/** A system that writes down when each key woke, and can chain further timers. */
function recorder(chain: Record<string, [number, string][]> = {}): BackgroundSystem<W> {
  return {
    id: 'rec',
    wake(w, key) {
      for (const [delay, next] of chain[key] ?? []) schedule(w.timers, w.clock.now + delay, 'rec', next);
      return { ...w, log: [...w.log, `${w.clock.now}:${key}`] };
    },
  };
}

describe('the timer queue', () => {
  it('pops in due order, ties in the order they were set', () => {
    const q = emptyTimers();
    schedule(q, 50, 's', 'c');
    schedule(q, 10, 's', 'a');
    schedule(q, 50, 's', 'd');
    schedule(q, 10, 's', 'b');
    schedule(q, 30, 's', 'x');
    expect(isHeap(q)).toBe(true);
    const order: string[] = [];
    for (let t = pop(q); t; t = pop(q)) order.push(`${t.at}${t.key}`);
    expect(order).toEqual(['10a', '10b', '30x', '50c', '50d']);
  });

  it('keeps heap order for any sequence of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        const q = emptyTimers();
        const model: { at: number; seq: number }[] = [];
        for (const op of ops) {
          if (op >= 0) {
            const t = schedule(q, op, 's', String(op));
            model.push({ at: t.at, seq: t.seq });
          } else {
            model.sort((a, b) => a.at - b.at || a.seq - b.seq);
            const expected = model.shift();
            const got = pop(q);
            expect(got && { at: got.at, seq: got.seq }).toEqual(expected);
          }
          expect(isHeap(q)).toBe(true);
        }
      }),
    );
  });

  it('rounds due times up to whole ms', () => {
    const q = emptyTimers();
    expect(schedule(q, 10.2, 's', 'k').at).toBe(11);
  });
});

describe('runUntil', () => {
  it('runs each timer at its own time and leaves the clock at the target', () => {
    const w = world();
    schedule(w.timers, 100, 'rec', 'a');
    schedule(w.timers, 250, 'rec', 'b');
    const after = runUntil(w, systemsOf([recorder()]), 1000);
    expect(after.log).toEqual(['100:a', '250:b']);
    expect(after.clock.now).toBe(1000);
  });

  it('runs a timer due exactly at the target, and none after it', () => {
    const w = world();
    schedule(w.timers, 500, 'rec', 'edge');
    schedule(w.timers, 501, 'rec', 'later');
    const after = runUntil(w, systemsOf([recorder()]), 500);
    expect(after.log).toEqual(['500:edge']);
    expect(after.timers.heap.map((t) => t.key)).toEqual(['later']);
  });

  it('lets events schedule events, including at the same moment, which run in the same pass', () => {
    const w = world();
    schedule(w.timers, 10, 'rec', 'first');
    const chain = { first: [[0, 'same'], [5, 'soon']] as [number, string][], soon: [[100, 'late']] as [number, string][] };
    const after = runUntil(w, systemsOf([recorder(chain)]), 115);
    expect(after.log).toEqual(['10:first', '10:same', '15:soon', '115:late']);
  });

  it('gives the same result however the time is sliced', () => {
    const chain: Record<string, [number, string][]> = { a: [[7, 'b'], [7, 'c']], b: [[13, 'a']], c: [[0, 'd']] };
    const whole = (() => {
      const w = world();
      schedule(w.timers, 3, 'rec', 'a');
      return runUntil(w, systemsOf([recorder(chain)]), 10_000);
    })();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 40 }), (cuts) => {
        let w = world();
        schedule(w.timers, 3, 'rec', 'a');
        for (const cut of [...cuts].sort((x, y) => x - y)) w = runUntil(w, systemsOf([recorder(chain)]), cut);
        w = runUntil(w, systemsOf([recorder(chain)]), 10_000);
        expect(JSON.stringify(w)).toBe(JSON.stringify(whole));
      }),
    );
  });

  it('costs nothing for idle time: no timers, nothing runs', () => {
    let wakes = 0;
    const counting: BackgroundSystem<W> = { id: 'rec', wake: (w) => (wakes++, w) };
    const after = runUntil(world(), systemsOf([counting]), 3_600_000);
    expect(wakes).toBe(0);
    expect(after.clock.now).toBe(3_600_000);
  });

  it('never moves the clock backwards or past the end of representable time', () => {
    const w = { ...world(), clock: { now: 500 } };
    expect(runUntil(w, systemsOf([recorder()]), 100).clock.now).toBe(500);
    const far = runUntil(w, systemsOf([recorder()]), Number.MAX_VALUE);
    expect(Number.isNaN(new Date(far.clock.now).getTime())).toBe(false);
  });
});
