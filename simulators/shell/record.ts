// Writes each simple command a learner's line runs into the world's record (core/record.ts): the
// interpreter wraps every command it runs with this, on the laptop and in shells inside containers.
import { appendCommand } from '../core/record';
import { touch } from '../core/store';
import type { Effect } from '../core/process';
import type { WorldAccess } from '../world';
import type { Machine } from './machine';

/** Runs `run` (one simple command) and records it, with 130 when Ctrl-C or the budget cut it. */
export function* recorded(store: WorldAccess, machine: Machine, argv: readonly string[], run: Generator<Effect, number, string | null>): Generator<Effect, number, string | null> {
  const start = store.getState().clock.now;
  let exitCode = 130;
  try {
    exitCode = yield* run;
    return exitCode;
  } finally {
    // In place and without a notification of its own: the record is part of the live world, and the
    // line's end tells subscribers (a loop of a million commands must not notify a million times).
    const world = store.getState();
    appendCommand(world.record, { argv: [...argv], exitCode, start, end: world.clock.now, machine: machine.place });
    touch(world.record);
  }
}
