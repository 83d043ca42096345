// The small builtins that steer the shell itself: clear, true, false, exit.
import { bashBuiltin, gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

export const clear: CommandSpec = {
  name: 'clear',
  summary: 'clear the terminal screen',
  usage: '',
  description: 'Clears the screen and its scrollback, leaving the prompt at the top.',
  dialect: gnu,
  run(ctx) {
    ctx.screen('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

export const trueBuiltin: CommandSpec = {
  name: 'true',
  summary: 'Return a successful result.',
  usage: '',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  run: () => 0,
};

export const falseBuiltin: CommandSpec = {
  name: 'false',
  summary: 'Return an unsuccessful result.',
  usage: '',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
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
    if (arg !== undefined) {
      if (!/^[-+]?\d+$/.test(arg)) {
        ctx.err(`exit\nbash: exit: ${arg}: numeric argument required\n`);
        ctx.requestExit(2);
        return 2;
      }
      code = ((Number(arg) % 256) + 256) % 256;
    }
    ctx.err('exit\n');
    ctx.requestExit(code);
    return code;
  },
};
