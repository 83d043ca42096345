// The small builtins that steer the shell itself: clear, true, false, exit.
import { bashBuiltin, gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

export const clear: CommandSpec = {
  name: 'clear',
  summary: 'clear the terminal screen',
  usage: '[options]',
  description: 'Clears the screen and its scrollback, leaving the prompt at the top.',
  dialect: gnu,
  flags: [{ long: '', short: 'x', type: 'bool', description: 'do not try to clear scrollback' }],
  run(ctx) {
    if (ctx.command.args.length) {
      ctx.err('Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n  -x          do not try to clear scrollback\n');
      return 1;
    }
    ctx.screen(ctx.command.flags.x ? '\x1b[H\x1b[2J' : '\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

export const trueBuiltin: CommandSpec = {
  name: 'true',
  summary: 'Return a successful result.',
  usage: '',
  dialect: bashBuiltin,
  builtinOnly: true,
  // `:` is the same null command (`while :; do ...; done`).
  aliases: [':'],
  rawArgs: true,
  helpIsArg: true,
  run: () => 0,
};

export const falseBuiltin: CommandSpec = {
  name: 'false',
  summary: 'Return an unsuccessful result.',
  usage: '',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  helpIsArg: true,
  run: () => 1,
};

export const exit: CommandSpec = {
  name: 'exit',
  summary: 'Exit the shell.',
  usage: '[n]',
  description: 'Exits the shell with a status of N.  If N is omitted, the exit status\nis that of the last command executed.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  run(ctx) {
    const [arg] = ctx.command.args;
    let code = ctx.machine.shell().lastExitCode;
    if (arg === '--help') {
      ctx.out(exit.dialect.help([exit]));
      return 2;
    }
    if (ctx.command.args.length > 1 && /^[-+]?\d+$/.test(arg)) {
      // Too many arguments: bash says so and stays.
      ctx.err('exit\nbash: exit: too many arguments\n');
      return 1;
    }
    if (arg !== undefined) {
      if (!/^[-+]?\d+$/.test(arg)) {
        ctx.err(`exit\nbash: exit: ${arg}: numeric argument required\n`);
        ctx.requestExit(2);
        return 2;
      }
      code = ((Number(arg) % 256) + 256) % 256;
    }
    if (!ctx.quietExit) ctx.err('exit\n');
    ctx.requestExit(code);
    return code;
  },
};

/** break and continue: leave (or go round again) the innermost N loops. */
function loopControl(kind: 'break' | 'continue'): CommandSpec {
  return {
    name: kind,
    summary: kind === 'break' ? 'Exit for, while, or until loops.' : 'Resume for, while, or until loops.',
    usage: '[n]',
    description: kind === 'break' ? 'Exit a FOR, WHILE or UNTIL loop.  If N is specified, break N enclosing\nloops.' : 'Resumes the next iteration of the enclosing FOR, WHILE or UNTIL loop.\nIf N is specified, resumes the Nth enclosing loop.',
    dialect: bashBuiltin,
    builtinOnly: true,
    rawArgs: true,
    helpIsArg: true,
    run(ctx) {
      const [arg] = ctx.command.args;
      // A bad count ends every enclosing loop, as in bash.
      const leaveAll = (code: number) => {
        ctx.requestLoop?.('break', Number.MAX_SAFE_INTEGER);
        return code;
      };
      if (ctx.command.args.length > 1) {
        ctx.err(`bash: ${kind}: too many arguments\n`);
        return leaveAll(1);
      }
      if (arg !== undefined && !/^[-+]?\d+$/.test(arg)) {
        ctx.err(`bash: ${kind}: ${arg}: numeric argument required\n`);
        return leaveAll(128);
      }
      const levels = arg === undefined ? 1 : Number(arg);
      if (levels < 1) {
        ctx.err(`bash: ${kind}: ${arg}: loop count out of range\n`);
        return leaveAll(1);
      }
      if (!ctx.requestLoop?.(kind, levels)) {
        ctx.err(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      }
      return 0;
    },
  };
}

export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');
