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
import type { NestedShell } from './core/process';
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
export const DEFAULT_ROWS = 24;

export function createSession(options: SessionOptions = {}, extraCommands: readonly CommandSpec[] = []): Session {
  const store: WorldStore = createWorldStore<World>(buildScenario(options.scenario ?? DEFAULT_SCENARIO, options.seed ?? 1));
  // The background systems this machine runs; Kubernetes' controllers, scheduler and kubelets join here.
  const network = composeNetwork([dockerAddresses]);
  const services = servicesOf([[NETWORK, network]]);
  const systems = systemsOf<World>([dockerSystem(services)]);
  const machine = laptopMachine(store);
  const commands = commandTable([...BUILTINS, dockerRoot(), curl, wget, ping, ...extraCommands]);

  // The laptop's interactive bash has Ubuntu's command-not-found handler (its /etc/bash.bashrc).
  const notFound = (name: string) => ubuntuCommandNotFound(name, machine.identity().user);
  const runtime = (emit: (t: string) => void, tty: ShellRuntime['tty'], live = false): ShellRuntime => ({ store, machine, commands, tty, emit, live, record: true, services, notFound });

  const advance = (ms: number) => {
    if (!(ms >= 0)) return;
    // The clock keeps whole milliseconds, as timers do, so no fraction can split one moment in two.
    const whole = Math.round(ms);
    // Everything the due timers change reaches subscribers (the pictures) once, together.
    store.batch(() => store.setState(runUntil(store.getState(), systems, store.getState().clock.now + whole), true));
  };
  const nextEventAt = () => nextDue(store.getState());
  /**
   * When a line ends: what it made due now runs (a container it started that exits at once), and
   * subscribers hear of the line's changes, the record of its commands included, once.
   */
  const settle = () => store.batch(() => store.setState({ ...runUntil(store.getState(), systems, store.getState().clock.now) }, true));
  const settling = (proc: ShellProcess): ShellProcess => {
    const after = (step: Step) => {
      if (step.kind === 'exit') settle();
      return step;
    };
    return { resume: (input) => after(proc.resume(input)), interrupt: () => after(proc.interrupt()) };
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
          last = end.code;
          if (end.exitShell) return end.code;
        }
      };
      const end = drive(settling(startLine(line, runtime(write, tty))));
      return { output, exitCode: end.code };
    },
    start(line, startOptions) {
      return settling(startLine(line, runtime(startOptions.write, { cols: startOptions.cols, rows: startOptions.rows }, startOptions.live)));
    },
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
    },
    save() {
      return JSON.stringify(encodeCompact(store.getState()));
    },
    load(text) {
      store.setState(parseSaved(text), true);
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
