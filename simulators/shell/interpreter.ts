// Runs a parsed Script: expands words, wires pipes and redirections, finds each command's spec,
// parses its flags and runs its body. Everything is a generator so that a command waiting on
// simulated time (sleep, an image pull) suspends the whole line, and Ctrl-C can stop it anywhere.
import { parseCommand } from '../core/command/flags';
import type { CommandTable } from '../core/command/spec';
import { Interrupted, isGenerator, type CommandContext, type Effect } from '../core/process';
import { isStackOverflow, OutOfMemory, WorkExhausted, workBudget, type WorkBudget } from '../core/budget';
import type { WorldAccess } from '../world';
import { nextRandom } from '../core/random';
import { isCompound, type CompoundCommand, type Pipeline, type Redirect, type Script, type SimpleCommand } from './ast';
import { expandToString, expandWords, ExpansionError, type ExpandEnv } from './expand';
import { programPaths } from './commands';
import { FILE_LIMIT, FS_MESSAGES, lookup, lookupPath, resolvePath, writeFile } from './fs';
import { bashBuiltin } from '../core/command/dialects';
import type { Machine } from './machine';
import { parseHeredocBody } from './parser';
import { recorded } from './record';
import { NO_SERVICES, type Services } from '../core/services';
import { HISTORY_LIMIT, type ShellState } from '../world';

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
  /** Set by `exit`: stops the rest of the line. */
  exitRequested?: number;
  /** A script (`sh -c`, a RUN step) or BusyBox's ash: `exit` leaves without printing `exit` as bash at a prompt does. */
  quietExit?: boolean;
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
}

const budgetOf = (rt: ShellRuntime): WorkBudget => (rt.budget ??= workBudget());

/** What running one simple command costs, in budget units (its words and output are paid on top). */
const COMMAND_WORK = 40;

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
 * What a loop writes into a pipe before it counts as blocked by a reader that has gone (Linux's
 * pipe holds 64 KiB; a quarter of that keeps an endless writer such as `while true; do echo y;
 * done | head -2` well within the line's work budget).
 */
const PIPE_LIMIT = 16 * 1024;

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

export function* runScript(script: Script, rt: ShellRuntime, streams?: Streams): Run<number> {
  const io = streams ?? terminalStreams(rt);
  let code = rt.machine.shell().lastExitCode;
  const budget = budgetOf(rt);
  budget.enter();
  try {
    for (const item of script.items) {
      code = yield* runPipeline(item.first, rt, io);
      for (const next of item.rest) {
        if (rt.exitRequested !== undefined || rt.loops?.pending) break;
        if ((next.op === '&&') === (code === 0)) code = yield* runPipeline(next.pipeline, rt, io);
      }
      if (rt.exitRequested !== undefined) return rt.exitRequested;
      if (rt.loops?.pending) break;
    }
  } catch (e) {
    // A failed expansion (`${%x}`, `${X:?}`) ends the whole line, as in an interactive bash.
    if (!(e instanceof ExpansionError)) throw e;
    io.stderr.write(`${e.message}\n`);
    setExitCode(rt, 1);
    return 1;
  } finally {
    budget.leave();
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

function* runPipeline(pipeline: Pipeline, rt: ShellRuntime, io: Streams): Run<number> {
  let input = io.stdin;
  let code = 0;
  // Commands of a pipe run one after another, each reading what the previous one printed: our
  // commands finish on their own (streams end at Ctrl-C), so this gives bash's results.
  const piped = pipeline.commands.length > 1;
  for (let i = 0; i < pipeline.commands.length; i++) {
    budgetOf(rt).spend();
    const last = i === pipeline.commands.length - 1;
    const chunks: string[] = [];
    let bytes = 0;
    const stdout: Sink = last ? io.stdout : { write: (t) => (chunks.push(t), (bytes += t.length)) };
    const command = pipeline.commands[i];
    const streams: Streams = { stdin: input, stdout, stderr: io.stderr, stdoutIsTty: last && io.stdoutIsTty, pipeFull: last ? io.pipeFull : () => bytes > PIPE_LIMIT, consume: i === 0 ? io.consume : undefined };
    // Each command of a pipe is its own subshell: what it assigns, where it cds, a break inside it
    // stay there (`for ...; done | cat` leaves $i as it was).
    const saved = piped ? rt.machine.shell() : undefined;
    const loops = rt.loops;
    if (piped) rt.loops = loops ? { depth: loops.depth } : undefined;
    try {
      code = isCompound(command) ? yield* runBlock(command, rt, streams) : yield* runSimple(command, rt, streams);
    } finally {
      if (saved) {
        rt.machine.setShell((s) => ({ ...saved, history: s.history }));
        rt.loops = loops;
        if (rt.exitRequested !== undefined) rt.exitRequested = undefined;
      }
    }
    input = chunks.join('');
    if (rt.exitRequested !== undefined) break;
  }
  if (pipeline.negate) code = code === 0 ? 1 : 0;
  setExitCode(rt, code);
  return code;
}

/** A block with its redirections applied around it. */
function* runBlock(command: CompoundCommand, rt: ShellRuntime, io: Streams): Run<number> {
  if (!command.redirects.length) return yield* runCompound(command, rt, io);
  const opened = yield* openRedirects(command.redirects, rt, io, expandEnv(rt, io));
  if (typeof opened === 'number') return opened;
  let code: number;
  try {
    code = yield* runCompound(command, rt, opened.streams);
  } catch (e) {
    opened.flush();
    throw e;
  }
  return opened.flush() ? code : 1;
}

/** if / while / until / for, running their lists with the same streams. */
function* runCompound(command: CompoundCommand, rt: ShellRuntime, io: Streams): Run<number> {
  if (command.kind === 'if') {
    for (const clause of command.clauses) {
      const test = yield* runScript(clause.condition, rt, io);
      if (rt.exitRequested !== undefined || rt.loops?.pending) return test;
      if (test === 0) return yield* runScript(clause.body, rt, io);
    }
    return command.otherwise ? yield* runScript(command.otherwise, rt, io) : 0;
  }
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
    if (rt.exitRequested !== undefined) return 'stop';
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
      const values = yield* expandWords(command.words, expandEnv(rt, io));
      for (const value of values) {
        rt.machine.setShell((s) => assignVar(s, command.name, value));
        code = yield* runScript(command.body, rt, at());
        if (afterPass() === 'stop') break;
        if (io.pipeFull?.()) return 141;
        yield* loopPass(rt);
      }
      return code;
    }
    for (;;) {
      const test = yield* runScript(command.condition, rt, at());
      if (rt.exitRequested !== undefined) break;
      if (loops.pending) {
        if (afterPass() === 'stop') break;
        continue;
      }
      if ((test === 0) !== (command.kind === 'while')) break;
      code = yield* runScript(command.body, rt, at());
      if (afterPass() === 'stop') break;
      if (io.pipeFull?.()) return 141;
      yield* loopPass(rt);
    }
    return code;
  } finally {
    loops.depth--;
  }
}

function expandEnv(rt: ShellRuntime, io: Streams, assigned: ReadonlyMap<string, string> = new Map()): ExpandEnv {
  return {
    lookup: (name) => (assigned.has(name) ? assigned.get(name) : lookupVar(rt, name)),
    assign: (name, value) => rt.machine.setShell((s) => assignVar(s, name, value)),
    home: () => rt.machine.identity().home,
    fs: () => rt.machine.fs(),
    cwd: () => rt.machine.shell().cwd,
    substitute: (script) => substitute(script, rt),
    budget: budgetOf(rt),
    warn: (message) => io.stderr.write(`${message}\n`),
  };
}

function lookupVar(rt: ShellRuntime, name: string): string | undefined {
  const shell = rt.machine.shell();
  switch (name) {
    case '?':
      return String(shell.lastExitCode);
    case '$':
      return String(PID);
    case '#':
      return '0';
    case '0':
      return 'bash';
    case '@':
    case '*':
    case '!':
      return '';
    case '-':
      return 'himBHs';
    case 'RANDOM': {
      const world = rt.store.getState();
      const [value, rng] = nextRandom(world.rng);
      rt.store.setState({ ...world, rng }, true);
      return String(Math.floor(value * 32768));
    }
  }
  if (/^[1-9]$/.test(name)) return undefined;
  return Object.prototype.hasOwnProperty.call(shell.vars, name) ? shell.vars[name] : undefined;
}

export function assignVar(shell: ShellState, name: string, value: string, exported = false): ShellState {
  const vars = { ...shell.vars };
  Object.defineProperty(vars, name, { value, enumerable: true, writable: true, configurable: true });
  const exportedNames = exported && !shell.exported.includes(name) ? [...shell.exported, name] : shell.exported;
  return { ...shell, vars, exported: exportedNames };
}

function* substitute(script: Script, rt: ShellRuntime): Run<string> {
  const chunks: string[] = [];
  const sink = { write: (t: string) => chunks.push(t) };
  rt.substitutionStatus = yield* runScript(script, rt, { stdin: null, stdout: sink, stderr: terminalStreams(rt).stderr, stdoutIsTty: false });
  return chunks.join('');
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
  const argv = yield* expandWords(cmd.words, env);
  const assigns: [string, string][] = [];
  for (const a of cmd.assigns) {
    const value = yield* expandToString(a.value, env);
    assigns.push([a.name, value]);
    assigned.set(a.name, value);
  }

  const opened = yield* openRedirects(cmd.redirects, rt, io, env);
  if (typeof opened === 'number') return opened;
  const { streams, flush } = opened;

  let code: number;
  try {
    if (argv.length === 0) {
      for (const [name, value] of assigns) rt.machine.setShell((s) => assignVar(s, name, value));
      // `x=$(cmd)` alone has the status of its last command substitution (`if out=$(grep ...)`).
      code = rt.substitutionStatus ?? 0;
    } else {
      const run = runCommand(argv, assigns, rt, streams);
      code = yield* rt.record ? recorded(rt.store, rt.machine, argv, run) : run;
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

function* runCommand(argv: string[], assigns: [string, string][], rt: ShellRuntime, io: Streams): Run<number> {
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
    budget,
  };

  try {
    const result = target.run(ctx);
    const code = isGenerator(result) ? yield* result : result;
    return code ?? 0;
  } catch (e) {
    // Ctrl-C, an exhausted budget and a failed allocation end the whole line, not just this command;
    // so does a stack that runs out (a smaller one than NESTING_LIMIT allows for), as a cut.
    if (e instanceof Interrupted || e instanceof OutOfMemory) throw e;
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
