// Running another program from a command, as execvp does for xargs and find -exec: only programs
// (a file in PATH: docker, ls, echo...), never bash's own builtins such as cd or a shell function,
// with its own standard input. The program runs through the shell runtime, so whatever it is
// (docker, a container's shell, later kubectl) behaves and is recorded as if typed.
import { accessFrom } from '../../core/store';
import type { CommandContext, Effect } from '../../core/process';
import { programPaths } from '../commands';
import { lookup, resolvePath } from '../fs';
import { runScript, type ShellRuntime } from '../interpreter';
import { parseScript } from '../parser';

/** Why a program could not start, as execvp's errno says it. */
export type NotRun = 'ENOENT' | 'EACCES';

/** A word the shell reads back unchanged, whatever it holds. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Whether `name` is a program this machine could exec, or why not. */
export function findProgram(ctx: CommandContext, name: string): NotRun | undefined {
  if (name === '') return 'ENOENT';
  if (!name.includes('/')) {
    const spec = ctx.commands.get(name);
    return spec && programPaths(spec).length ? undefined : 'ENOENT';
  }
  const file = resolvePath(ctx.machine.shell().cwd, name);
  const spec = ctx.commands.get(file.slice(file.lastIndexOf('/') + 1));
  if (spec && programPaths(spec).includes(file)) return undefined;
  const node = lookup(ctx.machine.fs(), file);
  return node.ok ? 'EACCES' : 'ENOENT';
}

/**
 * Runs `argv` (its program already found by findProgram) with `stdin` as its standard input (''
 * for /dev/null), writing to the command's own stdout and stderr. Returns its exit status.
 */
export function* runProgram(ctx: CommandContext, argv: readonly string[], stdin: string | null): Generator<Effect, number, string | null> {
  const parsed = parseScript(argv.map(quote).join(' '));
  if (parsed.kind !== 'ok') return 127;
  const rt: ShellRuntime = {
    store: accessFrom(ctx),
    machine: ctx.machine,
    commands: ctx.commands,
    tty: ctx.tty,
    emit: (t) => ctx.out(t),
    quietExit: true,
    record: ctx.recording,
    services: ctx.services,
    budget: ctx.budget,
  };
  return yield* runScript(parsed.script, rt, { stdin, stdout: { write: (t) => ctx.out(t) }, stderr: { write: (t) => ctx.err(t) }, stdoutIsTty: ctx.tty !== null, pipeFull: ctx.pipeFull });
}
