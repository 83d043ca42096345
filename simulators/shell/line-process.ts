// A running line (or a job) as its driver sees it: the interpreter's generator wrapped into a
// ShellProcess whose steps say what it waits for. Work past the line's budget, a stack that runs
// out, Ctrl-C and a failed allocation all end it here the way bash would; any other failure ends
// it with one plain line rather than a broken terminal.
import { Interrupted, type Effect, type ShellProcess, type Step } from '../core/process';
import { isStackOverflow, OutOfMemory, WorkExhausted } from '../core/budget';
import type { Machine } from './machine';
import type { ShellState } from '../world';

/**
 * The machine as a forked process sees it: the same files, identity and clock, but a shell state
 * of its own from `state` on, so a job's `cd` or `x=1` never reaches the shell that started it.
 */
export function forkMachine(machine: Machine, state: ShellState = machine.shell()): Machine {
  let shell = state;
  return {
    place: machine.place,
    fs: () => machine.fs(),
    setFs: (fs) => machine.setFs(fs),
    shell: () => shell,
    setShell: (change) => {
      shell = change(shell);
    },
    identity: () => machine.identity(),
    now: () => machine.now(),
    processes: () => machine.processes(),
    selfPid: machine.selfPid,
    childPid: () => machine.childPid(),
    containerId: machine.containerId,
  };
}

/** What a running line needs of the shell that runs it (the interpreter's ShellRuntime has these). */
export interface LineRuntime {
  machine: Machine;
  emit(text: string): void;
  /** Set when the line ran `exit`. */
  exitRequested?: number;
}

/**
 * Wraps `gen`, which runs in `rt`, as a process (`job`: one started with `&`). `$?` is set from its status when it ends; the
 * line's `exit` is reported so the shell it ran in can end.
 */
export function lineProcess(gen: Generator<Effect, number, string | null>, rt: LineRuntime, options: { job?: boolean } = {}): ShellProcess {
  let done: Step | undefined;

  const finish = (code: number): Step => {
    if (rt.machine.shell().lastExitCode !== code) rt.machine.setShell((s) => ({ ...s, lastExitCode: code }));
    done = { kind: 'exit', code, exitShell: rt.exitRequested !== undefined };
    return done;
  };
  const step = (advance: () => IteratorResult<Effect, number>): Step => {
    if (done) return done;
    try {
      const r = advance();
      if (r.done) return finish(r.value);
      const effect = r.value;
      if (effect.type === 'wait') return { kind: 'wait', ms: Math.max(0, effect.ms), stream: Boolean(effect.stream), ready: effect.ready };
      if (effect.type === 'shell') return { kind: 'shell', shell: effect.shell };
      return { kind: 'read', raw: Boolean(effect.raw), ...(effect.takeover ? { takeover: true } : {}) };
    } catch (e) {
      // Work past the budget (or past the stack) is cut as Ctrl-C is: the terminal shows ^C where the line stopped.
      if (e instanceof WorkExhausted || isStackOverflow(e)) {
        // A job has no terminal of its own to echo ^C: its notice says how it ended.
        if (!options.job) rt.emit('^C\n');
        return finish(130);
      }
      if (e instanceof Interrupted) return finish(130);
      if (e instanceof OutOfMemory) {
        rt.emit(`bash: ${e.message}\n`);
        return finish(2);
      }
      rt.emit(`berth: internal simulator error: ${e instanceof Error ? e.message : String(e)} (your files and history are kept)\n`);
      return finish(1);
    }
  };
  return {
    resume: (input = null) => step(() => gen.next(input)),
    interrupt: () => step(() => gen.throw(new Interrupted())),
    detach(write) {
      rt.machine = forkMachine(rt.machine);
      rt.emit = write;
    },
  };
}
