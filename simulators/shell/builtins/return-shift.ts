// return and shift: leaving a function (or a sourced file), and moving its arguments along.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandContext } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { AbortLine, bashNumber } from '../language';

/** The count argument of return and shift: `--` first is skipped; one more argument ends the line, as in bash. */
function countArgument(ctx: CommandContext, name: string): { text?: string; value?: bigint; bad?: boolean } {
  const args = [...ctx.command.args];
  if (args[0] === '--') args.shift();
  if (!args.length) return {};
  const value = bashNumber(args[0]);
  if (value === undefined) {
    ctx.err(`bash: ${name}: ${args[0]}: numeric argument required\n`);
    return { text: args[0], bad: true };
  }
  if (args.length > 1) throw new AbortLine(`bash: ${name}: too many arguments`);
  return { text: args[0], value };
}

export const returnBuiltin: CommandSpec = {
  name: 'return',
  summary: 'Return from a shell function.',
  usage: '[n]',
  description:
    'Causes a function or sourced script to exit with the return value\nspecified by N.  If N is omitted, the return status is that of the\nlast command executed within the function or script.\n\nExit Status:\nReturns N, or failure if the shell is not executing a function or script.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  run(ctx) {
    const count = countArgument(ctx, 'return');
    const code = count.bad ? 2 : count.value === undefined ? ctx.machine.shell().lastExitCode : Number(BigInt.asUintN(8, count.value));
    if (!ctx.language?.requestReturn(code)) {
      ctx.err("bash: return: can only `return' from a function or sourced script\n");
      return 2;
    }
    return code;
  },
};

export const shift: CommandSpec = {
  name: 'shift',
  summary: 'Shift positional parameters.',
  usage: '[n]',
  description: 'Rename the positional parameters $N+1,$N+2 ... to $1,$2 ...  If N is\nnot given, it is assumed to be 1.\n\nExit Status:\nReturns success unless N is negative or greater than $#.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  run(ctx) {
    const count = countArgument(ctx, 'shift');
    if (count.bad) return 1;
    const n = count.value ?? 1n;
    if (n < 0n) {
      ctx.err(`bash: shift: ${count.text}: shift count out of range\n`);
      return 1;
    }
    const params = ctx.language?.positional() ?? [];
    // Past $# nothing moves, silently (bash's shift_verbose is off).
    if (n > BigInt(params.length)) return 1;
    ctx.language?.setPositional(params.slice(Number(n)));
    return 0;
  },
};
