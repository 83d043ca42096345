// A command is data: its name, flags, arguments and subcommands. Parsing, --help, Tab completion
// and unknown-flag errors are derived from this spec (see flags.ts, help.ts, completion.ts), so a
// new flag is one line here and never a change to the parser.
import type { CommandBody } from '../process';
import type { Dialect } from './dialects';

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

/** The key a flag's value is stored under: its long name, else its shorthand. */
export const flagKey = (flag: FlagSpec) => flag.long || flag.short!;

export function findSubcommand(spec: CommandSpec, name: string): CommandSpec | undefined {
  return spec.subcommands?.find((s) => s.name === name || s.aliases?.includes(name));
}

/** The commands a shell can run, by name. */
export interface CommandTable {
  get(name: string): CommandSpec | undefined;
  names(): string[];
}
