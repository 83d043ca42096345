// Runs a parsed Script: expands words, wires pipes and redirections, finds each command (a
// function first, then a spec), parses its flags and runs its body. Everything is a generator so
// that a command waiting on simulated time (sleep, an image pull) suspends the whole line, and
// Ctrl-C can stop it anywhere. Blocks, functions, subshells and bash's options (set -e, -u, -x,
// pipefail) are here; arithmetic is in arith.ts, variables and arrays in variables.ts.
import { parseCommand } from '../core/command/flags';
import type { CommandTable } from '../core/command/spec';
import { Interrupted, isGenerator, type CommandContext, type Effect } from '../core/process';
import { isStackOverflow, LINE_WORK_LIMIT, OutOfMemory, WorkExhausted, workBudget, type WorkBudget } from '../core/budget';
import type { WorldAccess } from '../world';
import { nextRandom } from '../core/random';
import { isCompound, type AndOr, type CaseCommand, type CompoundCommand, type CondExpr, type Pipeline, type Redirect, type Script, type SimpleCommand, type Word } from './ast';
import { expandToString, expandWords, ExpansionError, type ExpandEnv } from './expand';
import { programPaths } from './commands';
import { FILE_LIMIT, FS_MESSAGES, lookup, lookupPath, makeFile, mkdir, place, remove, resolvePath, writeFile } from './fs';
import { bashBuiltin } from '../core/command/dialects';
import type { Machine } from './machine';
import { parseHeredocBody, parseScript, sourceOf } from './parser';
import { recorded } from './record';
import { NO_SERVICES, type Services } from '../core/services';
import { HISTORY_LIMIT, type ShellState } from '../world';
import { ArithError, ArithUnbound, evaluateArith, type ArithEnv } from './arith';
import { AbortLine, type ExpandedAssignment, type ShellLanguage } from './language';
import { arrayEnd, assignVar, bindingOf, element, indices, isArray, restoreBinding, scalar, setArray, setElement, values, type Binding, type Owned } from './variables';
import { compileGlob } from './glob-match';
import { printCommand, printFunction, printJob } from './printer';
import { createJobTable, JobLimit, type JobTable } from './jobs';
import { BACKGROUND } from '../core/background';
import { forkMachine, lineProcess } from './line-process';
import { escapeGlob, joinPieces, patternPieces, runCond } from './cond';
import { applyAssignment, expandAssignment, traceAssignment } from './assign';
import { evaluator } from './builtins/test';
import { traceWord, tracePrefix } from './xtrace';
import { dashFlags, optionIsOn } from './options';

export { assignVar } from './variables';

/** A running function (its arguments, what its `local`s hid) or a sourced file (its arguments, if given). */
interface Frame {
  kind: 'function' | 'source';
  name: string;
  /** $1...; undefined for a file sourced without arguments, which sees its caller's. */
  positional?: readonly string[];
  locals: Map<string, Binding>;
}

export interface ShellRuntime {
  store: WorldAccess;
  machine: Machine;
  commands: CommandTable;
  /** The terminal's size, or null when output is captured (session.run without a terminal). */
  tty: { cols: number; rows: number } | null;
  /** Text for the terminal (or the run() result). */
  emit(text: string): void;
  /** A person watches in real time (see CommandContext.live). */
  live?: boolean;
  /** Set by `exit` (and by `set -e` on a failure): stops the rest of the line. */
  exitRequested?: number;
  /** A script (`sh -c`, a RUN step) or BusyBox's ash: `exit` leaves without printing `exit` as bash at a prompt does. */
  quietExit?: boolean;
  /** A background job's shell: a full-screen program it runs stops for the terminal (CommandContext.background). */
  background?: boolean;
  /** Which shell's words a missing command gets: bash (default), BusyBox's ash, or Debian's dash (`sh`). */
  flavor?: 'bash' | 'ash' | 'dash';
  /**
   * bash's command_not_found_handle, for a name without a slash that no command has: what it
   * writes to standard error and its status (Ubuntu's /etc/bash.bashrc sets one for the laptop's
   * interactive shell, see command-not-found.ts). Without one, the shell's own message.
   */
  notFound?: (name: string) => { text: string; exitCode: number };
  /** The status of the last command substitution while expanding a command's words. */
  substitutionStatus?: number;
  /** How many loops the running command is inside, and a pending `break`/`continue` (with its level count). */
  loops?: { depth: number; pending?: { kind: 'break' | 'continue'; levels: number } };
  /** Whether the commands this shell runs go into the world's record: a learner's lines, not the engine's own runs. */
  record?: boolean;
  /** What the session composed (the network...), handed to every command; none for a bare offline run. */
  services?: Services;
  /**
   * The line's work budget, shared with every shell and program the line runs inside itself (a
   * nested shell passes its command's ctx.budget). A runtime given none gets its own on first use,
   * so no script ever runs unbounded.
   */
  budget?: WorkBudget;
  /** The running functions and sourced files, innermost last. */
  frames?: Frame[];
  /** A pending `return`, with its status. */
  returning?: number;
  /** Arrays this line made or copied, which it may change in place (variables.ts). */
  owned?: Owned;
  /** How many command substitutions deep the line is: `set -x` shows one more `+` for each. */
  substitutions?: number;
  /** Above 0 where `set -e` does not apply: conditions, all but the last of `&&` and `||`, `!`, $(...). */
  errexitIgnored?: number;
  /** PIPESTATUS: the statuses of the last pipeline's commands. */
  pipeStatus?: number[];
  /** The files `<(...)` made (`/dev/fd/63`...), removed when the pipeline that made them ends. */
  procFiles?: string[];
  /**
   * This shell's jobs (`cmd &`, Ctrl-Z). The laptop's interactive shell is given one that lasts
   * between lines; elsewhere a quiet one is made on the first `&`, if the session runs jobs.
   */
  jobs?: JobTable;
}

const budgetOf = (rt: ShellRuntime): WorkBudget => (rt.budget ??= workBudget());
const ownedOf = (rt: ShellRuntime): Owned => (rt.owned ??= new WeakSet());
const optionOn = (rt: ShellRuntime, name: string) => optionIsOn(rt.machine.shell(), name);
/** A `return` or an `exit` is on its way out: nothing more of this list runs. */
const leaving = (rt: ShellRuntime) => rt.exitRequested !== undefined || rt.returning !== undefined;

/** What running one simple command costs, in budget units (its words and output are paid on top). */
const COMMAND_WORK = 40;

/** What starting a job costs: a thousandth of a line's budget. */
const FORK_WORK = LINE_WORK_LIMIT / 1000;

/**
 * How deeply functions may call one another. bash's is unlimited unless FUNCNEST is set (deep
 * enough recursion crashes it); ours keeps well within the line's NESTING_LIMIT, with the words
 * bash uses when FUNCNEST stops it. A smaller FUNCNEST is honoured.
 */
export const FUNCTION_NESTING_LIMIT = 100;

/**
 * After each pass of a loop: pays for it, and once in a while lets the driver breathe with a
 * zero-length wait (the browser paints, Ctrl-C reaches `while true; do :; done`).
 */
function* loopPass(rt: ShellRuntime): Run<void> {
  const budget = budgetOf(rt);
  budget.spend();
  if (budget.breathe()) yield { type: 'wait', ms: 0 };
}

/**
 * What a command writes into a pipe before it counts as blocked by a reader that has gone (Linux's
 * pipe holds 64 KiB; a quarter of that keeps an endless writer such as `yes | head -2` well within
 * the line's work budget).
 */
const PIPE_LIMIT = 16 * 1024;

/**
 * Whether a loop writing into a pipe should stop there. The stages of a pipe run one after another,
 * so a loop cannot know whether its reader takes all it writes (`| wc -l`) or a little (`| head`):
 * it goes on past a full pipe until it has used half the line's budget, so that a finite loop's
 * output arrives whole and an endless one still leaves its reader the budget to run.
 */
const loopBlocked = (rt: ShellRuntime, io: Streams) => Boolean(io.pipeFull?.()) && budgetOf(rt).used > budgetOf(rt).limit / 2;

type Run<T> = Generator<Effect, T, string | null>;

interface Sink {
  write(text: string): void;
}

interface Streams {
  stdin: string | null;
  stdout: Sink;
  stderr: Sink;
  /** Whether stdout reaches the terminal (so `ls` prints columns and colours). */
  stdoutIsTty: boolean;
  /**
   * For a stage writing into a pipe: true once the pipe holds more than a reader would take in
   * one go. Stages run one after another here, so a loop feeding `| head` stops there, as it would
   * when the reader had gone (SIGPIPE, status 141).
   */
  pipeFull?: () => boolean;
  /** Takes characters off the front of stdin for the commands that follow (`read` in a loop). */
  consume?: (chars: number) => void;
}

const PID = 4242;

/**
 * Runs a script as a shell runs a line: an error that ends the line (a failed expansion, `return 1
 * 2`) is reported here, and the line's status is its status.
 */
export function* runScript(script: Script, rt: ShellRuntime, streams?: Streams): Run<number> {
  const io = streams ?? terminalStreams(rt);
  try {
    return yield* runList(script, rt, io);
  } catch (e) {
    if (!(e instanceof AbortLine)) throw e;
    io.stderr.write(`${e.message}\n`);
    setExitCode(rt, e.status);
    return e.status;
  }
}

/** A list of and-or chains (a block's body), one after another. */
function* runList(script: Script, rt: ShellRuntime, io: Streams): Run<number> {
  let code = rt.machine.shell().lastExitCode;
  const budget = budgetOf(rt);
  budget.enter();
  try {
    for (const item of script.items) {
      code = item.background ? yield* runInBackground(item, rt, io) : yield* runAndOr(item, rt, io);
      if (rt.exitRequested !== undefined) return rt.exitRequested;
      if (rt.loops?.pending || rt.returning !== undefined) break;
    }
  } finally {
    budget.leave();
  }
  return code;
}

/** The shell's jobs, made quietly on first use where none was given; none where nothing can run them. */
function jobsOf(rt: ShellRuntime): JobTable | undefined {
  if (rt.jobs) return rt.jobs;
  const background = rt.services?.get(BACKGROUND);
  if (!background) return undefined;
  const machine = rt.machine;
  rt.jobs = createJobTable({ background, interactive: false, emit: (t) => rt.emit(t), now: () => machine.now(), firstPid: () => machine.childPid().pid, user: () => machine.identity().user });
  return rt.jobs;
}

/**
 * `cmd &`: the and-or list runs as a job, a forked copy of this shell stepped on simulated time
 * while this one goes on. Its status here is 0, and `$!` names it. An interactive shell says
 * `[1] PID` first. Where nothing can run jobs (an offline build step), it runs in the foreground.
 */
function* runInBackground(item: AndOr, rt: ShellRuntime, io: Streams): Run<number> {
  // A fork is dear (a process, its memory, a slot in the process table), whether it succeeds or
  // not: a thousand of them spend a line's whole budget, so a tree of jobs starting jobs ends soon.
  budgetOf(rt).spend(FORK_WORK);
  const jobs = jobsOf(rt);
  const alone: AndOr = { ...item, background: false };
  if (!jobs) return yield* runAndOr(alone, rt, io);
  const frames = rt.frames?.map((f) => ({ ...f, locals: new Map(f.locals) }));
  const jobRt: ShellRuntime = {
    ...rt,
    machine: forkMachine(rt.machine),
    // A job the learner starts is a command of its own, with its own budget; jobs that jobs and
    // scripts start share their parent's, so no tree of them (`:(){ :|:& };:`) outgrows one line.
    budget: jobs.interactive ? workBudget() : budgetOf(rt),
    loops: undefined,
    exitRequested: undefined,
    returning: undefined,
    owned: new WeakSet(),
    quietExit: true,
    background: true,
    frames,
    errexitIgnored: 0,
    pipeStatus: undefined,
    procFiles: undefined,
    jobs: undefined,
  };
  const text = printJob(alone);
  const stages = item.rest.length ? [text] : item.first.commands.map(printCommand);
  const proc = lineProcess(runScript({ items: [alone] }, jobRt, io), jobRt, { job: true });
  try {
    jobs.start(proc, { text, stages, pids: jobs.allocatePids(stages.length) }, (job) => {
      if (jobs.interactive) io.stderr.write(`[${job.number}] ${job.pids[job.pids.length - 1]}\n`);
    });
  } catch (e) {
    if (!(e instanceof JobLimit)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 254;
  }
  setExitCode(rt, 0);
  return 0;
}

/** Runs `run` where `set -e` does not apply (a condition, the left of && and ||). */
function* ignoringErrexit<T>(rt: ShellRuntime, run: () => Run<T>): Run<T> {
  rt.errexitIgnored = (rt.errexitIgnored ?? 0) + 1;
  try {
    return yield* run();
  } finally {
    rt.errexitIgnored--;
  }
}

/** `a && b || c`: each pipeline runs or not on the status before it; `set -e` looks at the last only. */
function* runAndOr(item: AndOr, rt: ShellRuntime, io: Streams): Run<number> {
  const chain = [item.first, ...item.rest.map((r) => r.pipeline)];
  let code = 0;
  for (let i = 0; i < chain.length; i++) {
    if (i > 0) {
      if (leaving(rt) || rt.loops?.pending) break;
      if ((item.rest[i - 1].op === '&&') !== (code === 0)) continue;
    }
    const pipeline = chain[i];
    const final = i === chain.length - 1;
    code = final ? yield* runPipeline(pipeline, rt, io) : yield* ignoringErrexit(rt, () => runPipeline(pipeline, rt, io));
    // `set -e`: a failure that nothing tests ends the shell (a block's failure was its commands' to report).
    if (final && code !== 0 && !pipeline.negate && !rt.errexitIgnored && rt.exitRequested === undefined && optionOn(rt, 'errexit')) {
      const only = pipeline.commands.length === 1 ? pipeline.commands[0] : undefined;
      if (!only || !isCompound(only) || only.kind === 'subshell' || only.kind === 'arith') rt.exitRequested = code;
    }
  }
  return code;
}

export function terminalStreams(rt: ShellRuntime): Streams {
  const sink = { write: (t: string) => rt.emit(t) };
  return { stdin: null, stdout: sink, stderr: sink, stdoutIsTty: rt.tty !== null };
}

function setExitCode(rt: ShellRuntime, code: number) {
  if (rt.machine.shell().lastExitCode !== code) rt.machine.setShell((s) => ({ ...s, lastExitCode: code }));
}

/**
 * Runs `run` as a subshell (a stage of a pipe, `( ... )`, `$(...)`): what it assigns, where it cds,
 * its functions and options, a break or an exit inside it, all stay there; an error that would end
 * the line ends only the subshell.
 */
function* inSubshell(rt: ShellRuntime, io: Streams, run: () => Run<number>): Run<number> {
  // A subshell is a fork: it costs what a command costs.
  budgetOf(rt).spend(COMMAND_WORK);
  const saved = rt.machine.shell();
  const { loops, owned, quietExit, frames } = rt;
  const positional = frames?.map((f) => f.positional);
  rt.loops = loops ? { depth: loops.depth } : undefined;
  rt.owned = new WeakSet();
  rt.quietExit = true;
  let code: number;
  try {
    code = yield* run();
  } catch (e) {
    if (!(e instanceof AbortLine)) throw e;
    io.stderr.write(`${e.message}\n`);
    code = e.status;
  } finally {
    rt.machine.setShell((s) => ({ ...saved, history: s.history }));
    rt.loops = loops;
    rt.owned = owned;
    rt.quietExit = quietExit;
    frames?.forEach((f, i) => (f.positional = positional![i]));
  }
  if (rt.exitRequested !== undefined) code = rt.exitRequested;
  if (rt.returning !== undefined) code = rt.returning;
  rt.exitRequested = undefined;
  rt.returning = undefined;
  return code;
}

/** `time PIPELINE`: the pipeline, then how long it took by the simulated clock, as TIMEFORMAT says. */
function* runPipeline(pipeline: Pipeline, rt: ShellRuntime, io: Streams): Run<number> {
  const made = rt.procFiles?.length ?? 0;
  try {
    return yield* runTimed(pipeline, rt, io);
  } finally {
    if ((rt.procFiles?.length ?? 0) > made) removeProcessFiles(rt, made);
  }
}

function* runTimed(pipeline: Pipeline, rt: ShellRuntime, io: Streams): Run<number> {
  if (!pipeline.time) return yield* runStages(pipeline, rt, io);
  const start = rt.machine.now();
  const code = yield* runStages(pipeline, rt, io);
  const format = pipeline.time === 'posix' ? 'real %2R\nuser %2U\nsys %2S' : lookupVar(rt, 'TIMEFORMAT') ?? '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS';
  if (format !== '') io.stderr.write(`${timeReport(format, rt.machine.now() - start)}\n`);
  return code;
}

function* runStages(pipeline: Pipeline, rt: ShellRuntime, io: Streams): Run<number> {
  let input = io.stdin;
  let code = 0;
  let failed = 0;
  const statuses: number[] = [];
  // Commands of a pipe run one after another, each reading what the previous one printed: our
  // commands finish on their own (streams end at Ctrl-C), so this gives bash's results.
  const piped = pipeline.commands.length > 1;
  if (pipeline.negate) rt.errexitIgnored = (rt.errexitIgnored ?? 0) + 1;
  try {
    for (let i = 0; i < pipeline.commands.length; i++) {
      budgetOf(rt).spend();
      const last = i === pipeline.commands.length - 1;
      const chunks: string[] = [];
      let bytes = 0;
      const stdout: Sink = last ? io.stdout : { write: (t) => (chunks.push(t), (bytes += t.length)) };
      const command = pipeline.commands[i];
      const streams: Streams = { stdin: input, stdout, stderr: io.stderr, stdoutIsTty: last && io.stdoutIsTty, pipeFull: last ? io.pipeFull : () => bytes > PIPE_LIMIT, consume: i === 0 ? io.consume : undefined };
      const run = () => (isCompound(command) ? runBlock(command, rt, streams) : runSimple(command, rt, streams));
      // Each command of a pipe is its own subshell (`for ...; done | cat` leaves $i as it was).
      code = piped ? yield* inSubshell(rt, streams, run) : yield* run();
      statuses.push(code);
      if (code !== 0) failed = code;
      input = chunks.join('');
      if (rt.exitRequested !== undefined) break;
    }
  } finally {
    if (pipeline.negate) rt.errexitIgnored!--;
  }
  // pipefail: the last stage that failed decides.
  if (failed && piped && optionOn(rt, 'pipefail')) code = failed;
  if (pipeline.negate) code = code === 0 ? 1 : 0;
  rt.pipeStatus = statuses;
  setExitCode(rt, code);
  return code;
}

/**
 * TIMEFORMAT's escapes for `elapsedMs` of simulated time: %R (real), %U and %S (CPU: none here),
 * %P (CPU share), each with an optional precision (0-3) and `l` for minutes and seconds.
 */
function timeReport(format: string, elapsedMs: number): string {
  return format.replace(/%(%|([0-3])?(l)?([RUSP]))/g, (_all, percent: string, digits: string | undefined, long: string | undefined, what: string) => {
    if (percent === '%') return '%';
    const precision = digits === undefined ? 3 : Number(digits);
    const seconds = what === 'R' ? Math.max(0, elapsedMs) / 1000 : 0;
    if (what === 'P') return (0).toFixed(2);
    const fixed = (n: number) => (Math.floor(n * 10 ** precision) / 10 ** precision).toFixed(precision);
    if (!long) return fixed(seconds);
    const minutes = Math.floor(seconds / 60);
    return `${minutes}m${fixed(seconds - minutes * 60)}s`;
  });
}

/** A block with its redirections applied around it. */
function* runBlock(command: CompoundCommand, rt: ShellRuntime, io: Streams): Run<number> {
  if (!command.redirects.length) return yield* runCompound(command, rt, io);
  const opened = yield* openRedirects(command.redirects, rt, io, expandEnv(rt, io));
  if (typeof opened === 'number') return opened;
  let code: number;
  try {
    code = yield* writingAsItWaits(runCompound(command, rt, opened.streams), opened.flush);
  } catch (e) {
    opened.flush();
    throw e;
  }
  return opened.flush() ? code : 1;
}

/**
 * Runs `run`, writing what it sent to its files each time it waits for time to pass, so a command
 * that streams (`docker logs -f web > log &`, `ping host >> out`) fills its file as it goes, as
 * the kernel's writes would, rather than only when it ends.
 */
function* writingAsItWaits<T>(run: Run<T>, flush: () => unknown): Run<T> {
  let next = run.next();
  while (!next.done) {
    const effect = next.value;
    if (effect.type === 'wait' && (effect.ms > 0 || effect.stream)) flush();
    let input: string | null;
    try {
      input = yield effect;
    } catch (e) {
      next = run.throw(e);
      continue;
    }
    next = run.next(input);
  }
  return next.value;
}

/** Writes a `set -x` line to the shell's standard error when xtrace is on. */
function trace(rt: ShellRuntime, io: Streams, text: string | (() => string)) {
  if (!optionOn(rt, 'xtrace')) return;
  const ps4 = lookupVar(rt, 'PS4') ?? '';
  const line = `${tracePrefix(ps4, (rt.substitutions ?? 0) + 1)}${typeof text === 'string' ? text : text()}\n`;
  budgetOf(rt).spendText(line.length);
  io.stderr.write(line);
}

/** Evaluates arithmetic text for (( )), let and for (( )): bash's complaint (`bash: ((: ...`) and undefined when it has one. */
function arithStatus(rt: ShellRuntime, io: Streams, text: string, who: string): bigint | undefined {
  try {
    return evaluateArith(text, arithEnv(rt, io));
  } catch (e) {
    if (e instanceof ArithUnbound) throw new ExpansionError(`bash: ${e.message}`);
    if (!(e instanceof ArithError)) throw e;
    io.stderr.write(`bash: ${who}: ${e.detail}\n`);
    return undefined;
  }
}

/** if / while / until / for / case / { } / ( ) / (( )) / a function's definition, running their lists with the same streams. */
function* runCompound(command: CompoundCommand, rt: ShellRuntime, io: Streams): Run<number> {
  switch (command.kind) {
    case 'if': {
      for (const clause of command.clauses) {
        const test = yield* ignoringErrexit(rt, () => runList(clause.condition, rt, io));
        if (leaving(rt) || rt.loops?.pending) return test;
        if (test === 0) return yield* runList(clause.body, rt, io);
      }
      return command.otherwise ? yield* runList(command.otherwise, rt, io) : 0;
    }
    case 'group':
      return yield* runList(command.body, rt, io);
    case 'subshell':
      return yield* inSubshell(rt, io, () => runList(command.body, rt, io));
    case 'arith': {
      budgetOf(rt).spend(COMMAND_WORK);
      const text = yield* expandToString(command.expr, expandEnv(rt, io));
      trace(rt, io, `((${text}))`.replace(/^\(\(/, '(( ').replace(/\)\)$/, ' ))'));
      const value = arithStatus(rt, io, text, '((');
      return value === undefined ? 1 : value !== 0n ? 0 : 1;
    }
    case 'case':
      budgetOf(rt).spend(COMMAND_WORK);
      return yield* runCase(command, rt, io);
    case 'cond':
      budgetOf(rt).spend(COMMAND_WORK);
      return yield* runCondCommand(command.expr, rt, io);
    case 'function': {
      const text = printFunction(command);
      rt.machine.setShell((s) => {
        const functions = { ...s.functions };
        Object.defineProperty(functions, command.name, { value: text, enumerable: true, writable: true, configurable: true });
        return { ...s, functions };
      });
      return 0;
    }
  }
  return yield* runLoop(command, rt, io);
}

/** `case`: the first item with a pattern that matches runs; `;&` runs the next body too, `;;&` tests the next items. */
function* runCase(command: CaseCommand & { redirects: Redirect[] }, rt: ShellRuntime, io: Streams): Run<number> {
  const env = expandEnv(rt, io);
  const word = yield* expandToString(command.word, env);
  trace(rt, io, `case ${sourceOf(command.word) ?? word} in`);
  let code = 0;
  let fallInto = false;
  for (const item of command.items) {
    let matched = fallInto;
    for (const pattern of item.patterns) {
      if (matched) break;
      matched = compileGlob(yield* patternText(pattern, env), budgetOf(rt)).matches(word);
    }
    if (!matched) continue;
    code = item.body.items.length ? yield* runList(item.body, rt, io) : 0;
    if (leaving(rt) || rt.loops?.pending) return code;
    if (item.end === ';;') return code;
    fallInto = item.end === ';&';
  }
  return code;
}


/** A case pattern as glob text: what was quoted matches itself only. */
function* patternText(word: Word, env: ExpandEnv): Run<string> {
  return joinPieces(yield* patternPieces(word, env), escapeGlob);
}

/** `[[ expr ]]` with what it needs of this shell (cond.ts evaluates it). */
function* runCondCommand(expr: CondExpr, rt: ShellRuntime, io: Streams): Run<number> {
  const shell = () => rt.machine.shell();
  return yield* runCond(expr, {
    env: expandEnv(rt, io),
    budget: budgetOf(rt),
    trace: (text) => trace(rt, io, text),
    option: (name) => optionOn(rt, name),
    isSet: (name, index) => (index === undefined ? scalar(shell(), name) !== undefined || isArray(shell(), name) : element(shell(), name, subscriptValue(rt, io, index).toString()) !== undefined),
    arith: (text) => arithStatus(rt, io, text, '[['),
    fileTest(args) {
      const env: Record<string, string> = {};
      for (const key of shell().exported) if (Object.prototype.hasOwnProperty.call(shell().vars, key)) env[key] = shell().vars[key];
      // test's own evaluator, for the file tests `[[ ]]` shares with `[`.
      return evaluator({ machine: rt.machine, cwd: shell().cwd, env, tty: io.stdoutIsTty ? rt.tty : null } as unknown as CommandContext)(args);
    },
    setRematch: (groups) => rt.machine.setShell((s) => setArray(s, 'BASH_REMATCH', groups.map((g, i) => [String(i), g]), false, ownedOf(rt))),
  });
}

/** while / until / for / for (( )): the passes, with break and continue, paid from the budget. */
function* runLoop(command: CompoundCommand, rt: ShellRuntime, io: Streams): Run<number> {
  const loops = (rt.loops ??= { depth: 0 });
  loops.depth++;
  let code = 0;
  // Input redirected or piped into a loop is one stream for all its passes: each `read` takes
  // the next line (`... | while read id; do ...; done`).
  let rest = io.stdin;
  const at = (): Streams =>
    rest === null
      ? io
      : {
          ...io,
          stdin: rest,
          consume: (n) => {
            rest = rest!.slice(n);
            io.consume?.(n);
          },
        };
  // After each pass: a pending break/continue aimed at this loop is used up here; one aimed further out ends it.
  const afterPass = (): 'next' | 'stop' => {
    const pending = loops.pending;
    if (leaving(rt)) return 'stop';
    if (!pending) return 'next';
    if (pending.levels > 1) {
      pending.levels--;
      return 'stop';
    }
    loops.pending = undefined;
    return pending.kind === 'break' ? 'stop' : 'next';
  };
  try {
    if (command.kind === 'for') {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(command.name)) {
        io.stderr.write(`bash: \`${command.name}': not a valid identifier\n`);
        return 1;
      }
      const values = command.words ? yield* expandWords(command.words, expandEnv(rt, io)) : [...positional(rt)];
      const head = () => `for ${command.name} in ${(command.words ?? [{ parts: [] }]).map((w) => (command.words ? sourceOf(w) ?? '' : '"$@"')).join(' ')}`;
      for (const value of values) {
        trace(rt, io, head);
        rt.machine.setShell((s) => assignVar(s, command.name, value, false, ownedOf(rt)));
        code = yield* runList(command.body, rt, at());
        if (afterPass() === 'stop') break;
        if (loopBlocked(rt, io)) return 141;
        yield* loopPass(rt);
      }
      return code;
    }
    if (command.kind === 'arithFor') {
      const env = expandEnv(rt, io);
      const step = function* (word: Word): Run<bigint | undefined> {
        budgetOf(rt).spend(COMMAND_WORK);
        const text = yield* expandToString(word, env);
        trace(rt, io, `(( ${text} ))`);
        return /[^ \t\n]/.test(text) ? arithStatus(rt, io, text, '((') : 1n;
      };
      if ((yield* step(command.init)) === undefined) return 1;
      for (;;) {
        const test = yield* step(command.test);
        if (test === undefined) return 1;
        if (test === 0n) break;
        code = yield* runList(command.body, rt, at());
        if (afterPass() === 'stop') break;
        if (loopBlocked(rt, io)) return 141;
        if ((yield* step(command.step)) === undefined) return 1;
        yield* loopPass(rt);
      }
      return code;
    }
    if (command.kind !== 'while' && command.kind !== 'until') return 0;
    for (;;) {
      const test = yield* ignoringErrexit(rt, () => runList(command.condition, rt, at()));
      if (leaving(rt)) break;
      if (loops.pending) {
        if (afterPass() === 'stop') break;
        continue;
      }
      if ((test === 0) !== (command.kind === 'while')) break;
      code = yield* runList(command.body, rt, at());
      if (afterPass() === 'stop') break;
      if (loopBlocked(rt, io)) return 141;
      yield* loopPass(rt);
    }
    return code;
  } finally {
    loops.depth--;
  }
}

/** The positional parameters in effect: the innermost frame that has its own, else the shell's. */
function positional(rt: ShellRuntime): readonly string[] {
  const frames = rt.frames ?? [];
  for (let i = frames.length - 1; i >= 0; i--) if (frames[i].positional) return frames[i].positional!;
  return rt.machine.shell().positional ?? [];
}

function setPositional(rt: ShellRuntime, params: readonly string[]) {
  const frames = rt.frames ?? [];
  for (let i = frames.length - 1; i >= 0; i--) {
    if (frames[i].positional) {
      frames[i].positional = [...params];
      return;
    }
  }
  rt.machine.setShell((s) => ({ ...s, positional: [...params] }));
}

/** The arithmetic's view of a shell, one per stream set (made once: a loop evaluates it often). */
const arithEnvs = new WeakMap<Streams, ArithEnv>();

function arithEnv(rt: ShellRuntime, io: Streams): ArithEnv {
  let env = arithEnvs.get(io);
  if (!env) arithEnvs.set(io, (env = newArithEnv(rt, io)));
  return env;
}

function newArithEnv(rt: ShellRuntime, io: Streams): ArithEnv {
  return {
    get: (name, index) => (index === undefined ? lookupVar(rt, name) : element(rt.machine.shell(), name, index.toString())),
    set: (name, value, index) => {
      if (name === 'FUNCNAME') return;
      rt.machine.setShell((s) => (index === undefined ? assignVar(s, name, value, false, ownedOf(rt)) : setElement(s, name, index.toString(), value, ownedOf(rt))));
    },
    arrayEnd: (name) => (isArray(rt.machine.shell(), name) || scalar(rt.machine.shell(), name) !== undefined ? arrayEnd(rt.machine.shell(), name) : undefined),
    badSubscript: (message) => io.stderr.write(`bash: ${message}\n`),
    get nounset() {
      return optionOn(rt, 'nounset');
    },
    budget: budgetOf(rt),
  };
}

function expandEnv(rt: ShellRuntime, io: Streams, assigned: ReadonlyMap<string, string> = new Map()): ExpandEnv {
  return {
    lookup: (name) => (assigned.has(name) ? assigned.get(name) : lookupVar(rt, name)),
    list: (name) => (name === '@' || name === '*' ? [...positional(rt)] : special(rt, name) ?? values(rt.machine.shell(), name)),
    keys: (name) => special(rt, name)?.map((_, i) => String(i)) ?? indices(rt.machine.shell(), name),
    element: (name, index) => (special(rt, name) ? special(rt, name)![Number(index)] : element(rt.machine.shell(), name, index.toString())),
    arrayEnd: (name) => arrayEnd(rt.machine.shell(), name),
    isArray: (name) => isArray(rt.machine.shell(), name),
    arith: (expression) => evaluateArith(expression, arithEnv(rt, io)),
    nounset: optionOn(rt, 'nounset'),
    noglob: optionOn(rt, 'noglob'),
    noBraces: !optionOn(rt, 'braceexpand'),
    assign: (name, value) => rt.machine.setShell((s) => assignVar(s, name, value, false, ownedOf(rt))),
    home: () => rt.machine.identity().home,
    fs: () => rt.machine.fs(),
    cwd: () => rt.machine.shell().cwd,
    substitute: (script) => substitute(script, rt, io),
    processSubstitute: (script) => processSubstitute(script, rt, io),
    budget: budgetOf(rt),
    warn: (message) => io.stderr.write(`${message}\n`),
  };
}

/** The arrays the shell keeps itself: FUNCNAME and PIPESTATUS. */
function special(rt: ShellRuntime, name: string): string[] | undefined {
  if (name === 'FUNCNAME') return functionNames(rt);
  if (name === 'PIPESTATUS') return (rt.pipeStatus ?? [rt.machine.shell().lastExitCode]).map(String);
  return undefined;
}

/** FUNCNAME: the running functions, innermost first. */
function functionNames(rt: ShellRuntime): string[] {
  return (rt.frames ?? []).filter((f) => f.kind === 'function').map((f) => f.name).reverse();
}

function lookupVar(rt: ShellRuntime, name: string): string | undefined {
  const shell = rt.machine.shell();
  switch (name) {
    case '?':
      return String(shell.lastExitCode);
    case '$':
      return String(PID);
    case '#':
      return String(positional(rt).length);
    case '0':
      return 'bash';
    case '@':
    case '*':
      return positional(rt).join(' ');
    case '!': {
      const pid = rt.jobs?.lastPid();
      return pid === undefined ? '' : String(pid);
    }
    case '-':
      return dashFlags(shell);
    case 'FUNCNAME':
    case 'PIPESTATUS':
      return special(rt, name)![0];
    case 'RANDOM': {
      const world = rt.store.getState();
      const [value, rng] = nextRandom(world.rng);
      rt.store.setState({ ...world, rng }, true);
      return String(Math.floor(value * 32768));
    }
  }
  if (/^[1-9]\d*$/.test(name)) return positional(rt)[Number(name) - 1];
  if (name === 'PS4' && !Object.prototype.hasOwnProperty.call(shell.vars, name)) return '+ ';
  return scalar(shell, name);
}

const SYSTEM = (rt: ShellRuntime) => ({ user: 'root', now: rt.machine.now() });

/**
 * `<(cmd)`: the command runs as a subshell now (its output is all there will be), and its output
 * waits in a file under /dev/fd, named as bash names it, until the pipeline that asked ends.
 */
function* processSubstitute(script: Script, rt: ShellRuntime, io: Streams): Run<string> {
  const chunks: string[] = [];
  let bytes = 0;
  const sink = { write: (t: string) => (chunks.push(t), (bytes += t.length)) };
  // It writes into a pipe: an endless writer (`<(yes)`) stops where one would.
  const streams: Streams = { stdin: null, stdout: sink, stderr: io.stderr, stdoutIsTty: false, pipeFull: () => bytes > PIPE_LIMIT };
  yield* ignoringErrexit(rt, () => inSubshell(rt, streams, () => runList(script, rt, streams)));
  const files = (rt.procFiles ??= []);
  const path = `/dev/fd/${63 - files.length}`;
  let fs = rt.machine.fs();
  if (!lookup(fs, '/dev/fd').ok) {
    const made = mkdir(fs, '/dev/fd', SYSTEM(rt), { parents: true });
    if (made.ok) fs = made.value;
  }
  // A pipe holds what its reader has not read yet; past what a file may hold, the rest is lost.
  let output = chunks.join('');
  if (output.length > FILE_LIMIT) output = output.slice(0, FILE_LIMIT);
  const placed = place(fs, path, makeFile(output, rt.machine.identity().user, rt.machine.now(), 0o600), SYSTEM(rt));
  if (placed.ok) rt.machine.setFs(placed.value);
  files.push(path);
  return path;
}

function removeProcessFiles(rt: ShellRuntime, keep: number) {
  const files = rt.procFiles!;
  let fs = rt.machine.fs();
  for (const path of files.splice(keep)) {
    const removed = remove(fs, path, SYSTEM(rt));
    if (removed.ok) fs = removed.value;
  }
  const dir = lookup(fs, '/dev/fd');
  if (!files.length && dir.ok && dir.value.kind === 'dir' && !Object.keys(dir.value.children).length) {
    const removed = remove(fs, '/dev/fd', SYSTEM(rt), { dirOnly: true });
    if (removed.ok) fs = removed.value;
  }
  rt.machine.setFs(fs);
}

/** `$(...)`: a subshell whose output is captured; `set -e` is off inside it, as in bash. */
function* substitute(script: Script, rt: ShellRuntime, io: Streams): Run<string> {
  const chunks: string[] = [];
  const sink = { write: (t: string) => chunks.push(t) };
  const streams: Streams = { stdin: null, stdout: sink, stderr: io.stderr, stdoutIsTty: false };
  rt.substitutions = (rt.substitutions ?? 0) + 1;
  try {
    rt.substitutionStatus = yield* ignoringErrexit(rt, () => inSubshell(rt, streams, () => runList(script, rt, streams)));
  } finally {
    rt.substitutions--;
  }
  // $? right after it is its status (`echo "$(false)$?"` prints 1).
  setExitCode(rt, rt.substitutionStatus);
  return chunks.join('');
}

/** An arithmetic subscript's value; its errors end the line, as an expansion's do. */
function subscriptValue(rt: ShellRuntime, io: Streams, text: string): bigint {
  try {
    return evaluateArith(text, arithEnv(rt, io));
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(`bash: ${e.detail}`);
    if (e instanceof ArithUnbound) throw new ExpansionError(`bash: ${e.message}`);
    throw e;
  }
}

/** Makes an assignment in this shell; bash's complaint when it cannot (`a[-1]: bad array subscript`). */
function assign(rt: ShellRuntime, io: Streams, a: ExpandedAssignment): string | undefined {
  return applyAssignment({ machine: rt.machine, owned: ownedOf(rt), subscript: (text) => subscriptValue(rt, io, text) }, a);
}

/** The words of a command after expansion; a declaration builtin's assignments are expanded as assignments. */
function* expandArguments(words: readonly Word[], env: ExpandEnv): Run<{ argv: string[]; assignments: Map<string, ExpandedAssignment> }> {
  const argv: string[] = [];
  const assignments = new Map<string, ExpandedAssignment>();
  for (const word of words) {
    if (!word.assign) {
      argv.push(...(yield* expandWords([word], env)));
      continue;
    }
    const expanded = yield* expandAssignment(word.assign, env);
    const a = word.assign;
    const text = a.array ? sourceOf(a) ?? `${a.name}=()` : `${a.name}${a.index ? `[${expanded.index}]` : ''}${a.append ? '+=' : '='}${expanded.value}`;
    assignments.set(text, expanded);
    argv.push(text);
  }
  return { argv, assignments };
}

/** Shell functions parsed from their text, kept while the text stays the same. */
const parsedFunctions = new Map<string, CompoundCommand | null>();

/** The body of the function NAME, when there is one. */
function functionBody(rt: ShellRuntime, name: string): CompoundCommand | undefined {
  const functions = rt.machine.shell().functions;
  if (!functions || !Object.prototype.hasOwnProperty.call(functions, name)) return undefined;
  const text = functions[name];
  let body = parsedFunctions.get(text);
  if (body === undefined) {
    const parsed = parseScript(text);
    const command = parsed.kind === 'ok' ? parsed.script.items[0]?.first.commands[0] : undefined;
    body = command && isCompound(command) && command.kind === 'function' ? command.body : null;
    if (parsedFunctions.size > 256) parsedFunctions.clear();
    parsedFunctions.set(text, body);
  }
  return body ?? undefined;
}

/** How deep functions may call one another here: FUNCNEST when it is smaller than ours. */
function functionNestLimit(rt: ShellRuntime): number {
  const funcnest = Number(scalar(rt.machine.shell(), 'FUNCNEST'));
  return Number.isInteger(funcnest) && funcnest > 0 ? Math.min(funcnest, FUNCTION_NESTING_LIMIT) : FUNCTION_NESTING_LIMIT;
}

/** Runs a function: its own positional parameters, `local`s put back and `return` caught when it ends. */
function* callFunction(name: string, body: CompoundCommand, argv: string[], assigns: [string, string][], rt: ShellRuntime, io: Streams): Run<number> {
  const frames = (rt.frames ??= []);
  const limit = functionNestLimit(rt);
  if (frames.filter((f) => f.kind === 'function').length >= limit) throw new AbortLine(`bash: ${name}: maximum function nesting level exceeded (${limit})`);
  const frame: Frame = { kind: 'function', name, positional: argv.slice(1), locals: new Map() };
  frames.push(frame);
  // `X=1 f`: X holds, exported, for the call only.
  for (const [key, value] of assigns) {
    if (!frame.locals.has(key)) frame.locals.set(key, bindingOf(rt.machine.shell(), key));
    rt.machine.setShell((s) => assignVar(s, key, value, true, ownedOf(rt)));
  }
  // break and continue do not reach the loops of the caller.
  const loops = rt.loops;
  rt.loops = undefined;
  try {
    let code = yield* runBlock(body, rt, io);
    if (rt.returning !== undefined) {
      code = rt.returning;
      rt.returning = undefined;
    }
    return code;
  } finally {
    rt.loops = loops;
    frames.pop();
    for (const [key, binding] of [...frame.locals].reverse()) rt.machine.setShell((s) => restoreBinding(s, key, binding));
  }
}

/** `source FILE ARGS`: the file's commands in this shell, with its own positional parameters when given. */
function* sourceScript(script: Script, args: readonly string[] | undefined, rt: ShellRuntime, io: Streams): Run<number> {
  const frames = (rt.frames ??= []);
  frames.push({ kind: 'source', name: 'source', positional: args ? [...args] : undefined, locals: new Map() });
  try {
    let code = yield* runList(script, rt, io);
    if (rt.returning !== undefined) {
      code = rt.returning;
      rt.returning = undefined;
    }
    return code;
  } finally {
    frames.pop();
  }
}

/**
 * What bash's own builtins may ask of this shell while one of them runs (see language.ts). A class,
 * so that every command's context gets one small object, its methods shared, rather than a set of
 * closures or a getter that would make each context literal slow to build.
 */
class Language implements ShellLanguage {
  constructor(
    private readonly rt: ShellRuntime,
    private readonly io: Streams,
    readonly assignments: ReadonlyMap<string, ExpandedAssignment>,
  ) {}

  get owned(): Owned {
    return ownedOf(this.rt);
  }
  positional() {
    return positional(this.rt);
  }
  setPositional(params: string[]) {
    setPositional(this.rt, params);
  }
  inFunction() {
    return (this.rt.frames ?? []).some((f) => f.kind === 'function');
  }
  makeLocal(name: string) {
    const frames = this.rt.frames ?? [];
    for (let i = frames.length - 1; i >= 0; i--) {
      if (frames[i].kind !== 'function') continue;
      if (!frames[i].locals.has(name)) frames[i].locals.set(name, bindingOf(this.rt.machine.shell(), name));
      return;
    }
  }
  localNames() {
    const frame = [...(this.rt.frames ?? [])].reverse().find((f) => f.kind === 'function');
    return frame ? [...frame.locals.keys()] : [];
  }
  requestReturn(code: number) {
    if (!(this.rt.frames ?? []).length) return false;
    this.rt.returning = code;
    return true;
  }
  source(script: Script, args?: string[]) {
    return sourceScript(script, args, this.rt, this.io);
  }
  jobs() {
    return jobsOf(this.rt);
  }
  *evaluate(script: Script): Run<number> {
    try {
      return yield* runList(script, this.rt, this.io);
    } catch (e) {
      if (!(e instanceof AbortLine)) throw e;
      this.io.stderr.write(`${e.message}\n`);
      return e.status;
    }
  }
  runCommand(argv: readonly string[]) {
    const run = runCommand([...argv], [], this.rt, this.io);
    return this.rt.record ? recorded(this.rt.store, this.rt.machine, [...argv], run) : run;
  }
  arith(expression: string) {
    return evaluateArith(expression, arithEnv(this.rt, this.io));
  }
  assign(a: ExpandedAssignment) {
    return assign(this.rt, this.io, a);
  }
}

/** Redirect targets are written when the command ends, so `cmd > file` never sees a half file. */
interface FileTarget {
  path: string;
  append: boolean;
  chunks: string[];
}

function* runSimple(cmd: SimpleCommand, rt: ShellRuntime, io: Streams): Run<number> {
  budgetOf(rt).spend(COMMAND_WORK);
  // Assignments are made left to right, each seeing the ones before it (A=1 B=$A).
  const assigned = new Map<string, string>();
  const env = expandEnv(rt, io, assigned);
  rt.substitutionStatus = undefined;
  const { argv, assignments } = yield* expandArguments(cmd.words, env);
  const expanded: ExpandedAssignment[] = [];
  for (const a of cmd.assigns) {
    const e = yield* expandAssignment(a, env);
    expanded.push(e);
    if (argv.length) {
      // For the command only: later assignments and the command see it, the shell does not.
      if (e.value !== undefined && e.index === undefined) assigned.set(a.name, e.append ? (lookupVar(rt, a.name) ?? '') + e.value : e.value);
      trace(rt, io, () => traceAssignment(a, e));
      continue;
    }
    // Assignments alone are made in this shell, each before the next is expanded (`a=(1 2) b=${a[1]}`).
    trace(rt, io, () => traceAssignment(a, e));
    const complaint = assign(rt, io, e);
    if (complaint) {
      io.stderr.write(`bash: ${complaint}\n`);
      return 1;
    }
  }
  if (argv.length) trace(rt, io, () => argv.map(traceWord).join(' '));

  const opened = yield* openRedirects(cmd.redirects, rt, io, env);
  if (typeof opened === 'number') return opened;
  const { streams, flush } = opened;

  let code: number;
  try {
    if (argv.length === 0) {
      // `x=$(cmd)` alone has the status of its last command substitution (`if out=$(grep ...)`).
      code = rt.substitutionStatus ?? 0;
    } else {
      const envAssigns: [string, string][] = expanded.filter((e) => e.value !== undefined && e.index === undefined).map((e) => [e.name, assigned.get(e.name)!]);
      const body = functionBody(rt, argv[0]);
      const direct = !cmd.redirects.length;
      if (body) code = yield* direct ? callFunction(argv[0], body, argv, envAssigns, rt, streams) : writingAsItWaits(callFunction(argv[0], body, argv, envAssigns, rt, streams), flush);
      else {
        const run = runCommand(argv, envAssigns, rt, streams, assignments);
        const ran = rt.record ? recorded(rt.store, rt.machine, argv, run) : run;
        code = yield* direct ? ran : writingAsItWaits(ran, flush);
      }
    }
  } catch (e) {
    flush();
    throw e;
  }
  // A write that fails (a full disk) fails the command.
  return flush(argv.length ? writerOf(rt, argv[0]) : 'bash') ? code : 1;
}

/**
 * Applies a command's (or a block's) redirections to its streams: files are opened (created or
 * emptied) now, as bash does, and written when the command ends. Returns an exit code when one
 * cannot be opened.
 */
function* openRedirects(redirects: readonly Redirect[], rt: ShellRuntime, io: Streams, env: ExpandEnv): Run<{ streams: Streams; flush: (writer?: string) => boolean } | number> {
  let { stdin, stdout, stderr, stdoutIsTty } = io;
  const files: FileTarget[] = [];
  const cwd = () => rt.machine.shell().cwd;
  const actor = () => ({ user: rt.machine.identity().user, now: rt.machine.now() });

  for (const r of redirects) {
    if (r.heredoc) {
      stdin = r.heredoc.expand ? yield* expandToString(parseHeredocBody(r.heredoc.body), env) : r.heredoc.body;
      continue;
    }
    const target = yield* expandToString(r.target, env);
    if (r.op === '<<<') {
      stdin = `${target}\n`;
      continue;
    }
    if ((r.op === '>&' || r.op === '<&') && /^\d+$|^-$/.test(target)) {
      if (r.fd === 2 && target === '1') stderr = stdout;
      else if (r.fd === 1 && target === '2') {
        stdout = stderr;
        stdoutIsTty = stderr === io.stderr && io.stdoutIsTty;
      }
      continue;
    }
    const path = resolvePath(cwd(), target);
    if (r.op === '<') {
      const node = lookupPath(rt.machine.fs(), cwd(), target, actor().user);
      if (!node.ok) return fail(io, redirectError(rt, target, 'open', FS_MESSAGES[node.code]));
      if (node.value.kind === 'dir') return fail(io, redirectError(rt, target, 'open', 'Is a directory'));
      stdin = node.value.content;
      continue;
    }
    const append = r.op === '>>' || r.op === '&>>';
    // A name ending in / can only be a directory, which cannot be opened for writing.
    if (target.endsWith('/')) return fail(io, redirectError(rt, target, 'create', 'Is a directory'));
    if (path !== '/dev/null') {
      // Open now, as bash does: `> file` creates or empties the file before the command runs.
      const opened = writeFile(rt.machine.fs(), path, '', actor(), { append });
      if (!opened.ok) return fail(io, redirectError(rt, target, 'create', FS_MESSAGES[opened.code]));
      rt.machine.setFs(opened.value);
    }
    const file: FileTarget = { path, append: true, chunks: [] };
    files.push(file);
    const sink: Sink = path === '/dev/null' ? { write: () => {} } : { write: (t) => file.chunks.push(t) };
    if (r.op === '&>' || r.op === '&>>' || r.op === '>&') {
      stdout = sink;
      stderr = sink;
      stdoutIsTty = false;
    } else if (r.fd === 2) stderr = sink;
    else if (r.fd === 1) {
      stdout = sink;
      stdoutIsTty = false;
    }
  }

  /**
   * Writes what went to the files. A file that would outgrow FILE_LIMIT fails as a full disk does,
   * with the writer's words (`bash: echo: write error: ...`, `cat: write error: ...`): false then.
   */
  const flush = (writer = 'bash'): boolean => {
    let written = true;
    for (const f of files) {
      if (!f.chunks.length) continue;
      const joined = f.chunks.reduce((n, c) => n + c.length, 0) > FILE_LIMIT ? undefined : f.chunks.join('');
      const result = joined === undefined ? ({ ok: false, code: 'ENOSPC' } as const) : writeFile(rt.machine.fs(), f.path, joined, actor(), { append: f.append });
      if (result.ok) rt.machine.setFs(result.value);
      else if (result.code === 'ENOSPC') {
        io.stderr.write(`${writer}: write error: ${FS_MESSAGES.ENOSPC}\n`);
        written = false;
      }
      f.chunks = [];
    }
    return written;
  };
  return { streams: { stdin, stdout, stderr, stdoutIsTty, pipeFull: io.pipeFull, consume: stdin === io.stdin ? io.consume : undefined }, flush };
}

/** Who bash names when a command's write fails: itself for its builtins (`bash: echo`), else the program. */
function writerOf(rt: ShellRuntime, name: string): string {
  return rt.commands.get(name)?.dialect === bashBuiltin ? `bash: ${name}` : name;
}

/** A redirection that cannot open its file, in each shell's words (bash; ash `can't create`; dash `1: cannot create`). */
function redirectError(rt: ShellRuntime, target: string, verb: 'open' | 'create', reason: string): string {
  if (rt.flavor === 'ash') return `sh: can't ${verb} ${target}: ${reason}`;
  if (rt.flavor === 'dash') return `sh: 1: cannot ${verb} ${target}: ${reason}`;
  return `bash: ${target}: ${reason}`;
}

function fail(io: Streams, message: string): number {
  io.stderr.write(`${message}\n`);
  return 1;
}

/** What most commands are given: no assignments of their own words (`declare x=1` has some). */
const NO_ASSIGNMENTS: ReadonlyMap<string, ExpandedAssignment> = new Map();

function* runCommand(argv: string[], assigns: [string, string][], rt: ShellRuntime, io: Streams, assignments: ReadonlyMap<string, ExpandedAssignment> = NO_ASSIGNMENTS): Run<number> {
  const name = argv[0];
  // A program named by its path (/usr/bin/ls, /bin/echo) is the same command.
  const file = name.includes('/') ? resolvePath(rt.machine.shell().cwd, name) : undefined;
  const program = file === undefined ? undefined : rt.commands.get(file.slice(file.lastIndexOf('/') + 1));
  const spec = file === undefined ? rt.commands.get(name) : programPaths(program).includes(file) ? program : undefined;
  if (!spec) {
    if (file !== undefined) {
      const node = lookup(rt.machine.fs(), file);
      if (!node.ok) return cannotRun(rt, io, name, node.code === 'ENOENT' ? 'missing' : FS_MESSAGES[node.code]);
      return cannotRun(rt, io, name, node.value.kind === 'dir' ? 'Is a directory' : 'Permission denied');
    }
    return cannotRun(rt, io, name, 'not found');
  }

  const parsed = parseCommand(spec, argv.slice(1));
  if (parsed.kind === 'help') {
    io.stdout.write(spec.dialect.help(parsed.path, rt.tty?.cols));
    return spec.dialect.helpExitCode ?? 0;
  }
  if (parsed.kind === 'error') {
    const { message, exitCode } = spec.dialect.flagError(parsed.path, parsed.error);
    io.stderr.write(message);
    return exitCode;
  }
  const path = parsed.command.path;
  const target = path[path.length - 1];
  if (!target.run) {
    if (parsed.command.args.length && spec.dialect.unknownSubcommand) {
      const { message, exitCode } = spec.dialect.unknownSubcommand(path, parsed.command.args[0]);
      io.stderr.write(message);
      return exitCode;
    }
    io.stdout.write(spec.dialect.help(path, rt.tty?.cols));
    return 0;
  }
  const argError = spec.dialect.checkArgs?.(path, parsed.command.args);
  if (argError) {
    io.stderr.write(argError.message);
    return argError.exitCode;
  }

  const shell = rt.machine.shell();
  const env: Record<string, string> = {};
  for (const key of shell.exported) if (Object.prototype.hasOwnProperty.call(shell.vars, key)) env[key] = shell.vars[key];
  for (const [k, v] of assigns) env[k] = v;

  const budget = budgetOf(rt);
  const ctx: CommandContext = {
    argv,
    recording: Boolean(rt.record),
    services: rt.services ?? NO_SERVICES,
    command: parsed.command,
    stdin: io.stdin,
    tty: io.stdoutIsTty ? rt.tty : null,
    pipeFull: io.pipeFull,
    live: Boolean(rt.live) && io.stdoutIsTty,
    env,
    cwd: shell.cwd,
    out: (t) => {
      budget.spendText(t.length);
      io.stdout.write(t);
    },
    err: (t) => {
      budget.spendText(t.length);
      io.stderr.write(t);
    },
    world: () => rt.store.getState(),
    update: (change) => rt.store.setState(change(rt.store.getState()), true),
    usageError: (message) => {
      const { message: text, exitCode } = spec.dialect.usageError(path, message);
      io.stderr.write(text);
      return exitCode;
    },
    screen: (t) => rt.emit(t),
    machine: rt.machine,
    commands: rt.commands,
    requestExit: (code) => {
      rt.exitRequested = code;
    },
    consumeInput: (chars) => io.consume?.(chars),
    requestLoop: (kind, levels) => {
      const loops = rt.loops;
      if (!loops?.depth) return false;
      loops.pending = { kind, levels: Math.min(levels, loops.depth) };
      return true;
    },
    quietExit: Boolean(rt.quietExit),
    background: Boolean(rt.background),
    budget,
    language: new Language(rt, io, assignments),
  };

  try {
    const result = target.run(ctx);
    const code = isGenerator(result) ? yield* result : result;
    return code ?? 0;
  } catch (e) {
    // Ctrl-C, an exhausted budget, a failed allocation and bash's own jump back to the prompt end
    // the whole line, not just this command; so does a stack that runs out (a smaller one than
    // NESTING_LIMIT allows for), as a cut.
    if (e instanceof Interrupted || e instanceof OutOfMemory || e instanceof AbortLine) throw e;
    if (isStackOverflow(e)) throw new WorkExhausted();
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`${name}: internal simulator error: ${message}\n`);
    return 1;
  }
}

/**
 * A command that cannot run, worded as each shell words it: bash `bash: x: command not found`,
 * BusyBox ash `sh: x: not found`, dash `sh: 1: x: not found`; 127 when missing, 126 when not runnable.
 */
function cannotRun(rt: ShellRuntime, io: Streams, name: string, reason: 'not found' | 'missing' | string): number {
  if (reason === 'not found' && rt.notFound) {
    const { text, exitCode } = rt.notFound(name);
    io.stderr.write(text);
    return exitCode;
  }
  const missing = reason === 'not found' || reason === 'missing';
  const flavor = rt.flavor ?? 'bash';
  let text: string;
  if (flavor === 'bash') text = reason === 'not found' ? 'command not found' : reason === 'missing' ? 'No such file or directory' : reason;
  else text = missing ? 'not found' : 'Permission denied';
  const prefix = flavor === 'bash' ? 'bash: ' : flavor === 'dash' ? 'sh: 1: ' : 'sh: ';
  io.stderr.write(`${prefix}${name}: ${text}\n`);
  return missing || !/^(Is a directory|Permission denied)$/.test(reason) ? 127 : 126;
}

export function recordHistory(shell: ShellState, line: string): ShellState {
  const trimmed = line.replace(/\n+$/, '');
  if (!trimmed.trim() || /^\s/.test(trimmed)) return shell; // bash's ignorespace: a line starting with a space is not kept
  if (shell.history[shell.history.length - 1] === trimmed) return shell; // ignoredups
  const history = [...shell.history, trimmed];
  if (history.length > HISTORY_LIMIT) history.splice(0, history.length - HISTORY_LIMIT);
  return { ...shell, history };
}
