// The command runtime's types, in one file because they refer to each other: a spec names its
// dialect, a dialect words errors about specs, a parsed command holds the chain of specs. A body
// runs with its context and yields effects (declared here too; shell/context.ts adds the world and
// the machine to the context).
import type { WorkBudget } from '../budget';
import type { Services } from '../services';

/**
 * How a flag reads its value, as pflag's kinds do: `stringArray` repeats (`-e A=1 -e B=2`);
 * `stringSlice` repeats and also splits on commas as CSV (`--image=a,b`); `duration` is Go's
 * syntax (`1m30s`), kept as milliseconds; `stringToString` is `k=v,k2=v2`, kept as a record;
 * `uint` refuses a sign. Dialects with `goValues` read bools and numbers as Go's strconv does.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'uint' | 'duration' | 'stringArray' | 'stringSlice' | 'stringToString' | 'count';

/** What a completer may read: the world now, and what the line already says. */
export interface CompletionRequest {
  /** The world as it is now; the runtime that declares the completer knows its shape (core does not). */
  world(): unknown;
  /** The arguments typed before the word being completed (cobra's `args`). */
  args: readonly string[];
  /** The flags typed before it, by key (`force` after `docker rm -f`). */
  flags: Readonly<Record<string, FlagValue>>;
}

/** Candidates read from the world (containers, images, later pods); Tab keeps the ones that fit the word. */
export type CompleterFn = (request: CompletionRequest) => readonly string[];

/** What Tab offers for a value or an argument. */
export type Completer = 'path' | 'dir' | 'command' | readonly string[] | CompleterFn;

export interface FlagSpec {
  /** Long name without dashes (`all` for --all). Empty for short-only flags such as GNU `ls -l`. */
  long: string;
  /** One-letter shorthand without the dash (`a` for -a). */
  short?: string;
  type: FlagType;
  description: string;
  /** Name of the value in help text: `--name string`, `-n, --lines=NUM`. */
  valueName?: string;
  /** Duration defaults are milliseconds. */
  default?: string | number | boolean;
  /** Width of an `int` or `uint` (pflag's int32, uint16...): larger values are out of range. Default 64. */
  bits?: 8 | 16 | 32 | 64;
  /**
   * GNU's optional argument (`--color[=WHEN]`, `-I[FMT]`): the value when the flag comes without
   * one. Such a flag takes a value only as `--name=value` or `-xvalue`, never from the next word.
   */
  implicit?: string;
  hidden?: boolean;
  /** For non-bool flags: what Tab offers after the flag. */
  complete?: Completer;
}

export interface ArgSpec {
  name: string;
  /** Shown in usage as `NAME...` and lets any number follow. */
  variadic?: boolean;
  optional?: boolean;
  complete?: Completer;
}

export interface CommandSpec {
  name: string;
  /** One line, used by `help`, by parent command listings and by completion descriptions. */
  summary: string;
  /** The usage line after `Usage:`; derived from args when absent. */
  usage?: string;
  /** Longer text printed by --help after the usage line. */
  description?: string;
  dialect: Dialect;
  /** Flags of this command only (cobra's Flags): not valid in its subcommands. */
  flags?: readonly FlagSpec[];
  /**
   * Flags this command and every command below it accept (cobra's PersistentFlags): kubectl's
   * `-n/--namespace` and `--context`. Below, they are the subcommand's inherited flags.
   */
  persistentFlags?: readonly FlagSpec[];
  args?: readonly ArgSpec[];
  subcommands?: readonly CommandSpec[];
  aliases?: readonly string[];
  /**
   * pflag's SetInterspersed(false), as `docker run` uses: flags stop at the first argument, so in
   * `docker run nginx ls -l` the `-l` belongs to the container's command.
   */
  stopAtFirstArg?: boolean;
  /** Heading this subcommand is listed under in its parent's help (docker: "Management Commands"). */
  section?: string;
  /** Left out of help listings and completion. */
  hidden?: boolean;
  /** A bash builtin rather than a program in /usr/bin (for `type` and `which`). */
  builtinOnly?: boolean;
  /** Where a program that is not in /usr/bin lives (python in /usr/local/bin), for PATH searches and runc. */
  paths?: readonly string[];
  /** The command reads its own options (bash's echo prints `-z` as text instead of refusing it). */
  rawArgs?: boolean;
  /** With rawArgs, `--help` too is a plain argument (bash's echo prints it, true and false ignore it). */
  helpIsArg?: boolean;
  /** GNU `head -5` / `tail -20`: a bare number is shorthand for this flag. */
  numericShorthand?: string;
  /** Exit code of a usage error: GNU ls and grep use 2, most coreutils 1. */
  usageExitCode?: number;
  /** Help-only section lines for GNU-style commands (e.g. what `-` means). */
  notes?: string;
  run?: CommandBody;
}

export type FlagValue = string | number | boolean | string[] | Readonly<Record<string, string>>;

export interface ParsedCommand {
  /** The spec chain from the root command to the subcommand that runs. */
  path: CommandSpec[];
  flags: Record<string, FlagValue>;
  /** Flags the user actually gave, by key, so defaults can be told apart from choices. */
  given: Set<string>;
  args: string[];
  /**
   * How many arguments came before a `--` that ended the flags (cobra's ArgsLenAtDash), or -1:
   * `kubectl exec POD -- ls -l` has args [POD, ls, -l] and dashAt 1.
   */
  dashAt: number;
}

/** The commands a shell can run, by name. */
export interface CommandTable {
  get(name: string): CommandSpec | undefined;
  names(): string[];
}

export type FlagError =
  | { kind: 'unknown-long'; name: string }
  | { kind: 'unknown-short'; char: string; token: string }
  | { kind: 'ambiguous-long'; name: string; candidates: string[] }
  | { kind: 'missing-value'; flag: FlagSpec; asShort: boolean }
  | { kind: 'unexpected-value'; flag: FlagSpec }
  /** A value the flag's kind refuses; `reason` is Go's error for it (`strconv.ParseInt: parsing "x": invalid syntax`). */
  | { kind: 'bad-value'; flag: FlagSpec; value: string; reason: string };

export interface Dialect {
  id: string;
  /** getopt_long accepts any unambiguous prefix of a long option; pflag does not. */
  longPrefixes: boolean;
  /** pflag reads `-n=5` as the value 5; getopt reads it as "=5". */
  shortEquals: boolean;
  /** Whether -h means --help (pflag) or is left to the command (GNU). */
  dashHIsHelp: boolean;
  /** pflag's dialects read bools and numbers as Go's strconv does (`--rm=1`, `--n=0x10`) and refuse the rest. */
  goValues?: boolean;
  /** Text and exit code for a flag the parser refused. `path` is the command chain. */
  flagError(path: readonly CommandSpec[], error: FlagError): { message: string; exitCode: number };
  /** A usage error raised by the command itself (missing operand, extra operand). */
  usageError(path: readonly CommandSpec[], message: string): { message: string; exitCode: number };
  /** The --help page; `cols` is the terminal's width where the tool wraps to it (docker does). */
  help(path: readonly CommandSpec[], cols?: number): string;
  /** Refuses a wrong number of arguments before the body runs (docker's cobra Args rules). */
  checkArgs?(path: readonly CommandSpec[], args: readonly string[]): { message: string; exitCode: number } | undefined;
  /** A command group given a subcommand it does not have (`docker container foo`). */
  unknownSubcommand?(path: readonly CommandSpec[], name: string): { message: string; exitCode: number };
  /** Exit code after `--help`: 0, except bash's builtins, which answer 2. */
  helpExitCode?: number;
}

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
   * terminal turns Ctrl-C into an interrupt, as a tty in canonical mode does. `takeover`: a
   * full-screen program in a background job asks for the terminal before it draws (curses'
   * tcsetattr); the job stops there (SIGTTOU) until `fg` hands it over (see takeTerminal).
   */
  | { type: 'read'; raw?: boolean; takeover?: boolean }
  /**
   * Hands the terminal to a shell on another machine (`docker run -it`, `docker exec -it`): the
   * learner types lines into it until it exits. Resumes with that shell's exit code as a string.
   */
  | { type: 'shell'; shell: NestedShell };

/** What a line set aside from the terminal waits for: a moment (and maybe a change to the world), or the terminal itself. */
export type Pending =
  | { kind: 'wait'; until: number; stream: boolean; ready?: () => boolean }
  | { kind: 'read'; raw: boolean; takeover?: boolean }
  | { kind: 'shell'; shell: NestedShell };

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
  /**
   * Ctrl-Z while `proc`, a line this shell started, waits for `pending`: the shell keeps it as a
   * stopped job and returns the status the line ends with (bash's 148). Undefined where the shell
   * has no job control (the line goes on, as a shell that ignores SIGTSTP lets it). `screen`:
   * a full-screen program had the screen (watch), and gave it back as curses does on SIGTSTP.
   */
  suspend?(proc: ShellProcess, pending: Pending, options?: { screen?: boolean }): number | undefined;
  /** What the shell prints before its next prompt about jobs that changed (`[1]+  Done   sleep 3`). */
  notices?(): string;
  /** The terminal leaves this shell (exit, Ctrl-D, end of input): its jobs end with it, as SIGHUP ends them. */
  close?(): void;
}

export type ExitCode = number;
export type CommandRun = Generator<Effect, ExitCode | void, string | null>;

/**
 * What a command body gets. The shell adds the world and the machine it runs on (shell/context.ts
 * declares them here), so this layer knows nothing above it.
 */
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
   * For a command writing into a pipe: true once the pipe holds more than its reader takes in one
   * go (the stages of a pipe run one after another here), so an endless writer such as `yes` stops
   * there, as it would on SIGPIPE once `head` has gone. Absent elsewhere.
   */
  readonly pipeFull?: () => boolean;
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
  /** Prints a usage error worded in the command's dialect and returns its exit code. */
  usageError(message: string): ExitCode;
  /** Raw terminal output (full-screen programs): written as is, never captured by a pipe. */
  screen(text: string): void;
  /** Every command this shell knows (for help, type, which and completion). */
  readonly commands: CommandTable;
  /** `exit`: ends this shell after the current command. */
  requestExit(code: number): void;
  /** True where `exit` prints nothing (scripts, BusyBox's ash); bash at a prompt prints `exit`. */
  readonly quietExit?: boolean;
  /** True in a background job (`cmd &`): a program that takes the terminal over stops there. */
  readonly background?: boolean;
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

/** What a started line is waiting for, as its driver (session.run, the terminal) sees it. */
export type Step =
  /** See the `wait` effect: `ms` may be Infinity for a stream, and `ready` ends it early on a change. */
  | { kind: 'wait'; ms: number; stream: boolean; ready?: () => boolean }
  | { kind: 'read'; raw: boolean; takeover?: boolean }
  | { kind: 'shell'; shell: NestedShell }
  /** `exitShell`: the line ran `exit`, so the shell it ran in ends (a container's shell returns). */
  | { kind: 'exit'; code: number; exitShell?: boolean };

export interface ShellProcess {
  /** Continues after a wait (time has passed) or with the input that was asked for (null: none). */
  resume(input?: string | null): Step;
  /** Ctrl-C. */
  interrupt(): Step;
  /**
   * The line leaves the terminal's foreground (Ctrl-Z): from now on it is a job of its own, as a
   * forked process is, so what it changes in the shell (cd, variables, $?) stays with it, and what
   * it prints goes to `write` (the terminal, whichever line is running then).
   */
  detach?(write: (text: string) => void): void;
}
