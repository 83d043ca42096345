// What bash's own builtins (local, return, shift, set, source, let, declare) ask of the shell that
// runs them: its positional parameters, the frames of its running functions, its arithmetic and its
// assignments. The interpreter hands this to every command it runs (ctx.language); other shells'
// commands see none.
import type { Effect } from '../core/process';
import type { Script } from './ast';
import type { Owned } from './variables';
import type { JobTable } from './jobs';

/**
 * An error that ends the whole line, as bash's jump back to the prompt does (a failed expansion,
 * `return 1 2`, functions nested too deep): its message is printed, and $? becomes `status`.
 * A subshell ($(...), a stage of a pipe, `( ... )`) stops there instead, with that status.
 */
export class AbortLine extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

/** An assignment after expansion: `x=v`, `x+=v`, `a[i]=v` (i still arithmetic text), `a=(...)`. */
export interface ExpandedAssignment {
  name: string;
  index?: string;
  append?: boolean;
  value?: string;
  /** For `a=(...)`: each element's value, with its subscript's text when it had one (`[5]=x`). */
  elements?: { index?: string; value: string; append?: boolean }[];
}

export interface ShellLanguage {
  /** $1, $2...: the running function's or sourced file's, else the shell's own. */
  positional(): readonly string[];
  setPositional(params: readonly string[]): void;
  /** Whether a function is running (where `local` may be used). */
  inFunction(): boolean;
  /** Keeps what NAME holds now, to be put back when the running function returns. */
  makeLocal(name: string): void;
  /** The names the running function has made local, in the order it made them. */
  localNames(): string[];
  /** `return N`: false when neither a function nor a sourced file is running. */
  requestReturn(code: number): boolean;
  /** This shell's jobs (jobs, fg, bg, wait, kill); undefined where nothing can run them. */
  jobs(): JobTable | undefined;
  /** Runs a script in this shell (`source`), with its own positional parameters when `args` is given. */
  source(script: Script, args: readonly string[] | undefined): Generator<Effect, number, string | null>;
  /** `eval`: a script run here as if typed in its place; an error that would end the line ends it only. */
  evaluate(script: Script): Generator<Effect, number, string | null>;
  /** `command NAME ARGS`: NAME run as a builtin or a program, never as a function. */
  runCommand(argv: readonly string[]): Generator<Effect, number, string | null>;
  /** Evaluates arithmetic over the shell's variables; throws ArithError or ArithUnbound (see arith.ts). */
  arith(expression: string): bigint;
  /** Assigns as an assignment word does; returns bash's complaint when it cannot (`a[-1]: bad array subscript`). */
  assign(assignment: ExpandedAssignment): string | undefined;
  /** A declaration builtin's arguments that were written as assignments, by their text among its args. */
  readonly assignments: ReadonlyMap<string, ExpandedAssignment>;
  /** Arrays this line may change in place (see variables.ts). */
  readonly owned: Owned;
}

declare module '../core/command/types' {
  interface CommandContext {
    /** The bash running this command, for bash's own builtins; absent where none runs it. */
    readonly language?: ShellLanguage;
  }
}

/**
 * A number as bash's builtins read one (legal_number): decimal, blanks around it allowed, a sign,
 * within 64 bits; undefined for anything else.
 */
export function bashNumber(text: string): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([-+]?\d+)[ \t]*$/.exec(text);
  if (!m) return undefined;
  const value = BigInt(m[1]);
  return value > 0x7fffffffffffffffn || value < -0x8000000000000000n ? undefined : value;
}
