// How a command body runs. A body is a function that may return a generator: each `yield` is an
// effect the runner carries out (let simulated time pass, read terminal input). Under
// session.run() the effects resolve at once; in the browser the terminal resolves them in real
// time, so the same body prints an image pull instantly in a test and progressively on screen.
import type { CommandTable, ParsedCommand } from './command/spec';
import type { Machine } from '../shell/machine';
import type { ShellProcess } from '../shell/process';
import type { World } from '../world';
import type { WorkBudget } from './budget';
import type { Services } from './services';

export type Effect =
  /**
   * Simulated time passes. `stream` marks a wait for output that may never come (logs -f, get -w):
   * its `ms` may be Infinity, and with `ready` it ends early, as soon as the world changes so that
   * `ready()` holds (a new log line, a container that exits), instead of polling.
   */
  | { type: 'wait'; ms: number; stream?: boolean; ready?: () => boolean }
  /**
   * The next chunk of keyboard input; resumes with null when there is no terminal or input ended.
   * `raw` (full-screen programs such as nano) receives every key, Ctrl-C included; otherwise the
   * terminal turns Ctrl-C into an interrupt, as a tty in canonical mode does.
   */
  | { type: 'read'; raw?: boolean }
  /**
   * Hands the terminal to a shell on another machine (`docker run -it`, `docker exec -it`): the
   * learner types lines into it until it exits. Resumes with that shell's exit code as a string.
   */
  | { type: 'shell'; shell: NestedShell };

/** A shell the terminal can type into, other than the laptop's own. */
export interface NestedShell {
  /** The prompt to show, with its colours, and its width in columns. */
  prompt(): { text: string; width: number };
  check(line: string): 'complete' | 'incomplete' | 'error';
  start(line: string, options: { write(text: string): void; cols: number; rows: number; live?: boolean }): ShellProcess;
  complete(line: string, cursor: number): { insert: string; candidates: string[] };
  history(): readonly string[];
  /** The prompt for a statement's further lines (bash: `> `, Python: `... `). */
  continuation?: string;
  /** What the terminal shows when Ctrl-D ends this shell (bash prints `exit`, Python a newline). */
  eofText?: string;
}

export type ExitCode = number;
export type CommandRun = Generator<Effect, ExitCode | void, string | null>;

export interface CommandContext {
  /** The words after expansion; argv[0] is the command's name as typed. */
  readonly argv: readonly string[];
  /** Whether this command's line is recorded (a learner's): shells it starts record their commands too. */
  readonly recording?: boolean;
  /** What the session composed for everything it runs (the network's address providers...). */
  readonly services: Services;
  readonly command: ParsedCommand;
  /** Piped or redirected input, or null when the command reads the terminal. */
  readonly stdin: string | null;
  /** Set when stdout is a terminal (not a pipe or file): its size. */
  readonly tty: { cols: number; rows: number } | null;
  /**
   * True when a person watches in real time (the browser terminal): progress may redraw in place.
   * False under session.run(), which returns the final screen text only.
   */
  readonly live: boolean;
  /** The environment this command sees (exported vars plus `VAR=x cmd` assignments). */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** The world as it is now; read it again after a yield, since time may have passed. */
  world(): World;
  update(change: (world: World) => World): void;
  /** Prints a usage error worded in the command's dialect and returns its exit code. */
  usageError(message: string): ExitCode;
  /** Raw terminal output (full-screen programs): written as is, never captured by a pipe. */
  screen(text: string): void;
  /** The machine this shell runs on: its files, shell state and identity. */
  readonly machine: Machine;
  /** Every command this shell knows (for help, type, which and completion). */
  readonly commands: CommandTable;
  /** `exit`: ends this shell after the current command. */
  requestExit(code: number): void;
  /** True where `exit` prints nothing (scripts, BusyBox's ash); bash at a prompt prints `exit`. */
  readonly quietExit?: boolean;
  /** `break`/`continue` N: false when no loop is running. */
  requestLoop?(kind: 'break' | 'continue', levels: number): boolean;
  /** Takes what `read` used off the front of piped input, so the next command sees the rest. */
  consumeInput?(chars: number): void;
  /**
   * The line's work budget: a program that loops or builds big things (Python, printf's padding,
   * a shell inside a container) spends from it, so the whole line stays bounded.
   */
  readonly budget: WorkBudget;
}

export type CommandBody = (ctx: CommandContext) => ExitCode | void | CommandRun;

/** Thrown into a running body when the learner presses Ctrl-C. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

export function isGenerator(value: unknown): value is CommandRun {
  return typeof value === 'object' && value !== null && typeof (value as CommandRun).next === 'function';
}
