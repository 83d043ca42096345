// A command line started in a shell, stepped by whoever drives it: session.run() steps it to the
// end at once; the browser terminal steps it in real time. Steps report what the line waits for.
import { Interrupted, type Effect, type ShellProcess, type Step } from '../core/process';
import { isStackOverflow, OutOfMemory, WorkExhausted, workBudget } from '../core/budget';
import { recordHistory, runScript, type ShellRuntime } from './interpreter';
import { parseScript } from './parser';

export type { ShellProcess, Step } from '../core/process';

/** A line that ran to its end at once (a REPL's answer): `exitShell` when it left the prompt. */
export function finishedProcess(code: number, exitShell = false): ShellProcess {
  const done: Step = { kind: 'exit', code, exitShell };
  return { resume: () => done, interrupt: () => done };
}

function* topLevel(line: string, rt: ShellRuntime): Generator<Effect, number, string | null> {
  const parsed = parseScript(line);
  if (parsed.kind === 'error' && parsed.keepStatus) {
    // bash's errors inside `[[ ]]` leave $? as it was (and `[[ ]]` alone says nothing).
    if (parsed.message) rt.emit(`${parsed.message}\n`);
    return rt.machine.shell().lastExitCode;
  }
  if (parsed.kind !== 'ok') {
    rt.emit(parsed.kind === 'incomplete' ? `bash: ${parsed.message}\n` : `${parsed.message}\n`);
    return 2;
  }
  return yield* runScript(parsed.script, rt);
}

/**
 * Starts `line` in a shell. The line gets its own work budget here, which every level of it
 * shares (loops, substitutions, pipes, shells and programs inside containers).
 */
export function startLine(line: string, base: Omit<ShellRuntime, 'budget'>): ShellProcess {
  const rt: ShellRuntime = Object.assign(base, { budget: workBudget() });
  rt.machine.setShell((s) => recordHistory(s, line));
  const gen = topLevel(line, rt);
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
      return { kind: 'read', raw: Boolean(effect.raw) };
    } catch (e) {
      // Work past the budget (or past the stack) is cut as Ctrl-C is: the terminal shows ^C where the line stopped.
      if (e instanceof WorkExhausted || isStackOverflow(e)) {
        rt.emit('^C\n');
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
  };
}
