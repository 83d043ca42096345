import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

export const pwd: CommandSpec = {
  name: 'pwd',
  summary: 'Print the name of the current working directory.',
  usage: '[-LP]',
  dialect: bashBuiltin,
  builtinOnly: true,
  flags: [
    { long: '', short: 'L', type: 'bool', description: 'print the value of $PWD if it names the current working directory' },
    { long: '', short: 'P', type: 'bool', description: 'print the physical directory, without any symbolic links' },
  ],
  run(ctx) {
    ctx.out(`${ctx.machine.shell().cwd}\n`);
    return 0;
  },
};
