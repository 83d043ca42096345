// Running watch's command as `sh -c` does (Ubuntu's sh is dash): its standard output and error
// caught together, as watch reads them from one pipe, its standard input empty, and in a child of
// its own, so a `cd` or a variable it sets is gone when it ends.
import { workBudget, WorkExhausted } from '../../core/budget';
import type { CommandContext, Effect } from '../../core/process';
import { accessFrom } from '../../core/store';
import { runScript, type ShellRuntime } from '../interpreter';
import { parseScript } from '../parser';

/** A word the shell reads back as it is. */
export const shellQuote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * Runs `line` and returns what it printed and its status. Each run has a work budget of its own:
 * watch runs its command for as long as the learner looks, and a runaway one is cut (status 130)
 * without ending watch. `record` puts its commands in the record of commands.
 */
export function* runCaptured(ctx: CommandContext, line: string, record: boolean): Generator<Effect, { output: string; status: number }, string | null> {
  let output = '';
  const write = (t: string) => {
    output += t;
  };
  const parsed = parseScript(line);
  if (parsed.kind !== 'ok') {
    const reason = parsed.kind === 'incomplete' ? 'end of file unexpected' : parsed.message.replace(/^bash: syntax error /, '');
    return { output: `sh: 1: Syntax error: ${reason}\n`, status: 2 };
  }
  const rt: ShellRuntime = {
    store: accessFrom(ctx),
    machine: ctx.machine,
    commands: ctx.commands,
    tty: null,
    emit: write,
    quietExit: true,
    flavor: 'dash',
    record,
    services: ctx.services,
    budget: workBudget(),
  };
  const saved = ctx.machine.shell();
  try {
    const status = yield* runScript(parsed.script, rt, { stdin: '', stdout: { write }, stderr: { write }, stdoutIsTty: false });
    return { output, status };
  } catch (e) {
    if (e instanceof WorkExhausted) return { output, status: 130 };
    throw e;
  } finally {
    ctx.machine.setShell((s) => ({ ...saved, history: s.history }));
  }
}
