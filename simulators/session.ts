// One learner machine: a world in a store, a shell over it, and the ways to drive it (run a line
// to its end, start one in real time, complete a word, save and restore).
import { createWorldStore } from './core/store';
import { nextDue, runUntil, systemsOf } from './core/systems';
import type { CommandSpec } from './core/command/spec';
import { complete as completeLine, type Completion } from './shell/completion';
import { BUILTINS } from './shell/builtins';
import { commandTable } from './shell/commands';
import { ubuntuCommandNotFound } from './shell/command-not-found';
import type { ShellRuntime } from './shell/interpreter';
import { laptopMachine } from './scenarios/laptop-machine';
import { parseScript } from './shell/parser';
import { FS_MESSAGES, resolvePath, writeFile as writeFileAt } from './shell/fs';
import { startLine, type ShellProcess, type Step } from './shell/process';
import type { NestedShell, Pending } from './core/process';
import { BACKGROUND, createBackground } from './core/background';
import { createJobTable } from './shell/jobs';
import { printJob } from './shell/printer';
import { buildScenario, DEFAULT_SCENARIO, scenarioSpec } from './scenarios';
import { parseSaved, parseWorld } from './snapshot';
import { encodeCompact } from './core/compact-json';
import type { World, WorldStore } from './world';
import { dockerSystem } from './docker/engine/restart-manager';
import { dockerAddresses } from './docker/engine/addresses';
import { composeNetwork, NETWORK } from './network/addresses';
import { services as servicesOf } from './core/services';
import { dockerRoot } from './docker/cli/root';
import { curl } from './network/curl';
import { ping } from './network/ping';
import { wget } from './network/wget';

export interface SessionOptions {
  scenario?: string;
  seed?: number;
}

export interface RunOptions {
  /** How much simulated time a streaming command may run before it is interrupted as by Ctrl-C. */
  maxSimMs?: number;
  /** Keys for interactive programs (nano, cat), one chunk per read; then input ends. */
  input?: string | readonly string[];
}

export interface StartOptions {
  /** Receives everything the line prints, as it prints it. */
  write(text: string): void;
  cols: number;
  rows: number;
  /** A person watches in real time: progress may redraw in place (the browser terminal). */
  live?: boolean;
}

export interface Session {
  readonly store: WorldStore;
  run(line: string, options?: RunOptions): { output: string; exitCode: number };
  /** Lets `ms` of simulated time pass: every timer due in it runs at its own time, in order. */
  advance(ms: number): void;
  /** When the next background event is due (simulated ms), or undefined when nothing is scheduled. */
  nextEventAt(): number | undefined;
  /** Advances to the next background event and runs it (and any due at the same ms); false when none. */
  stepToNextEvent(): boolean;
  start(line: string, options: StartOptions): ShellProcess;
  /** Whether a typed line is complete, needs more lines (bash's `> ` prompt) or is a syntax error. */
  check(line: string): 'complete' | 'incomplete' | 'error';
  complete(line: string, cursor: number): Completion;
  prompt(): PromptParts;
  /** A copy of the world as plain JSON. */
  snapshot(): World;
  /** Replaces the world with a saved one (a snapshot, or save()'s form); throws SnapshotError when it is unusable. */
  restore(snapshot: unknown): void;
  /** The world as compact JSON text for storage: repeated parts written once (core/compact-json.ts). */
  save(): string;
  /** Takes back what save() wrote (or a snapshot's JSON text); throws SnapshotError when it is unusable. */
  load(text: string): void;
  /**
   * Saves a file as the learner would in an editor (a lesson's "Write to file"): relative to the
   * shell's working directory, owned by the learner; no command is recorded. The error reads as the
   * editor's would (`Permission denied`).
   */
  writeFile(path: string, content: string): { ok: true; path: string } | { ok: false; path: string; error: string };
  /**
   * Where the terminal's text goes while no line runs (the prompt is showing): background jobs
   * print there. Without one, it waits and comes first in the next run()'s output.
   */
  attach(write: ((text: string) => void) | null): void;
  /**
   * Ctrl-Z: `proc`, a line start() began, waiting for `pending`, becomes a stopped job (or, when
   * it is `fg`, its job stops again). Returns the line's status, 148 as bash's.
   */
  suspend(proc: ShellProcess, pending: Pending, options?: { screen?: boolean }): number;
  /** What bash prints before its next prompt about jobs that ended or stopped (`[1]+  Done   sleep 3`). */
  notices(): string;
}

export interface PromptParts {
  user: string;
  host: string;
  /** The working directory as bash's \w shows it (~ for home). */
  dir: string;
  symbol: '$' | '#';
}

/** Keyboard input given to run(): whole chunks for programs that read keys, lines for shells. */
function inputQueue(chunks: string[]) {
  let pending = '';
  return {
    chunk(): string | null {
      if (pending) {
        const out = pending;
        pending = '';
        return out;
      }
      return chunks.length ? chunks.shift()! : null;
    },
    line(): string | null {
      while (!/[\r\n]/.test(pending) && chunks.length) pending += chunks.shift();
      if (pending === '') return null;
      const m = /\r\n|\r|\n/.exec(pending);
      if (!m) {
        const rest = pending;
        pending = '';
        return rest;
      }
      const line = pending.slice(0, m.index);
      pending = pending.slice(m.index + m[0].length);
      return line;
    },
  };
}

export const DEFAULT_COLS = 80;
/** What jobs may print with nobody watching before it is dropped (characters). */
const UNSEEN_LIMIT = 1 << 20;
export const DEFAULT_ROWS = 24;

export function createSession(options: SessionOptions = {}, extraCommands: readonly CommandSpec[] = []): Session {
  const store: WorldStore = createWorldStore<World>(buildScenario(options.scenario ?? DEFAULT_SCENARIO, options.seed ?? 1));
  // The background systems this machine runs; Kubernetes' controllers, scheduler and kubelets join here.
  const now = () => store.getState().clock.now;
  // Jobs (`cmd &`, Ctrl-Z) run here, between the session's timers, on the same clock.
  const background = createBackground(now);
  const network = composeNetwork([dockerAddresses]);
  const services = servicesOf([
    [NETWORK, network],
    [BACKGROUND, background],
  ]);
  const systems = systemsOf<World>([dockerSystem(services)]);
  const laptop = laptopMachine(store);

  // The terminal: the running line's writer, else the one attached at the prompt, else kept for
  // the next run(). A job writes here whenever it prints, whichever line is running then.
  let lineWrite: ((t: string) => void) | null = null;
  let idleWrite: ((t: string) => void) | null = null;
  let unseen = '';
  const terminal = (t: string) => {
    if (lineWrite) lineWrite(t);
    else if (idleWrite) idleWrite(t);
    else if (unseen.length < UNSEEN_LIMIT) unseen += t.slice(0, UNSEEN_LIMIT - unseen.length);
  };
  const jobs = createJobTable({ background, interactive: true, emit: terminal, now, firstPid: () => laptop.childPid().pid, user: () => laptop.identity().user });
  // ps lists the jobs among the laptop's processes.
  const machine = { ...laptop, processes: () => [...laptop.processes(), ...jobs.processes()] };
  const commands = commandTable([...BUILTINS, dockerRoot(), curl, wget, ping, ...extraCommands]);

  // The laptop's interactive bash has Ubuntu's command-not-found handler (its /etc/bash.bashrc).
  const notFound = (name: string) => ubuntuCommandNotFound(name, machine.identity().user);
  const runtime = (tty: ShellRuntime['tty'], live = false): ShellRuntime => ({ store, machine, commands, tty, emit: terminal, live, record: true, services, notFound, jobs });

  const advance = (ms: number) => {
    if (!(ms >= 0)) return;
    // The clock keeps whole milliseconds, as timers do, so no fraction can split one moment in two.
    const target = now() + Math.round(ms);
    // Everything that changes reaches subscribers (the pictures) once, together. Jobs wake at
    // their own moments, in order with the timers.
    store.batch(() => {
      for (;;) {
        const wake = background.nextWake();
        const until = wake !== undefined && wake < target ? Math.max(wake, now()) : target;
        store.setState(runUntil(store.getState(), systems, until), true);
        // A job steps once per moment and waits at least a millisecond, so this ends.
        background.runDue(now());
        if (until >= target) break;
      }
    });
  };
  const nextEventAt = () => {
    const timer = nextDue(store.getState());
    const wake = background.nextWake();
    return timer === undefined ? wake : wake === undefined ? timer : Math.min(timer, wake);
  };
  /**
   * When a line ends: what it made due now runs (a container it started that exits at once), and
   * subscribers hear of the line's changes, the record of its commands included, once.
   */
  const settle = () => store.batch(() => store.setState({ ...runUntil(store.getState(), systems, now()) }, true));
  /** The processes start() handed out, to their lines and the processes they wrap. */
  const started = new WeakMap<ShellProcess, { line: string; proc: ShellProcess }>();
  const settling = (proc: ShellProcess, line: string): ShellProcess => {
    const after = (step: Step) => {
      if (step.kind === 'exit') {
        // The prompt comes before the jobs the line started take their first step, as on a real
        // terminal, where bash prints it while they are still starting: they run at the next moment
        // the session advances, their output after the prompt.
        settle();
        lineWrite = null;
      } else {
        // While the line waits, jobs it started run, and one waiting for a change it just made
        // (logs -f for a container it started) hears of it, on the line's terminal.
        background.runDue(now());
      }
      return step;
    };
    const wrapped: ShellProcess = { resume: (input) => after(proc.resume(input)), interrupt: () => after(proc.interrupt()) };
    started.set(wrapped, { line, proc });
    return wrapped;
  };

  // A machine taken back from storage gets a fresh shell: jobs, like a closed terminal's, are gone.
  const forgetJobs = () => {
    jobs.clear();
    background.clear();
  };

  const session: Session = {
    store,
    advance,
    nextEventAt,
    stepToNextEvent() {
      const at = nextEventAt();
      if (at === undefined) return false;
      advance(Math.max(0, at - store.getState().clock.now));
      return true;
    },
    run(line, runOptions = {}) {
      let output = '';
      const write = (t: string) => (output += t);
      const tty = { cols: DEFAULT_COLS, rows: DEFAULT_ROWS };
      const input = inputQueue(typeof runOptions.input === 'string' ? [runOptions.input] : [...(runOptions.input ?? [])]);
      const budget = runOptions.maxSimMs ?? 0;

      const drive = (proc: ShellProcess): Extract<Step, { kind: 'exit' }> => {
        let streamed = 0;
        let step: Step = proc.resume();
        const now = () => store.getState().clock.now;
        const cut = () => {
          write('^C\n');
          return proc.interrupt();
        };
        while (step.kind !== 'exit') {
          if (step.kind === 'read') step = proc.resume(input.chunk());
          else if (step.kind === 'shell') step = proc.resume(String(typeInto(step.shell)));
          else if (step.ready) {
            // A stream that wakes on change: the world runs event by event until the stream is
            // ready, its own time is up, or the time this run allows streams is spent.
            const ready = step.ready;
            const started = now();
            const ownEnd = started + step.ms;
            // Only a stream is bounded by the run's allowance; a wait that must end (a program
            // that exits) runs to its end, and one with nothing left to wake it is cut.
            const runEnd = step.stream ? started + Math.max(0, budget - streamed) : Infinity;
            let interrupted = false;
            while (!ready() && now() < ownEnd) {
              const target = Math.min(ownEnd, nextEventAt() ?? Infinity);
              if (target > runEnd || target === Infinity) {
                if (runEnd !== Infinity) advance(runEnd - now());
                interrupted = true;
                break;
              }
              advance(target - now());
            }
            streamed += now() - started;
            step = interrupted ? cut() : proc.resume();
          } else if (step.stream && streamed + step.ms > budget) {
            advance(Math.max(0, budget - streamed));
            write('^C\n');
            step = proc.interrupt();
          } else {
            if (step.stream) streamed += step.ms;
            advance(step.ms);
            step = proc.resume();
          }
        }
        return step;
      };
      // A shell inside a container reads the input line by line, echoed after its prompt as a
      // terminal would show it; when the input ends it exits as bash does on Ctrl-D.
      const typeInto = (shell: NestedShell): number => {
        let last = 0;
        for (;;) {
          write(shell.prompt().text);
          let typed = input.line();
          if (typed === null) {
            write(`${shell.eofText ?? 'exit'}\n`);
            shell.close?.();
            return last;
          }
          write(`${typed}\n`);
          // A statement that goes on (an open quote, Python's `for x in y:`) reads more lines.
          while (shell.check(typed) === 'incomplete') {
            write(shell.continuation ?? '> ');
            const more = input.line();
            if (more === null) break;
            write(`${more}\n`);
            typed = `${typed}\n${more}`;
          }
          const end = drive(shell.start(typed, { write, ...tty }));
          write(shell.notices?.() ?? '');
          last = end.code;
          if (end.exitShell) {
            shell.close?.();
            return end.code;
          }
        }
      };
      // A line is typed after its prompt: jobs due by then (the ones the last line started) have
      // taken their step, and what jobs printed since the last run comes first, as on the screen.
      background.runDue(now());
      output = unseen;
      unseen = '';
      lineWrite = write;
      try {
        const end = drive(settling(startLine(line, runtime(tty)), line));
        // bash reports jobs that ended or stopped just before its next prompt.
        output += jobs.notices();
        return { output, exitCode: end.code };
      } finally {
        lineWrite = null;
      }
    },
    start(line, startOptions) {
      lineWrite = startOptions.write;
      return settling(startLine(line, runtime({ cols: startOptions.cols, rows: startOptions.rows }, startOptions.live)), line);
    },
    attach(write) {
      idleWrite = write;
      if (write && unseen) {
        const text = unseen;
        unseen = '';
        write(text);
      }
    },
    suspend(proc, pending, suspendOptions) {
      const line = started.get(proc);
      lineWrite = null;
      const parsed = line ? parseScript(line.line) : undefined;
      const text = parsed?.kind === 'ok' && parsed.script.items.length ? parsed.script.items.map(printJob).join('; ') : (line?.line.trim() ?? '');
      jobs.suspend(line?.proc ?? proc, pending, text, suspendOptions?.screen);
      // bash's status for a job stopped by Ctrl-Z: 128 + SIGTSTP.
      machine.setShell((s) => ({ ...s, lastExitCode: 148 }));
      settle();
      return 148;
    },
    notices: () => jobs.notices(),
    check(line) {
      const parsed = parseScript(line);
      return parsed.kind === 'ok' ? 'complete' : parsed.kind;
    },
    complete(line, cursor) {
      return completeLine(line, cursor, { commands, machine, world: () => store.getState() });
    },
    prompt() {
      const { user, hostname, home } = machine.identity();
      const cwd = machine.shell().cwd;
      const dir = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
      return { user, host: hostname, dir, symbol: user === 'root' ? '#' : '$' };
    },
    snapshot() {
      return JSON.parse(JSON.stringify(store.getState())) as World;
    },
    restore(snapshot) {
      store.setState(parseWorld(snapshot), true);
      forgetJobs();
    },
    save() {
      return JSON.stringify(encodeCompact(store.getState()));
    },
    load(text) {
      store.setState(parseSaved(text), true);
      forgetJobs();
    },
    writeFile(path, content) {
      const abs = resolvePath(machine.shell().cwd, path);
      const result = writeFileAt(machine.fs(), abs, content, { user: machine.identity().user, now: machine.now() });
      if (!result.ok) return { ok: false, path: abs, error: FS_MESSAGES[result.code] };
      store.batch(() => machine.setFs(result.value));
      return { ok: true, path: abs };
    },
  };

  // A scenario's setup runs like typed commands, then leaves no trace in the learner's history.
  const spec = scenarioSpec(options.scenario ?? DEFAULT_SCENARIO);
  for (const line of spec.setup ?? []) {
    const result = session.run(line);
    if (result.exitCode !== 0) throw new Error(`scenario ${spec.id}: setup "${line}" failed:\n${result.output}`);
  }
  if (spec.setup?.length) {
    advance(spec.settleMs ?? 0);
    // The record keeps what setup ran, marked as such: a check counts only what the learner did.
    const world = store.getState();
    for (const entry of world.record.commands) entry.setup = true;
    store.setState({ ...world, shell: { ...world.shell, history: [], lastExitCode: 0 } }, true);
  }
  return session;
}
