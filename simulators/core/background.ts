// Processes that run without the terminal: a shell's `cmd &`, or a line stopped with Ctrl-Z and
// sent on with `bg`. Each is stepped as simulated time reaches what it waits for, so `sleep 3 &`
// ends three simulated seconds later, between whatever else the session runs. A process that asks
// for the terminal (to read a key, or to open a shell) stops there, as SIGTTIN stops it, until the
// shell brings it to the foreground. The session interleaves these wake-ups with its timers.
import type { Pending, ShellProcess, Step } from './process';
import { serviceKey } from './services';

export type { Pending } from './process';

/** The session's Background, for shells that start jobs wherever they run (a script, a container). */
export const BACKGROUND = serviceKey<Background>('background');

export interface BackgroundHooks {
  /** It ended by itself with this status. */
  exited(code: number): void;
  /** It wants the terminal, to read from it (SIGTTIN) or to take it over (SIGTTOU), and stops until brought to the foreground. */
  stopped(why: 'input' | 'output'): void;
}

export interface BackgroundEntry {
  readonly proc: ShellProcess;
  /** What it waits for now; undefined while it is being stepped or after it ended. */
  pending?: Pending;
  /** Stopped (Ctrl-Z, SIGSTOP, or wanting the terminal): not stepped until continued. */
  stopped: boolean;
  done: boolean;
  readonly hooks: BackgroundHooks;
}

export interface Background {
  /** Takes a process in, running (its first step is due now) or stopped with what it waits for. */
  add(proc: ShellProcess, hooks: BackgroundHooks, start: { step?: Step; stopped?: boolean }): BackgroundEntry;
  /** Lets a stopped process go on (bg, SIGCONT): it takes its next step when what it waits for is there. */
  resume(entry: BackgroundEntry): void;
  stop(entry: BackgroundEntry): void;
  /** Hands a process to the foreground (fg): it is no longer stepped here; returns what it waits for. */
  take(entry: BackgroundEntry): Pending | undefined;
  /** Ends a process as a signal does: it is interrupted where it waits and never stepped again. */
  end(entry: BackgroundEntry): void;
  /** How many processes it holds (running or stopped). */
  count(): number;
  /** The earliest moment a running process waits for (simulated ms), if any. */
  nextWake(): number | undefined;
  /** Steps every running process whose moment has come by `now`, or whose awaited change happened. */
  runDue(now: number): void;
  /** Forgets every process (the machine was replaced by a saved one: a fresh shell has no jobs). */
  clear(): void;
}

/** A read stops a job as SIGTTIN does; a full-screen program taking the terminal over, as SIGTTOU. */
const whyStopped = (p: Pending | undefined): 'input' | 'output' => (p?.kind === 'read' && p.takeover ? 'output' : 'input');

export function createBackground(now: () => number): Background {
  const entries = new Set<BackgroundEntry>();

  const park = (entry: BackgroundEntry, step: Step) => {
    if (step.kind === 'exit') {
      entry.done = true;
      entry.pending = undefined;
      entries.delete(entry);
      entry.hooks.exited(step.code);
      return;
    }
    // A wait for no time (a loop letting the page breathe) is due at the next millisecond: a job
    // never runs twice at one moment, so however busy it is, the clock and the page move on.
    if (step.kind === 'wait') entry.pending = { kind: 'wait', until: now() + Math.max(1, step.ms), stream: step.stream, ready: step.ready };
    else if (step.kind === 'read') entry.pending = { kind: 'read', raw: step.raw, ...(step.takeover ? { takeover: true } : {}) };
    else entry.pending = { kind: 'shell', shell: step.shell };
    if (step.kind !== 'wait' && !entry.stopped) {
      entry.stopped = true;
      entry.hooks.stopped(whyStopped(entry.pending));
    }
  };

  const due = (entry: BackgroundEntry, at: number) => {
    const p = entry.pending;
    if (entry.stopped || entry.done || !p || p.kind !== 'wait') return false;
    return p.until <= at || Boolean(p.ready?.());
  };

  /** One step of one process, up to what it waits for next. */
  const step = (entry: BackgroundEntry) => {
    entry.pending = undefined;
    park(entry, entry.proc.resume());
  };

  const background: Background = {
    add(proc, hooks, start) {
      const entry: BackgroundEntry = { proc, stopped: Boolean(start.stopped), done: false, hooks };
      entries.add(entry);
      // Its first step comes when the session next runs what is due (after the line that started
      // it takes its own step), never inside the step that started it: so a job that starts jobs
      // spreads over moments instead of diving into itself.
      if (start.step) park(entry, start.step);
      else entry.pending = { kind: 'wait', until: now(), stream: false };
      return entry;
    },
    resume(entry) {
      if (entry.done || !entry.stopped) return;
      entry.stopped = false;
      const p = entry.pending;
      // What wanted the terminal asks again at once, and stops again.
      if (p && p.kind !== 'wait') {
        entry.stopped = true;
        entry.hooks.stopped(whyStopped(p));
      }
    },
    stop(entry) {
      entry.stopped = true;
    },
    take(entry) {
      entries.delete(entry);
      const pending = entry.pending;
      entry.pending = undefined;
      return pending;
    },
    end(entry) {
      if (entry.done) return;
      entry.done = true;
      entries.delete(entry);
      entry.pending = undefined;
      // Its `finally` blocks run (files it made for `<(...)` go); what it prints as it dies is its own.
      try {
        entry.proc.interrupt();
      } catch {
        // A process that fails while dying is gone all the same.
      }
    },
    count: () => entries.size,
    nextWake() {
      let best: number | undefined;
      for (const e of entries) {
        const p = e.pending;
        if (e.stopped || !p || p.kind !== 'wait' || !Number.isFinite(p.until)) continue;
        if (best === undefined || p.until < best) best = p.until;
      }
      return best;
    },
    runDue(at) {
      // In the order they were started, as a scheduler would, each one step to its next wait;
      // those started meanwhile take theirs next time.
      for (const entry of [...entries]) if (entries.has(entry) && due(entry, at)) step(entry);
    },
    clear() {
      for (const e of entries) e.done = true;
      entries.clear();
    },
  };
  return background;
}
