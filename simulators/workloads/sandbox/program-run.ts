// A workload's command run ahead of time, off the terminal: a detached `docker run busybox sh -c
// '...'`, `docker exec -d`, and next a pod's container command. The command sees the clock move as it waits (so `date` in a loop
// prints a new second each pass), its output gets the simulated moment it appears, and its end is
// planned for when it would come.
//
// A program that never ends (a loop) is not stored line by line: its runtime keeps a reference
// (docker's LogRef `program`), and reading it replays the command in a throwaway copy of the world
// (programLines below), kept in memory between reads. So an hour of `while true; do date;
// sleep 1; done` costs nothing to save and shows its 3,600 lines when read.
import { LINE_WORK_LIMIT, OutOfMemory, WorkExhausted, workBudget, type WorkBudget } from '../../core/budget';
import { stableHex } from '../../core/hash';
import type { Effect } from '../../core/process';
import { seedRandom } from '../../core/random';
import { emptyRecord } from '../../core/record';
import type { Services } from '../../core/services';
import { emptyTimers } from '../../core/timers';
import type { World, WorldAccess } from '../../world';

/** A line of a program's output, at the simulated moment it appeared. */
export interface OutputLine {
  at: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Starts the workload's command line on `store` (its runtime knows which machine and commands). */
export type LineRunner = (store: WorldAccess, options: { emit(text: string): void; emitErr(text: string): void; stdin: string | null; tty: null; budget: WorkBudget; services?: Services }) => Generator<Effect, number, string | null>;

export interface OfflineOutcome {
  output: { offset: number; stream: 'stdout' | 'stderr'; text: string }[];
  /** Simulated time the command takes; Infinity when it would run until stopped. */
  durationMs: number;
  exitCode: number;
}

/** Longest a command is followed ahead of time (a `sleep 999999` container just keeps running). */
const HORIZON_MS = 30 * 24 * 3600 * 1000;
/** Output a finished command keeps as lines; past it, or for one that never ends, its logs are replayed when read. */
const INLINE_BYTES = 4 * 1024;
/**
 * Work a command may do ahead of time: a busy loop (`while :; do :; done`) is a program that
 * runs until stopped, found without spending a learner's whole line on it.
 */
const OFFLINE_WORK_LIMIT = LINE_WORK_LIMIT / 4;
/**
 * Waits one read of a replay follows at most. A program that started long ago (a loop left for
 * days, or a saved world whose start time was changed) is then followed a piece at a time, each
 * read taking a moment, rather than in one read that could take minutes.
 */
const REPLAY_WAITS_PER_READ = 20_000;

interface Run {
  output: OfflineOutcome['output'];
  elapsed: number;
  /** Set when the command ended (its code), or `forever` when it runs until stopped. */
  end?: { code: number; forever?: boolean };
  /**
   * Runs on until `offset` ms after the start, or until it ends. `lookahead`: then on until it
   * printed something past `offset` (a follower learns when to wake), but no further than that.
   */
  until(offset: number, lookahead?: number): void;
}

/** A randomness of its own, so a replay prints the same $RANDOM as the first run did. */
const programRandom = (key: string) => seedRandom(parseInt(stableHex(key).slice(0, 8), 16));

/** A work budget filled again whenever simulated time passes, so a replay read for hours never starves. */
function refillable(): { budget: WorkBudget; refill(): void } {
  let current = workBudget(OFFLINE_WORK_LIMIT);
  const budget: WorkBudget = {
    spend: (units) => current.spend(units),
    spendText: (chars) => current.spendText(chars),
    breathe: () => current.breathe(),
    enter: () => current.enter(),
    leave: () => current.leave(),
    get used() {
      return current.used;
    },
    get limit() {
      return current.limit;
    },
  };
  return { budget, refill: () => (current = workBudget(OFFLINE_WORK_LIMIT)) };
}

/**
 * `replay`: work is counted per moment of simulated time (filled again at each wait), so a replay
 * read after hours shows every pass of a sleeping loop; the first run has one allowance in all, which
 * finds a busy loop (or a very long one) and calls it a program that runs until stopped.
 */
function startRun(store: WorldAccess, runner: LineRunner, stdin: string | null, services: Services | undefined, start: number, replay: boolean): Run {
  // The command reads a clock that moves with it; everything else it changes is the world's.
  const lens: WorldAccess = {
    getState: () => ({ ...store.getState(), clock: { now: start + run.elapsed } }),
    setState: (w) => store.setState({ ...w, clock: store.getState().clock }, true),
  };
  const work = refillable();
  const gen = runner(lens, {
    emit: (text) => run.output.push({ offset: run.elapsed, stream: 'stdout', text }),
    emitErr: (text) => run.output.push({ offset: run.elapsed, stream: 'stderr', text }),
    stdin,
    tty: null,
    budget: work.budget,
    services,
  });
  /** Time left in the wait the command is in (it resumes once it has passed). */
  let waiting = 0;
  const step = (): Effect | undefined => {
    try {
      const r = gen.next(null);
      if (r.done) {
        run.end = { code: r.value };
        return undefined;
      }
      return r.value;
    } catch (e) {
      if (e instanceof WorkExhausted) run.end = { code: 0, forever: true };
      // The container's shell dies as bash does when malloc fails: the message, then status 2.
      else if (e instanceof OutOfMemory) {
        run.output.push({ offset: run.elapsed, stream: 'stderr', text: `sh: ${e.message}\n` });
        run.end = { code: 2 };
      } else throw e;
      return undefined;
    }
  };
  const printedPast = (offset: number) => (run.output.at(-1)?.offset ?? -1) > offset;
  const run: Run = {
    output: [],
    elapsed: 0,
    until(offset, lookahead) {
      if (replay) work.refill();
      let waits = 0;
      for (;;) {
        if (run.end) return;
        if (waiting > 0) {
          if (run.elapsed >= offset && (lookahead === undefined || printedPast(offset) || run.elapsed >= offset + lookahead)) return;
          if (run.elapsed + waiting > HORIZON_MS) {
            run.end = { code: 0, forever: true };
            return;
          }
          if (replay && ++waits > REPLAY_WAITS_PER_READ) return;
          run.elapsed += waiting;
          waiting = 0;
          if (replay) work.refill();
        }
        const effect = step();
        if (!effect || effect.type !== 'wait') continue;
        // A stream that may never end (curl to nowhere, a wait without end) runs until stopped. A
        // replay knows how far to go, so it waits through a stream's finite waits as through any
        // other (an endless `ping` prints a line each second of them).
        if (!Number.isFinite(effect.ms) || (effect.stream && !replay)) {
          run.end = { code: 0, forever: true };
          return;
        }
        // A zero-length wait is a breath; the command goes on at once.
        waiting = Math.max(0, Math.round(effect.ms));
      }
    },
  };
  return run;
}

/**
 * Runs a workload's command ahead of time, on the world in `store` (its files change now). A
 * command that ends soon with little output keeps its lines; one that never ends or talks a lot is
 * marked `replay` and its output is written out when read (programLines).
 */
export function runOffline(store: WorldAccess, runner: LineRunner, stdin: string | null = null, services?: Services): OfflineOutcome & { replay: boolean } {
  const start = store.getState().clock.now;
  const run = startRun(store, runner, stdin, services, start, false);
  run.until(HORIZON_MS);
  const bytes = run.output.reduce((n, o) => n + o.text.length, 0);
  const forever = !run.end || run.end.forever === true;
  return { output: run.output, durationMs: forever ? Infinity : run.elapsed, exitCode: run.end?.code ?? 0, replay: forever || bytes > INLINE_BYTES };
}

// ---------------------------------------------------------------------------------------------
// Replays for reading: one live run per program start, on a throwaway copy of the world.

const REPLAYS_KEPT = 32;
/** How far past now a replay looks for the next line (a follower's wake-up): a loop's longest sleep, usually. */
const LOOKAHEAD_MS = 3_600_000;
const replays = new Map<string, { run: Run; lines: OutputLine[]; taken: number }>();

/** Lines keep what the program printed; a chunk without a final newline waits for the rest. */
function toLines(run: Run, from: number, start: number, out: OutputLine[], pending: { text: string; at: number; stream: 'stdout' | 'stderr' } | undefined) {
  let carry = pending;
  for (let i = from; i < run.output.length; i++) {
    const o = run.output[i];
    const parts = o.text.split('\n');
    parts.forEach((part, k) => {
      if (k < parts.length - 1) {
        out.push({ at: carry?.at ?? start + o.offset, stream: carry?.stream ?? o.stream, text: (carry?.text ?? '') + part });
        carry = undefined;
      } else if (part) carry = { text: (carry?.text ?? '') + part, at: carry?.at ?? start + o.offset, stream: carry?.stream ?? o.stream };
    });
  }
  return carry;
}

export interface Replay {
  /** Names this run of this program (workload id, start, command line): replays are kept by it. */
  key: string;
  startedAt: number;
  runner: LineRunner;
  /**
   * A copy of the world the replay may change freely: its runtime copies the table its record is
   * in; the clock, randomness, timers and record of commands are the replay's own.
   */
  fork(world: World): World;
}

/**
 * What a replayed program printed from its start up to `upTo` (and its next line after, so a
 * follower knows when to wake), at most `limit` lines, newest kept.
 */
export function programLines(world: World, replay: Replay, upTo: number, limit: number, services?: Services): OutputLine[] {
  const { key, startedAt } = replay;
  let entry = replays.get(key);
  if (!entry) {
    let copy: World = { ...replay.fork(world), clock: { now: startedAt }, rng: programRandom(key), timers: emptyTimers(), record: emptyRecord() };
    const store: WorldAccess = { getState: () => copy, setState: (w) => (copy = w) };
    entry = { run: startRun(store, replay.runner, null, services, startedAt, true), lines: [], taken: 0 };
    if (replays.size >= REPLAYS_KEPT) replays.delete(replays.keys().next().value!);
    replays.set(key, entry);
  }
  entry.run.until(upTo - startedAt, LOOKAHEAD_MS);
  toLines(entry.run, entry.taken, startedAt, entry.lines, undefined);
  entry.taken = entry.run.output.length;
  if (entry.lines.length > limit) entry.lines.splice(0, entry.lines.length - limit);
  return entry.lines;
}
