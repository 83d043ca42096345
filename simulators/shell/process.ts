// A command line started in a shell, stepped by whoever drives it: session.run() steps it to the
// end at once; the browser terminal steps it in real time. Steps report what the line waits for.
import type { Effect, ShellProcess, Step } from '../core/process';
import { workBudget } from '../core/budget';
import { lineProcess } from './line-process';
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
  return lineProcess(topLevel(line, rt), rt);
}
