// Running a command line inside a workload, with the same shell the laptop uses, over the
// workload's machine and commands.
import type { Services } from '../../core/services';
import type { CommandTable } from '../../core/command/spec';
import type { Effect } from '../../core/process';
import type { WorkBudget } from '../../core/budget';
import type { Machine } from '../../shell/machine';
import { runScript, type ShellRuntime } from '../../shell/interpreter';
import { parseScript } from '../../shell/parser';
import type { WorldAccess } from '../../world';

export interface WorkloadRunOptions {
  emit(text: string): void;
  /** Where the command's stderr goes; with none it shares `emit` (a terminal shows both). */
  emitErr?(text: string): void;
  /** Input for the command (`docker run -i` fed from a pipe). */
  stdin?: string | null;
  tty: { cols: number; rows: number } | null;
  /** The work budget to spend from: the line's when a learner's line runs it, else one of its own. */
  budget?: WorkBudget;
  /** What the session composed (the network for curl inside); none: nothing answers. */
  services?: Services;
}

/** Runs `line` as a shell would inside the workload, suspending on simulated waits. */
export function* runInWorkload(store: WorldAccess, machine: Machine, commands: CommandTable, line: string, options: WorkloadRunOptions): Generator<Effect, number, string | null> {
  // Its `sh`: BusyBox's ash in alpine and busybox images, dash in Debian and Ubuntu ones.
  const flavor = machine.identity().userland === 'busybox' ? 'ash' : 'dash';
  const rt: ShellRuntime = { store, machine, commands, tty: options.tty, emit: options.emit, quietExit: true, flavor, budget: options.budget, services: options.services };
  const parsed = parseScript(line);
  if (parsed.kind !== 'ok') {
    options.emit(`sh: syntax error: ${parsed.kind === 'incomplete' ? 'unexpected end of file' : parsed.message.replace(/^bash: syntax error /, '')}\n`);
    return 2;
  }
  const err = options.emitErr;
  if (!err) return yield* runScript(parsed.script, rt);
  return yield* runScript(parsed.script, rt, { stdin: options.stdin ?? null, stdout: { write: options.emit }, stderr: { write: err }, stdoutIsTty: options.tty !== null });
}
